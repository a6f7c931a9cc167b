"""The length-merge pass (mt.align.refine): adjacent beads whose lengths balance only together are merged."""
from __future__ import annotations

import dataclasses

import numpy as np

from mt.align import align_documents
from mt.align.dp import WITH_MT
from mt.align.refine import merge_by_length
from mt.segment import segment_lines


def _ones(n: int) -> list[tuple[range, range]]:
    return [(range(i, i + 1), range(i, i + 1)) for i in range(n)]


def _lengths(n: int, seed: int = 0, spread: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.uniform(60, 200, n)
    return x, x * np.exp(rng.normal(0.0, spread, n))


def test_a_moved_clause_is_merged_back_and_nothing_else():
    x, y = _lengths(30)
    # beads 10 and 11: source 10 carries a clause its target lacks, which opens target 11
    x[10], y[10], x[11], y[11] = 180.0, 100.0, 60.0, 140.0
    out = merge_by_length(_ones(30), x, y, 8.0)
    assert (range(10, 12), range(10, 12)) in out
    assert len(out) == 29
    assert merge_by_length(_ones(30), x, y, 0.0) == _ones(30)  # 0: off


def test_two_beads_are_never_merged_into_the_whole_document():
    # the expected ratio is the document's own, which one bead for everything meets trivially: 2 German lines
    # against 4 English ones (the last two with no counterpart) came out as one 2-4 bead
    x, y = np.array([53.0, 52.0]), np.array([45.0, 117.0])
    spans = [(range(0, 1), range(0, 1)), (range(1, 2), range(1, 4))]
    assert merge_by_length(spans, x, y, 3.0) == spans
    src = segment_lines(["Die Regierung hat am Montag den Haushalt beschlossen.",
                         "Der Finanzminister sprach von einem schwierigen Jahr."], "de", True)
    tgt = segment_lines(["The government adopted the budget on Monday.", "The finance minister spoke of a difficult year.",
                         "Opposition leaders criticised the plan.", "The vote is expected next week."], "en", True)
    beads = [(b.src, b.tgt) for b in align_documents(src, tgt).beads]
    assert tuple(beads[0]) == ((0,), (0,)) and len(beads) >= 2


def test_the_threshold_is_in_units_of_the_documents_own_length_spread():
    # the same two beads in a document whose translations vary much more in length: not a merge
    x, y = _lengths(30, spread=0.6)
    x[10], y[10], x[11], y[11] = 180.0, 100.0, 60.0, 140.0
    assert len(merge_by_length(_ones(30), x, y, 8.0)) == 30


def test_left_out_sentences_and_size_limit():
    x, y = _lengths(12)
    spans = _ones(12)
    # a left-out source sentence next to a bead whose target is too long: never glued on by length
    spans[5] = (range(5, 6), range(5, 5))
    spans[6] = (range(6, 7), range(5, 7))
    y[5:7] = x[6] * 2.0
    assert merge_by_length(spans, x, y, 8.0)[5] == (range(5, 6), range(5, 5))
    # a merge that would exceed max_side sentences a side is not made
    x2, y2 = _lengths(10, seed=1)
    big = [(range(0, 3), range(0, 3)), (range(3, 6), range(3, 6))] + [(range(i, i + 1), range(i, i + 1)) for i in range(6, 10)]
    x2[0:3], y2[0:3], x2[3:6], y2[3:6] = 200.0, 100.0, 60.0, 160.0
    assert len(merge_by_length(big, x2, y2, 2.0, max_side=5)) == len(big)
    assert len(merge_by_length(big, x2, y2, 2.0, max_side=6)) == len(big) - 1


# Our own small story: the German fourth sentence's second clause ('tastend ... über den Gletscher') opens the
# fifth French sentence, and its MT is poor ('commutation clés ...'), so the DP pairs each sentence with its
# best single partner; the lengths (MT 4 long / French 4 short, MT 5 short / French 5 long) give the 2-2 away, and
# the clause's number, which German and French share, shows content crossing the boundary (the gate).
DE = ["Am Montag brachen wir früh vom Dorf auf.", "Der Weg führte zuerst durch einen dichten Wald.",
      "Nach drei Stunden erreichten wir die Hütte am See.", "Dort tranken wir Tee und ruhten uns aus.",
      "Am nächsten Morgen war das Wetter klar, und tastend stiegen wir 6 Stunden lang über den Gletscher.",
      "Oben blieben wir nur kurz.", "Der Abstieg über den Nordgrat war schwierig.",
      "Erst am Abend kamen wir müde wieder zur Hütte zurück.", "Zwei Tage später fuhren wir mit dem Bus nach Hause.",
      "Die Reise hatte insgesamt eine Woche gedauert."]
MT = ["Lundi, nous sommes partis tôt du village.", "Le chemin passait d'abord par une forêt dense.",
      "Après trois heures, nous avons atteint la cabane près du lac.", "Là, nous avons bu du thé et nous nous sommes reposés.",
      "Le lendemain matin, le temps était clair, et commutation clés nous avons augmenté pendant un long moment.",
      "En haut, nous ne sommes restés que brièvement.", "La descente par l'arête nord était difficile.",
      "Ce n'est que le soir que nous sommes revenus fatigués à la cabane.",
      "Deux jours plus tard, nous sommes rentrés chez nous en bus.", "Le voyage avait duré une semaine en tout."]
FR = ["Lundi, nous quittâmes le village de bonne heure.", "Le sentier traversait d'abord une forêt épaisse.",
      "Au bout de trois heures, nous arrivâmes à la cabane du lac.", "Nous y bûmes du thé et prîmes du repos.",
      "Le lendemain matin, le temps était clair.",
      "Nous montâmes à tâtons par le glacier durant 6 heures ; en haut, nous ne restâmes que peu de temps.",
      "La descente par l'arête nord fut difficile.", "Le soir seulement, nous revînmes fatigués à la cabane.",
      "Deux jours plus tard, nous rentrâmes en bus.", "Le voyage avait duré une semaine en tout."]


def test_mt_alignment_merges_a_split_two_two_bead():
    src, tgt = segment_lines(DE, "de", True), segment_lines(FR, "fr", True)
    gold = [((i,), (i,)) for i in range(4)] + [((4, 5), (4, 5))] + [((i,), (i,)) for i in range(6, 10)]
    split = align_documents(src, tgt, mt=MT, params=dataclasses.replace(WITH_MT, length_merge=0.0))
    assert ((4,), (4,)) in [(b.src, b.tgt) for b in split.beads]  # without the pass: split into 1-1 beads
    assert WITH_MT.length_merge > 0 and WITH_MT.length_merge_cross is not None
    assert [(b.src, b.tgt) for b in align_documents(src, tgt, mt=MT).beads] == gold


def test_the_crossing_gate_merges_only_where_content_crosses_the_boundary():
    from scipy import sparse

    from mt.align.refine import crossing_z

    x, y = _lengths(30)
    x[10], y[10], x[11], y[11] = 180.0, 100.0, 60.0, 140.0
    # sentence vectors: each sentence its own feature, shared by its translation (an identity)
    vx, vy = sparse.identity(30, format="csr"), sparse.identity(30, format="csr")
    assert crossing_z(vx, vy, (0.0, 0.1), (range(10, 11), range(10, 11)), (range(11, 12), range(11, 12))) == 0.0
    # nothing crosses beads 10 and 11: the length imbalance alone is not enough
    assert len(merge_by_length(_ones(30), x, y, 8.0, cross=(vx, vy, 1.0))) == 30
    # source 10's moved clause shares a feature with target 11: now the pair merges, and only that pair
    vx = sparse.lil_matrix(vx)
    vx[10, 11] = 1.0
    vx = vx.tocsr()
    z = crossing_z(vx, vy, (0.0, 0.1), (range(10, 11), range(10, 11)), (range(11, 12), range(11, 12)))
    assert z > 1.0
    out = merge_by_length(_ones(30), x, y, 8.0, cross=(vx, vy, 1.0))
    assert (range(10, 12), range(10, 12)) in out and len(out) == 29
