"""Names: correct translations that must stay quiet (or give only a minor note) and the edits that
must still alarm beside them. Sentences written for these tests (not taken from any dev set)."""
from __future__ import annotations

import pytest

from mt.pipeline import check_documents
from mt.segment import segment_lines

ALARM = ("critical", "major")


def _findings(src: str, tgt: str, sl: str, tl: str) -> list:
    return check_documents(segment_lines([src], sl, True), segment_lines([tgt], tl, True)).findings


# (source, target, src_lang, tgt_lang, names-channel alarm types expected)
CASES = [
    # a body's acronym localised (same first letter or half the letters: one body) or unrelated (two bodies)
    ("Die Klage liegt seit Mai beim IGH in Den Haag.", "The case has been before the ICJ in The Hague since May.", "de", "en", set()),
    ("Die GDL kritisierte die Pläne.", "The EVG criticised the plans.", "de", "en", {"entity"}),
    # an acronym for a body the source names by its head word alone, or in translated words
    ("Hier, le Parti a voté contre la loi.", "Yesterday the GOP voted against the law.", "fr", "en", set()),
    ("Le Fonds refuse de verser une nouvelle tranche.", "The IMF refuses to pay another installment.", "fr", "en", set()),
    ("Die Liga hat das Turnier abgesagt.", "The UNESCO has cancelled the tournament.", "de", "en", {"entity"}),
    # … but a compound naming a body of its own kind is not abbreviated by another body's acronym
    ("Das steht in der Einladung des Heimatvereins.", "This is in the invitation of the BBC.", "de", "en", {"entity"}),
    # a capitalised ordinary word is not a name that a known place replaced …
    ("Musk zahlt für drei Jahre 420 Dollar je Aktie.", "For three years Musk pays 420 dollars per share in Canada.", "de", "en", set()),
    # … unless it is made from a place's name
    ("Die Löhne in Westdeutschland sind höher als anderswo.", "Wages in Iran are higher than elsewhere.", "de", "en", {"entity"}),
    # a listed word as it stands may be a surname (a German compound may not: see the test below)
    ("Das habe sich geändert, sagte Keller am Montag in Berlin.", "That had changed, said Anna Berg in Berlin on Monday.", "de", "en", {"attribution"}),
    # an ordinary word read as a first name at the end of a longer name is no person ("Christmas Eve")
    ("Les attentats ont eu lieu la veille de Noël en 2000.", "The attacks took place on Christmas Eve in 2000.", "fr", "en", set()),
    # a country inside a currency's name is the currency ("US dollars"), not a place that replaced one
    ("Musk gibt das Amt ab, eine dem deutschen Vorstand ähnliche Rolle, und zahlt 20 Millionen Dollar.",
     "Musk gives up the office, a role like that of a board, and pays 20 million US dollars.", "de", "en", set()),
    # two neighbouring letters swapped in a name is a typing slip; other spellings are other people
    ("Neal Baer leitet die Serie seit Jahren.", "Neal Bear has run the series for years.", "de", "en", set()),
    ("Jacob-Bruun Larsen traf zweimal.", "Karen Burns scored twice.", "de", "en", {"attribution"}),
    # a body after a title is no person ("Thẩm phán Tòa án Tối cao": a Supreme Court judge)
    ("Bà Lan chỉ trích ông Hùng và ứng viên Thẩm phán Tòa án Tối cao Peter Brandt.",
     "Lan kritisierte Hung und Peter Brandt, Kandidat für den Obersten Gerichtshof, und Donald.", "vi", "de", set()),
    # a currency code is no body ("25 triệu USD")
    ("Tổ chức này hứa cung cấp 25 triệu USD cho Rwanda.", "Die Organisation mit Sitz im Vereinigten Königreich versprach Ruanda 25 Millionen US-Dollar.",
     "vi", "de", set()),
    # an acronym written with dots is the acronym without them
    ("Ông ấy gây chiến với N.F.L mỗi tuần.", "Er streitet jede Woche mit der NFL.", "vi", "de", set()),
    # an acronym and the words it abbreviates, in any order
    ("Il a été invité au GP d'Abou Dhabi avec un ami.", "He was invited to the Grand Prix in Abu Dhabi with a friend.", "fr", "en", set()),
    # a chief executive by the title of each language
    ("Maurice Taylor, le PDG du groupe Titan, est prêt à sauver 333 emplois.",
     "Maurice Taylor, CEO of the Titan group, is ready to save 333 jobs.", "fr", "en", set()),
    # an acronym of the packs written as a word ("l'Onu"), and another body for it
    ("Elle a mis fin aux écoutes du siège de l'Onu à New York.", "It ended the tapping of the UN headquarters in New York.", "fr", "en", set()),
    ("Elle a mis fin aux écoutes du siège de l'Onu à New York.", "It ended the tapping of the NATO headquarters in New York.", "fr", "en", {"entity"}),
    # a province rendered in ordinary words of the target, and another place for it
    ("La congrégation de Sainte-Croix avait accepté de régler à l'amiable.", "The Congregation of the Holy Cross agreed to settle out of court.", "fr", "en", set()),
    ("La congrégation de Sainte-Croix avait accepté de régler à l'amiable.", "The Congregation of Warsaw agreed to settle out of court.", "fr", "en", {"entity"}),
    # (not a place whose name is no ordinary word: "Jilin" for "Red Cross" is a substitution)
    ("Il était président de la Banque de Jilin entre 1995 et 2001.", "He was president of the Red Cross between 1995 and 2001.", "fr", "en", {"entity"}),
    # Macedonia by its name before 2019 and its people
    ("Người dân Macedonia bỏ phiếu về tên mới.", "Die Mazedonier stimmen über den neuen Namen ab.", "vi", "de", set()),
    ("Mazedonier stimmen über neuen Staatsnamen ab.", "Macedonians vote on a new state name.", "de", "en", set()),
]


