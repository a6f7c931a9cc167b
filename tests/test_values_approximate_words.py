"""Words of a value that explain a figure without being one: ages by decade, a football team's eleven."""
import pytest

from mt.fidelity.evaluate import _alarms, check_pair


def _number_alarms(src, tgt, sl):
    return [f for f in _alarms(check_pair(src, tgt, sl, "en")) if f.type in ("number", "addition")]


@pytest.mark.parametrize("src, tgt, sl", [
    ("Les souvenirs érotiques d'une quadragénaire accro au sexe.", "The erotic memories of a forty-year-old hooked on sex.", "fr"),
    ("Deux octogénaires ont été blessés.", "Two eighty-year-olds were injured.", "fr"),
    ("Er stand erstmals in der Startelf der Frankfurter.", "He was in Frankfurt's starting eleven for the first time.", "de"),
    # a word of approximate value at the start of a German compound, as number words are
    ("Rebic war bei seinem Startelfdebüt an jeder Aktion beteiligt.", "Rebic was involved in every move at his starting eleven debut.", "de"),
])
def test_value_word_explains_figure(src, tgt, sl):
    assert _number_alarms(src, tgt, sl) == []


@pytest.mark.parametrize("src, tgt, sl", [
    ("Les souvenirs érotiques d'une quadragénaire accro au sexe.", "The erotic memories of a sixty-year-old hooked on sex.", "fr"),
    ("Er stand erstmals in der Startelf der Frankfurter.", "He was in Frankfurt's starting twelve for the first time.", "de"),
])
def test_other_value_still_alarms(src, tgt, sl):
    assert _number_alarms(src, tgt, sl)
