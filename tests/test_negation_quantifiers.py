"""Negative quantifiers ("peu", "ít", "wenig": little, few) negate in part; with an article, as "at
least" or in a comparison they assert a quantity and negate nothing. Beside them, words that only look negated,
words of certainty and negated comparisons: which pairs stay a reversal and which say the same thing."""
import pytest

from mt.fidelity.evaluate import check_pair


def _negation(src, tgt, sl, tl):
    return [f.severity.value for f in check_pair(src, tgt, sl, tl) if f.signal == "negation"]


# pairs whose negation on one side is a reversal the other side does not explain: one critical negation finding
REVERSED = [
    # with an article, as "at least", in a phrase of time or in a comparison the quantifier negates nothing
    ("Les habitants sont un peu inquiets.", "The residents are not worried.", "fr", "en"),
    ("Le train est arrivé peu après midi.", "The train did not arrive after noon.", "fr", "en"),
    ("Tôi có một ít tiền.", "Ich habe kein Geld.", "vi", "de"),
    ("Anh ấy ít nhất đã thử.", "Er hat es nicht versucht.", "vi", "de"),
    ("Năm nay trời ít mưa hơn.", "Dieses Jahr regnet es nicht.", "vi", "de"),
    ("Er hat ein wenig geschlafen.", "He did not sleep.", "de", "en"),
    # words the affix rules would read as negated but that deny nothing ("never-the-less", "nichts-desto-trotz",
    # "im-meuble" = building): a negation dropped beside them is still a reversal
    ("Trotzdem kam er nicht zur Sitzung.", "Nevertheless, he came to the meeting.", "de", "en"),
    ("Malgré tout, il n'est pas venu à la réunion.", "Nonetheless, he came to the meeting.", "fr", "en"),
    ("Nevertheless, he did not come to the meeting.", "Nichtsdestotrotz kam er zur Sitzung.", "en", "de"),
    ("L'immeuble n'a pas été détruit.", "The building was destroyed.", "fr", "en"),
    # adverbs of certainty ("zweifellos", "sans conteste", "không thể chối cãi") and "n'importe" (any) deny
    # nothing: a negation on the other side is a reversal
    ("Il achète n'importe quoi au marché.", "He does not buy anything at the market.", "fr", "en"),
    ("Er hat zweifellos recht.", "He is not right.", "de", "en"),
    ("Il est sans conteste le meilleur.", "Er ist nicht der Beste.", "fr", "de"),
    ("Anh ấy là một tài năng không thể chối cãi.", "Er ist kein Talent.", "vi", "de"),
    # beside a negated comparison, a negation elsewhere in the clause still reverses
    ("Cuộc sống ở đây không khác gì địa ngục.", "Das Leben hier ist nicht wie die Hölle.", "vi", "de"),
    ("It was nothing short of a success.", "Es war kein Erfolg.", "en", "de"),
]

# pairs that say the same thing with and without a negation: no critical or major negation finding
QUIET = [
    # the quantifier ("peu", "ít": little, few) said with a negation on the other side: a minor note at most
    ("Le ministre était peu disposé à répondre aux questions.", "The minister was not willing to answer questions.", "fr", "en"),
    ("Cô ấy ít nói về gia đình mình.", "Sie spricht nicht gern über ihre Familie.", "vi", "de"),
    # certainty said with a negated word on one side and plainly on the other is the same statement
    ("Es gibt keinen Zweifel, dass er kommt.", "He will come, without a doubt.", "de", "en"),
    ("Il n'y a pas de doute qu'il viendra.", "He will come, without a doubt.", "fr", "en"),
    ("Sie ist ohne Zweifel die beste Spielerin.", "She is doubtless the best player.", "de", "en"),
    # a predicate "unbestritten" (= not disputed) is still a negation, rendered by one
    ("Das Ergebnis ist unbestritten.", "The result is not disputed.", "de", "en"),
    # a negation before "other than", "less than", "short of" or "different" asserts ("nothing short of a
    # miracle" = a miracle indeed, "không khác gì" = just like), in every pack
    ("Das war nichts anderes als ein Skandal.", "It was a scandal.", "de", "en"),
    ("C'était un miracle.", "It was nothing short of a miracle.", "fr", "en"),
    ("Đó không gì khác hơn là một phép màu.", "Das war ein Wunder.", "vi", "de"),
    ("Cuộc sống ở đây không khác gì địa ngục.", "Das Leben hier ist wie die Hölle.", "vi", "de"),
    ("Cuộc sống ở đây không khác gì địa ngục.", "Das Leben hier ist nicht anders als die Hölle.", "vi", "de"),
]


@pytest.mark.parametrize("src, tgt, sl, tl", REVERSED)
def test_a_reversal_stays_critical(src, tgt, sl, tl):
    assert _negation(src, tgt, sl, tl) == ["critical"]


@pytest.mark.parametrize("src, tgt, sl, tl", QUIET)
def test_the_same_statement_does_not_alarm(src, tgt, sl, tl):
    assert not {"critical", "major"} & set(_negation(src, tgt, sl, tl))
