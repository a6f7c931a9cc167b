"""Negation, numbers and dates as case tables: a sentence pair in → the alarms (critical or major
findings) out. Every sentence here was written for these tests; none comes from a dev set."""
from __future__ import annotations

import pytest

from mt.fidelity.evaluate import check_pair


def alarms(src: str, tgt: str, sl: str, tl: str) -> list[tuple[str, str]]:
    return sorted((f.type, f.severity.value) for f in check_pair(src, tgt, sl, tl) if f.severity.value in ("critical", "major"))


CRIT = "critical"

NEGATION = [
    # "theo giá không đổi" is a term (at constant prices); "không đổi" (unchanged) said as "geblieben"
    ("vi", "de", "GDP theo giá không đổi tăng 5,3%.", "Das BIP wuchs preisbereinigt um 5,3 Prozent.", []),
    ("vi", "de", "Tỷ lệ này gần như không đổi ở mức 12%.", "Die Quote ist bei rund 12 Prozent geblieben.", []),
    ("vi", "de", "Giá xăng không đổi.", "Der Benzinpreis stieg.", [("negation", CRIT)]),
    # questions and tags are not negations
    ("vi", "de", "Chị có đi chợ không?", "Gehst du auf den Markt?", []),
    ("vi", "de", "Bạn đã ăn tối chưa?", "Hast du schon zu Abend gegessen?", []),
    ("vi", "de", "Trời sẽ mưa, phải không?", "Es wird regnen, oder?", []),
    ("vi", "de", "Chưa rõ bà ấy có đến dự không.", "Ob sie teilnimmt, ist noch unklar.", []),
    ("vi", "en", "Em đi học được không mẹ?", "Can I go to school, Mum?", []),
    ("en", "de", "The bridge is closed, isn't it?", "Die Brücke ist gesperrt, nicht wahr?", []),
    # negative pronouns and adverbs
    ("vi", "de", "Không ai trả lời điện thoại.", "Niemand ging ans Telefon.", []),
    ("vi", "de", "Cô ấy chưa bao giờ đến Huế.", "Sie war nie in Huế.", []),
    ("de", "en", "Die Firma hat keineswegs aufgegeben.", "The company has by no means given up.", []),
    ("fr", "en", "Personne ne connaît la réponse.", "Nobody knows the answer.", []),
    ("fr", "en", "Il ne pleut jamais en juillet ici.", "It never rains here in July.", []),
    # words that negate by a prefix, verbs of refusal, double negation
    ("vi", "de", "Việc sửa cầu là không thể.", "Die Reparatur der Brücke ist unmöglich.", []),
    ("vi", "de", "Hội đồng từ chối đề nghị của công đoàn.", "Der Rat lehnte den Vorschlag der Gewerkschaft ab.", []),
    ("vi", "de", "Bộ không phủ nhận báo cáo.", "Das Ministerium dementierte den Bericht nicht.", []),
    ("de", "en", "Der Termin war den Anwohnern unbekannt.", "The residents did not know the date.", []),
    ("de", "en", "Die Ziele konnten nicht erreicht werden.", "The targets could not be reached.", []),
    # French "ne … que" is "only"; "non-" words are prefixes
    ("fr", "en", "Le musée n'ouvre que le dimanche.", "The museum opens only on Sundays.", []),
    # compounds with a marker that do not negate
    ("vi", "de", "Không quân đã bay qua thành phố.", "Die Luftwaffe flog über die Stadt.", []),
    ("vi", "de", "Hãng hàng không tăng giá vé.", "Die Fluggesellschaft erhöhte die Preise.", []),
    ("vi", "de", "Khách hàng không hài lòng.", "Die Kunden sind zufrieden.", [("negation", CRIT)]),
    ("en", "de", "Not only the roads but also the trains were affected.", "Nicht nur die Straßen, auch die Züge waren betroffen.", []),
    # coordinated negations are one; known double negations cancel; answers and timing negate in part
    ("vi", "de", "Anh ấy không ăn và cũng không uống gì.", "Er hat weder gegessen noch getrunken.", []),
    ("vi", "de", "Không ai không biết ông ấy.", "Jeder kennt ihn.", []),
    ("fr", "en", "Il n'est pas impossible que le train parte.", "The train may well leave.", []),
    ("vi", "en", "Tôi e là cô ấy sẽ nói không.", "I'm afraid she'll say no.", []),
    ("de", "en", "Der Minister wird erst am Montag sprechen.", "The minister will not speak until Monday.", []),
    ("de", "en", "Nicht wenige Gäste blieben bis zum Morgen.", "Quite a few guests stayed until morning.", []),
    ("fr", "en", "Le pont est fermé jusqu'à lundi.", "The bridge is not closed until Monday.", [("negation", CRIT)]),
    ("vi", "de", "Anh ấy rời đi mà không nói lời nào.", "Er ging wortlos.", []),
    # a negating determiner does not cancel the adjective after it; a weak word far off is no double negation
    ("de", "en", "Im Zug gibt es kein kostenloses Internet.", "There is no free internet on the train.", []),
    ("de", "en", "Die Nachricht kann er nicht versehentlich löschen.", "He cannot delete the message unintentionally.", []),
    ("de", "en", "Diesen Fehler kann man niemandem erklären.", "This error is inexplicable.", []),
    # reversals: inserted or removed negation; where both sides are built alike, one sentence reversed
    ("vi", "de", "Cửa hàng không mở cửa. Nhân viên không đến.", "Der Laden öffnete nicht. Die Angestellten kamen.", [("negation", "major")]),
    ("de", "en", "Ein Umzug kam für sie nicht infrage.", "Moving was an option for them.", [("negation", CRIT)]),
    ("vi", "de", "Công ty đã trả lương cho công nhân.", "Die Firma hat den Arbeitern keinen Lohn gezahlt.", [("negation", CRIT)]),
    ("vi", "de", "Thành phố không cấm xe máy.", "Die Stadt verbietet Motorräder.", [("negation", CRIT)]),
    ("de", "en", "Der Zug hielt in Fulda.", "The train did not stop in Fulda.", [("negation", CRIT)]),
    ("de", "en", "Niemand hat das Fenster geöffnet.", "Someone opened the window.", [("negation", CRIT)]),
    ("fr", "en", "Le maire n'a pas signé le décret.", "The mayor signed the decree.", [("negation", CRIT)]),
    ("fr", "en", "La ville a rouvert la piscine.", "The town hasn't reopened the pool.", [("negation", CRIT)]),
]


