"""A source with more sentences than its translation, while the translation is far too short, has lost a
sentence, even where one side is very short. Our own sentences."""
from __future__ import annotations

import pytest

from mt.fidelity.evaluate import check_pair
from mt.types import Severity

ALARM = (Severity.CRITICAL, Severity.MAJOR)


def _omissions(src: str, tgt: str, sl: str, tl: str) -> list:
    return [f for f in check_pair(src, tgt, sl, tl) if f.severity in ALARM and f.type == "omission"]


@pytest.mark.parametrize("src,tgt,sl", [
    ("Ich bin müde. Ich gehe jetzt schlafen.", "I'm tired.", "de"),
    ("Dừng lại! Anh đang làm cô ấy sợ đấy.", "Stop!", "vi"),
])
def test_a_lost_sentence_of_a_short_pair(src, tgt, sl):
    found = _omissions(src, tgt, sl, "en")
    assert found and "more sentences" in found[0].message


@pytest.mark.parametrize("src,tgt,sl", [
    ("Ich bin müde. Ich gehe jetzt schlafen.", "I'm tired. I'm going to bed now.", "de"),
    ("Ja. Ich komme mit.", "Yes, I'm coming along.", "de"),  # two sentences rendered as one, nothing lost
    ("Dừng lại! Anh đang làm cô ấy sợ đấy.", "Stop! You're scaring her.", "vi"),
])
def test_short_faithful_pairs_stay_quiet(src, tgt, sl):
    assert not _omissions(src, tgt, sl, "en")
