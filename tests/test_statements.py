"""Statements, denials and speakers in vi→de (and de→en) news: renderings that are correct must stay quiet and
the edits of them must alarm. Sentences written for these tests (not taken from any dev set): speakers named
after titles and bodies, given names that are also words of titles, deputies with a country's adjective,
denials and refusals said with or without a negation, ruling out, figures said in words of their own."""
from __future__ import annotations

import pytest

from test_news_renderings import ALARM, _alarm_types, _findings


# (source, correct rendering, the same rendering with one fact changed, the alarm that edit must give)
CASES = [
    # a given name that is also a word of a title ("Tài" of "Bộ trưởng Tài chính") is still that person's name
    ("Ông Tài cho biết hợp đồng đã được ký.", "Tài sagte, der Vertrag sei unterzeichnet.",
     "Minh sagte, der Vertrag sei unterzeichnet.", "attribution"),
    # a deputy's title with the country's adjective between ("stellvertretende japanische Außenminister")
    ("Thứ trưởng Ngoại giao Nhật Bản Kenji Sato sẽ thăm Hà Nội vào tuần tới.",
     "Der stellvertretende japanische Außenminister Kenji Sato wird nächste Woche Hanoi besuchen.",
     "Der japanische Außenminister Kenji Sato wird nächste Woche Hanoi besuchen.", "attribution"),
    # a speaker named after a title and a body that ends with its country; a place's name inside the speaker's
    # name ("Thái Bình", a province) is no place; the German body's noun after its adjective is no name
    ("Người phát ngôn Bộ Thương mại Trung Quốc Trương Thái Bình cho biết Bắc Kinh sẽ đáp trả.",
     "Der Sprecher des chinesischen Handelsministeriums, Zhang Taiping, sagte, Peking werde reagieren.",
     "Der Sprecher des chinesischen Handelsministeriums, Wang Wenbin, sagte, Peking werde reagieren.", "attribution"),
    # a people's origin said by one syllable ("gốc Việt")
    ("Khoảng 5.000 người gốc Việt sống tại thành phố này.", "Rund 5.000 Menschen vietnamesischer Herkunft leben in der Stadt.",
     "Rund 5.000 Menschen chinesischer Herkunft leben in der Stadt.", "entity"),
    # a first name that is also a town's ("Wladimir"), against an initial and a name written by its sound
    ("Tổng thống Nga V. Pu-tin sẽ dự hội nghị tại Ka-dan.", "Der russische Präsident Wladimir Putin wird an der Konferenz in Kasan teilnehmen.",
     "Der russische Präsident Dmitri Medwedew wird an der Konferenz in Kasan teilnehmen.", "attribution"),
    # two offices, the second ("Chủ nhiệm") no person's name
    ("Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc Hầu A Lềnh cho biết 120 xã đã có đường nhựa.",
     "Minister und Vorsitzender des Ausschusses für ethnische Minderheiten Hầu A Lềnh sagte, 120 Gemeinden hätten asphaltierte Straßen.",
     "Minister und Vorsitzender des Ausschusses für ethnische Minderheiten Hầu A Lềnh sagte, 150 Gemeinden hätten asphaltierte Straßen.",
     "number"),
    # round the clock is 24 hours, also written "24/24"
    ("Đường dây nóng hoạt động 24/24 giờ.", "Die Hotline ist rund um die Uhr erreichbar.",
     "Die Hotline ist zwölf Stunden am Tag erreichbar.", "number"),
    ("Bệnh viện tiếp nhận bệnh nhân 24 giờ mỗi ngày.", "Das Krankenhaus nimmt rund um die Uhr Patienten auf.",
     "Das Krankenhaus nimmt acht Stunden am Tag Patienten auf.", "number"),
    # ruling out: a negation in other words, and ruling out not ruled out is a possibility
    ("Thống đốc cho biết ngân hàng sẽ không hạ lãi suất trong năm nay.", "Eine Zinssenkung in diesem Jahr schloss der Gouverneur aus.",
     "Eine Zinssenkung in diesem Jahr kündigte der Gouverneur an.", "negation"),
    ("Bộ trưởng không loại trừ khả năng tăng thuế vào năm sau.", "Der Minister schloss eine Steuererhöhung im nächsten Jahr nicht aus.",
     "Der Minister schloss eine Steuererhöhung im nächsten Jahr aus.", "negation"),
]


@pytest.mark.parametrize("src,good,edited,kind", CASES, ids=[c[1][:40] for c in CASES])
def test_correct_rendering_is_quiet_and_its_edit_alarms(src, good, edited, kind):
    assert _alarm_types([src], [good]) == set()
    assert kind in _alarm_types([src], [edited])