def test_negation_lowers_severity_and_says_why_when_only_a_weak_word_decides():
    # "ohne" negates only in part: a difference it alone decides is minor, and the message says so
    findings = check_pair("Họ đi bộ về nhà.", "Sie gingen ohne Pause nach Hause.", "vi", "de")
    neg = [f for f in findings if f.type == "negation"]
    assert len(neg) == 1 and neg[0].severity.value == "minor" and "ohne" in neg[0].message and "in part" in neg[0].message


NUMBERS = [
    # words, scales and compounds
    ("vi", "de", "Có mười một người bị thương.", "Elf Menschen wurden verletzt.", []),
    ("vi", "de", "Hai trăm nghìn người đã xuống đường.", "Zweihunderttausend Menschen gingen auf die Straße.", []),
    ("vi", "de", "Dự án tốn 9 triệu euro.", "Das Projekt kostet 9 Millionen Euro.", []),
    ("de", "en", "Das Projekt kostet 9 Millionen Euro.", "The project costs 9 million euros.", []),
    ("de", "en", "Das Werk beschäftigt 3,5 Mio. Menschen.", "The plant employs 3.5 million people.", []),
    ("fr", "en", "Le festival a attiré 20\u202f000 visiteurs.", "The festival drew 20,000 visitors.", []),
    ("fr", "en", "Le festival a attiré 20 000 visiteurs.", "The festival drew 20,000 visitors.", []),
    ("fr", "en", "La région compte 12.500 habitants.", "The region has 12,500 inhabitants.", []),
    ("fr", "en", "Une vingtaine de bénévoles sont venus.", "About 20 volunteers came.", []),
    # ranges and small words
    ("vi", "de", "Họ ở đó hai hay ba tuần.", "Sie blieben 2, 3 Wochen dort.", []),
    ("de", "en", "Er wartete vier Stunden.", "He waited four hours.", []),
    ("de", "en", "Die beiden Teams spielten unentschieden.", "The two teams drew.", []),
    ("de", "en", "Sie belegte den dreizehnten Platz.", "She finished thirteenth.", []),
    # times of day
    ("vi", "de", "Cuộc họp bắt đầu lúc 9 giờ.", "Die Sitzung begann um 9:00 Uhr.", []),
    # units converted, clock times and figures written differently
    ("fr", "en", "Le chiot était coincé à 15 m du sol.", "The puppy was stuck 50 ft above the ground.", []),
    ("de", "en", "Er fuhr mit 210 km/h.", "He was driving at 130 mph.", []),
    ("vi", "de", "Anh ấy cao 6 feet 2.", "Er ist 1,88 m groß.", []),
    ("vi", "de", "Anh ấy cao 1,98 m.", "Er ist zwei Meter groß.", []),
    ("de", "en", "Die Feier beginnt um 19.30 Uhr.", "The party starts at 7:30 pm.", []),
    ("fr", "en", "La réunion commence à 9h30.", "The meeting starts at 9:30.", []),
    ("vi", "de", "Cuộc họp bắt đầu lúc 3 giờ chiều.", "Die Sitzung begann um 15:00 Uhr.", []),
    ("de", "en", "Wir treffen uns um halb drei.", "We meet at 2:30.", []),
    ("fr", "en", "Le projet coûte 90 M$.", "The project costs $90-million.", []),
    ("de", "en", "Rufen Sie 059 133 4244 an.", "Call 059 133 4244.", []),
    ("vi", "en", "Trời mưa khoảng 1 tuần nay rồi.", "It has been raining for about a week.", []),
    ("vi", "de", "Bài hát nổi tiếng từ những năm 1970.", "Das Lied ist seit den 70er Jahren bekannt.", []),
    ("fr", "en", "Le film date des années 80.", "The film dates from the 1980s.", []),
    ("fr", "en", "Il faisait 35 degrés à Paris.", "It was 95 degrees in Paris.", []),
    ("vi", "de", "Anh ấy cao 1m98.", "Er ist 1,98 Meter groß.", []),
    ("vi", "de", "Trận đấu bắt đầu lúc 7 giờ tối.", "Das Spiel beginnt um 19 Uhr.", []),
    ("vi", "de", "Công ty lãi 5 nghìn tỷ đồng.", "Das Unternehmen verdiente 5 Billionen Dong.", []),
    ("fr", "en", "Le projet coûte 90 millions de dollars.", "The project costs $90m.", []),
    # a unit after a spelled-out number converts too; "đầu tiên" is the ordinal one
    ("vi", "de", "Sóng cao tới 20 feet.", "Die Wellen waren bis zu sechs Meter hoch.", []),
    ("vi", "de", "Đây là lần đầu tiên cả hai đội gặp nhau.", "Die beiden Teams treffen sich zum ersten Mal.", []),
    # a clock time written as a decimal; a range's scale holds for both ends; English grouped by spaces
    ("de", "en", "Gegen 13.30 Uhr sah ein Wanderer einen Brand.", "At around 13.30, a hiker saw a fire.", []),
    ("fr", "en", "Le résultat arrive à 6h30 le lendemain.", "The result comes at 6.30 the next morning.", []),
    ("fr", "en", "Les revenus ont reculé de 4,2 à 4,1 Md$.", "Revenue dipped to $4.1 billion from $4.2 billion.", []),
    ("fr", "en", "La provision sera de 4,5 milliards de livres.", "The provision will be £4 500 million.", []),
    ("de", "en", "Gegen 13.30 Uhr sah ein Wanderer einen Brand.", "At around 14.30, a hiker saw a fire.", [("number", CRIT), ("omission", "major")]),
    # multiples and shares in words compare as proportions where both sides say one ("gấp 3 lần" / "verdreifacht")
    ("vi", "de", "Giá xăng đã tăng gấp 3 lần.", "Der Benzinpreis hat sich verdreifacht.", []),
    ("vi", "de", "Khoảng một phần ba dân số sống ở nông thôn.", "Etwa ein Drittel der Bevölkerung lebt auf dem Land.", []),
    ("en", "fr", "Sales doubled in the second half of the year.", "Les ventes ont doublé au second semestre.", []),
    ("de", "en", "Zwei Drittel der Stimmen waren dafür.", "Two thirds of the votes were in favour.", []),
    ("vi", "de", "Giá nước cao gấp năm đến mười lần.", "Das Wasser kostet fünf- bis zehnmal so viel.", []),
    ("vi", "de", "Giá tăng gấp 2,5 lần.", "Der Preis ist 2,5-mal so hoch.", []),
    ("vi", "de", "Giá xăng đã tăng gấp 3 lần.", "Der Benzinpreis hat sich verdoppelt.", [("number", CRIT)]),
    ("vi", "de", "Khoảng một phần ba dân số sống ở nông thôn.", "Etwa ein Viertel der Bevölkerung lebt auf dem Land.", [("number", CRIT)]),
    ("fr", "en", "La moitié des électeurs a voté.", "A third of the voters voted.", [("number", CRIT)]),
    # changed values
    ("vi", "de", "Đây là lần đầu tiên đội gặp nhau.", "Das Team trifft sich zum dritten Mal.", [("number", CRIT)]),
    ("de", "en", "Er fuhr mit 210 km/h.", "He was driving at 180 mph.", [("number", "major")]),
    ("de", "en", "Wir treffen uns um halb drei.", "We meet at 3:30.", [("number", CRIT)]),
    ("fr", "en", "Le projet coûte 90 millions de dollars.", "The project costs $9m.", [("number", CRIT)]),
    ("de", "en", "Zwischen beiden Ländern gibt es viel Handel.", "There is much trade between the three countries.", [("number", CRIT)]),
    ("vi", "de", "Có mười một người bị thương.", "Zwölf Menschen wurden verletzt.", [("number", CRIT)]),
    ("vi", "de", "Hai trăm nghìn người đã xuống đường.", "20.000 Menschen gingen auf die Straße.", [("number", CRIT)]),
    ("de", "en", "Er wartete vier Stunden.", "He waited six hours.", [("number", CRIT)]),
    ("fr", "en", "Le festival a attiré 20 000 visiteurs.", "The festival drew 2,000 visitors.", [("number", CRIT)]),
    ("de", "en", "Das Projekt kostet 9 Millionen Euro.", "The project costs 9 billion euros.", [("number", CRIT)]),
]


