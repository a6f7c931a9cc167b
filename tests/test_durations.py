"""Spans of time in other units ("zwei Stunden" = "120 phút") and in words without a figure ("half an hour" =
"30 Minuten") are the same quantity; a span that changes is still a changed figure."""
import pytest

from mt.fidelity.evaluate import _alarms, check_pair
from mt.fidelity.values import read_values


def _number_alarms(src, tgt, sl, tl):
    return [f for f in _alarms(check_pair(src, tgt, sl, tl)) if f.type in ("number", "addition", "omission")]


@pytest.mark.parametrize("src, tgt, sl, tl", [
    ("Holen Sie es bitte in einer halben Stunde ab.", "Please come back in thirty minutes to get it.", "de", "en"),
    ("Holen Sie es bitte in 30 Minuten ab.", "Please come back in half an hour to get it.", "de", "en"),
    ("Il est parti il y a une demi-heure.", "He left thirty minutes ago.", "fr", "en"),
    ("Tôi sẽ quay lại sau nửa tiếng.", "Ich komme in dreißig Minuten zurück.", "vi", "de"),
    ("Tôi sẽ quay lại sau 90 phút.", "Ich komme in anderthalb Stunden zurück.", "vi", "de"),
    ("Tôi sẽ quay lại sau hai tiếng.", "Ich komme in 120 Minuten zurück.", "vi", "de"),
    ("Dự án kéo dài hai tuần.", "Das Projekt dauerte 14 Tage.", "vi", "de"),
    ("Tôi đợi 15 phút.", "Ich habe eine Viertelstunde gewartet.", "vi", "de"),
])
def test_a_span_of_time_in_other_units_is_the_same(src, tgt, sl, tl):
    assert _number_alarms(src, tgt, sl, tl) == []


@pytest.mark.parametrize("src, tgt, sl, tl", [
    ("Tôi sẽ quay lại sau hai tiếng.", "Ich komme in 100 Minuten zurück.", "vi", "de"),
    ("Dự án kéo dài hai tuần.", "Das Projekt dauerte 12 Tage.", "vi", "de"),
    ("Tôi sẽ quay lại sau nửa tiếng.", "Ich komme in vierzig Minuten zurück.", "vi", "de"),
    ("Holen Sie es bitte in einer halben Stunde ab.", "Please come back in forty minutes to get it.", "de", "en"),
])
def test_a_changed_span_of_time_still_alarms(src, tgt, sl, tl):
    assert _number_alarms(src, tgt, sl, tl)


def test_a_span_in_words_explains_but_is_never_missing():
    # read as a word that explains a figure, not as a figure that must have a counterpart
    _, figures, words = read_values("Wir warten eine halbe Stunde.", "de")
    half = [w for w in words if w.text == "halbe Stunde"]
    assert len(half) == 1 and half[0].value == 30 and half[0].unit[0] == "time" and not half[0].figure
    assert _number_alarms("Wir warten eine halbe Stunde.", "We wait.", "de", "en") == []
    # written across a line break, it is the same span
    assert [w.value for w in read_values("Wir warten eine halbe\n Stunde.", "de")[2] if w.unit] == [30]


def test_a_clock_time_in_words_is_no_span():
    # "halb drei" is 2:30, a time of day
    assert _number_alarms("Es ist halb drei.", "It is half past two.", "de", "en") == []
