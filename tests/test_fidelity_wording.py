"""False alarms from how a correct translation words a negation or a quantity, and the controlled
edits that must still alarm beside them. Every sentence here was written for these tests."""
from __future__ import annotations

import pytest

from mt.fidelity.evaluate import check_pair
from mt.fidelity.negation import clauses, negation_pack


def alarms(src: str, tgt: str, sl: str, tl: str) -> list[tuple[str, str]]:
    return sorted((f.type, f.severity.value) for f in check_pair(src, tgt, sl, tl) if f.severity.value in ("critical", "major"))


def negation_notes(src: str, tgt: str, sl: str, tl: str) -> list[str]:
    return [f.message for f in check_pair(src, tgt, sl, tl) if f.type == "negation"]


CRIT = "critical"

CASES = [
    # a Vietnamese "không" before an adjective inside a noun phrase works as a prefix
    ("vi", "de", "Đó là một quyết định không khôn ngoan.", "Das war eine dumme Entscheidung.", []),
    ("vi", "de", "Họ sống trong một căn nhà không an toàn.", "Sie wohnen in einem gefährlichen Haus.", []),
    ("vi", "de", "Anh ấy lái xe trong tình trạng không tỉnh táo.", "Er fuhr in betrunkenem Zustand Auto.", []),
    # ... but as a predicate, or before a verb, it negates the clause
    ("vi", "de", "Kết quả xét nghiệm không tốt.", "Das Testergebnis ist gut.", [("negation", CRIT)]),
    ("vi", "de", "Bộ trưởng không đồng ý với kế hoạch mới.", "Der Minister stimmt dem neuen Plan zu.", [("negation", CRIT)]),
    ("vi", "de", "Việc đi bộ không phải là lựa chọn tốt.", "Zu Fuß zu gehen ist eine gute Wahl.", [("negation", CRIT)]),
    ("vi", "de", "Mọi chuyện không suôn sẻ.", "Alles lief glatt.", [("negation", CRIT)]),
    # a negation written in capitals for emphasis is a negation, not a name
    ("vi", "de", "Tôi chọn KHÔNG mua chiếc xe đó.", "Ich habe beschlossen, das Auto NICHT zu kaufen.", []),
    ("vi", "de", "Tôi chọn KHÔNG mua chiếc xe đó.", "Ich habe beschlossen, das Auto zu kaufen.", [("negation", CRIT)]),
    # 'not … until' (a timing word of several words) said as 'erst'
    ("vi", "de", "Cô ấy không biết chuyện đó cho đến khi đọc báo.", "Sie erfuhr erst aus der Zeitung davon.", []),
    ("vi", "de", "Cô ấy không biết chuyện đó.", "Sie erfuhr erst aus der Zeitung davon.", [("negation", CRIT)]),
    # a verb of absence, separated from its particle; warning against = warning not to
    ("de", "en", "Der erhoffte Regen blieb auch im Juli aus.", "The rain they hoped for did not come in July either.", []),
    ("vi", "de", "Bộ trưởng cảnh báo không can thiệp vào cuộc điều tra.", "Der Minister warnte vor Eingriffen in die Ermittlungen.", []),
    ("vi", "de", "Bộ trưởng cảnh báo không can thiệp vào cuộc điều tra.", "Der Minister forderte Eingriffe in die Ermittlungen.", [("negation", CRIT)]),
]


@pytest.mark.parametrize("sl,tl,src,tgt,expected", CASES)
def test_wording_cases(sl, tl, src, tgt, expected):
    assert alarms(src, tgt, sl, tl) == expected


def test_attributive_marker_reads_weak():
    vi = negation_pack("vi")
    units = [u for c in clauses("Họ xem một đoạn phim không chuyên.", vi) for u in c.units]
    assert [(u.text, u.weak) for u in units] == [("không", True)]
    units = [u for c in clauses("Đoạn phim không hay.", vi) for u in c.units]
    assert [(u.text, u.weak) for u in units] == [("không", False)]