DATES = [
    ("vi", "de", "Hội nghị diễn ra ngày 12 tháng 3.", "Die Konferenz fand am 12.03. statt.", []),
    ("vi", "de", "Hội nghị diễn ra ngày 12/3/2025.", "Die Konferenz fand am 12. März 2025 statt.", []),
    ("vi", "de", "Lễ hội kết thúc vào ngày 5 tháng Tám.", "Das Fest endete am 5. August.", []),
    ("vi", "de", "Hôm thứ Hai, bộ trưởng đến Đà Nẵng.", "Am Montag reiste der Minister nach Đà Nẵng.", []),
    ("vi", "de", "Đây là lần thứ hai ông đến Huế.", "Er ist zum zweiten Mal in Huế.", []),
    ("de", "en", "Am Sonntagabend sprach die Ministerin.", "The minister spoke on Sunday evening.", []),
    ("en", "fr", "The report came out on March 12, 2024.", "Le rapport est paru le 12 mars 2024.", []),
    ("de", "en", "Aktualisiert am 04.05.2018.", "Updated on 04/05/2018.", []),
    ("fr", "en", "Il vient tous les vendredis.", "He comes every Friday.", []),
    # the day in words: an ordinal (English, German), a counted number after the article (French) or after
    # "ngày", "mùng" (Vietnamese)
    ("en", "de", "The meeting took place on June second.", "Das Treffen fand am 2. Juni statt.", []),
    ("de", "en", "Am ersten Mai streikten sie.", "They went on strike on May 1.", []),
    ("fr", "en", "Il est arrivé le deux juin 2024.", "He arrived on June 2, 2024.", []),
    ("vi", "de", "Lễ hội diễn ra vào ngày mười lăm tháng tám.", "Das Fest fand am 15. August statt.", []),
    ("vi", "de", "Lễ hội diễn ra vào ngày mười lăm tháng tám.", "Das Fest fand am 16. August statt.", [("date", CRIT)]),
    ("de", "en", "Das Treffen fand am zweiten Juni statt.", "The meeting took place on June 3.", [("date", CRIT)]),
    ("fr", "en", "Il est arrivé le premier juin.", "He arrived on June 2.", [("date", CRIT)]),
    ("vi", "de", "Hội nghị diễn ra ngày 12 tháng 3.", "Die Konferenz fand am 13.03. statt.", [("date", CRIT)]),
    ("de", "en", "Aktualisiert am 04.05.2018.", "Updated on 04/06/2018.", [("date", CRIT)]),
    ("fr", "en", "Il est arrivé vendredi et reparti vendredi soir.", "He arrived on Friday and left on Sunday evening.", [("date", CRIT)]),
    ("de", "en", "Am Samstag öffnete das Museum.", "The museum opened on Friday.", [("date", CRIT)]),
    ("de", "en", "Im Juli wurde gewählt.", "The vote was held in September.", [("date", CRIT)]),
    ("fr", "en", "Le rapport est paru le 12 mars 2024.", "The report came out on March 21, 2024.", [("date", CRIT)]),
]


