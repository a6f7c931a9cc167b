"""vi→de news renderings that are correct (quiet) and the edits of them that must alarm. Sentences written
for these tests (not taken from any dev set): offices listed one after another, family names written family
name first, a German genitive of a short name, compounds and failing verbs that carry a negation, a country
said by one syllable in a dash-joined pair, date ranges, durations and currencies."""
from __future__ import annotations

import pytest

from mt.fidelity.extract import _entity_mentions
from mt.fidelity.names import _in_currency
from mt.lexicon import lexicon
from mt.pipeline import check_documents
from mt.segment import segment_lines

ALARM = ("critical", "major")


def _findings(src: list[str], tgt: list[str], sl: str = "vi", tl: str = "de") -> list:
    return check_documents(segment_lines(src, sl, True), segment_lines(tgt, tl, True)).findings


def _alarm_types(src: list[str], tgt: list[str], sl: str = "vi", tl: str = "de") -> set[str]:
    return {f.type for f in _findings(src, tgt, sl, tl) if f.severity.value in ALARM}


# (source, correct German, the same German with one fact changed, the alarm that edit must give)
CASES = [
    # a title in apposition after the name binds it, on either side; the formal "Bộ trưởng Bộ X" (the minister of
    # the ministry of X); German federal ministers written as one compound ("Bundesfinanzminister")
    ("Ông Nguyễn Văn An, Bộ trưởng Bộ Y tế, phát biểu tại hội nghị.",
     "Nguyễn Văn An, der Gesundheitsminister, sprach auf der Konferenz.",
     "Nguyễn Văn An, der Finanzminister, sprach auf der Konferenz.", "attribution"),
    ("Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn phát biểu tại hội nghị.",
     "Außenminister Bùi Thanh Sơn sprach auf der Konferenz.",
     "Verteidigungsminister Bùi Thanh Sơn sprach auf der Konferenz.", "attribution"),
    ("Bộ trưởng Tài chính Đức Christian Lindner phát biểu tại hội nghị.",
     "Bundesfinanzminister Christian Lindner sprach auf der Konferenz.",
     "Bundesgesundheitsminister Christian Lindner sprach auf der Konferenz.", "attribution"),
    # two offices one after the other name no one: "Chủ" of "Chủ tịch" is no person
    ("Tổng Bí thư, Chủ tịch Trung Quốc Tập Cận Bình đến Hà Nội hôm thứ Hai.",
     "Chinas Partei- und Staatschef Xi Jinping traf am Montag in Hanoi ein.",
     "Chinas Partei- und Staatschef Xi Jinping traf am Montag in Saigon ein.", "entity"),
    ("Ông Lương Cường, Chủ tịch nước, sẽ thăm Áo vào tháng tới.",
     "Staatspräsident Lương Cường wird im kommenden Monat Österreich besuchen.",
     "Staatspräsident Lương Cường wird im kommenden Monat die Schweiz besuchen.", "entity"),
    # the party's general secretary: "KP-Generalsekretär", or "Generalsekretär", which German uses for both offices
    ("Thủ tướng Canada sẽ hội đàm với Tổng Bí thư Tô Lâm.",
     "Kanadas Premierminister wird mit KP-Generalsekretär Tô Lâm Gespräche führen.",
     "Kanadas Premierminister wird mit Präsident Tô Lâm Gespräche führen.", "attribution"),
    ("Thủ tướng Canada sẽ hội đàm với Tổng Bí thư Tô Lâm.",
     "Kanadas Premierminister wird mit Generalsekretär Tô Lâm Gespräche führen.",
     "Kanadas Premierminister wird mit Präsident Tô Lâm Gespräche führen.", "attribution"),
    # a family name alone, written family name first, in each script ("ông Tập" / "Xi"), also in the genitive
    ("Phát biểu tại cuộc họp, ông Tập kêu gọi tăng cường hợp tác.",
     "Auf dem Treffen rief Xi zu engerer Zusammenarbeit auf.",
     "Auf dem Treffen rief Kishida zu engerer Zusammenarbeit auf.", "attribution"),
    ("Bài phát biểu của ông Tập kéo dài một giờ.",
     "Xis Rede dauerte eine Stunde.",
     "Lis Rede dauerte eine Stunde.", "attribution"),
    # "máy bay không người lái" is a drone: no negation
    ("Quân đội đã bắn hạ 12 máy bay không người lái trong đêm qua.",
     "Die Armee hat in der vergangenen Nacht 12 Drohnen abgeschossen.",
     "Die Armee hat in der vergangenen Nacht keine Drohnen abgeschossen.", "negation"),
    # "unabhängig" is "độc lập": "nicht unabhängig überprüfen" negates once
    ("Con số này chưa thể được xác minh độc lập.",
     "Die Zahl ließ sich nicht unabhängig überprüfen.",
     "Die Zahl ließ sich unabhängig überprüfen.", "negation"),
    # a long name of a body
    ("Hiệp hội các quốc gia Đông Nam Á sẽ họp tại Kuala Lumpur.",
     "Der Verband Südostasiatischer Nationen wird in Kuala Lumpur tagen.",
     "Die Europäische Union wird in Kuala Lumpur tagen.", "entity"),
    # a date range whose first day repeats "ngày"
    ("Hội chợ diễn ra từ ngày 3 đến ngày 5/11 tại Đà Nẵng.",
     "Die Messe findet vom 3. bis 5. November in Đà Nẵng statt.",
     "Die Messe findet vom 2. bis 5. November in Đà Nẵng statt.", "date"),
    # hours and minutes as a duration
    ("Chuyến bay kéo dài 2 giờ 30 phút.",
     "Der Flug dauert zweieinhalb Stunden.",
     "Der Flug dauert dreieinhalb Stunden.", "number"),
    # a person the packs name in each language's own way ("Vương Nghị" / "Wang Yi"), after a country that ends
    # in a title's first word ("Trung Quốc Vương …" is no "Quốc vương", king)
    ("Bộ trưởng Ngoại giao Trung Quốc Vương Nghị đến Jakarta hôm thứ Tư.",
     "Der chinesische Außenminister Wang Yi traf am Mittwoch in Jakarta ein.",
     "Der chinesische Präsident Wang Yi traf am Mittwoch in Jakarta ein.", "attribution"),
    # Vietnam's seas and regions as the news names them
    ("Hạn hán kéo dài đang ảnh hưởng nặng nề đến Đồng bằng sông Cửu Long.",
     "Die anhaltende Dürre trifft das Mekong-Delta schwer.",
     "Die anhaltende Dürre trifft das Zentrale Hochland schwer.", "entity"),
    ("Hai nước cam kết giữ hòa bình và ổn định ở Biển Đông.",
     "Beide Länder verpflichteten sich, Frieden und Stabilität im Südchinesischen Meer zu wahren.",
     "Beide Länder verpflichteten sich, Frieden und Stabilität im Mittelmeer zu wahren.", "entity"),
    # a surname the German word list holds like a noun, which English lists only as a name: alone, it is a name
    ("Ông Biden cho biết các cuộc hội đàm diễn ra tốt đẹp.",
     "Biden sagte, die Gespräche seien gut verlaufen.",
     "Obama sagte, die Gespräche seien gut verlaufen.", "attribution"),
    # a people's committee (UBND) and a city head no one; "Đức" inside a Vietnamese full name is no Germany
    ("Chủ tịch UBND tỉnh Bình Định Phạm Anh Tuấn cho biết dự án sẽ khởi công năm sau.",
     "Der Vorsitzende des Volkskomitees der Provinz Bình Định, Phạm Anh Tuấn, sagte, das Projekt beginne nächstes Jahr.",
     "Der Vorsitzende des Volkskomitees der Provinz Bình Định, Lê Văn Hùng, sagte, das Projekt beginne nächstes Jahr.",
     "attribution"),
    ("Bộ trưởng Vũ Đức Long đã đến Berlin hôm thứ Hai.",
     "Minister Vũ Đức Long ist am Montag in Berlin eingetroffen.",
     "Minister Vũ Đức Long ist am Montag in Paris eingetroffen.", "entity"),
    # a chamber of parliament by its name in each language
    ("Chủ tịch Quốc hội đã tiếp Chủ tịch Hạ viện Đức tại Hà Nội.",
     "Der Präsident der Nationalversammlung empfing in Hanoi die Präsidentin des Deutschen Bundestages.",
     "Der Präsident der Nationalversammlung empfing in Hanoi die Präsidentin des Europäischen Parlaments.", "entity"),
    # "chưa đầy" (not even) is "weniger als"; a school year's second year written short
    ("Cây cầu được xây dựng trong chưa đầy hai năm.",
     "Die Brücke wurde in weniger als zwei Jahren gebaut.",
     "Die Brücke wurde in mehr als zwei Jahren gebaut.", None),
    ("Quy định mới áp dụng từ năm học 2027–2028.",
     "Die neue Regel gilt ab dem Schuljahr 2027/28.",
     "Die neue Regel gilt ab dem Schuljahr 2026/27.", "date"),
    # a country said by one syllable where countries are joined by a dash
    ("Hội nghị thượng đỉnh Nhật - Hàn diễn ra tại Tokyo hôm thứ Ba.",
     "Der japanisch-südkoreanische Gipfel fand am Dienstag in Tokio statt.",
     "Der japanisch-südkoreanische Gipfel fand am Dienstag in Peking statt.", "entity"),
    # decades counted in words of two syllables; a race time with seconds
    ("Cuộc xung đột đã kéo dài gần ba thập kỷ.", "Der Konflikt dauert schon fast drei Jahrzehnte.",
     "Der Konflikt dauert schon fast vier Jahrzehnte.", "number"),
    ("Cô về nhất với thời gian 2 giờ 0 phút 35 giây.", "Sie gewann in 2:00:35 Stunden.", "Sie gewann in 2:00:45 Stunden.", "number"),
    # places Vietnamese writes by their sound, two of them, one of two consonants only
    ("Ông Kovač đến thăm Bê-la-rút và Ca-dắc-xtan vào tháng trước.", "Kovač besuchte im vergangenen Monat Belarus und Kasachstan.",
     "Kovač besuchte im vergangenen Monat Belarus und Georgien.", None),
    ("Lũ lụt gây thiệt hại nặng ở Ru-ma-ni và Ca-dắc-xtan.", "Das Hochwasser richtete in Rumänien und Kasachstan schwere Schäden an.",
     "Das Hochwasser richtete in Bulgarien und Kasachstan schwere Schäden an.", "entity"),
    # the number of a name that the translation renders in words; the same name with another number
    ("Nhiều trường học đóng cửa trong đại dịch COVID-19.", "Viele Schulen schlossen während der Corona-Pandemie.",
     "Viele Schulen schlossen während der COVID-21-Pandemie.", "number"),
    # an association after an office is no person; the statistics office by its name since 2025
    ("Bà Lê Thu Hà, Phó Chủ tịch Hiệp hội Dệt may Việt Nam, cho biết đơn hàng đã tăng 12%.",
     "Lê Thu Hà, stellvertretende Vorsitzende des vietnamesischen Textilverbands, sagte, die Aufträge seien um 12 Prozent gestiegen.",
     "Lê Thu Hà, stellvertretende Vorsitzende des vietnamesischen Textilverbands, sagte, die Aufträge seien um 21 Prozent gestiegen.",
     "number"),
    ("Theo Cục Thống kê, lạm phát tháng trước là 3,2%.", "Nach Angaben des Statistikamts lag die Inflation im Vormonat bei 3,2 Prozent.",
     "Nach Angaben der Zentralbank lag die Inflation im Vormonat bei 3,2 Prozent.", "entity"),
    # six months are a half year; decades said "thập niên"
    ("Xuất khẩu gạo trong sáu tháng đầu năm đạt 4,1 triệu tấn.", "Im ersten Halbjahr wurden 4,1 Millionen Tonnen Reis exportiert.",
     "In den ersten neun Monaten wurden 4,1 Millionen Tonnen Reis exportiert.", "number"),
    ("Tranh chấp này đã kéo dài gần ba thập niên.", "Der Streit dauert schon fast drei Jahrzehnte.",
     "Der Streit dauert schon fast fünf Jahrzehnte.", "number"),
    # a place and a person Vietnamese writes by their sound
    ("Cuộc bầu cử ở I-xra-en dự kiến diễn ra vào mùa thu.", "Die Wahl in Israel soll im Herbst stattfinden.", "Die Wahl im Iran soll im Herbst stattfinden.", None),
    ("Ngoại trưởng Nga Xéc-gây La-vrốp đã tới Bắc Kinh hôm thứ Hai.", "Der russische Außenminister Sergej Lawrow ist am Montag in Peking eingetroffen.",
     "Der russische Außenminister Sergej Schoigu ist am Montag in Peking eingetroffen.", "attribution"),
    # a reported clause opened by "rằng" negates; "không đủ" there is no adjective of a noun phrase
    ("Ông nói rằng gia đình ông không đủ tiền để sửa nhà.", "Er sagte, seine Familie habe nicht genug Geld, um das Haus zu reparieren.",
     "Er sagte, seine Familie habe genug Geld, um das Haus zu reparieren.", "negation"),
    # a country that ends a body's name and is named again: the body's German name holds it ("Bundesagentur")
    ("Năm nay 800 kỹ sư Việt Nam sẽ sang Đức làm việc theo thỏa thuận giữa Bộ Lao động và Cơ quan Việc làm Liên bang Đức.",
     "In diesem Jahr sollen 800 vietnamesische Ingenieure im Rahmen einer Vereinbarung zwischen dem Arbeitsministerium und der Bundesagentur für Arbeit nach Deutschland gehen.",
     "In diesem Jahr sollen 800 vietnamesische Ingenieure im Rahmen einer Vereinbarung zwischen dem Arbeitsministerium und der Bundesagentur für Arbeit nach Österreich gehen.",
     "entity"),
    # a Vietnamese full name is not kept by its given name after another person's first name
    ("Bà Phan Thị Minh Thảo, nhà nghiên cứu tại Viện Kinh tế, cho biết giá gạo tăng 5%.",
     "Phan Thị Minh Thảo, Forscherin am Wirtschaftsinstitut, sagte, der Reispreis sei um 5 Prozent gestiegen.",
     "Jelena Wesack Thảo, Forscherin am Wirtschaftsinstitut, sagte, der Reispreis sei um 5 Prozent gestiegen.", "attribution"),
    # a body named for the place the source names ("Ủy ban châu Âu"), not another body
    ("Chủ tịch Ủy ban châu Âu sẽ tới Hà Nội vào tuần tới để bàn về hiệp định với Việt Nam.",
     "Die EU-Kommissionspräsidentin reist nächste Woche nach Hanoi, um über das Abkommen zwischen der EU und Vietnam zu sprechen.",
     "Die EU-Kommissionspräsidentin reist nächste Woche nach Hanoi, um über das Abkommen zwischen der NATO und Vietnam zu sprechen.",
     "entity"),
]


