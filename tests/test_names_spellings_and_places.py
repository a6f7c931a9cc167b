"""Names: one name in two romanisations ("x" and "ks") is one name; a body's Vietnamese name with its country
is that body.
Every sentence here was written for these tests (none comes from a dev set)."""
from __future__ import annotations

from mt.fidelity.evaluate import check_pair
from mt.fidelity.extract import same_name_token

ALARM = ("critical", "major")


def alarm_types(src: str, tgt: str, sl: str = "vi", tl: str = "de") -> list[str]:
    return [f.type for f in check_pair(src, tgt, sl, tl) if f.severity.value in ALARM]


def test_x_and_ks_spell_one_name():
    assert same_name_token("Oleksandr", "Olexander")
    assert alarm_types("Ngoại trưởng Oleksandr Marchenko bác bỏ tuyên bố này.",
                       "Außenminister Olexander Martschenko wies dies zurück.") == []
    # … and another person stays another person
    assert alarm_types("Ngoại trưởng Oleksandr Marchenko bác bỏ tuyên bố này.",
                       "Außenminister Dmytro Kuleba wies dies zurück.") == ["attribution"]


def test_the_german_federal_parliament_in_vietnamese_is_the_bundestag():
    assert alarm_types("Quốc hội Liên bang Đức đã thông qua dự luật.", "Der Bundestag hat den Gesetzentwurf verabschiedet.") == []
    assert alarm_types("Quốc hội Liên bang Đức đã thông qua dự luật.", "Die NATO hat den Gesetzentwurf verabschiedet.") == ["entity"]


def test_a_marked_vietnamese_syllable_matches_only_its_bare_letters():
    assert same_name_token("Dương", "Duong") and same_name_token("Nguyễn", "Nguyen")
    assert not same_name_token("Dương", "Dong")  # another syllable, another name
    # a province written without its marks is that province, and another one is no rendering of it
    src = "Không có ai bị thương trong vụ cháy tại một xưởng may ở Bình Dương rạng sáng nay."
    assert alarm_types(src, "Bei dem Brand in einer Textilfabrik in Binh Duong heute früh wurde niemand verletzt.") == []
    assert alarm_types(src, "Bei dem Brand in einer Textilfabrik in Dong Nai heute früh wurde niemand verletzt.") == ["entity"]


def test_a_country_stays_replaced_in_a_longer_sentence():
    # "chính thức" (official) spelled no "China", and the parts of the day and a noun after two adjectives
    # ("gestern Nachmittag", "einem dreitägigen offiziellen Besuch") are no names that could stand for Japan
    src = "Thủ tướng Nhật Bản đã đến Hà Nội chiều qua trong chuyến thăm chính thức kéo dài ba ngày."
    good = "Der japanische Ministerpräsident ist gestern Nachmittag zu einem dreitägigen offiziellen Besuch in Hanoi eingetroffen."
    assert alarm_types(src, good) == []
    assert alarm_types(src, good.replace("japanische", "chinesische")) == ["entity"]


def test_ministries_beyond_the_first_seven_are_offices():
    src = "Bộ trưởng Bộ Y tế Đào Hồng Lan kêu gọi người dân tiêm vắc-xin."
    assert alarm_types(src, "Gesundheitsministerin Dao Hong Lan rief die Bevölkerung zur Impfung auf.") == []
    found = [f for f in check_pair(src, "Bildungsministerin Dao Hong Lan rief die Bevölkerung zur Impfung auf.", "vi", "de")
             if f.severity.value in ALARM]
    assert [f.type for f in found] == ["attribution"] and "Education Minister" in found[0].message
    # each language names the new ones
    for sl, tl, s, t in [
        ("en", "de", "Transport Secretary Pete Buttigieg spoke.", "Verkehrsminister Pete Buttigieg sprach."),
        ("fr", "en", "Le ministre de l'Agriculture Marc Fesneau a parlé.", "Agriculture Minister Marc Fesneau spoke."),
        ("vi", "de", "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên phát biểu.", "Handelsminister Nguyen Hong Dien sprach."),
    ]:
        assert alarm_types(s, t, sl, tl) == []
        assert alarm_types(s, t.replace("Verkehrsminister", "Umweltminister").replace("Agriculture", "Labour")
                           .replace("Handelsminister", "Arbeitsminister"), sl, tl) == ["attribution"]


