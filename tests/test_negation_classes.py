"""Negation classes beside clause negation: answer particles ("Không, …", "Nein, …", "No, …") and a
marker that goes on with a negation said before ("nor"). Every sentence here was written for these tests."""
from __future__ import annotations

import pytest

from mt.fidelity.evaluate import check_pair
from mt.fidelity.negation import clauses, negation_pack

ALARM = ("critical", "major")


def negation_findings(src: str, tgt: str, sl: str, tl: str):
    return [f for f in check_pair(src, tgt, sl, tl) if f.type == "negation"]


def alarms(src: str, tgt: str, sl: str, tl: str) -> list[str]:
    return [f.severity.value for f in negation_findings(src, tgt, sl, tl) if f.severity.value in ALARM]


@pytest.mark.parametrize("lang,text,answers,negated", [
    ("vi", "Không, ồ không hề, chúng tôi vui lắm.", 2, 0),
    ("de", "Nein, äh nein, wir freuen uns sehr.", 2, 0),
    ("en", "No, not at all, we are very happy.", 2, 0),
    ("fr", "Non, pas du tout, nous sommes très contents.", 2, 0),
    # an answer beside a negated statement: the statement keeps its negation
    ("vi", "Không, tôi không đi.", 1, 1),
    ("de", "Nein, ich gehe nicht.", 1, 1),
    # not an answer clause: the clause says more than an answer
    ("en", "Not now, the shop is closed.", 0, 1),
    ("de", "Nicht heute, sagte sie.", 0, 1),
])
def test_answer_clauses_are_their_own_class(lang, text, answers, negated):
    cs = clauses(text, negation_pack(lang))
    assert sum(c.answers for c in cs) == answers
    assert sum(1 for c in cs if c.strongly_negative) == negated


@pytest.mark.parametrize("src,tgt,sl,tl", [
    # the answer said on one side only, or by a word one language does not count as a marker
    ("Không, ồ không hề, cuộc họp rất ngắn.", "Nein, äh, die Sitzung war sehr kurz.", "vi", "de"),
    ("Không, cuộc họp rất ngắn.", "The meeting was very short.", "vi", "en"),
    ("Nein, die Sitzung war sehr kurz.", "No, the meeting was very short.", "de", "en"),
    ("Non, la réunion était très courte.", "The meeting was very short.", "fr", "en"),
])
def test_answer_differences_do_not_alarm(src, tgt, sl, tl):
    found = negation_findings(src, tgt, sl, tl)
    assert [f.severity.value for f in found if f.severity.value in ALARM] == []


def test_a_dropped_answer_is_a_minor_note_naming_it():
    found = negation_findings("Không, cuộc họp rất ngắn.", "The meeting was very short.", "vi", "en")
    assert [f.severity.value for f in found] == ["minor"]
    assert "answer" in found[0].message and "'Không'" in found[0].message


@pytest.mark.parametrize("src,tgt,sl,tl", [
    # a statement's negation still counts beside an answer on both sides
    ("Không, tôi không đi.", "Nein, ich gehe.", "vi", "de"),
    ("Nein, ich gehe nicht.", "No, I am going.", "de", "en"),
    # an answer does not stand in for a lost negation of the statement
    ("Không, cửa hàng không mở cửa.", "Nein, der Laden ist offen.", "vi", "de"),
])
def test_answers_do_not_hide_a_lost_negation(src, tgt, sl, tl):
    assert alarms(src, tgt, sl, tl) == ["critical"]


def test_nor_without_a_negation_before_it_negates_in_part():
    pack = negation_pack("en")
    units = [u for c in clauses("The mayor nor the council answered the letter.", pack) for u in c.units]
    assert [(u.text, u.weak) for u in units] == [("nor", True)]
    # "weder … noch" rendered by a lone "nor" is no reversed statement
    assert alarms("Weder der Bürgermeister noch der Rat beantworteten den Brief.",
                  "The mayor nor the council answered the letter.", "de", "en") == []


def test_nor_after_a_negation_goes_on_with_it_and_opening_a_sentence_negates():
    pack = negation_pack("en")
    cs = clauses("She did not call, nor did she write.", pack)
    assert [u.text for c in cs for u in c.units] == ["not"]
    cs = clauses("Nor did anyone ask.", pack)
    assert [(u.text, u.weak) for c in cs for u in c.units] == [("Nor", False)]
    # removing the first negation of "not … nor" is still found: the lone "nor" negates only in part
    assert alarms("Sie rief nicht an und schrieb auch nicht.", "She did not call, nor did she write.", "de", "en") == []
    assert alarms("Der Bürgermeister antwortete nicht.", "The mayor answered, nor the council.", "de", "en") == []


def test_severity_thresholds_are_data_chosen_by_cross_validation():
    from mt.fidelity import negation

    negation._PARAMS = None
    params = negation.severity_params()
    assert set(params) == set(negation.SEVERITY_DEFAULTS)
    assert 0 < params["far_apart_added"] < 1  # chosen by eval/negation_cv.py, not the fallback