NUMBERS = [
    # a unit after a range holds for its first figure too
    ("vi", "de", "Lượng mưa sẽ đạt từ 2 đến 4 inch.", "Es werden 5 bis 10 Zentimeter Regen erwartet.", []),
    ("vi", "de", "Lượng mưa sẽ đạt từ 2 đến 4 inch.", "Es werden 8 bis 10 Zentimeter Regen erwartet.", [("number", "major")]),
    # a spelled-out quantity converts like a figure
    ("vi", "de", "Ngôi làng cách bờ biển khoảng một dặm.", "Das Dorf liegt etwa 1,6 Kilometer von der Küste entfernt.", []),
    ("vi", "de", "Ngôi làng cách bờ biển khoảng một dặm.", "Das Dorf liegt etwa 16 Kilometer von der Küste entfernt.", [("addition", "major")]),
    # an inflected unit word ("Zentimetern") is the unit
    ("en", "de", "Up to 3 inches of rain fell per hour.", "Pro Stunde fielen bis zu 7,5 Zentimetern Regen.", []),
    # a degree without its scale may be Fahrenheit; a difference converts by the factor alone
    ("vi", "de", "Nhiệt độ ở Chicago có thể lên tới 90 độ vào thứ Sáu.", "In Chicago könnte es am Freitag 32 °C heiß werden.", []),
    ("vi", "de", "Trời ấm hơn bình thường khoảng 18 độ.", "Es ist etwa 10 Grad wärmer als normal.", []),
    ("vi", "de", "Nhiệt độ ở Chicago có thể lên tới 90 độ vào thứ Sáu.", "In Chicago könnte es am Freitag 50 °C heiß werden.", [("number", "critical")]),
    ("vi", "de", "Nhiệt độ ở Hà Nội có thể lên tới 30 độ C vào thứ Sáu.", "In Hanoi könnte es am Freitag 86 °C heiß werden.", [("number", "critical")]),
    # a bare figure in a clause about temperature is a degree without its scale, as "90 độ" is
    ("vi", "de", "Nhiệt độ ở Chicago phổ biến trong khoảng 80 vào thứ Sáu.", "In Chicago liegen die Temperaturen am Freitag um 27 °C.", []),
    ("en", "fr", "Temperatures in Chicago will be in the 80s on Friday.", "Vendredi, les températures à Chicago avoisineront 27 °C.", []),
    ("vi", "de", "Nhiệt độ ở Chicago phổ biến trong khoảng 80 vào thứ Sáu.", "In Chicago liegen die Temperaturen am Freitag um 35 °C.", [("number", "critical")]),
    # both sides without a scale, read on the same scale: the figures differ, whatever the scale
    ("vi", "de", "Trời lạnh khoảng 5 độ.", "Es ist etwa 6 Grad kalt.", [("number", "critical")]),
    ("vi", "de", "Nhiệt độ ở 5 thành phố tăng mạnh.", "Die Temperatur stieg in 6 Städten stark.", [("number", "critical")]),
    # a conversion in parentheses after a spelled-out quantity is an aside
    ("vi", "de", "Bức tường cao ba mét (10 feet).", "Die Mauer ist drei Meter hoch.", []),
    ("vi", "de", "Bức tường cao ba mét và dài 10 mét.", "Die Mauer ist drei Meter hoch.", [("omission", "major")]),
]


@pytest.mark.parametrize("sl,tl,src,tgt,expected", NUMBERS)
def test_quantity_cases(sl, tl, src, tgt, expected):
    assert [a for a in alarms(src, tgt, sl, tl) if a[0] != "omission" or expected] == expected


def test_a_figure_is_quoted_once_where_its_value_reads_the_same():
    import mt

    res = mt.check(["El gobierno aprobó 300 euros para la reconstrucción de las escuelas del pueblo."],
                   ["The government approved 500 euros for the reconstruction of the village schools."], "es", "en")
    assert [f.message for f in res.findings if f.type == "number"] == [
        "The number changed: the source says 300, the English text 500."]
