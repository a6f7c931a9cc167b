"""A figure both sides give that rises on one side and falls on the other ("tăng 12%" / "sank um 12 Prozent"),
and the perturbation generator's direction edits."""
import pytest

from mt.fidelity.evaluate import _alarms, check_pair
from mt.fidelity.perturb import EXPECTED, perturb


def _direction(src, tgt, sl="vi", tl="de"):
    return [f for f in _alarms(check_pair(src, tgt, sl, tl)) if f.type == "number" and "in the source" in f.message]


@pytest.mark.parametrize("src, tgt, sl, tl, words", [
    ("Xuất khẩu gạo tăng 12% so với cùng kỳ năm ngoái.",
     "Die Reisexporte sanken im Vergleich zum Vorjahreszeitraum um 12 Prozent.", "vi", "de", ("tăng", "sanken")),
    # each figure its own direction: the one turned around is named
    ("Số ca mắc giảm 20%, trong khi số ca tử vong tăng 5%.",
     "Die Zahl der Fälle stieg um 20 %, die der Todesfälle sank um 5 %.", "vi", "de", ("giảm", "stieg")),
    ("Le brut a perdu 26 cents pour tomber à 108,58 $ le baril.", "Brent crude rose 26 cents to $108.58 a barrel.",
     "fr", "en", ("perdu", "rose")),
    ("Die Arbeitslosenquote ist auf 5,2 Prozent gestiegen.", "The unemployment rate fell to 5.2 percent.",
     "de", "en", ("gestiegen", "fell")),
    ("Lương tối thiểu sẽ lên khoảng 5,3 triệu đồng mỗi tháng.", "Der Mindestlohn würde auf rund 5,3 Millionen Dong im Monat sinken.",
     "vi", "de", ("lên khoảng", "sinken")),
    # a comparison after the figure ("12 Prozent weniger als im Vorjahr"), and one opening with a sign ("12% lower")
    ("Xuất khẩu gạo đạt 8,1 triệu tấn, tăng 12% so với năm trước.",
     "Die Reisexporte erreichten 8,1 Millionen Tonnen, 12 Prozent weniger als im Vorjahr.", "vi", "de", ("tăng", "Prozent weniger")),
    ("Sales were 12% lower than last year.", "Der Umsatz stieg um 12 Prozent.", "en", "de", ("% lower", "stieg")),
    # no change on one side, a change on the other
    ("Ngân hàng Nhà nước giữ nguyên lãi suất điều hành ở mức 4,5%.", "Die Staatsbank senkte den Leitzins auf 4,5 Prozent.",
     "vi", "de", ("giữ nguyên", "senkte")),
    # an abbreviation's point is no sentence end between the word and its figure
    ("Doanh thu giảm khoảng 12%.", "Der Umsatz stieg um ca. 12 Prozent.", "vi", "de", ("giảm", "stieg")),
])
def test_a_rise_said_as_a_fall_is_a_number_finding(src, tgt, sl, tl, words):
    found = _direction(src, tgt, sl, tl)
    assert len(found) == 1 and found[0].severity.value == "major", found
    assert all(f"'{w}'" in found[0].message for w in words), found[0].message
    assert {e.side for e in found[0].evidence} == {"src", "tgt"}


@pytest.mark.parametrize("src, tgt, sl, tl", [
    ("Xuất khẩu gạo tăng 12% so với cùng kỳ năm ngoái.", "Die Reisexporte stiegen im Vorjahresvergleich um 12 Prozent.", "vi", "de"),
    # verb-final German, each figure in its own clause
    ("Số ca mắc giảm 20%, trong khi số ca tử vong tăng 5%.",
     "Die Zahl der Fälle ist um 20 % gesunken, während die der Todesfälle um 5 % gestiegen ist.", "vi", "de"),
    # a negation near the word of change: the negation check speaks of it, not this one
    ("Doanh thu không tăng 5% như dự kiến mà giảm.", "Der Umsatz stieg nicht um 5 Prozent, wie erwartet, sondern sank.", "vi", "de"),
    ("Xuất khẩu gạo tăng 12% so với năm trước.", "Die Reisexporte lagen 12 Prozent höher als im Vorjahr.", "vi", "de"),
    ("Lãi suất không thay đổi ở mức 4,5%.", "Der Zins blieb unverändert bei 4,5 Prozent.", "vi", "de"),
    # "xe tăng" is a tank, not a rise
    ("Nga mất 12 xe tăng trong tuần qua.", "Russland verlor in der vergangenen Woche 12 Panzer.", "vi", "de"),
    # a word of change in the sentence before speaks of something else
    ("Giá dầu tăng. Trong 3 tháng, doanh số giảm 5%.", "Der Ölpreis stieg. In 3 Monaten sank der Absatz um 5 %.", "vi", "de"),
    # a Vietnamese word of change after the figure is another clause's: kept at 3% to support growth
    ("Ngân hàng quyết định giữ nguyên lãi suất cơ bản ở mức 3% để hỗ trợ tăng trưởng.",
     "Die Bank beließ den Leitzins unverändert bei 3 Prozent, um das Wachstum zu stützen.", "vi", "de"),
    # a word of change far from the figure speaks of something else
    ("Giá tăng khiến nhiều gia đình phải cắt giảm chi tiêu cho các bữa ăn hằng ngày trong 3 tháng qua.",
     "Weil die Preise stiegen, mussten viele Familien in den vergangenen 3 Monaten bei den täglichen Mahlzeiten sparen.", "vi", "de"),
])
def test_the_same_direction_or_no_direction_is_quiet(src, tgt, sl, tl):
    assert _direction(src, tgt, sl, tl) == []


