"""Readings that depend on where a sentence, a clause or a figure ends: a question asking why has no tag, a
figure's colon or full stop ends no clause, a Vietnamese sentence is tagged as a sentence of its own, a French
verb with its pronoun is no name, and a negative pronoun with its exception says "only" in every language.
Every sentence here was written for these tests (none comes from a dev set)."""
from __future__ import annotations

import pytest

from mt.fidelity.evaluate import check_pair
from mt.fidelity.names import _vi_names
from mt.fidelity.negation import clauses, negation_pack
from mt.lexicon import lexicon

ALARM = ("critical", "major")


def alarms(src: str, tgt: str, sl: str, tl: str, kind: str | None = None) -> list[str]:
    return [f.type for f in check_pair(src, tgt, sl, tl) if f.severity.value in ALARM and kind in (None, f.type)]


def negated_clauses(text: str, lang: str) -> int:
    return sum(1 for c in clauses(text, negation_pack(lang)) if c.strongly_negative)


@pytest.mark.parametrize("src,tgt,sl,tl", [
    # a short last part after a comma is no tag where the sentence asks why: the negation is lost
    ("Warum kommt er, der Arme, nicht?", "Why is he, the poor man, coming?", "de", "en"),
    ("Warum wurde er, obwohl er gewann, dadurch nicht König?", "Why did he, although he won, become king as a result?", "de", "en"),
])
def test_a_question_asking_why_ends_in_no_tag(src, tgt, sl, tl):
    assert alarms(src, tgt, sl, tl, "negation") == ["negation"]


def test_a_real_tag_still_negates_nothing():
    assert negated_clauses("Er kommt morgen, nicht wahr?", "de") == 0
    assert negated_clauses("He is coming tomorrow, isn't he?", "en") == 0


@pytest.mark.parametrize("text,lang,parts", [
    ("Wir warten bis 14.30 Uhr.", "de", 1),
    ("Let's wait till 2:30.", "en", 1),
    ("Es kostete 1,5 Millionen Euro, sagte er.", "de", 2),
    ("Das Spiel endete 4:0. Dann ging er.", "de", 2),
])
def test_a_figure_ends_no_clause(text, lang, parts):
    assert len(clauses(text, negation_pack(lang))) == parts


def test_a_suggestion_as_a_question_why_not_is_no_reversal():
    # "Why don't we …?" asks nothing of a fact: a question (ended by "?", not cut at the time's colon) leans
    assert alarms("Warten wir doch bis 14.30 Uhr!", "Why don't we wait till 2:30?", "de", "en", "negation") == []


def test_vietnamese_sentences_are_tagged_one_at_a_time():
    # after another sentence pyvi read the capitalised common word opening the next as a proper noun
    names = [n.text for n in _vi_names("Chúng tôi đã đến thăm Goma. Giá (địa phương) là 500 Franc.", lexicon("vi"))]
    assert "Giá" not in names and "Goma" in names
    # a given name keeps its reading where the tagger knows it as one
    names = [n.text for n in _vi_names("Tôi gặp Minh ở Huế. Minh chưa bao giờ đến Đức.", lexicon("vi"))]
    assert names.count("Minh") == 2


@pytest.mark.parametrize("src,tgt,expected", [
    ("Peux-tu venir ?", "Can you come to Lyon?", []),  # was "says 'Lyon' where the source says 'Peux-tu'"
    ("As-tu lu le rapport ?", "Have you read the WHO report?", ["entity"]),  # the WHO added, not put for 'As-tu'
    ("As-tu lu le rapport ?", "Have you read the report?", []),
    ("Dis-moi pourquoi.", "Tell me why.", []),
])
def test_a_french_verb_with_its_pronoun_is_no_name(src, tgt, expected):
    found = [f for f in check_pair(src, tgt, "fr", "en") if f.severity.value in ALARM]
    assert [f.type for f in found] == expected
    assert not any("Peux-tu" in f.message or "As-tu" in f.message for f in found)


@pytest.mark.parametrize("src,tgt,sl,tl", [
    ("Er sagte nichts außer seinem Namen.", "He said nothing but his name.", "de", "en"),
    ("Anh ấy không nói gì ngoài tên của mình.", "He said nothing but his name.", "vi", "en"),
    ("Anh ấy không nói gì ngoài tên của mình.", "Er sagte nichts außer seinem Namen.", "vi", "de"),
    ("Nó không sợ gì cả, ngoại trừ con mèo.", "Er fürchtete nichts außer der Katze.", "vi", "de"),
    ("Il ne mange rien sauf du pain.", "He eats nothing but bread.", "fr", "en"),
    ("Je n'ai vu personne à part toi.", "I saw nobody except you.", "fr", "en"),
])
def test_a_negative_pronoun_with_its_exception_says_only_in_every_language(src, tgt, sl, tl):
    assert alarms(src, tgt, sl, tl, "negation") == []


@pytest.mark.parametrize("src,tgt,sl,tl", [
    ("Anh ấy không nói gì.", "Er sagte etwas.", "vi", "de"),
    ("Er sagte nichts.", "He said something.", "de", "en"),
    ("Je n'ai rien vu.", "I saw something.", "fr", "en"),
    ("Tôi không ra ngoài.", "Ich ging hinaus.", "vi", "de"),  # "ngoài" (outside) after a negation is no exception
])
def test_a_negative_pronoun_without_an_exception_still_negates(src, tgt, sl, tl):
    assert alarms(src, tgt, sl, tl, "negation") == ["negation"]
