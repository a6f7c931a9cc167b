"""A first name spelled a letter longer or shorter, before the same surname, is the same person."""
from mt.fidelity.evaluate import _alarms, check_pair
from mt.fidelity.names import _first_name_spelling

SRC = "Anne Hidalgo, la candidate PS, a de nouveau rappelé lundi matin qu'elle s'était prononcée en faveur d'un moratoire."


def _people(tgt):
    return [f for f in _alarms(check_pair(SRC, tgt, "fr", "en")) if f.type in ("attribution", "entity", "omission")]


def test_spelling_of_one_first_name():
    assert _first_name_spelling("Anne", "Ann") and _first_name_spelling("Jon", "Jonn")
    assert not _first_name_spelling("Anne", "Anna") and not _first_name_spelling("Al", "Ali")


def test_same_person_is_quiet():
    assert _people("Ann Hidalgo, the Socialist candidate, repeated on Monday morning that she was in favour of a moratorium.") == []


def test_other_first_name_is_another_person():
    found = _people("Paula Hidalgo, the Socialist candidate, repeated on Monday morning that she was in favour of a moratorium.")
    assert [f.type for f in found] == ["attribution"]
