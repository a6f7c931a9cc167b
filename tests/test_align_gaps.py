"""Affine gaps in the alignment DP: a run of k left-out sentences costs skip + (k - 1) * skip_extend."""
from __future__ import annotations

import dataclasses
import functools
import random

import numpy as np
import pytest

from mt.align import align_documents
from mt.align.dp import WITH_MT, AlignParams, _dp, _Lengths
from mt.align.metrics import beads_to_pairs
from mt.segment import segment_lines


def _path_cost(path, table, skip, ext, fx, fy):
    """Cost of a path of 1-1 / 1-0 / 0-1 steps: 1-1 beads cost table[i, j]; each maximal run of 1-0
    (or of 0-1) steps of length k costs skip + (k - 1) * ext, each step times its sentence's factor
    (fx[i] for source sentence i, fy[j] for target sentence j: AlignParams.skip_letters)."""
    total, i, j, prev = 0.0, 0, 0, None
    for step in path:
        if step == (1, 1):
            total += table[i, j]
        else:
            total += (ext if step == prev else skip) * (fx[i] if step == (1, 0) else fy[j])
        prev = step
        i, j = i + step[0], j + step[1]
    return total


def _brute_force(table, skip, ext, fx, fy):
    n, m = table.shape

    @functools.lru_cache(maxsize=None)
    def best(i, j, prev):  # cheapest way from (i, j) to (n, m), the last step taken being prev
        if (i, j) == (n, m):
            return 0.0
        options = []
        if i < n and j < m:
            options.append(table[i, j] + best(i + 1, j + 1, (1, 1)))
        if i < n:
            options.append((ext if prev == (1, 0) else skip) * fx[i] + best(i + 1, j, (1, 0)))
        if j < m:
            options.append((ext if prev == (0, 1) else skip) * fy[j] + best(i, j + 1, (0, 1)))
        return min(options)

    return best(0, 0, None)


@pytest.mark.parametrize("scaled", [False, True])
def test_affine_gap_search_finds_the_cheapest_path(scaled):
    """scaled: each sentence's skip cost times a random factor in [0, 1] (as AlignParams.skip_letters gives)."""
    rng = random.Random(7 + scaled)
    for trial in range(60):
        n, m = rng.randint(1, 6), rng.randint(1, 6)
        table = np.array([[rng.uniform(-6.0, 8.0) for _ in range(m)] for _ in range(n)])
        skip = rng.uniform(1.0, 6.0)
        ext = rng.choice([None, rng.uniform(0.0, skip)])
        fx, fy = ([rng.choice([1.0, rng.uniform(0.0, 1.0)]) if scaled else 1.0 for _ in range(k)] for k in (n, m))
        # 1-1 beads only, scored by the table alone
        params = AlignParams(max_bead=1, skip=skip, skip_extend=ext, len_weight=0.0, size_exponent=0.0)
        zf = lambda rows, na, cols, nb: -table[rows[:, None] - 1, cols - 1]  # noqa: E731
        lo, hi = np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64)
        factors = (np.array(fx), np.array(fy)) if scaled else (None, None)
        path = _dp(zf, _Lengths(np.ones(n)), _Lengths(np.ones(m)), n, m, lo, hi, params, 1.0, *factors)
        assert sum(a for a, _ in path) == n and sum(b for _, b in path) == m
        e = skip if ext is None else ext
        assert abs(_path_cost(path, table, skip, e, fx, fy) - _brute_force(table, skip, e, tuple(fx), tuple(fy))) < 1e-9, (trial, path)


DE = ["Am 9. Mai erreichten Imanishi und der Sherpa Gyalzen den Gipfel.",
      "Zwei Tage später standen auch Kato und Higeta oben.",
      "Der Gipfel besteht aus vier Türmen, der höchste ist sehr spitz.",
      "Die Expedition kehrte Ende Mai nach Kathmandu zurück.",
      "Im Herbst versuchte eine britische Gruppe den Westgrat.",
      "Schlechtes Wetter zwang sie jedoch zur Umkehr."]
MT = ["Le 9 mai, Imanishi et le sherpa Gyalzen ont atteint le sommet.",
      "Deux jours plus tard, Kato et Higeta étaient aussi en haut.",
      "Le sommet se compose de quatre tours, la plus haute est très pointue.",
      "L'expédition est retournée à Katmandou fin mai.",
      "En automne, un groupe britannique a tenté l'arête ouest.",
      "Le mauvais temps les a cependant forcés à faire demi-tour."]
CAPTIONS = ["Photo Fondation suisse", "Lhotse ( 8501 m ) vu du sud", "12 - Photo R. Angst", "Expédition suisse 1956",
            "- _ -", "Face SO ( voir le croquis )", "13 - Photo Indian Air Force", "Arête nord , vue du sommet",
            "Tour de Muztagh et Black Tooth", "Gasherbrum II , III , IV", "718 - Photo G. O. Dyhrenfurth",
            "Sia Kangri ( env. 7315 m )", "f r", "Kangchenjunga , face SO", "Thyangboché ; sur le pré du monastère"]
FR = ["Le sommet fut atteint le 9 mai par Imanishi et le sherpa Gyalzen.",
      "Deux jours plus tard, Kato et Higeta touchaient à leur tour le point culminant.",
      "Le sommet est formé de quatre tours ; la plus haute est très pointue.",
      *CAPTIONS,
      "L' expédition rentra à Katmandou à la fin de mai .",
      "En automne , un groupe britannique tenta l' arête ouest .",
      "Mais le mauvais temps les força à faire demi-tour ."]


def _partners_kept(pairs) -> list[bool]:
    """For each German sentence: is its French sentence in its bead?"""
    partner = {i: i if i < 3 else i + len(CAPTIONS) for i in range(len(DE))}
    return [any(i in s and partner[i] in t for s, t in pairs) for i in range(len(DE))]


def test_a_block_of_captions_the_source_lacks_is_left_out_as_one_gap():
    """A page of photo captions between two paragraphs (as in the Alpine Club yearbooks): paying the full
    skip cost for each of 15 lines, the aligner shifted the next three sentences into the captions; as one
    gap it keeps every sentence with its translation and leaves the middle of the block out."""
    s, t = segment_lines(DE, "de", True), segment_lines(FR, "fr", True)
    flat = beads_to_pairs(align_documents(s, t, mt=MT, params=dataclasses.replace(WITH_MT, skip_extend=None)).beads)
    assert not all(_partners_kept(flat)), flat
    pairs = beads_to_pairs(align_documents(s, t, mt=MT, params=dataclasses.replace(WITH_MT, skip_extend=5.0)).beads)
    assert all(_partners_kept(pairs)), pairs
    left_out = {j for s_, t_ in pairs if not s_ for j in t_}
    assert set(range(7, 15)) <= left_out, pairs