def test_a_title_naming_no_one_is_still_an_office():
    src = "Thủ tướng Nhật Bản đã đến Hà Nội chiều qua."
    assert alarm_types(src, "Der japanische Ministerpräsident ist gestern Nachmittag in Hanoi eingetroffen.") == []
    found = [f for f in check_pair(src, "Der japanische Außenminister ist gestern Nachmittag in Hanoi eingetroffen.", "vi", "de")
             if f.severity.value in ALARM]
    assert [f.type for f in found] == ["attribution"] and "Foreign Minister of Japan" in found[0].message
    # one office under the name a country gives it, and a general title for a specific one, are no change
    assert alarm_types("Thủ tướng Đức đã đến Hà Nội.", "Der deutsche Bundeskanzler ist in Hanoi eingetroffen.") == []
    assert alarm_types("Bộ trưởng đã đến Hà Nội.", "Der Außenminister ist in Hanoi eingetroffen.") == []
    # a title a free rendering moves to another clause speaks of another office holder, or of none
    assert alarm_types("Sau đó ông làm giám đốc điều hành tại một ngân hàng ở Singapore và cố vấn cho một công ty khởi nghiệp ở Berlin.",
                       "Danach leitete er eine Bank in Singapur und war später Präsident eines Start-ups in Berlin.") == []


def test_a_body_no_pack_knows_said_in_words_is_no_substitution():
    src = "Laut Statistischem Bundesamt stieg die Inflation im Oktober auf 2,4 Prozent."
    assert alarm_types(src, "According to the Federal Statistical Office, inflation rose to 2.4 percent in October.", "de", "en") == []
    assert alarm_types(src, "According to the World Health Organization, inflation rose to 2.4 percent in October.", "de", "en") == ["entity"]


def test_a_country_said_by_adjectives_on_both_sides_is_compared():
    src = "Câu lạc bộ Công an Hà Nội đã ký hợp đồng với một tiền đạo người Brazil."
    assert alarm_types(src, "Der Club Cong An Ha Noi hat einen brasilianischen Stürmer verpflichtet.") == []
    assert alarm_types(src, "Der Club Cong An Ha Noi hat einen argentinischen Stürmer verpflichtet.") == ["entity"]


def test_a_country_qualifying_another_of_its_states_does_not_stand_for_the_lost_one():
    src = "Cháy rừng ở bang California đã buộc hơn 10.000 người phải sơ tán."
    assert alarm_types(src, "Wegen der Waldbrände im US-Bundesstaat Kalifornien mussten mehr als 10.000 Menschen ihre Häuser verlassen.") == []
    assert alarm_types(src, "Wegen der Waldbrände im US-Bundesstaat Oregon mussten mehr als 10.000 Menschen ihre Häuser verlassen.") == ["entity"]


def test_a_date_the_translation_leaves_out_is_a_note():
    src = "Bộ trưởng Bộ Y tế Đào Hồng Lan cho biết bệnh viện mới sẽ được khởi công trong năm nay và hoàn thành vào năm 2027."
    kept = "Gesundheitsministerin Dao Hong Lan zufolge soll der Bau des neuen Krankenhauses noch in diesem Jahr beginnen"
    assert [f for f in check_pair(src, kept + " und 2027 abgeschlossen sein.", "vi", "de") if f.type == "omission"] == []
    notes = [f for f in check_pair(src, kept + ".", "vi", "de") if f.type == "omission"]
    assert [f.severity.value for f in notes] == ["minor"] and "'2027'" in notes[0].message


