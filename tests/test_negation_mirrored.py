"""Double negations said in each language's word order, and negation knowledge the English and French
packs lacked (folded adverbs, "no question that", "à défaut de")."""
import pytest

from mt.fidelity.evaluate import _alarms, check_pair
from mt.fidelity.negation import _is_prefixed, negation_pack


def _negation_alarms(src, tgt, sl, tl):
    return [f for f in _alarms(check_pair(src, tgt, sl, tl)) if f.type == "negation"]


@pytest.mark.parametrize("src, tgt, sl", [
    # "pas … sans" one word apart cancel in French; "cannot … without" further apart do not in English
    ("Nous ne pouvons pas l'admettre sans un plan acceptable.", "We cannot let this happen without an acceptable plan.", "fr"),
    ("Même si la réforme a sa légitimité, nous ne pouvons pas l'admettre sans un schéma acceptable.",
     "Even though the reform has a justification, we cannot let this happen without an acceptable plan.", "fr"),
    # "not un…ly": the adverb of a prefixed adjective is negated as the adjective is
    ("La Cour a considéré que la disposition était coercitive conformément à la constitution.",
     "The court held that the requirement is not unconstitutionally coercive.", "fr"),
    # "no question that" asserts, as "no doubt" does
    ("Il est certain que le président a appris certaines choses.",
     "There is no question that the President has learned of some things.", "fr"),
    # "à défaut de" (for lack of) negates in part, as "lack" does
    ("À défaut de pouvoir embaucher Dylan ou le trio Peter, Paul and Mary, Joel et Ethan Coen ont jeté leur dévolu sur Oscar Isaac.",
     "Since they could not hire Dylan or the Peter, Paul and Mary trio, Joel and Ethan Coen opted for Oscar Isaac.", "fr"),
])
def test_same_polarity_is_quiet(src, tgt, sl):
    assert _negation_alarms(src, tgt, sl, "en") == []


@pytest.mark.parametrize("src, tgt, sl", [
    # a lone negation against none stays critical
    ("Nous pouvons l'admettre avec un plan acceptable.", "We cannot let this happen with an acceptable plan.", "fr"),
    ("Nous ne pouvons pas l'admettre avec un plan acceptable.", "We can let this happen with an acceptable plan.", "fr"),
    # a "not" added before a plain adjective is still a reversal
    ("La Cour a considéré que la disposition était coercitive.", "The court held that the requirement is not coercive.", "fr"),
    ("Es gibt keine Frage, die er nicht beantworten kann.", "There is a question he can answer.", "de"),
])
def test_reversal_still_alarms(src, tgt, sl):
    assert [f.severity.value for f in _negation_alarms(src, tgt, sl, "en")] == ["critical"]


def test_adverb_folds_into_its_adjective():
    en = negation_pack("en")
    assert "unconstitutional" in en.prefixed and "unconstitutionally" not in en.prefixed
    assert _is_prefixed("unconstitutionally", en) and _is_prefixed("unfairly", en)
    assert not _is_prefixed("usually", en)


@pytest.mark.parametrize("src, tgt, sl", [
    # "no-" opening a compound names a thing, as "non-" does
    ("Das Parlament stimmte über das Misstrauensvotum ab.", "Parliament voted on the no-confidence motion.", "de"),
    ("La Nato a instauré une zone d'exclusion aérienne.", "Nato set up a no-fly zone.", "fr"),
    # "nicht wahr" negates; only as a short last question is it a tag
    ("Das ist nicht wahr, sagte der Minister.", "That is not true, said the minister.", "de"),
    ("Er kommt morgen, nicht wahr?", "He's coming tomorrow, isn't he?", "de"),
    # an exception after a negation restricts it and does not cancel it
    ("Je ne connais personne ici sauf toi.", "I don't know anyone here except you.", "fr"),
])
def test_compounds_tags_and_exceptions_are_quiet(src, tgt, sl):
    assert _negation_alarms(src, tgt, sl, "en") == []


@pytest.mark.parametrize("src, tgt, sl", [
    ("Das Parlament stimmte über das Misstrauensvotum ab.", "Parliament did not vote on the no-confidence motion.", "de"),
    ("Das ist nicht wahr, sagte der Minister.", "That is true, said the minister.", "de"),
    ("Je ne connais personne ici sauf toi.", "I know everyone here except you.", "fr"),
])
def test_compounds_tags_and_exceptions_keep_reversals(src, tgt, sl):
    assert [f.severity.value for f in _negation_alarms(src, tgt, sl, "en")] == ["critical"]


@pytest.mark.parametrize("src, tgt, sl", [
    # the double negation's weak word kept without the negation that cancelled it
    ("Er kam nicht ohne ein Geschenk.", "He came without a gift.", "de"),
    # a word of certainty is no negation: "not undoubtedly" is a negation added
    ("Les nouvelles règles vont indéniablement rendre le vote plus difficile.",
     "The new rules will not undoubtedly make voting more difficult.", "fr"),
])
def test_lost_double_negation_and_certainty_alarm(src, tgt, sl):
    assert [f.severity.value for f in _negation_alarms(src, tgt, sl, "en")] == ["critical"]


@pytest.mark.parametrize("src, tgt, sl", [
    ("Er kam nicht ohne ein Geschenk.", "He came with a gift.", "de"),
    ("Er kam nicht ohne ein Geschenk.", "He did not come without a gift.", "de"),
    ("Les nouvelles règles vont indéniablement rendre le vote plus difficile.",
     "The new rules will undoubtedly make voting more difficult.", "fr"),
    ("Sie wird gleich hier sein.", "She will be here in no time.", "de"),
])
def test_double_negation_rendered_and_certainty_quiet(src, tgt, sl):
    assert _negation_alarms(src, tgt, sl, "en") == []


@pytest.mark.parametrize("src, tgt", [
    # a negation next to an un-word on one side, the negation and "without" later in its clause on the
    # other: the same double negation in each language's words
    ("Er verlässt das Haus nie unbewaffnet.", "He never leaves the house without a weapon."),
    ("Sie geht nie ungeschützt in die Sonne.", "She never goes out in the sun without protection."),
])
def test_adjacent_double_negation_mirrors_one_further_apart(src, tgt):
    assert _negation_alarms(src, tgt, "de", "en") == []


@pytest.mark.parametrize("src, tgt", [
    # the negation lost, or added, is still a reversal
    ("Er verlässt das Haus nie unbewaffnet.", "He often leaves the house without a weapon."),
    ("Er verlässt das Haus unbewaffnet.", "He never leaves the house without a weapon."),
    # a weak word before the negation mirrors no "not un-" ("not unbeatable" = beatable)
    ("Ohne Zweifel war die Mannschaft nicht zu schlagen.", "Without doubt the team was not unbeatable."),
])
def test_adjacent_double_negation_keeps_reversals(src, tgt):
    assert [f.severity.value for f in _negation_alarms(src, tgt, "de", "en")] == ["critical"]