@pytest.mark.parametrize("src,good,edited,kind", CASES, ids=[c[1][:40] for c in CASES])
def test_correct_rendering_is_quiet_and_its_edit_alarms(src, good, edited, kind):
    assert _alarm_types([src], [good]) == set()
    if kind is not None:  # (None: only the correct rendering is asserted; the edit is out of the checks' reach)
        assert kind in _alarm_types([src], [edited])


def test_family_name_is_resolved_through_the_documents_full_name():
    src = ["Chủ tịch Trung Quốc Tập Cận Bình sẽ thăm Việt Nam.", "Đây là chuyến thăm thứ tư của ông Tập."]
    assert _alarm_types(src, ["Chinas Präsident Xi Jinping wird Vietnam besuchen.", "Es ist Xis vierter Besuch."]) == set()
    assert "attribution" in _alarm_types(src, ["Chinas Präsident Xi Jinping wird Vietnam besuchen.",
                                               "Es ist Lis vierter Besuch."])


@pytest.mark.parametrize("src,tgt", [
    # a negation that the translation says by a failing verb or "leer ausgehen", or by keeping a rule: a note at most
    ("Đội tuyển không giành được vé dự World Cup.", "Die Mannschaft scheiterte in der WM-Qualifikation."),
    ("Nhiều khách hàng đến sớm nhưng không mua được vé.", "Viele Kunden kamen früh, gingen aber leer aus."),
    ("Tòa án cho rằng đạo luật này không vi phạm Hiến pháp.", "Das Gericht befand, das Gesetz sei mit der Verfassung vereinbar."),
    # not found is missing, no rain is dry, bad luck, unchanged, advised against, gone, booked out
    ("Hai người khác vẫn chưa được tìm thấy.", "Zwei weitere Menschen werden noch vermisst."),
    ("Nhiệt độ khoảng 18 độ C và trời không mưa.", "Bei rund 18 Grad Celsius war es trocken."),
    ("Đội khách thiếu may mắn trong hiệp hai.", "Die Gäste hatten in der zweiten Halbzeit Pech."),
    ("Ngân hàng trung ương giữ lãi suất không đổi.", "Die Zentralbank ließ den Leitzins gleich bleibend bei drei Prozent."),
    ("Bà Hồng khuyến cáo người dân không nên mua vàng theo tâm lý đám đông.",
     "Hồng riet der Bevölkerung davon ab, aus Herdentrieb Gold zu kaufen."),
    ("Theo ông Meier, một số sông băng nhỏ sẽ không còn tồn tại trước năm 2040.",
     "Nach Einschätzung Meiers werden einige kleine Gletscher bis 2040 verschwunden sein."),
    ("Nhiều khách sạn ở Sa Pa không còn phòng trống.", "Viele Hotels in Sa Pa waren ausgebucht."),
    # what has no precedent: a negation in German, none in Vietnamese
    ("Đây là chuỗi trận thắng chưa từng có trong mười năm qua.", "Eine solche Siegesserie hatte es in den vergangenen zehn Jahren nicht gegeben."),
    # what is no longer against the law is lawful
    ("Cờ bạc trực tuyến không còn bị coi là bất hợp pháp ở nước này từ năm 2019.", "Online-Glücksspiel ist in dem Land seit 2019 legal."),
    # not winning is missing
    ("Đảng cầm quyền không giành được đa số tuyệt đối tại quốc hội.", "Die Regierungspartei verfehlte die absolute Mehrheit im Parlament."),
    # a country without a coast, an uneven contest
    ("Lào là quốc gia không giáp biển duy nhất ở Đông Nam Á.", "Laos ist der einzige Binnenstaat Südostasiens."),
    ("Sau hai trận đấu không cân sức, đội chủ nhà đã thay huấn luyện viên.",
     "Nach zwei einseitigen Spielen hat die Heimmannschaft den Trainer gewechselt."),
])
def test_negation_said_by_meaning_is_a_minor_note(src, tgt):
    findings = _findings([src], [tgt])
    assert not [f for f in findings if f.severity.value in ALARM]
    assert [f for f in findings if f.type == "negation" and f.severity.value == "minor"]


