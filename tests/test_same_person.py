"""Two full names that share a first name only are two people: the office one holds in the source is
not compared with the office the translation gives the other."""
from __future__ import annotations

import pytest

import mt
from mt.fidelity.extract import same_person


@pytest.mark.parametrize("a,b,same", [
    ("Christine Lagarde", "Christian Lindner", False),  # first names alike (Christine ~ Christian), surnames not
    ("Nguyễn Văn An", "Nguyễn Thị Bình", False),  # one family name, two people
    ("Yoon Suk Yeol", "Yoon", True),
    ("Kim Jong Un", "Kim Jong-un", True),
    ("Emmanuel Macron", "Macron Emmanuel", True),
    ("Wolodymyr Selenskyj", "Volodymyr Zelensky", True),
    ("Olaf Scholz", "Scholz", True),
])
def test_same_person(a, b, same):
    assert same_person(a, b) is same and same_person(b, a) is same


def test_a_shared_first_name_does_not_move_an_office():
    de = ["EZB-Präsidentin Christine Lagarde sagte, die Inflation gehe zurück.",
          "Bundesfinanzminister Christian Lindner begrüßte die Entscheidung der Notenbank."]
    en = ["ECB President Christine Lagarde said inflation was falling.",
          "German Finance Minister Christian Lindner welcomed the central bank's decision."]
    res = mt.check(de, en, "de", "en", segmented=True)
    assert [f.message for f in res.findings if f.type == "attribution"] == []
    # the check still sees a real swap of the two offices
    swapped = ["ECB President Christian Lindner said inflation was falling.", en[1]]
    assert any(f.type == "attribution" and f.tgt == [0] for f in mt.check(de, swapped, "de", "en", segmented=True).findings)
