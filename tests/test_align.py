"""Segmentation and alignment on the bundled article, synthetic documents and invariants."""
from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

from conftest import CORPUS, SHARED, run_cli
from mt.align import align_documents
from mt.align.metrics import beads_to_pairs, score
from mt.alignment_formats import read_vecalign
from mt.documents import load_document
from mt.segment import segment_lines, sentence_spans, split_sentences
from mt.testing import synthetic_pair
from mt.types import SegmentKind
import unicodedata


def test_german_and_vietnamese_sentence_splitting():
    de = "Am 29. Oktober kamen 12.000 Soldaten, z. B. aus Kursk. Er sagte: „Es gibt Bilder.“ Dann ging er. (Quelle: Yonhap)"
    assert split_sentences(de, "de") == ["Am 29. Oktober kamen 12.000 Soldaten, z. B. aus Kursk.",
                                         "Er sagte: „Es gibt Bilder.“", "Dann ging er. (Quelle: Yonhap)"]
    vi = "Hôm 29/10, ông Yoon tới TP.HCM. Bà Lan nói: “Tôi đồng ý.” Sau đó 12.000 người đến."
    assert split_sentences(vi, "vi") == ["Hôm 29/10, ông Yoon tới TP.HCM.", "Bà Lan nói: “Tôi đồng ý.”", "Sau đó 12.000 người đến."]


def test_non_content_lines_are_marked():
    vi = load_document(CORPUS / "vi.txt", "vi", segmented=True)
    de = load_document(CORPUS / "de.txt", "de", segmented=True)
    assert vi.segments[0].kind is SegmentKind.HEADING
    assert vi.segments[2].kind is SegmentKind.CAPTION and de.segments[1].kind is SegmentKind.CAPTION
    assert vi.segments[4].kind is SegmentKind.BOILERPLATE
    assert [s.kind for s in de.segments[14:]] == [SegmentKind.BOILERPLATE, SegmentKind.BOILERPLATE]
    assert sum(s.kind is SegmentKind.CONTENT for s in de.segments) == 13


def test_bundled_article_matches_gold_without_mt(tmp_path, capsys):
    out = tmp_path / "a.vide"
    code, _, err = run_cli(["align", str(CORPUS / "vi.txt"), str(CORPUS / "de.txt"), "--src-lang", "vi",
                            "--tgt-lang", "de", "--segmented", "-o", str(out)], capsys)
    assert code == 0, err
    s = score(read_vecalign(CORPUS / "gold.vide"), read_vecalign(out))
    assert s["f1_strict"] == 1.0


def test_nfd_input_aligns_like_nfc(tmp_path):
    nfd = tmp_path / "vi.nfd.txt"
    nfd.write_text(unicodedata.normalize("NFD", (CORPUS / "vi.txt").read_text(encoding="utf-8")), encoding="utf-8")
    de = load_document(CORPUS / "de.txt", "de", True)
    a = align_documents(load_document(CORPUS / "vi.txt", "vi", True), de)
    b = align_documents(load_document(nfd, "vi", True), de)
    assert beads_to_pairs(a.beads) == beads_to_pairs(b.beads)
    assert load_document(nfd, "vi", True).segments[1].text != load_document(CORPUS / "vi.txt", "vi", True).segments[1].text  # original kept


def test_alignment_recovers_merges_and_deletions_on_long_documents():
    src, tgt, gold = synthetic_pair(1500)
    a = align_documents(segment_lines(src, "de", True), segment_lines(tgt, "fr", True))
    s = score(gold, beads_to_pairs(a.beads))
    assert s["f1_strict"] > 0.95, s


def test_textberg_dev_with_mt_is_scored():
    bench = SHARED / "benchmarks" / "textberg-dev"
    if not bench.exists():
        import pytest

        pytest.skip("Text+Berg benchmark not present")
    from mt.io import read_lines

    de = load_document(bench / "dev.de", "de", True)
    fr = load_document(bench / "dev.fr", "fr", True)
    a = align_documents(de, fr, mt=read_lines(bench / "dev.mt-google.fr"))
    s = score(read_vecalign(bench / "dev.defr"), beads_to_pairs(a.beads))
    # measured 0.883 strict with the preset chosen by cross-validation over Text+Berg and MAC (eval/align_cv.py;
    # 0.867 before the z scale left true pairs out); the 0.904 of an earlier preset was in-sample, tuned on this document
    assert s["f1_lax"] > 0.95 and s["f1_strict"] > 0.87, s