def test_an_added_negation_far_from_the_sources_partial_one_is_major(monkeypatch):
    from mt.fidelity import negation

    # the source's only negation is a weak word ("ohne") early on; the edited translation negates at its end
    src = "Der Bäcker arbeitet heute ohne Strom im Dunkeln, und die Kunden kaufen trotzdem viel Brot."
    far = "The baker works in the dark today because the power is off, and the customers still do not buy much bread."
    near = "The baker does not have power today and works in the dark, and the customers still buy much bread."
    found = negation_findings(src, far, "de", "en")
    assert [f.severity.value for f in found] == ["major"] and "probably added" in found[0].message
    assert [f.severity.value for f in negation_findings(src, near, "de", "en")] == ["minor"]
    # the threshold is read from the data: a wider one lets the far negation pass as a rendering
    monkeypatch.setattr(negation, "_PARAMS", {**negation.severity_params(), "far_apart_added": 0.9})
    assert [f.severity.value for f in negation_findings(src, far, "de", "en")] == ["minor"]


def test_cross_validation_scores_each_document_with_the_value_chosen_without_it(monkeypatch):
    import importlib
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    cv = importlib.import_module("eval.negation_cv")
    # 0.5 wins on all documents only through document a: without a, 2.0 is chosen, so a is scored with 2.0
    # (nothing found) and b, c with 0.5 (a false alarm each); that is worse than the stored 2.0, which stays
    fake = {0.5: {"a": [6, 0], "b": [0, 1], "c": [0, 1]}, 2.0: {"a": [0, 0], "b": [0, 0], "c": [0, 0]}}
    monkeypatch.setattr(cv, "GRID", {"far_apart_added": [0.5, 2.0]})
    monkeypatch.setattr(cv, "_score", lambda pairs, param, value, base: fake[value])
    r = cv.cross_validate([], "far_apart_added", {"far_apart_added": 2.0, "far_apart_lost": 2.0})
    assert r["cv"] == (0, 2) and r["stored"] == (0, 0) and r["chosen"] == 2.0
    # where 0.5 wins without each document too, it replaces the stored value
    fake = {0.5: {"a": [3, 0], "b": [3, 0], "c": [3, 1]}, 2.0: {"a": [0, 0], "b": [0, 0], "c": [0, 0]}}
    r = cv.cross_validate([], "far_apart_added", {"far_apart_added": 2.0, "far_apart_lost": 2.0})
    assert r["cv"] == (9, 1) and r["chosen"] == 0.5
    # a tie keeps the stored value
    assert cv._choose({0.5: 4, 2.0: 4}, 2.0) == 2.0 and cv._choose({0.3: 4, 0.5: 4}, 2.0) == 0.5


def test_one_more_negation_far_from_the_other_sides_is_major_only_where_the_data_say_so(monkeypatch):
    from mt.fidelity import negation

    src = "Der Bäcker hat heute kein Brot, und die Kunden kaufen trotzdem viel Kuchen und Gebäck im Laden."
    tgt = "The baker has no bread today while the customers still do not buy much cake and pastry in the shop."
    # stored: off (cross-validation found it costs more false alarms than it finds edits)
    assert [f.severity.value for f in negation_findings(src, tgt, "de", "en")] == ["minor"]
    monkeypatch.setattr(negation, "_PARAMS", {**negation.severity_params(), "far_apart_extra": 0.3})
    found = negation_findings(src, tgt, "de", "en")
    assert [f.severity.value for f in found] == ["major"] and "probably added" in found[0].message


def test_a_negative_pronoun_answering_a_question_stays_a_negation():
    # "No one." answers with a negative pronoun: no answer particle, so it counts like "Niemand."
    cs = clauses('"Who was at home?" "No one."', negation_pack("en"))
    assert sum(c.answers for c in cs) == 0 and [u.text for c in cs for u in c.units] == ["No one"]
    assert alarms('„Wer war zu Hause?“ – „Niemand.“', '"Who was at home?" "No one."', "de", "en") == []


def test_an_idiom_that_a_longer_negation_runs_past_is_none():
    # "hoặc không" (or not) is an idiom, but in "hoặc không gì" the negative pronoun "không gì" (nothing) runs past it
    pack = negation_pack("vi")
    assert [u.text for c in clauses("Chúng ta được tất cả hoặc không gì cả.", pack) for u in c.units] == ["không gì"]
    assert [u.text for c in clauses("Anh có muốn đi hay không?", pack) for u in c.units] == []
    assert alarms("Chúng ta được tất cả hoặc không gì cả.", "We get all or nothing.", "vi", "en") == []


def test_french_nul_before_ne_is_a_negative_pronoun():
    cs = clauses("Nul ne sait où il habite.", negation_pack("fr"))
    assert [(u.text, u.weak) for c in cs for u in c.units] == [("ne", False)]
    assert alarms("Nul ne sait où il habite.", "Nobody knows where he lives.", "fr", "en") == []


def test_far_apart_needs_more_than_a_word_moved_in_a_short_sentence(monkeypatch):
    from mt.fidelity import negation

    # "thiếu" (lack) and "not" are a word apart: in a short sentence that is a fifth of it, no added negation
    src, tgt = "Chúng tôi đang thiếu tiền.", "We are not having money."
    assert alarms(src, tgt, "vi", "en") == []
    monkeypatch.setattr(negation, "FAR_MIN_WORDS", 0)
    assert alarms(src, tgt, "vi", "en") == ["major"]
    # where a meaning entry says the two alike ("thiếu" = "not enough"), the place does not count at all
    assert alarms("Chúng tôi đang thiếu nước.", "We are not having enough water.", "vi", "en") == []
