"""Numbers: correct translations that must stay quiet, beside edits that must still alarm.
Sentences written for these tests (not taken from any dev set)."""
from __future__ import annotations

import pytest

from mt.fidelity.evaluate import check_pair
from mt.fidelity.values import read_values

ALARM = ("critical", "major")

# (source, target, src_lang, tgt_lang, numbers-channel alarm types expected)
CASES = [
    # a dropped figure is missing, not changed into a small number word left over ("ersten" = 1st)
    ("Sáu tháng đầu năm có 5.812 vụ tai nạn, làm chết 2.904 người và bị thương 4.127 người.",
     "In den ersten sechs Monaten gab es 5.812 Unfälle, bei denen 2.904 Menschen starben.", "vi", "de", {"omission"}),
    ("Tuần qua có 58 vụ tai nạn, làm chết 29 người và bị thương 4 người.",
     "Vergangene Woche gab es 58 Unfälle, bei denen 29 Menschen starben und fünf verletzt wurden.", "vi", "de", {"number"}),
    # a decade is ten years; "-fold" multiplies
    ("Il avait évité de se faire capturer pendant presque 10 ans.", "He had avoided capture for almost a decade.", "fr", "en", set()),
    ("La précision a été multipliée par dix en cinq ans.", "Accuracy has improved tenfold in five years.", "fr", "en", set()),
    # (an explain-only word does not pair: the source figure is left without counterpart)
    ("La précision a été multipliée par dix en cinq ans.", "Accuracy has improved fourfold in five years.", "fr", "en", {"omission"}),
    # "halb drei" is "half past two"
    ("Sie kamen um halb drei.", "They came at half past two.", "de", "en", set()),
    ("Sie kamen um halb drei.", "They came at half past three.", "de", "en", {"number"}),
    # a German day range with "zum"
    ("Die Messe läuft vom 4. bis zum 14. Oktober.", "The fair runs from October 4 to 14.", "de", "en", set()),
    ("Die Messe läuft vom 4. bis zum 14. Oktober.", "The fair runs from October 4 to 24.", "de", "en", {"date"}),
    # a capitalised number word inside a sentence names something; opening a sentence it is a number
    ("Il travaille à l'université de Trente depuis 2010.", "He has worked at the University of Trento since 2010.", "fr", "en", set()),
    ("Trente personnes sont venues.", "Forty people came.", "fr", "en", {"number"}),
    # a scale abbreviation after a currency sign
    ("Un marché où 5,3 billions de dollars changent de main.", "A market where $5.3tn changes hands.", "fr", "en", set()),
    ("Un marché où 5,3 billions de dollars changent de main.", "A market where $5.3bn changes hands.", "fr", "en", {"number"}),
    # the same quantity in two units on one side, once on the other
    ("Il roulait à 210 km/h.", "He drove at 130mph (210km/h).", "fr", "en", set()),
    ("Der Vulkan liegt 45 Meilen (72 km) entfernt.", "The volcano is 72 kilometres away.", "de", "en", set()),
    ("Der Vulkan liegt 45 Meilen (72 km) entfernt.", "The volcano is 92 kilometres away.", "de", "en", {"number"}),
    # scores: a figure's own reading first ("16:10" is also 4:10 pm, but here 16 is the 16 of "16-10")
    ("Über 4:1, 16:10 und 22:12 gewann sie mit 25:15.", "With 4-1, 16-10 and 22-12, she won 25-15.", "de", "en", set()),
    ("Über 4:1, 16:10 und 22:12 gewann sie mit 25:15.", "With 4-1, 16-10 and 22-14, she won 25-15.", "de", "en", {"number"}),
    # a telephone number's groups are figures of their own, in a language that groups thousands with a space too
    ("Gọi ẩn danh qua số 0800 555 111 từ ngày mai.", "Rufen Sie ab morgen anonym unter 0800 555 111 an.", "vi", "de", set()),
    ("Gọi ẩn danh qua số 0800 555 111 từ ngày mai.", "Rufen Sie ab morgen anonym unter 0800 555 112 an.", "vi", "de", {"number"}),
    # … but where the other side has a figure of that unit left over, the figure was changed
    ("Der Fluss ist 40 Meilen (64 km) lang.", "The river is 10 miles (64 km) long.", "de", "en", {"number"}),
    # a number inside a name on both sides pairs with itself, not with the figure that opens the sentence
    ("Hai nhà nghiên cứu đã phát triển Thuyết Hai Nhân tố.", "Zwei Forscher entwickelten die Zwei-Faktoren-Theorie.", "vi", "de", set()),
    ("Hai nhà nghiên cứu đã phát triển Thuyết Hai Nhân tố.", "Vier Forscher entwickelten die Zwei-Faktoren-Theorie.", "vi", "de", {"number"}),
    # (only names pair first: "phần trăm" does not take the "hundert-" that renders "một trăm")
    ("Không thể đoán chắc chắn một trăm phần trăm hành vi của người lái xe.",
     "Man kann das Verhalten der Fahrer nicht mit hundertprozentiger Sicherheit voraussagen.", "vi", "de", set()),
    # a number word written alike on both sides ("Top Ten" kept from English)
    ("Beide kamen noch in die Top Ten.", "Both also came into the top ten.", "de", "en", set()),
    ("Beide kamen noch in die Top Ten.", "Both also came into the top twenty.", "de", "en", {"addition"}),
]


@pytest.mark.parametrize("src,tgt,sl,tl,expected", CASES, ids=[c[1][:40] for c in CASES])
def test_numbers_false_alarm_table(src, tgt, sl, tl, expected):
    found = [f for f in check_pair(src, tgt, sl, tl) if f.severity.value in ALARM and f.signal == "numbers"]
    assert {f.type for f in found} == expected, [f.message for f in found]


def test_capitalised_number_word_explains_only_inside_a_sentence():
    _, _, inside = read_values("Er spielt für die Elf der Stadt.", "de")
    _, _, opening = read_values("Elf Menschen kamen.", "de")
    assert [(w.value, w.figure, w.soft) for w in inside] == [(11.0, False, False)]
    assert [(w.value, w.figure) for w in opening] == [(11.0, True)]