def test_short_documents_are_not_glued_into_one_bead():
    """In a document of two or three sentences the true pairs are a large share of all sentence pairs.
    Measured against all pairs, every match looked like chance and two sentences against three came
    out as one 2-3 bead; against the unrelated pairs only, the sentence that has a partner keeps it."""
    vi = ["Hai bên thảo luận về hợp tác kinh tế.", "Cuộc họp kết thúc lúc 17 giờ."]
    de = ["Beide Seiten erörterten die wirtschaftliche Zusammenarbeit.",
          "Nach Angaben der Polizei wurden dabei 40 Menschen verletzt.", "Das Treffen endete um 17 Uhr."]
    pairs = beads_to_pairs(align_documents(segment_lines(vi, "vi", True), segment_lines(de, "de", True)).beads)
    assert all(len(s) <= 1 for s, _ in pairs), pairs
    assert ((1,), (2,)) in pairs, pairs


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet="abc xyz.!?ÄÖ,0123", min_size=1, max_size=40), min_size=1, max_size=12),
       st.lists(st.text(alphabet="abc xyz.!?ÄÖ,0123", min_size=1, max_size=40), min_size=1, max_size=12))
def test_alignment_covers_every_segment_once_in_order(src, tgt):
    s = segment_lines([x for x in src if x.strip()] or ["a"], "de", True)
    t = segment_lines([x for x in tgt if x.strip()] or ["b"], "fr", True)
    beads = align_documents(s, t).beads
    assert [i for b in beads for i in b.src] == list(range(len(s)))
    assert [j for b in beads for j in b.tgt] == list(range(len(t)))


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=0, max_size=200))
def test_segmentation_keeps_every_character_in_order(text):
    spans = sentence_spans(text, "de")
    pos = 0
    for s, e in spans:
        assert text[pos:s].strip() == ""  # only whitespace between sentences
        pos = e
    assert text[pos:].strip() == ""


def test_given_alignment_with_gaps_is_put_in_document_order():
    """Segments a given alignment leaves out become null beads, each placed after what precedes it."""
    from mt.pipeline import align_pair

    src = segment_lines(["A eins.", "B zwei.", "C drei.", "D vier."], "de", True)
    tgt = segment_lines(["a one.", "x extra.", "b two.", "y extra.", "d four."], "en", True)
    al = align_pair(src, tgt, alignment=[[[3], [4]], [[1], [2]], [[0], [0]]])
    assert beads_to_pairs(al.beads) == [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((), (3,)), ((2,), ()), ((3,), (4,))]


def test_cldr_and_lexicon_names_are_anchors_across_languages():
    """'Juli'/'juillet' and 'Schweiz'/'Suisse' share no character n-grams worth the name; as concepts
    (month:7, country:CH) they match, and 'mais' (but) or 'uns' (us) are not taken for names."""
    from mt.align.features import _concept_hashes, weighted_pair

    de = ["Im Juli reisten sie in die Schweiz.", "Danach schrieb er uns einen Brief."]
    fr = ["En juillet ils partirent pour la Suisse.", "Mais ensuite il nous écrivit une lettre."]
    plain_x, plain_y = weighted_pair(de, fr)
    x, y = weighted_pair(de, fr, "de", "fr")
    assert (x[0] @ y[0].T).toarray()[0, 0] > (plain_x[0] @ plain_y[0].T).toarray()[0, 0]
    assert _concept_hashes(fr[1:], "fr") == ([], [], []) and _concept_hashes(de[1:], "de") == ([], [], [])
    months = _concept_hashes(["ngày 7 tháng 7 năm 2024"], "vi")[1]
    assert months == _concept_hashes(["am 7. Juli 2024"], "de")[1]


def _foreign_vocabulary_pair(n: int = 300, seed: int = 0):
    """Sentences whose only link across languages is a consistent word translation (no shared
    strings, no numbers or names), 10 % of them joined to their neighbour on the target side."""
    rng = random.Random(seed)
    syllable = lambda letters, vowels: rng.choice(letters) + rng.choice(vowels)  # noqa: E731
    vocab = ["".join(syllable("bcdfghklmnprstvz", "aeiou") for _ in range(3)) for _ in range(60)]
    other = {w: "".join(syllable("BCDFGHKLMNPRSTVZ", "AEIOU") for _ in range(3)) for w in vocab}
    src, tgt, gold = [], [], []
    for i in range(n):
        words = [rng.choice(vocab) for _ in range(rng.randint(5, 15))]
        src.append(" ".join(words) + ".")
        translated = " ".join(other[w] for w in words) + "."
        if rng.random() < 0.1 and tgt and len(gold[-1][0]) == 1:
            tgt[-1] += " " + translated
            gold[-1] = ((i - 1, i), gold[-1][1])
        else:
            tgt.append(translated)
            gold.append(((i,), (len(tgt) - 1,)))
    return src, tgt, gold, other


def test_word_links_are_learned_from_the_first_pass():
    from mt.align.induce import content_words, induce_links

    src, tgt, gold, other = _foreign_vocabulary_pair()
    links = induce_links([content_words(t) for t in src], [content_words(t) for t in tgt], gold, [1.0] * len(gold))
    learned = {u: v for u in links[0] for v in links[1] if links[0][u] == links[1][v]}
    assert len(learned) >= 50 and all(other[u] == v.upper() for u, v in learned.items())
    # identical words are the n-grams' business, not links
    same = [content_words("same word here")] * 5
    assert induce_links(same, same, [((i,), (i,)) for i in range(5)], [1.0] * 5) == ({}, {})