def test_a_date_said_in_words_the_reader_does_not_know_is_said_by_its_day():
    src = "Lễ hội chùa Hương năm nay khai mạc vào ngày mùng 6 tháng Giêng âm lịch."
    assert alarm_types(src, "Das diesjährige Fest der Parfüm-Pagode beginnt am 6. Tag des ersten Mondmonats.") == []
    assert "addition" in alarm_types(src, "Das diesjährige Fest der Parfüm-Pagode beginnt am 8. Tag des ersten Mondmonats.")


def test_an_abbreviation_with_its_last_dot_is_found():
    # "U.N." ends with a dot no word takes: the index reads it whole
    from mt.lexicon import find_names, lexicon
    assert [e for _, _, e in find_names("Then the U.N. said so.", lexicon("en"))] == ["org:un"]
    assert alarm_types("Le 25 juillet, l'ONU a estimé que 100 000 personnes étaient mortes.",
                       "On July 25, the U.N. estimated 100,000 have died.", "fr", "en") == []


def test_a_news_agency_by_its_name_in_each_language():
    assert alarm_types("Ses propos ont été repris par l'agence Chine nouvelle.",
                       "His words were relayed by the Xinhua News Agency.", "fr", "en") == []
    assert alarm_types("Theo Tân Hoa Xã, cuộc họp đã kết thúc.", "Laut Xinhua ist das Treffen beendet.") == []
    # … and another agency is another source
    assert alarm_types("Theo Tân Hoa Xã, cuộc họp đã kết thúc.", "Laut Reuters ist das Treffen beendet.") == ["entity"]


def test_an_acronym_opening_a_german_sentence_names_a_body():
    # "LG" opening the sentence is no ordinary word: it replaced the source's company
    assert alarm_types("Samsung đã công bố mẫu điện thoại mới vào hôm thứ Ba.",
                       "LG hat am Dienstag ein neues Telefonmodell vorgestellt.") == ["entity"]
    assert alarm_types("Samsung đã công bố mẫu điện thoại mới vào hôm thứ Ba.",
                       "Samsung hat am Dienstag ein neues Telefonmodell vorgestellt.") == []


def test_first_names_with_letters_beyond_ascii_are_known():
    # the data file is UTF-8: "Jürgen", "François", "Björn" were garbled and left out when read as Latin-1
    from mt.lexicon import lexicon
    for lang in ("de", "en", "fr", "vi"):
        assert {"Jürgen", "François", "Björn", "José"} <= lexicon(lang).first_names


def test_a_central_bank_by_its_name_and_its_acronym_is_one_body():
    src = "Die Europäische Zentralbank ließ die Zinsen am Donnerstag unverändert."
    assert alarm_types(src, "The ECB left interest rates unchanged on Thursday.", "de", "en") == []
    assert alarm_types(src, "The Fed left interest rates unchanged on Thursday.", "de", "en") == ["entity"]
    assert alarm_types("Cục Dự trữ Liên bang Mỹ tăng lãi suất thêm 0,25 điểm phần trăm.",
                       "Die EZB hob die Zinsen um 0,25 Prozentpunkte an.") == ["entity"]
    # Vietnam's central bank by its names, and a commercial bank put in its place
    src = "Ngân hàng Nhà nước Việt Nam giữ nguyên lãi suất tái cấp vốn."
    assert alarm_types(src, "Die Staatsbank Vietnams ließ den Refinanzierungssatz unverändert.") == []
    assert alarm_types(src, "Die Sacombank ließ den Refinanzierungssatz unverändert.") == ["entity"]
    # the adjective inside one body's name says no other body: "européenne" of the ECB is not the EU
    assert alarm_types("La Banque centrale européenne a maintenu ses taux.", "The European Union kept its rates.", "fr", "en") == ["entity"]
    # ... while an adjective standing free says the EU
    assert alarm_types("Hà Nội muốn tuân thủ các tiêu chuẩn của EU về an toàn thực phẩm.",
                       "Hanoi will die europäischen Standards für Lebensmittelsicherheit einhalten.") == []


