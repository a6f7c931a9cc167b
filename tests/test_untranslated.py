"""A target sentence left in the source language is reported as untranslated, and the checks that
would read it in the wrong language stay quiet on it."""
from __future__ import annotations

import mt

DE = ["Die Stadt Köln hat am Dienstag einen neuen Radweg am Rheinufer eröffnet.",
      "Der Bürgermeister sagte, der Weg sei nicht nur für Pendler gedacht.",
      "Die Bauarbeiten hatten fast zwei Jahre gedauert und kosteten vier Millionen Euro."]
EN = ["The city of Cologne opened a new cycle path along the Rhine on Tuesday.",
      "The mayor said the path was not only meant for commuters.",
      "The construction work had taken almost two years and cost four million euros."]


def _untranslated(res):
    return [f for f in res.findings if "untranslated" in f.message]


def test_a_sentence_left_in_the_source_language_is_reported():
    left = EN[:1] + DE[1:2] + EN[2:]
    res = mt.check(DE, left, "de", "en", segmented=True)
    found = _untranslated(res)
    assert [(f.type, f.severity.value, f.tgt) for f in found] == [("omission", "major", [1])]
    assert "still in German" in found[0].message
    # the German sentence is not read as English: no "negation reversed" from its 'nicht'
    assert not [f for f in res.findings if f.tgt == [1] and f.type == "negation"]


def test_a_translated_document_has_no_untranslated_finding():
    assert _untranslated(mt.check(DE, EN, "de", "en", segmented=True)) == []


def test_a_line_of_names_is_the_same_in_every_language():
    de = ["Tore: 1:0 Brinkmann (12.), 2:0 Oelschläger (40.), 2:1 Kowalczyk (51.), 3:1 Hülsmann (77.), 3:2 Kowalczyk (88.)."]
    en = ["Goals: 1-0 Brinkmann (12), 2-0 Oelschläger (40), 2-1 Kowalczyk (51), 3-1 Hülsmann (77), 3-2 Kowalczyk (88)."]
    from mt.pipeline import check_documents
    from mt.segment import segment_lines

    # (through the pipeline: the document-level language check would already refuse so short an English text)
    assert _untranslated(check_documents(segment_lines(de, "de", True), segment_lines(en, "en", True))) == []