def test_as_never_before_is_a_record_not_a_negation():
    assert _alarm_types(["Xuất khẩu cà phê đạt 8,4 tỷ USD, cao nhất từ trước đến nay."],
                        ["Die Kaffeeexporte erreichten 8,4 Milliarden US-Dollar, so viel wie nie zuvor."]) == set()
    assert "negation" in _alarm_types(["Xuất khẩu cà phê chưa bao giờ đạt 8 tỷ USD."],
                                      ["Die Kaffeeexporte erreichten 8 Milliarden US-Dollar."])


def test_a_scale_of_ten_to_the_fifteenth_is_read():
    src = ["Tổng tài sản của ngân hàng đạt 2,1 triệu tỷ đồng vào cuối tháng 12."]
    assert _alarm_types(src, ["Die Bilanzsumme der Bank erreichte Ende Dezember 2,1 Billiarden Dong."]) == set()
    assert "number" in _alarm_types(src, ["Die Bilanzsumme der Bank erreichte Ende Dezember 2,1 Billionen Dong."])


def test_an_acronym_written_after_a_body_is_that_body():
    # "des nationalen Statistikamts INDEC": the agency the source names by its acronym, not Vietnam's statistics office
    assert _alarm_types(["Viện Thống kê quốc gia (INDEC) cho biết giá tiêu dùng chỉ tăng 1,9%."],
                        ["Nach Angaben des nationalen Statistikamts INDEC stiegen die Verbraucherpreise nur um 1,9 Prozent."]) == set()
    # a place before an acronym is no body: "Berlin DFB-Präsident …" / "Oslo - The president of DFB …" stays a substitution
    assert "entity" in _alarm_types(["Berlin DFB-Präsident Reinhard Grindel sieht keine Grundlage für eine Rückkehr."],
                                    ["Oslo - DFB president Reinhard Grindel sees no basis for a return."], "de", "en")