def test_a_short_syllable_of_a_hyphenated_given_name_is_no_ordinary_word():
    # "sik" of "Sang-sik" is not spelled by German "sich": the other coach's name is a substitution
    src = "Thủ môn Lee Sang-sik được khen ngợi sau trận đấu."
    assert alarm_types(src, "Torwart Lee Sang-sik wurde nach dem Spiel gelobt, er freute sich sehr.") == []
    assert alarm_types(src, "Torwart Cho Hyun-woo wurde nach dem Spiel gelobt, er freute sich sehr.") == ["attribution"]
    # a family name that is also a German noun ("Park") stays with the given name after it
    found = [f for f in check_pair(src, "Torwart Park Hang-seo wurde nach dem Spiel gelobt.", "vi", "de") if f.type == "attribution"]
    assert found and "Park Hang-seo" in found[0].message


def test_a_foreign_name_opening_a_vietnamese_sentence_is_sure():
    # no Vietnamese syllable spells "Heineken": opening the sentence it is still a name
    src = "Heineken sẽ đóng cửa một nhà máy bia ở miền Nam vào cuối năm."
    assert alarm_types(src, "Heineken wird Ende des Jahres eine Brauerei im Süden schließen.") == []
    assert alarm_types(src, "Carlsberg wird Ende des Jahres eine Brauerei im Süden schließen.") == ["entity"]


def test_a_city_named_by_a_word_of_another_language_is_a_city():
    from mt.lexicon import lexicon

    # "rennes" (reindeer) and "bordeaux" are French words: a French text does not read them as cities, others do
    assert lexicon("de").index.get("Rennes") and lexicon("en").index.get("Bordeaux")
    assert lexicon("fr").index.get("Rennes") is None and lexicon("fr").index.get("Bordeaux") is None
    src = "Der Gemeinderat von Rennes hat den Bau einer zweiten Straßenbahnlinie beschlossen."
    assert alarm_types(src, "Rennes city council has approved a second tram line.", "de", "en") == []
    assert alarm_types(src, "Nantes city council has approved a second tram line.", "de", "en") == ["entity"]


def test_an_unlisted_word_after_a_german_place_preposition_names_a_place():
    # "Narvik" is in no list; after "aus" it is a place, and the source's Oslo is not there
    src = "Chuyến tàu đêm từ Oslo bị hủy vì tuyết rơi dày."
    assert alarm_types(src, "Der Nachtzug aus Oslo fiel wegen starken Schneefalls aus.") == []
    assert alarm_types(src, "Der Nachtzug aus Narvik fiel wegen starken Schneefalls aus.") == ["entity"]
    # a part of a country said as one compound is no other place
    assert alarm_types("Mưa lớn gây lũ lụt ở miền Bắc Mexico.", "Starke Regenfälle lösten in Nordmexiko Überschwemmungen aus.") == []


def test_german_states_by_their_english_and_french_names():
    src = "In Niedersachsen und Thüringen blieben die Schulen wegen des Sturms geschlossen."
    assert alarm_types(src, "Schools in Lower Saxony and Thuringia stayed closed because of the storm.", "de", "en") == []
    assert alarm_types(src, "Schools in Lower Saxony and Bavaria stayed closed because of the storm.", "de", "en") == ["entity"]
    assert alarm_types("Die Polizei in Sachsen ermittelt.", "La police de Saxe enquête.", "de", "fr") == []


def test_germanys_highest_court_by_its_english_name():
    src = "Der Bundesgerichtshof hob das Urteil gegen den Bürgermeister auf."
    assert alarm_types(src, "The Federal Court of Justice overturned the ruling against the mayor.", "de", "en") == []
    assert alarm_types(src, "The Federal Constitutional Court overturned the ruling against the mayor.", "de", "en") == ["entity"]


def test_a_teacher_addressed_by_thay_is_the_person_named_after_it():
    src = "Thầy Hùng dạy môn toán ở trường tôi đã mười năm."
    assert alarm_types(src, "Herr Hùng unterrichtet seit zehn Jahren Mathematik an meiner Schule.") == []
    assert alarm_types(src, "Herr Dũng unterrichtet seit zehn Jahren Mathematik an meiner Schule.") == ["attribution"]