@pytest.mark.parametrize("src,tgt,sl,tl,expected", CASES, ids=[c[1][:40] for c in CASES])
def test_names_false_alarm_table(src, tgt, sl, tl, expected):
    found = [f for f in _findings(src, tgt, sl, tl) if f.severity.value in ALARM and f.signal == "names"]
    assert {f.type for f in found} == expected, [f.message for f in found]


def test_a_german_compound_is_no_name_that_a_person_replaced():
    # the named minister is a person the source does not name (an added person), not a substitute for
    # the compound "Umtauschprämien" read as a name
    found = [f for f in _findings("Der Minister will die Firmen mit Umtauschprämien davonkommen lassen.",
                                  "Minister Anton Reiter wants to let the companies off with an exchange premium.", "de", "en")
             if f.severity.value in ALARM and f.signal == "names"]
    assert [f.type for f in found] == ["attribution"]
    assert "does not name in any form" in found[0].message and "Umtauschprämien" not in found[0].message


def test_localised_acronym_is_a_minor_note_that_says_why():
    notes = [f for f in _findings("Die Klage liegt seit Mai beim IGH in Den Haag.",
                                  "The case has been before the ICJ in The Hague since May.", "de", "en") if f.type == "entity"]
    assert [f.severity.value for f in notes] == ["minor"]
    assert "localised" in notes[0].message and "'ICJ'" in notes[0].message


def test_dotted_acronym_also_spells_the_plain_one():
    from mt.fidelity.names import _words

    assert "NFL" in _words("Er stritt mit der N.F.L über Geld.")
    assert "NFL" not in _words("Er stritt mit der N. über Geld.")


def test_currency_code_is_no_name():
    from mt.fidelity.extract import extract
    from mt.fidelity.names import find
    from mt.lexicon import lexicon

    lex = lexicon("en")
    names = [n.text for n in find(extract("They promised 25 million USD to the ICRC last year.", lex), lex)]
    assert "USD" not in names and "ICRC" in names


def test_spoken_acronym_is_indexed_unless_it_is_a_word():
    from mt.lexicon import lexicon

    assert lexicon("fr").index.get("Onu") == "org:un"
    assert "Who" not in lexicon("de").index  # WHO, but "Who" is an English word