def test_a_meaning_entry_does_not_hide_the_opposite_statement():
    # "landlocked" against "a long coast", "uneven" against "even": still reversed
    assert "negation" in _alarm_types(["Lào là quốc gia không giáp biển."], ["Laos ist ein Land mit langer Küste."])
    assert "negation" in _alarm_types(["Trận đấu không cân sức."], ["Das Spiel war ausgeglichen."])
    assert "negation" in _alarm_types(["Hai người khác chưa được tìm thấy."], ["Zwei weitere Menschen wurden gefunden."])
    assert "negation" in _alarm_types(["Trời không mưa."], ["Es hat stark geregnet."])


def test_countries_said_by_one_syllable_only_in_a_dash_joined_run():
    vi = lexicon("vi")
    found = [(m.text, m.entity) for m in _entity_mentions("Thương mại Việt - Trung và quan hệ Mỹ – Trung tăng.", vi)]
    assert ("Việt", "country:VN") in found and ("Trung", "country:CN") in found and ("Mỹ", "country:US") in found
    # a person's name beside a dash is nobody's country
    assert _entity_mentions("Ông Trung - giám đốc công ty - cho biết.", vi) == []


def test_place_inside_a_hyphenated_currency_name_is_the_currency():
    text = "Der Preis lag bei 360 US-Dollar je Tonne."
    assert _in_currency(text, text.index("US"), text.index("US") + 2, "de")


