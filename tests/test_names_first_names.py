"""A known first name of the target that the source spells nowhere, where a person or a sure name of the
source has no counterpart: one person put for another. Our own sentences."""
from __future__ import annotations

import pytest

from mt.fidelity.evaluate import check_pair
from mt.fidelity.names import _first_name_word
from mt.lexicon import lexicon
from mt.types import Severity

ALARM = (Severity.CRITICAL, Severity.MAJOR)


def _alarm_types(src: str, tgt: str, sl: str, tl: str) -> set[str]:
    return {f.type for f in check_pair(src, tgt, sl, tl) if f.severity in ALARM}


@pytest.mark.parametrize("src,tgt", [
    # a sure name of the source (past the sentence's start) for a hyphenated first name of the target
    ("Theo lời kể, Marlow đã nói từ này mang ý nghĩa tôn giáo đối với anh.",
     "Nach eigener Aussage hat das Wort für Heide-Marie eine religiöse Bedeutung."),
    # a person opening the source's sentence for a known first name opening the target's
    ("Lee tiếp cận các cuộc thi công nghệ của chính phủ.", "Anatol würdigte die Technologiewettbewerbe der Regierung."),
])
def test_a_first_name_put_for_a_source_name(src, tgt):
    types = _alarm_types(src, tgt, "vi", "de")
    assert types & {"attribution", "entity"}, types


@pytest.mark.parametrize("src,tgt", [
    # the same sentences, faithful: the names are kept
    ("Theo lời kể, Marlow đã nói từ này mang ý nghĩa tôn giáo đối với anh.",
     "Nach eigener Aussage hat das Wort für Marlow eine religiöse Bedeutung."),
    ("Lee tiếp cận các cuộc thi công nghệ của chính phủ.", "Lee würdigte die Technologiewettbewerbe der Regierung."),
])
def test_the_faithful_renderings_stay_quiet(src, tgt):
    assert not _alarm_types(src, tgt, "vi", "de") & {"attribution", "entity"}


def test_first_name_words():
    fn = lexicon("vi").first_names | lexicon("de").first_names
    assert _first_name_word("Anna", fn, "de")
    assert _first_name_word("Annas", fn, "de")  # genitive
    assert _first_name_word("Heide-Marie", fn, "de")  # every part a first name
    assert not _first_name_word("Heide-Gebiet", fn, "de")
    # a plural whose bare form is an ordinary word ("jung") is no genitive of the first name "Jung"
    assert not _first_name_word("Jungs", fn, "de")


def test_listed_words_opening_with_a_first_name_name_a_person_in_german():
    # two listed nouns in a row ("Dennis", "Meyer" are in the word list) that open with a known first name
    from mt.fidelity.names import _noun_language_names

    names = _noun_language_names("Gestern spielte Dennis Meyer in einer Serie.", lexicon("de"))
    assert [(n.text, n.cls) for n in names] == [("Dennis Meyer", "person")]


def test_a_german_acronym_the_word_list_holds_is_a_noun():
    # "WLAN", "SMS": acronyms German uses as ordinary nouns; the source's "Wifi" is not replaced by a body
    found = check_pair("Wifi ở đây không hoạt động.", "Das WLAN hier funktioniert nicht.", "vi", "de")
    assert not [f for f in found if f.severity in (Severity.CRITICAL, Severity.MAJOR)]