def test_direction_edits_turn_a_rise_into_a_fall_next_to_a_figure():
    tgt = "Die Exporte stiegen im ersten Quartal um 12 Prozent."
    ed = perturb("Xuất khẩu tăng 12% trong quý I.", tgt, "vi", "de", "direction")
    assert ed is not None and (ed.old, ed.new) == ("stiegen", "sanken") and ed.expected == EXPECTED["direction"] == ("number",)
    assert _direction("Xuất khẩu tăng 12% trong quý I.", ed.text)  # and the check finds it
    # a noun keeps its capital; a verb's part written like a noun is not taken for it
    assert perturb("x", "Der Anstieg um 4 Prozent überraschte.", "vi", "de", "direction").new == "Rückgang"
    assert perturb("x", "Er verzeichnete Tackles, da seine Gesamtzahl auf 18 anstieg.", "vi", "de", "direction") is None
    # no figure in the clause: no edit
    assert perturb("x", "Die Preise stiegen, und das seit Jahren.", "vi", "de", "direction") is None
    assert perturb("x", "Prices rose by 3 percent last year.", "de", "en", "direction").new == "fell"


def test_a_rise_said_as_a_cut():
    src = "Le gouvernement a annoncé mardi une hausse de 3 % du salaire minimum."
    assert [f.type for f in _alarms(check_pair(src, "The government announced a 3% increase in the minimum wage on Tuesday.", "fr", "en"))] == []
    assert [f.type for f in _alarms(check_pair(src, "The government announced a 3% cut in the minimum wage on Tuesday.", "fr", "en"))] == ["number"]


def _bound(src, tgt, sl="vi", tl="de"):
    return [f for f in _alarms(check_pair(src, tgt, sl, tl)) if f.type == "number" and "at most or less than" in f.message]


@pytest.mark.parametrize("src, tgt, sl, tl, expected", [
    ("Bão đã làm ít nhất 200 người chết.", "Der Sturm hat höchstens 200 Menschen getötet.", "vi", "de", 1),
    ("Hơn 3 triệu du khách đã đến Việt Nam.", "Weniger als drei Millionen Touristen kamen nach Vietnam.", "vi", "de", 1),
    ("Dân số Hà Nội vượt 8 triệu người.", "Die Einwohnerzahl Hanois sank unter acht Millionen.", "vi", "de", 1),
    ("Up to 40 people were hurt.", "Mindestens 40 Menschen wurden verletzt.", "en", "de", 1),
    # the same bound, or a bound on one side only ("about" bounds nothing)
    ("Bão đã làm ít nhất 200 người chết.", "Der Sturm hat mindestens 200 Menschen getötet.", "vi", "de", 0),
    ("Hơn 3 triệu du khách đã đến Việt Nam.", "Rund drei Millionen Touristen kamen nach Vietnam.", "vi", "de", 0),
    ("Gần 100 người bị thương.", "Fast 100 Menschen wurden verletzt.", "vi", "de", 0),
    ("Plus de 500 personnes ont manifesté.", "More than 500 people demonstrated.", "fr", "en", 0),
    # two prepositions that bound nothing here: a survey of / among 1,000 people
    ("Một khảo sát trên 1.000 người cho thấy 60% ủng hộ.", "Eine Umfrage unter 1.000 Menschen zeigte, dass 60 Prozent dafür sind.", "vi", "de", 0),
    ("Hơn 1.000 người tham gia.", "Unter 1.000 Menschen nahmen teil.", "vi", "de", 1),
    # a proportion said in words is bounded alike
    ("Hơn một nửa số người được hỏi đã đồng ý.", "Weniger als die Hälfte der Befragten stimmte zu.", "vi", "de", 1),
    ("Gần một phần ba số hộ gia đình không có xe máy.", "Mehr als ein Drittel der Haushalte hat kein Motorrad.", "vi", "de", 1),
    ("Mehr als die Hälfte der Befragten stimmte zu.", "Less than half of the respondents agreed.", "de", "en", 1),
    ("Gần một phần ba số hộ gia đình không có xe máy.", "Fast ein Drittel der Haushalte hat kein Motorrad.", "vi", "de", 0),
    ("Moins de la moitié des électeurs ont voté.", "Fewer than half of the voters cast a ballot.", "fr", "en", 0),
    # one figure said twice, bounded each way: each bound has its rendering, one to one
    ("Trong đợt khảo sát, hơn 30 xã có lượng mưa dưới 30 mm.",
     "Bei der Erhebung hatten mehr als 30 Gemeinden weniger als 30 Millimeter Regen.", "vi", "de", 0),
    ("Mehr als 30 Schulen schlossen, weniger als 30 öffneten wieder.",
     "More than 30 schools closed and more than 30 reopened.", "de", "en", 1),
    # a share a word of change governs measures the change: fell by more than half = fewer than half as many
    ("Chỉ còn khoảng 20 phường rối, giảm hơn một nửa so với thập niên 1990.",
     "Es gibt nur noch etwa 20 Gilden, weniger als halb so viele wie in den 1990er-Jahren.", "vi", "de", 0),
])
def test_a_figure_bounded_from_below_on_one_side_and_from_above_on_the_other(src, tgt, sl, tl, expected):
    found = _bound(src, tgt, sl, tl)
    assert len(found) == expected, found
    assert all(f.severity.value == "major" and {e.side for e in f.evidence} == {"src", "tgt"} for f in found)