def test_a_place_cut_from_a_list_is_a_major_omission():
    src = ["Bão đổ bộ vào Nghệ An và Hà Tĩnh hôm thứ Sáu."]
    assert _alarm_types(src, ["Der Sturm traf am Freitag in Nghệ An und Hà Tĩnh auf Land."]) == set()
    cut = [f for f in _findings(src, ["Der Sturm traf am Freitag in Nghệ An auf Land."]) if f.type == "omission"]
    assert cut and cut[0].severity.value == "major" and "Hà Tĩnh" in cut[0].message
    # a country after a comma places the town: a translation may leave it out
    assert _alarm_types(["Trận đấu diễn ra tại sân Parc des Princes ở Paris, Pháp."],
                        ["Das Spiel fand im Parc des Princes in Paris statt."]) == set()


def test_both_names_of_a_cldr_territory_are_read():
    # CLDR writes "Myanmar (Miến Điện)", "Myanmar (Birmanie)": a text writes either name alone
    assert lexicon("vi").index.get("Myanmar") == "country:MM" == lexicon("vi").index.get("Miến Điện")
    assert lexicon("fr").index.get("Myanmar") == "country:MM" == lexicon("fr").index.get("Birmanie")


def test_a_name_run_does_not_cross_a_sentence_end():
    # two sentences of one bead read as one text gave the "name" 'Monday. The' (a critical entity finding)
    from mt.fidelity.extract import extract

    people = [p.text for p in extract("The budget passed on Monday. The minister left early. Then Tom J. Blige sang.",
                                      lexicon("en")).people]
    assert not any("Monday" in p for p in people), people
    assert any("Tom J. Blige" in p for p in people), people  # (an initial's full stop ends no sentence)