def test_second_pass_with_learned_links_recovers_what_length_alone_misses():
    import dataclasses

    from mt.align.dp import WITHOUT_MT

    src, tgt, gold, _ = _foreign_vocabulary_pair()
    s, t = segment_lines(src, "de", True), segment_lines(tgt, "fr", True)
    one_pass = score(gold, beads_to_pairs(align_documents(s, t, params=dataclasses.replace(WITHOUT_MT, induce_top=0.0)).beads))
    two_pass = score(gold, beads_to_pairs(align_documents(s, t).beads))
    assert two_pass["f1_strict"] == 1.0 and one_pass["f1_strict"] < 0.99


def test_language_neutral_features_for_unrelated_scripts():
    """zh–en without MT: a question or a quotation is one in both scripts (full-width ？ folds to ?), and
    unspaced Chinese is cut into character bigrams for the learned lexicon."""
    from mt.align.features import weighted_pair
    from mt.align.induce import content_words

    zh = ["他问：“你去哪里？”", "天很冷。"]
    en = ['"Where are you going?" he asked.', "It was cold."]
    x, y = weighted_pair(zh, en, "zh", "en")
    sim = (x @ y.T).toarray()
    assert sim[0, 0] > sim[0, 1] and sim[0, 0] > 0
    assert {"你去", "去哪", "哪里"} <= content_words(zh[0]) and "他问" in content_words(zh[0])
    assert content_words("Hello world") == {"hello", "world"}


def test_tsv_alignment_reads_back_whole_with_csv_readers(tmp_path, capsys):
    # a segment that opens with a quotation mark lost its quotes (and could swallow the next lines) in
    # csv.reader / pandas.read_csv(sep="\t"); written by the csv module, as the export's TSV is
    import csv

    src, tgt = tmp_path / "q.de", tmp_path / "q.en"
    de = ['"Wir schaffen das", sagte die Kanzlerin am Montag in Berlin.', "Die Regierung will im nächsten Jahr zwei neue Schulen bauen."]
    en = ['"We can do this," the chancellor said in Berlin on Monday.', "The government wants to build two new schools next year."]
    src.write_text("\n".join(de) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(en) + "\n", encoding="utf-8")
    code, out, err = run_cli(["align", str(src), str(tgt), "--src-lang", "de", "--tgt-lang", "en", "--segmented", "--format", "tsv"], capsys)
    assert code == 0, err
    rows = list(csv.reader(out.splitlines(), delimiter="\t"))
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [("0", "0", de[0], en[0]), ("1", "1", de[1], en[1])]


def test_chinese_and_japanese_full_stops_split_sentences():
    # "sentence splitting for any language": unspaced full-width stops were no boundary, so a Chinese line was one segment
    assert split_sentences("今天天气很好。我们去公园散步了。", "zh") == ["今天天气很好。", "我们去公园散步了。"]
    assert split_sentences("他说：“明天会下雨。”我们留在家里。", "zh") == ["他说：“明天会下雨。”", "我们留在家里。"]
    assert split_sentences("他问：“你去哪里？”", "zh") == ["他问：“你去哪里？”"]  # the closing quote stays with its sentence
    assert split_sentences("東京に行きました。楽しかったです！", "ja") == ["東京に行きました。", "楽しかったです！"]
    doc = segment_lines(["今天天气很好。我们去公园散步了。"], "zh")
    assert len(doc.segments) == 2


def test_concept_look_up_finds_what_one_regex_of_all_surfaces_finds():
    """The per-word look-up of concept surfaces (longest first, any case, the rest of the word as its tail)
    finds the same matches as a single alternation of every surface, longest first, at word starts."""
    import regex

    from mt.align.features import _concept_finder, _concept_matches

    texts = {"de": ["Die Südkoreaner und Südkoreas Präsident trafen in den Vereinigten Staaten ein.",
                    "Im Juli und am 3. Juni, in Nordkorea-Nähe; die UNO und uns, Deutschlands Kanzler."],
             "fr": ["Mais en juillet, la Suisse et les États-Unis d'Amérique, l'Allemagne."],
             "vi": ["Hàn Quốc và Triều Tiên, ngày 7 tháng 12 năm 2024, Mỹ-Mexico."]}
    for lang, lines in texts.items():
        concepts = _concept_finder(lang)[1]
        alternation = "|".join(regex.escape(k) for k in sorted(concepts, key=len, reverse=True))
        one = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternation})(\p{{L}}*)", regex.IGNORECASE)
        for text in lines:
            expected = [(m.group(0)[: len(m.group(0)) - len(m.group(1))], m.group(1)) for m in one.finditer(text)]
            assert list(_concept_matches(text, lang)) == expected, text
            assert expected  # (each line names some concept)
