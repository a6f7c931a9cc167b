"""Each fidelity signal as a table, through the public API (`mt.check`): an input pair and the findings
it must give (type, severity, target segment), and faithful pairs that must give none. Sentences
unseen in development; like sacrebleu's metric tests, one row per behaviour."""
from __future__ import annotations

import pytest

import mt


def _serious(src: list[str], tgt: list[str]) -> list[tuple[str, str, list[int]]]:
    res = mt.check(src, tgt, "vi", "de", segmented=True)
    return [(f.type, f.severity.value, f.tgt) for f in res.findings if f.severity.value != "minor"]


NUMBERS = [
    (["Ông Lâm cho biết có 1.250 người tham gia."], ["Herr Lâm sagte, 1.520 Menschen hätten teilgenommen."]),
    (["Giá xăng tăng 5% trong tháng này."], ["Der Benzinpreis stieg in diesem Monat um 15 Prozent."]),
    (["Công ty có 300 nhân viên."], ["Das Unternehmen hat 3.000 Mitarbeiter."]),
]
DATES = [
    (["Cuộc họp diễn ra ngày 14/2/2023."], ["Das Treffen fand am 14. März 2023 statt."]),
    (["Ông sinh năm 1975."], ["Er wurde 1957 geboren."]),
]
NEGATION = [
    (["Chính phủ chưa phê duyệt dự án."], ["Die Regierung hat das Projekt genehmigt."]),
    (["Bộ trưởng không tham dự hội nghị."], ["Der Minister nahm an der Konferenz teil."]),
    (["Chính phủ đã phê duyệt dự án."], ["Die Regierung hat das Projekt nicht genehmigt."]),  # negation added
]
ENTITIES = [
    (["Quân đội Nga tấn công Ukraine."], ["Die russische Armee griff Polen an."]),
    (["Tổng thống Pháp đến thăm Nhật Bản."], ["Der französische Präsident besuchte China."]),
]
FAITHFUL = [
    (["Ngày 3/4, hơn 3.000 người biểu tình tại Mátxcơva, chiếm 6,5% dân số quận."],
     ["Am 3. April demonstrierten in Moskau mehr als 3000 Menschen, 6,5 Prozent der Bevölkerung des Bezirks."]),
    (["Chính phủ chưa phê duyệt dự án."], ["Die Regierung hat das Projekt noch nicht genehmigt."]),
    (["Quân đội Nga tấn công Ukraine."], ["Die russische Armee griff die Ukraine an."]),
    (["Giá xăng tăng 5% trong tháng này."], ["Der Benzinpreis stieg in diesem Monat um 5 Prozent."]),
]


@pytest.mark.parametrize("src,tgt", NUMBERS)
def test_numbers(src, tgt):
    assert _serious(src, tgt) == [("number", "critical", [0])]


@pytest.mark.parametrize("src,tgt", DATES)
def test_dates(src, tgt):
    assert _serious(src, tgt) == [("date", "critical", [0])]


@pytest.mark.parametrize("src,tgt", NEGATION)
def test_negation(src, tgt):
    assert _serious(src, tgt) == [("negation", "critical", [0])]


@pytest.mark.parametrize("src,tgt", ENTITIES)
def test_entities(src, tgt):
    assert _serious(src, tgt) == [("entity", "critical", [0])]


def test_attribution():
    src = ["Tổng thống Pháp Emmanuel Macron đã gặp Thủ tướng Anh Keir Starmer.", "Ông Starmer phát biểu."]
    tgt = ["Der französische Präsident Emmanuel Macron traf den britischen Premierminister Keir Starmer.", "Präsident Starmer sprach."]
    assert _serious(src, tgt) == [("attribution", "critical", [1])]


def test_omission_and_addition_of_a_figure():
    kept = ["Hai bên thảo luận về hợp tác kinh tế.", "Cuộc họp kết thúc lúc 17 giờ."]
    kept_de = ["Beide Seiten erörterten die wirtschaftliche Zusammenarbeit.", "Das Treffen endete um 17 Uhr."]
    omitted = _serious(kept[:1] + ["Ông Lâm cho biết có 1.250 người tham gia, trong đó có 40 nhà báo nước ngoài."] + kept[1:], kept_de)
    assert {(t, s) for t, s, _ in omitted} == {("omission", "major")}
    # The alignment is given: this row is about the coverage signal. (Aligning two sentences against
    # three that share nothing but a number, the aligner has only length to place the added one by.)
    added = mt.check(kept, kept_de[:1] + ["Nach Angaben der Polizei wurden dabei 40 Menschen verletzt."] + kept_de[1:],
                     "vi", "de", segmented=True, alignment=[[[0], [0]], [[], [1]], [[1], [2]]])
    assert [(f.type, f.severity.value, f.tgt) for f in added.findings if f.severity.value != "minor"] == [("addition", "major", [1])]


@pytest.mark.parametrize("src,tgt", FAITHFUL)
def test_faithful_translations_give_nothing(src, tgt):
    assert mt.check(src, tgt, "vi", "de", segmented=True).findings == []