@pytest.mark.parametrize("vi,pinyin,same", [
    ("Lưu Kiến Quốc", "Liu Jianguo", True), ("Tập Cận Bình", "Xi Jinping", True), ("Hồ Cẩm Đào", "Hu Jin-tao", True),
    ("Lý Cường", "Li Qiang", True), ("Tập", "Xis", True),  # a family name alone, with a genitive s
    ("Lý Cường", "Li", True), ("Tần Cương", "Qin", True), ("Ngô Khiêm", "Qian", True),  # one part kept by the reader
    ("Mã Triều Húc", "Ma Zhaoxu", True),  # 朝 is "chao" and "zhao": every Mandarin reading counts
    ("Lý Cường", "Li Keqiang", False), ("Lưu Kiến Quốc", "Liu Jianhua", False), ("Lưu Kiến Quốc", "Jianguo Liu", False),
    ("Nguyễn Văn Minh", "Hans Peter", False),
])
def test_a_chinese_name_by_its_sino_vietnamese_reading_and_in_pinyin(vi, pinyin, same):
    from mt.fidelity.extract import sino_vietnamese

    assert sino_vietnamese(vi, pinyin) is same


def test_a_chinese_official_written_in_pinyin_is_the_one_the_source_names():
    src = ["Phó Chủ tịch Hội đồng Xúc tiến Thương mại Quốc tế Trung Quốc Lưu Kiến Quốc cho biết số người mua không giảm."]
    assert _alarm_types(src, ["Der Vizepräsident des Chinesischen Rates zur Förderung des internationalen Handels, "
                              "Liu Jianguo, sagte, die Zahl der Einkäufer sei nicht gesunken."]) == set()
    src = ["Thủ tướng Trung Quốc Lý Cường sẽ thăm Đức vào tháng tới."]
    assert _alarm_types(src, ["Chinas Ministerpräsident Li Qiang wird nächsten Monat Deutschland besuchen."]) == set()
    # the German reader takes "Gang" for a noun and keeps "Qin"; "Li" alone is the family name
    assert _alarm_types(["Ông Tần Cương nói rằng hai nước sẽ hợp tác."],
                        ["Qin Gang sagte, die beiden Länder würden zusammenarbeiten."]) == set()
    assert _alarm_types(["Ông Lý Cường nói rằng kinh tế sẽ tăng trưởng."], ["Li sagte, die Wirtschaft werde wachsen."]) == set()
    # another Li is another man
    assert "attribution" in _alarm_types(src, ["Chinas Ministerpräsident Li Keqiang wird nächsten Monat Deutschland besuchen."])