CASES = [("negation", *c) for c in NEGATION] + [("number", *c) for c in NUMBERS] + [("date", *c) for c in DATES]


@pytest.mark.parametrize("signal,sl,tl,src,tgt,expected", CASES, ids=[f"{c[0]}-{c[1]}-{c[2]}:{c[3][:30]}" for c in CASES])
def test_signal_cases(signal, sl, tl, src, tgt, expected):
    """Each table row: a pair written for this test → the exact alarms expected of the signal."""
    assert alarms(src, tgt, sl, tl) == expected


@pytest.mark.parametrize("text,lang,value", [
    ("mười một", "vi", 11), ("hai trăm nghìn", "vi", 200_000), ("một trăm lẻ năm", "vi", 105),
    ("một nghìn năm trăm", "vi", 1500), ("zweihunderttausend", "de", 200_000), ("einundzwanzig", "de", 21),
    ("quatre-vingt-onze", "fr", 91), ("deux cent mille", "fr", 200_000), ("two hundred and five", "en", 205),
])
def test_number_words_read_as_values(text, lang, value):
    from mt.fidelity.values import read_values

    _, _, words = read_values(text, lang)
    assert [w.value for w in words] == [value]


def test_thousand_years_is_no_thousand_and_five():
    from mt.fidelity.values import read_values

    _, _, words = read_values("hàng ngàn năm", "vi")
    assert 1005 not in [w.value for w in words] and not any(w.figure for w in words)


