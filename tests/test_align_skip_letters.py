"""Leaving out a sentence costs less the fewer letters it has (AlignParams.skip_letters; the DP with per-sentence
skip factors is checked against a brute force in test_align_gaps.py), and 1-5 / 5-1 beads (max_bead 5)."""
from __future__ import annotations

import dataclasses

from mt.align import align_documents
from mt.align.dp import WITH_MT
from mt.align.features import letter_counts
from mt.align.metrics import beads_to_pairs
from mt.segment import segment_lines


def test_letters_are_counted_in_any_script():
    assert letter_counts(["24 a !", ".:-- , .", "Pfui !", "好吧！", "Ça va ?"]).tolist() == [1, 0, 4, 2, 4]


DE = ["Am 9. Mai erreichten Imanishi und der Sherpa Gyalzen den Gipfel.",
      "Zwei Tage später standen auch Kato und Higeta oben.",
      "Der Gipfel besteht aus vier Türmen, der höchste ist sehr spitz.",
      "Die Expedition kehrte Ende Mai nach Kathmandu zurück.",
      "Im Herbst versuchte eine britische Gruppe den Westgrat."]
MT = ["Le 9 mai, Imanishi et le sherpa Gyalzen ont atteint le sommet.",
      "Deux jours plus tard, Kato et Higeta étaient aussi en haut.",
      "Le sommet se compose de quatre tours, la plus haute est très pointue.",
      "L'expédition est retournée à Katmandou fin mai.",
      "En automne, un groupe britannique a tenté l'arête ouest."]
# scanned pages leave debris between the sentences: lines of marks and stray letters the source lacks
FR = ["Le sommet fut atteint le 9 mai par Imanishi et le sherpa Gyalzen.", "24 a !",
      "Deux jours plus tard, Kato et Higeta touchaient à leur tour le point culminant.", ".:-- , .",
      "Le sommet est formé de quatre tours ; la plus haute est très pointue.", "h * \"",
      "L' expédition rentra à Katmandou à la fin de mai .", "- _-",
      "En automne , un groupe britannique tenta l' arête ouest ."]


def test_debris_lines_are_left_out_rather_than_glued():
    s, t = segment_lines(DE, "de", True), segment_lines(FR, "fr", True)
    glued = beads_to_pairs(align_documents(s, t, mt=MT, params=dataclasses.replace(WITH_MT, skip_letters=0.0)).beads)
    assert any(len(t_) > 1 for _, t_ in glued), glued  # at full skip cost, debris rides along with a neighbour
    pairs = beads_to_pairs(align_documents(s, t, mt=MT, params=dataclasses.replace(WITH_MT, skip_letters=3.0)).beads)
    assert [(s_, t_) for s_, t_ in pairs if s_] == [((0,), (0,)), ((1,), (2,)), ((2,), (4,)), ((3,), (6,)), ((4,), (8,))], pairs
    assert sorted(j for s_, t_ in pairs if not s_ for j in t_) == [1, 3, 5, 7]


def test_a_sentence_translated_as_five_is_one_bead():
    de = ["Die Expedition bestand aus fünf Mitgliedern.",
          "1952 Augustin Lombard Geologie, 1953 Pugh Physiologie, 1954 Heuberger Geographie, 1955 Schneider "
          "Kartographie, 1956 Müller Glaziologie.",
          "Danach kehrten alle nach Kathmandu zurück."]
    mt = ["L'expédition se composait de cinq membres.",
          "1952 Augustin Lombard géologie, 1953 Pugh physiologie, 1954 Heuberger géographie, 1955 Schneider "
          "cartographie, 1956 Müller glaciologie.",
          "Ensuite, tous sont retournés à Katmandou."]
    fr = ["L' expédition comptait cinq membres .", "1952 , Augustin Lombard en géologie ;", "1953 , Pugh en physiologie ;",
          "1954 , Helmut Heuberger en géographie ;", "1955 , Erwin Schneider en cartographie ;",
          "1956 , Fritz Müller en glaciologie .", "Ensuite , tous rentrèrent à Katmandou ."]
    s, t = segment_lines(de, "de", True), segment_lines(fr, "fr", True)
    pairs = beads_to_pairs(align_documents(s, t, mt=mt, params=dataclasses.replace(WITH_MT, max_bead=5)).beads)
    assert ((1,), (1, 2, 3, 4, 5)) in pairs, pairs
    four = beads_to_pairs(align_documents(s, t, mt=mt, params=dataclasses.replace(WITH_MT, max_bead=4)).beads)
    assert ((1,), (1, 2, 3, 4, 5)) not in four, four