def test_a_place_vietnamese_writes_by_its_sound():
    src = ["Hai đoàn tàu va chạm gần thủ đô Vác-sa-va của Ba Lan vào sáng thứ Bảy."]
    assert _alarm_types(src, ["Nahe der polnischen Hauptstadt Warschau sind am Samstagmorgen zwei Züge zusammengestoßen."]) == set()
    assert "entity" in _alarm_types(src, ["Nahe der polnischen Hauptstadt Kiew sind am Samstagmorgen zwei Züge zusammengestoßen."])
    # wherever it stands, not only after "thủ đô"; a name of the place in another language counts only if close
    # ("Kudüs" is Jerusalem, which sounds like nothing of "Gia-các-ta")
    assert "entity" in _alarm_types(["Hội nghị được tổ chức tại Gia-các-ta vào tuần trước."],
                                    ["Die Konferenz fand vergangene Woche in Bangkok statt."])
    assert _alarm_types(["Hội nghị được tổ chức tại Gia-các-ta vào tuần trước."],
                        ["Die Konferenz fand vergangene Woche in Jakarta statt."]) == set()
    assert "entity" in _alarm_types(["Các nhà lãnh đạo gặp nhau tại thủ đô Gia-các-ta."],
                                    ["Die Staats- und Regierungschefs trafen sich in der Hauptstadt Jerusalem."])
    src = ["Tại thủ đô Ma-ni-la, nhiều khu dân cư bị ngập."]
    assert _alarm_types(src, ["In der Hauptstadt Manila wurden zahlreiche Wohnviertel überflutet."]) == set()
    assert "entity" in _alarm_types(src, ["In der Hauptstadt Jayapura wurden zahlreiche Wohnviertel überflutet."])