def test_channels_say_what_a_language_lacks(tmp_path):
    from mt.fidelity import channel_coverage

    full = channel_coverage("vi", "de")
    assert full["negation"] == "ran" and full["numbers"] == "ran"
    unknown = channel_coverage("vi", "xx")
    assert unknown["negation"] == "skipped: no negation knowledge for 'xx'"
    assert unknown["numbers"].startswith("partial: no number or date knowledge for 'xx'")
    assert "ran" not in (unknown["negation"], unknown["numbers"], unknown["entities"])


def test_check_names_unknown_language_on_stderr(tmp_path, capsys):
    from conftest import run_cli

    # Swahili: a real language with no pack ('xx' is not a language code and is refused)
    (tmp_path / "a.txt").write_text("Der Zug kam um 9 Uhr an, und die Reisenden stiegen schnell aus.\n")
    (tmp_path / "b.txt").write_text("Treni ilifika saa 9 asubuhi, na wasafiri walishuka haraka kutoka kwenye mabehewa.\n")
    code, out, err = run_cli(["check", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--src-lang", "de", "--tgt-lang", "sw",
                              "--segmented", "-o", str(tmp_path / "f.jsonl")], capsys)
    assert code == 0
    assert "no negation knowledge for 'sw': negation not checked" in err
    assert "numbers checked in part" in err


def test_name_index_agrees_with_pairwise_matching():
    from mt.fidelity.extract import same_name_token, same_person
    from mt.fidelity.nameindex import NameIndex

    names = ["Volodymyr Zelensky", "Mark Rutte", "Yoon Suk Yeol", "Pham Minh Chinh", "Ursula von der Leyen", "Olaf Scholz",
             "Dmitry Peskov", "Antony Blinken", "Fumio Kishida", "Emmanuel Macron"]
    probes = ["Wolodymyr Selenskyj", "Rutte", "Yoon Seok Yeol", "Phạm Minh Chính", "Leyen", "Scholz", "Peskow", "Blinken",
              "Kishida", "Macron", "Merkel", "Tokio", "Regierung", "Präsident", "Kim"]
    index = NameIndex(names)
    for p in probes:
        assert index.ids_for(p) == {k for k, n in enumerate(names) if same_person(p, n)}, p
        # a surname the document names, as names.py asks it for every unexplained person of a pair
        last = p.split()[-1]
        assert index.has_last_token(last) == any(same_name_token(last, n.split()[-1]) for n in names), p
    assert index.has_last_token("Selenskyj") and not index.has_last_token("Mark") and not index.has_last_token("Suk")


