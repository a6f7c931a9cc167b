"""A double negation on one side ("nicht selten", "nicht illegal": the two cancel) against the plain word on
the other ("hiếm", "bất hợp pháp"): the negation that made the two cancel is lost or added, wherever each
language's word order puts the two."""
import pytest

from mt.fidelity.evaluate import _alarms, check_pair


def _negation(src, tgt, sl, tl):
    return [f for f in _alarms(check_pair(src, tgt, sl, tl)) if f.type == "negation"]


@pytest.mark.parametrize("src, plain, doubled, sl, tl", [
    # the only weak word of one side, the only double negation of the other, far apart in each sentence
    ("Dơi là loài được bảo vệ và việc giết hoặc quấy rối chúng là bất hợp pháp.",
     "Fledermäuse stehen unter Schutz und es ist illegal, sie zu töten oder zu belästigen.",
     "Fledermäuse stehen unter Schutz und es ist nicht illegal, sie zu töten oder zu belästigen.", "vi", "de"),
    ("Nền kinh tế lớn thứ hai thế giới khó có thể bị lung lay sớm.",
     "Es ist unwahrscheinlich, dass die zweitgrößte Wirtschaft der Welt bald ins Wanken gerät.",
     "Es ist nicht unwahrscheinlich, dass die zweitgrößte Wirtschaft der Welt bald ins Wanken gerät.", "vi", "de"),
    # a word of small degree that one pack reads as no negation, the same meaning ([lexical.rare]) on both sides
    ("Các cuộc họp báo đơn thuần thường rất hiếm.", "Pressekonferenzen mit ihm allein sind selten.",
     "Pressekonferenzen mit ihm allein sind nicht selten.", "vi", "de"),
    ("Such meetings are rare in this town.", "Solche Treffen sind in dieser Stadt selten.",
     "Solche Treffen sind in dieser Stadt nicht selten.", "en", "de"),
])
def test_a_lost_half_of_a_double_negation_is_a_reversal(src, plain, doubled, sl, tl):
    assert _negation(src, plain, sl, tl) == []
    found = _negation(src, doubled, sl, tl)
    assert [f.severity.value for f in found] == ["critical"]
    assert "negates twice" in found[0].message


@pytest.mark.parametrize("src, tgt", [
    # "not rare" is common: said so or with the double negation, the two agree
    ("Loài chim này không hiếm ở vùng này.", "Dieser Vogel ist in dieser Gegend nicht selten."),
    ("Loài chim này không hiếm ở vùng này.", "Dieser Vogel ist in dieser Gegend häufig."),
    # a word of small degree of another meaning does not stand for the double negation's weak word
    ("Một công ty nhỏ có thể làm được điều đó.", "Es ist nicht unmöglich, dass eine kleine Firma das schafft."),
])
def test_a_double_negation_said_otherwise_is_quiet(src, tgt):
    assert _negation(src, tgt, "vi", "de") == []