def test_sound_skeletons():
    from mt.fidelity.names import _skeleton

    assert _skeleton("Gia-các-ta") == _skeleton("Jakarta") and _skeleton("Xin-ga-po") == _skeleton("Singapur")
    assert _skeleton("Vác-sa-va") != _skeleton("Kiew")


def test_a_whole_name_with_a_number_that_the_source_lacks_is_added():
    """The number of a name the source writes without it is a note ("Covid" / "Covid-19"); a name the source
    lacks altogether is an addition ("SA-125")."""
    findings = _findings(["Nhiều trường học đóng cửa trong đại dịch Covid."], ["Viele Schulen schlossen während der Covid-19-Pandemie."])
    assert not [f for f in findings if f.severity.value in ALARM] and [f for f in findings if f.type == "addition"]
    assert "addition" in _alarm_types(["Quân đội cho biết đã bắn hạ một máy bay không người lái."],
                                      ["Die Armee erklärte, sie habe eine Drohne vom Typ Orlan-10 abgeschossen."])


def test_missing_said_without_negation_in_english():
    assert _alarm_types(["Die Partei erreichte die Mehrheit nicht."], ["The party missed the majority."], "de", "en") == set()
    assert "negation" in _alarm_types(["Die Partei erreichte die Mehrheit nicht."], ["The party won the majority."], "de", "en")


def test_an_association_after_an_office_is_no_person():
    from mt.fidelity.extract import extract

    facts = extract("Tuy nhiên, ông Phạm Quốc Hưng, Chủ tịch Hiệp hội Vi mạch TP Hồ Chí Minh, cho rằng kỹ sư sẽ ra nước ngoài.",
                    lexicon("vi"))
    assert [p.text for p in facts.people] == ["Phạm Quốc Hưng"]
    assert not [b for b in facts.bindings if b.person == "Hiệp"]


def test_a_title_in_apposition_binds_the_name_before_it_unless_joined_to_another():
    from mt.fidelity.extract import extract
    from mt.fidelity.nameindex import NameIndex

    facts = extract("Nguyễn Văn An, der Finanzminister, sprach.", lexicon("de"), NameIndex(["Nguyễn Văn An"]), True)
    assert [(b.office, b.person) for b in facts.bindings] == [("finance_minister", "Nguyễn Văn An")]
    assert [p.text for p in facts.people] == ["Nguyễn Văn An"]  # one name, its short last word included
    joined = extract("a déclaré Roger Dow, président et directeur de l'association.", lexicon("fr"))
    assert not joined.bindings  # two offices: a translation may name either


def test_chairman_for_a_companys_chief_executive_is_a_note_and_another_office_an_alarm():
    src = ["« Le chantier a commencé », a expliqué Alexei Miller, le directeur général de Gazprom, jeudi."]
    near = _findings(src, ['"Construction has started," Gazprom Chairman Alexei Miller said on Thursday.'], "fr", "en")
    assert [f.severity.value for f in near if f.type == "attribution"] == ["minor"]
    assert "attribution" in _alarm_types(src, ['"Construction has started," Gazprom spokesman Alexei Miller said on Thursday.'], "fr", "en")