def test_value_packs_match_their_generator():
    pytest.importorskip("num2words")
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    if not all(Path(p).exists() for p in ("/usr/share/dict/ngerman", "/usr/share/dict/american-english", "/usr/share/dict/french")):
        pytest.skip("Debian word lists not installed")
    proc = subprocess.run([sys.executable, str(root / "eval" / "build_value_packs.py"), "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_spelled_out_numbers_against_a_language_without_number_words_are_unread_not_added():
    import mt

    def numbers(src, tgt):
        return [(f.type, f.severity.value) for f in mt.check([src], [tgt], "zh", "en", segmented=True).findings
                if f.signal == "numbers"]

    assert numbers("他有两个孩子，住在北京已经很多年了。", "He has two children and has lived in Beijing for many years.") == []
    assert numbers("他有3个孩子，住在北京已经很多年了。", "He has 4 children and has lived in Beijing for many years.") == [("number", "critical")]


def test_french_expletive_ne_denies_nothing_but_ne_pas_still_does():
    import mt

    def negation(src, tgt):
        return [f.severity.value for f in mt.check([src], [tgt], "de", "fr", segmented=True).findings
                if f.signal == "negation" and f.severity.value != "minor"]

    assert negation("Die Fotos müssen der Regierung vorgelegt werden, bevor etwas veröffentlicht wird.",
                    "Les photos doivent être soumises au gouvernement avant qu'aucune ne soit publiée.") == []
    assert negation("Er ging, ohne dass es jemand merkte.", "Il partit sans que personne ne le remarque.") == []
    assert negation("Er kam, bevor wir gingen.", "Il n'est pas venu avant que nous partions.") == ["critical"]


# A negation the other language says in a plain wording of the same meaning ([lexical] in the packs):
# a minor note that names both wordings. Where the negated side has the plain word itself, or the
# plain word is far from the negation, the reversal stays critical.
REWORDED = [
    ("vi", "de", "Tôi chưa từng thấy tuyết như thế này.", "Solchen Schnee sehe ich zum ersten Mal.", "chưa từng", "zum ersten Mal"),
    ("de", "en", "Der alte Bahnhof ist nicht mehr in Betrieb.", "The old station is obsolete.", "nicht mehr", "obsolete"),
    ("en", "de", "Please submit the form no later than Friday.", "Bitte reichen Sie das Formular spätestens am Freitag ein.",
     "no later than", "spätestens"),
    ("vi", "de", "Ông ấy không nghĩ rằng kế hoạch sẽ thành công.", "Er bezweifelt, dass der Plan gelingt.", "không", "bezweifelt"),
    ("fr", "en", "Je ne me souviens pas de son nom.", "I forgot his name.", "ne me souviens", "forgot"),
]


@pytest.mark.parametrize("sl,tl,src,tgt,negated,plain", REWORDED, ids=[r[2][:30] for r in REWORDED])
def test_negation_said_in_a_plain_wording_is_a_minor_note_naming_both(sl, tl, src, tgt, negated, plain):
    neg = [f for f in check_pair(src, tgt, sl, tl) if f.type == "negation"]
    assert len(neg) == 1 and neg[0].severity.value == "minor"
    assert f"'{negated}'" in neg[0].message and f"'{plain}'" in neg[0].message and "wording" in neg[0].message


@pytest.mark.parametrize("sl,tl,src,tgt", [
    # the negated side has the plain word too: the negation is what differs
    ("de", "en", "Er hat nicht vergessen, die Tür abzuschließen.", "He forgot to lock the door."),
    ("de", "en", "Er bezweifelte nicht, dass der Plan gelingt.", "He doubted that the plan would work."),
    # a verb that says a negation, far from where the negation stands
    ("de", "en", "Sein Bruder bezweifelte es, aber er fuhr am Abend mit dem Auto in die Stadt.",
     "His brother was sure of it, but he did not drive into town by car in the evening."),
    # "noch" alone is no rendering of "chưa" (not yet): "noch nicht" with "nicht" dropped
    ("vi", "de", "Bà ấy vẫn chưa trả lời thư.", "Sie hat den Brief noch beantwortet."),
    # "can't help" asserts only before a gerund or "but"
    ("vi", "en", "Anh ấy không thể giúp bạn hôm nay.", "He can help you today."),
])
def test_a_plain_wording_does_not_excuse_a_reversal_it_cannot_explain(sl, tl, src, tgt):
    assert alarms(src, tgt, sl, tl) == [("negation", CRIT)]


def test_cant_help_asserts_before_a_gerund_and_negates_before_an_object():
    assert alarms("Anh ấy không thể giúp bạn hôm nay.", "He can't help you today.", "vi", "en") == []
    assert alarms("Tôi bật cười vì câu chuyện.", "I couldn't help laughing at the story.", "vi", "en") == []