@pytest.mark.parametrize("src,tgt", [
    # a denial said as "there can be no question of it"
    ("Ông Lâm bác bỏ thông tin công ty sắp phá sản.", "Von einer bevorstehenden Insolvenz des Unternehmens könne keine Rede sein, sagte Lâm."),
    # what is kept back is left open
    ("Bà Hạnh không tiết lộ liệu hai bên đã ký hợp đồng hay chưa.", "Hạnh ließ offen, ob beide Seiten den Vertrag bereits unterzeichnet haben."),
    # keeping something down is doing it as little as possible
    ("Cơ quan y tế khuyến cáo người dân hạn chế tụ tập đông người.",
     "Die Gesundheitsbehörde riet den Menschen, möglichst nicht in großen Gruppen zusammenzukommen."),
    # stopping is no more, with words between
    ("Nhà máy sẽ ngừng sản xuất xe chạy xăng từ năm 2030.", "Das Werk wird ab 2030 keine Benzinautos mehr bauen."),
    # advising not to is warning against
    ("Chuyên gia khuyến cáo phụ huynh không cho trẻ dùng điện thoại trước khi ngủ.",
     "Experten warnen Eltern davor, Kindern vor dem Schlafen das Handy zu geben."),
    # not yet reaching a figure is less than it
    ("Dự án mới giải ngân được chưa đến 30% vốn.", "Das Projekt hat bislang weniger als 30 Prozent der Mittel ausgezahlt."),
    # "cannot only …, but must …" is "not only …, but …"
    ("Chúng ta không thể chỉ dựa vào xuất khẩu, mà phải phát triển thị trường trong nước.",
     "Wir dürfen uns nicht nur auf den Export verlassen, sondern müssen den Binnenmarkt stärken."),
])
def test_negation_said_by_meaning_is_a_minor_note(src, tgt):
    findings = _findings([src], [tgt])
    assert not [f for f in findings if f.severity.value in ALARM]
    assert [f for f in findings if f.type == "negation" and f.severity.value == "minor"]


def test_a_denial_and_a_plain_statement_are_not_hidden_by_the_meaning_entry():
    # the same denial rendered as an affirmation: no negation is left in the German, the source's denial stays
    # a note at least (a denial verb may be rendered positively: "declined to comment")
    findings = _findings(["Ông Lâm bác bỏ thông tin công ty sắp phá sản."],
                         ["Von einer bevorstehenden Insolvenz des Unternehmens sei die Rede, sagte Lâm."])
    assert [f for f in findings if f.type == "negation"]


@pytest.mark.parametrize("src,good,edited", [
    ("Der Minister schloss Steuererhöhungen aus.", "The minister ruled out tax increases.", "The minister announced tax increases."),
    ("Der Minister schloss Steuererhöhungen nicht aus.", "The minister did not rule out tax increases.", "The minister ruled out tax increases."),
])
def test_ruling_out_in_german_and_english(src, good, edited):
    assert _alarm_types([src], [good], "de", "en") == set()
    assert "negation" in _alarm_types([src], [edited], "de", "en")


def test_a_word_that_begins_like_a_verb_of_ruling_out_is_none():
    # "schließlich" (finally) before a separable verb's "aus" is no "schließt … aus"
    assert _alarm_types(["Die Firma baute ihr Angebot schließlich aus."], ["The company finally expanded its offer."], "de", "en") == set()


def test_a_company_after_a_title_keeps_its_country():
    # "Bosch Việt Nam" after a title is read as a name, but the country in it is still said
    assert _alarm_types(["Ông Markus Weber, Tổng giám đốc Bosch Việt Nam, cho biết công ty sẽ mở nhà máy mới."],
                        ["Markus Weber, Geschäftsführer von Bosch Vietnam, sagte, das Unternehmen werde ein neues Werk eröffnen."]) == set()


def test_a_name_written_by_its_sound_is_found_among_the_other_sides_words():
    # where the other side's reader found no name ("…, Igor Below, …" after a long title), a first name and the
    # word after it are compared by their sound
    from mt.fidelity.names import Name, _counterpart, _first_names

    fn = _first_names("vi", "de")
    name = Name("I-gô Bê-lốp", 0, 11, "person")
    assert _counterpart(name, [], "der Minister , Igor Below , sagte".split(), frozenset(), fn)
    assert not _counterpart(name, [], "der Minister , Oleg Sokolow , sagte".split(), frozenset(), fn)


@pytest.mark.parametrize("src,good,edited,sl,tl", [
    ("Ông Lâm bác bỏ cáo buộc rằng công ty đã không trả lương cho công nhân.",
     "Lâm wies den Vorwurf zurück, das Unternehmen habe den Arbeitern keine Löhne gezahlt.",
     "Lâm wies den Vorwurf zurück, das Unternehmen habe den Arbeitern Löhne gezahlt.", "vi", "de"),
    ("Lâm bestritt, dass das Unternehmen die Löhne nicht gezahlt habe.", "Lam denied that the company had not paid the wages.",
     "Lam denied that the company had paid the wages.", "de", "en"),
])
def test_a_negation_in_what_is_denied_is_its_own(src, good, edited, sl, tl):
    # "denied that … did not pay": the negation after "that" negates the reported clause, it does not cancel the denial
    assert _alarm_types([src], [good], sl, tl) == set()
    assert "negation" in _alarm_types([src], [edited], sl, tl)


@pytest.mark.parametrize("text,holders", [
    # the office's field after a Vietnamese title is no person: "Khoa" of "Khoa học", "Năng" of "Năng lượng"
    ("Bộ trưởng Khoa học và Công nghệ Nguyễn Mạnh Hùng cho biết.", []),
    # … and where the packs know the whole title, its holder follows it
    ("Bộ trưởng Giáo dục và Đào tạo Nguyễn Kim Sơn cho biết.", ["Nguyễn Kim Sơn"]),
    ("Bộ trưởng Năng lượng Nga Xéc-gây Xi-vi-lép cho biết.", []),
    # a field in capitals before the holder's family name: the name begins there
    ("Thứ trưởng Công Thương Nguyễn Sinh Nhật Tân cho biết.", ["Nguyễn Sinh Nhật Tân"]),
    # a holder named by one syllable stays one
    ("Bộ trưởng Sơn cho biết.", ["Sơn"]),
])
def test_the_holder_after_a_vietnamese_title(text, holders):
    from mt.fidelity.extract import extract
    from mt.lexicon import lexicon

    assert [b.person for b in extract(text, lexicon("vi")).bindings] == holders
