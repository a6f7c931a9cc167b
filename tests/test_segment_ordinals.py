"""Ordinal numbers written with a period ("3. Liga") against sentence ends after a number."""
import pytest

from mt.fidelity.evaluate import _alarms, check_pair
from mt.segment import split_sentences


@pytest.mark.parametrize("text, lang, expected", [
    # German ordinals stay inside their sentence
    ("Am 29. Oktober kamen sie, im 3. Jahrhundert. Er ging.", "de",
     ["Am 29. Oktober kamen sie, im 3. Jahrhundert.", "Er ging."]),
    # a score ends a sentence: "1:3." is no ordinal
    ("Gegen West Ham unterliegt ManU 1:3. Die Art der Niederlage dürfte zu reden geben.", "de",
     ["Gegen West Ham unterliegt ManU 1:3.", "Die Art der Niederlage dürfte zu reden geben."]),
    # no ordinal is followed by an article or a pronoun
    ("Arsenal liegt auf Rang 5. Einen starken Eindruck hinterlässt Wolverhampton.", "de",
     ["Arsenal liegt auf Rang 5.", "Einen starken Eindruck hinterlässt Wolverhampton."]),
    ("Die Zahl der Toten stieg auf 15. Die Polizei ermittelt.", "de",
     ["Die Zahl der Toten stieg auf 15.", "Die Polizei ermittelt."]),
    # English that keeps a German name's ordinal after an article
    ("They lead the top group of the 3. League West. The coach is happy.", "en",
     ["They lead the top group of the 3. League West.", "The coach is happy."]),
    ("He joined the 1. FC Köln in May.", "en", ["He joined the 1. FC Köln in May."]),
    # a count at a sentence end still ends it
    ("The score was 3. The crowd went home.", "en", ["The score was 3.", "The crowd went home."]),
    ("They won 2:1. The coach was happy.", "en", ["They won 2:1.", "The coach was happy."]),
    ("Il joue pour le 1. FC Köln. Il est content.", "fr", ["Il joue pour le 1. FC Köln.", "Il est content."]),
])
def test_ordinal_or_sentence_end(text, lang, expected):
    assert split_sentences(text, lang) == expected


SRC = ("Dank einer Topleistung im Spitzenspiel haben sich die Volleyballerinnen des BSV Ostbevern erneut in der "
       "Spitzengruppe der 3. Liga West etabliert.")
TGT = ("Thanks to a top performance in the top game, the volleyball players of the BSV Ostbevern have established "
       "themselves again in the top group of the 3. League West.")


def test_kept_ordinal_is_no_added_sentence():
    assert _alarms(check_pair(SRC, TGT, "de", "en")) == []


def test_added_sentence_still_found():
    added = TGT + " The club was founded by the mayor's wife, who still runs the youth section every weekend."
    assert any(f.type == "addition" for f in _alarms(check_pair(SRC, added, "de", "en")))
