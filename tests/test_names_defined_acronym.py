"""An acronym its own text spells out beside it is a gloss of those words, not a name of its own."""
import pytest

from mt.fidelity.evaluate import _alarms, check_pair
from mt.fidelity.names import _spells


def test_spells():
    assert _spells(["bild", "am", "sonntag"], "bams")
    assert _spells(["distributed", "denial", "of", "service"], "ddos")
    assert _spells(["objectifs", "de", "développement", "durable"], "odd")
    assert not _spells(["gerichtshof", "für", "menschenrechte"], "gmr")


@pytest.mark.parametrize("src, tgt, sl", [
    ("« Je suis heureux que les États membres aient accepté de fixer des objectifs de développement durable universels (ODD) », a-t-il ajouté.",
     "\"I am pleased that member states have agreed to establish universal sustainable development goals - SDGs,\" he said.", "fr"),
    ("Die \"Bild am Sonntag\" berichtet unter Berufung auf seinen Anwalt über die Trennung des bekannten Moderators.",
     "The Bild am Sonntag (BamS) paper reported the separation of the famous host, citing his lawyer.", "de"),
])
def test_gloss_acronym_is_quiet(src, tgt, sl):
    assert [f for f in _alarms(check_pair(src, tgt, sl, "en")) if f.type in ("entity", "attribution")] == []


def test_acronym_against_an_unexplained_one_is_still_paired():
    # one side spells its acronym out, the other writes its own: they stay a pair of acronyms (a minor note)
    found = check_pair("Selbst der Europäische Gerichtshof für Menschenrechte (EGMR) halte diese Zusagen für ausreichend.",
                       "The European Court of Human Rights (ECHR) itself considers these pledges to be sufficient.", "de", "en")
    assert _alarms(found) == [] and [f.type for f in found] == ["entity"]


def test_replaced_body_still_alarms():
    found = _alarms(check_pair("Die Weltgesundheitsorganisation warnt vor der Grippe.",
                               "The International Monetary Fund (IMF) warns against the flu.", "de", "en"))
    assert [f.type for f in found] == ["entity"]
