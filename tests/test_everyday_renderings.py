"""Everyday vi→de renderings that are no errors, each beside the error it must not hide: an adjective
said by its opposite, clock times in words, "tư" for four, an answer of its own, set phrases.
Our own sentences (written for these tests, not taken from any dev set)."""
from __future__ import annotations

import pytest

from mt.fidelity.evaluate import check_pair
from mt.types import Severity

ALARM = (Severity.CRITICAL, Severity.MAJOR)


def _alarm_types(src: str, tgt: str, sl: str = "vi", tl: str = "de") -> set[str]:
    return {f.type for f in check_pair(src, tgt, sl, tl) if f.severity in ALARM}


# (source, faithful rendering, the same rendering with its fact changed, type that change must raise)
CASES = [
    # a negated adjective said by its opposite; the adjective itself (the negation dropped) still alarms
    ("Cái áo này không đắt.", "Das Hemd ist günstig.", "Das Hemd ist teuer.", "negation"),
    ("Phòng này không sạch.", "Das Zimmer ist schmutzig.", "Das Zimmer ist sauber.", "negation"),
    ("Cửa hàng không mở cửa hôm nay.", "Der Laden ist heute geschlossen.", "Der Laden ist heute geöffnet.", "negation"),
    ("Bài kiểm tra không khó.", "Der Test war leicht.", "Der Test war schwer.", "negation"),
    ("Nhà ga không xa đâu.", "Der Bahnhof ist ganz in der Nähe.", "Der Bahnhof ist weit weg.", "negation"),
    # and the other way round: a plain adjective against a negated opposite
    ("Món này rất ngon.", "Das Essen ist gar nicht schlecht.", "Das Essen ist gar nicht gut.", "negation"),
    # clock times in words on both sides
    ("Bây giờ là mười giờ kém mười lăm.", "Es ist Viertel vor zehn.", "Es ist Viertel nach zehn.", "number"),
    ("Chúng tôi gặp nhau lúc ba giờ rưỡi chiều.", "Wir trafen uns um halb vier nachmittags.", "Wir trafen uns um halb fünf nachmittags.", "number"),
    ("Tôi dậy lúc tám giờ mười lăm.", "Ich stehe um Viertel nach acht auf.", "Ich stehe um Viertel nach neun auf.", "number"),
    # "tư" is four after "mươi"
    ("Năm nay tôi ba mươi tư tuổi.", "Ich bin dieses Jahr vierunddreißig.", "Ich bin dieses Jahr vierundvierzig.", "number"),
    # an answer of its own ("Chưa,", "Không phải,") is no clause negation
    ("Chưa, em chưa ăn.", "Nein, ich habe noch nichts gegessen.", "Ja, ich habe schon gegessen.", "negation"),
    ("Không phải, hôm nay là Chủ nhật.", "Nein, heute ist Sonntag.", "Nein, heute ist nicht Sonntag.", "negation"),
    # set phrases: "không sao" = "macht nichts", "đừng … nữa" = "hör auf"
    ("Không sao đâu.", "Macht nichts.", None, None),
    ("Đừng khóc nữa!", "Hör auf zu weinen!", "Weine weiter!", "negation"),
    ("Không có gì.", "Gern geschehen.", None, None),
    # spoken denials with "đâu" negate; "đâu" asking where does not
    ("Tớ đâu có nói thế!", "Das hab ich doch gar nicht gesagt!", "Das hab ich doch gesagt!", "negation"),
    ("Tớ có biết gì đâu.", "Ich weiß doch von nichts.", "Ich weiß doch alles.", "negation"),
    ("Ở đâu có bán vé tàu?", "Wo kann man Zugtickets kaufen?", None, None),
    ("Đừng làm ồn!", "Sei leise!", "Sei laut!", "negation"),
    # more clock times: "lúc bốn rưỡi" = 4:30, "còn mười lăm phút nữa là chín giờ" = 8:45
    ("Chúng ta gặp nhau lúc bốn rưỡi nhé.", "Treffen wir uns um halb fünf.", "Treffen wir uns um halb sechs.", "number"),
    ("Còn mười lăm phút nữa là chín giờ.", "Es ist Viertel vor neun.", "Es ist Viertel vor zehn.", "number"),
    ("Căn phòng này không rộng lắm.", "Dieses Zimmer ist ziemlich klein.", "Dieses Zimmer ist ziemlich groß.", "negation"),
    # "phòng" is a room: its "không" negates ("phòng không" is air defence only after a military word)
    ("Máy lạnh trong phòng không chạy.", "Die Klimaanlage im Zimmer funktioniert nicht.", "Die Klimaanlage im Zimmer funktioniert.", "negation"),
    # "rưỡi" after a unit is a half more
    ("Tôi bị sốt 38 độ rưỡi.", "Ich habe 38,5 Grad Fieber.", "Ich habe 39,5 Grad Fieber.", "number"),
    # a bare number ending the clause after metres is centimetres; elsewhere it counts on its own
    ("Anh ấy cao một mét tám mươi.", "Er ist 1,80 Meter groß.", "Er ist 1,90 Meter groß.", "number"),
    ("Cây cao 5 mét, 3 cây khác thấp hơn.", "Der Baum ist 5 Meter hoch, 3 andere sind niedriger.", "Der Baum ist 5,3 Meter hoch, andere sind niedriger.", "number"),
    # a currency named by the last word of its name is no person
    ("Tôi cần đổi 200 euro sang tiền Việt.", "Ich muss 200 Euro in Dong umtauschen.", "Ich muss 300 Euro in Dong umtauschen.", "number"),
    # "Noch nicht," says the source's negated clause; "Chưa," answers as "Noch nicht," does
    ("Tôi chưa đọc, nhưng tôi đã xem phim.", "Noch nicht, aber ich habe den Film gesehen.", "Ja, aber ich habe den Film gesehen.", "negation"),
    # spoken short forms of amounts: "rưỡi" after a scale is half of it, a digit after a scale its next lower place
    ("Chiếc xe máy cũ giá hai triệu rưỡi.", "Das alte Moped kostet 2,5 Millionen Dong.", "Das alte Moped kostet 2 Millionen Dong.", "number"),
    ("Vé máy bay hết ba triệu tư.", "Der Flug kostet 3,4 Millionen Dong.", "Der Flug kostet 3,5 Millionen Dong.", "number"),
    ("Căn nhà này giá hai tỷ tám.", "Das Haus kostet 2,8 Milliarden Dong.", "Das Haus kostet 2 Milliarden Dong.", "number"),
    ("Cái bàn này nặng 3 nghìn rưỡi gam.", "Dieser Tisch wiegt 3500 Gramm.", "Dieser Tisch wiegt 3000 Gramm.", "number"),
    # "năm" before a counting word is five ("năm phút"), after a number word the year counted ("hai năm")
    ("Đi bộ đến trường mất năm phút.", "Zu Fuß sind es fünf Minuten bis zur Schule.", "Zu Fuß sind es sieben Minuten bis zur Schule.", "number"),
    ("Anh ấy sống ở Đức được hai năm.", "Er lebt seit zwei Jahren in Deutschland.", "Er lebt seit fünf Jahren in Deutschland.", "number"),
    ("Năm nay tôi đi làm bằng xe buýt.", "Dieses Jahr fahre ich mit dem Bus zur Arbeit.", None, None),
    # "and a half" in words in each language: after a number or a scale
    ("Chuyến bay kéo dài hai tiếng rưỡi.", "Der Flug dauert zweieinhalb Stunden.", "Der Flug dauert dreieinhalb Stunden.", "number"),
    ("Họ vay một tỷ rưỡi đồng.", "Sie haben anderthalb Milliarden Dong geliehen.", "Sie haben zwei Milliarden Dong geliehen.", "number"),
    # a bound, "few", "never late", a cancelled event and a dish said with or without a negation
    ("Vali không được quá hai mươi ký.", "Der Koffer darf höchstens zwanzig Kilo wiegen.", None, None),
    ("Tuần này chẳng nắng được mấy hôm.", "Diese Woche gab es nur wenige sonnige Tage.", None, None),
    ("Cô ấy chưa bao giờ đến muộn.", "Sie ist immer pünktlich.", "Sie ist immer zu spät.", "negation"),
    ("Chiều nay không có giờ tiếng Anh.", "Der Englischunterricht fällt heute Nachmittag aus.",
     "Der Englischunterricht findet heute Nachmittag statt.", "negation"),
    ("Quán này có bún chả rất ngon.", "Dieses Lokal hat sehr leckeres Bún chả.", None, None),
    # "tháng Mười hai" (December) with a small "hai"; a double first name put for the source's person
    ("Đà Lạt vào tháng Mười hai rất lạnh.", "In Đà Lạt ist es im Dezember sehr kalt.", "In Đà Lạt ist es im Oktober sehr kalt.", "date"),
    ("Tuấn sửa xe đạp cho tôi.", "Tuấn hat mein Fahrrad repariert.", "Karl-Heinz hat mein Fahrrad repariert.", "attribution"),
    # "chục", "Dutzend" after a number count exactly: "hai chục nghìn" = 20,000, "zwei Dutzend" = 24
    ("Vé vào cửa hai chục nghìn một người.", "Der Eintritt kostet zwanzigtausend Dong pro Person.",
     "Der Eintritt kostet dreißigtausend Dong pro Person.", "number"),
    # "đừng quên" = "denk daran": do not forget said as remember
    ("Đừng quên gọi cho mẹ nhé.", "Denk daran, Mama anzurufen.", "Vergiss, Mama anzurufen.", "negation"),
    # a clock time pairs with the other side's clock time before a small number takes its reading
    ("Lúc 3 giờ có xe cứu thương đến.", "Um 15:00 Uhr kamen drei Krankenwagen.", "Um 16:00 Uhr kamen Krankenwagen.", "number"),
    # a date range naming the day twice ("từ ngày 10 đến ngày 14 tháng 9")
    ("Tôi nghỉ từ ngày 10 đến ngày 14 tháng 9.", "Ich habe vom 10. bis 14. September frei.", "Ich habe vom 10. bis 15. September frei.", "date"),
    # a given name the segmenter glues to the next word ("Hoa_đi") or to a word of address ("Chị_Hoa") is still a name
    ("Lan trượt môn lý.", "Lan ist in Physik durchgefallen.", "Sabine ist in Physik durchgefallen.", "attribution"),
    ("Hôm qua tôi gặp Tuấn đấy.", "Gestern habe ich Tuấn getroffen.", "Gestern habe ich Oliver getroffen.", "attribution"),
    ("Chị Hoa vẫn chưa về.", "Hoa ist noch nicht zurück.", "Sie ist noch nicht zurück.", "omission"),
    ("Chưa, đợi thêm hai phút nữa.", "Noch nicht, warte noch zwei Minuten.", None, None),
]


@pytest.mark.parametrize("src,faithful,changed,kind", CASES)
def test_an_everyday_rendering_is_quiet_and_its_change_is_not(src, faithful, changed, kind):
    assert not _alarm_types(src, faithful)
    if changed is not None:
        assert kind in _alarm_types(src, changed)


def test_clock_times_in_words_read_in_english_and_french():
    assert not _alarm_types("We met at a quarter to ten.", "Nous nous sommes vus à dix heures moins le quart.", "en", "fr")
    assert not _alarm_types("We met at twenty past ten.", "Wir trafen uns um zwanzig nach zehn.", "en", "de")
    assert "number" in _alarm_types("We met at twenty past ten.", "Wir trafen uns um zwanzig nach elf.", "en", "de")


def test_hours_and_days_are_no_clock_time():
    # "tám giờ năm ngày" is eight hours on five days, not 8:05
    assert not _alarm_types("Tôi làm tám giờ năm ngày một tuần.", "Ich arbeite acht Stunden an fünf Tagen pro Woche.")


def test_an_ending_not_yet_still_negates():
    # "chưa" closing a longer clause is "not yet", not an answer
    assert "negation" in _alarm_types("Tôi ăn rồi, còn anh ấy thì chưa.", "Ich habe gegessen, und er auch.")


def test_a_given_name_opening_a_sentence_is_a_name_another_may_replace():
    # a first name or a Vietnamese given name tagged as a proper noun is a name also where it opens the sentence
    assert not _alarm_types("Minh chưa bao giờ đến Đức.", "Minh war noch nie in Deutschland.")
    assert "attribution" in _alarm_types("Minh chưa bao giờ đến Đức.", "Janina war noch nie in Deutschland.")
    assert "attribution" in _alarm_types("Tom nói tiếng Việt rất giỏi.", "Henner spricht sehr gut Vietnamesisch.")
    assert "attribution" in _alarm_types("Hùng đang ngủ.", "Stefan schläft.")
    assert not _alarm_types("Hùng đang ngủ.", "Hùng schläft.")
    # after a word of address or a lower-case word, a given name is a person's; after a place word it is not
    assert "attribution" in _alarm_types("Chị Lan làm việc ở một ngân hàng.", "Heinrich arbeitet bei einer Bank.")
    assert "attribution" in _alarm_types("Tôi tên là Hùng.", "Ich heiße Stefan.")
    assert not _alarm_types("Gió thổi từ phía Đông tới.", "Der Wind kommt aus dem Osten.")
    # a pronoun or a word that opens the sentence is no name
    assert not _alarm_types("Anh đi đâu vậy?", "Wohin gehst du?")
    assert not _alarm_types("Mai tôi đi Hà Nội.", "Morgen fahre ich nach Hanoi.")


def test_a_currency_word_is_no_name_but_a_common_first_name_is():
    assert not _alarm_types("Tôi cần đổi 200 euro sang tiền Việt.", "Ich muss 200 Euro in Dong umtauschen.")
    assert "attribution" in _alarm_types("Tom gặp Lan hôm qua.", "Mark traf gestern Lan.")


def test_a_question_asking_why_keeps_its_negation_where_both_sides_ask_why():
    assert not _alarm_types("Tại sao anh ấy không đến?", "Warum ist er nicht gekommen?")
    assert "negation" in _alarm_types("Tại sao anh ấy không đến?", "Warum ist er gekommen?")
    assert "negation" in _alarm_types("Warum bist du nicht gekommen?", "Why did you come?", "de", "en")
    # "Why don't we …?" is a suggestion, which a translation may say without asking
    assert not _alarm_types("Fangen wir doch gleich an!", "Why don't we get started right away?", "de", "en")
    # a yes/no question still leans, not negates
    assert not _alarm_types("Anh không mệt à?", "Bist du müde?")


def test_and_a_half_in_words_reads_in_english_and_french():
    assert not _alarm_types("Il a vécu deux ans et demi à Lyon.", "He lived in Lyon for two and a half years.", "fr", "en")
    assert "number" in _alarm_types("La ville compte deux millions et demi d'habitants.",
                                     "The city has three and a half million inhabitants.", "fr", "en")
    assert not _alarm_types("La ville compte deux millions et demi d'habitants.",
                            "The city has two and a half million inhabitants.", "fr", "en")


def test_wondering_whether_a_contraction_and_not_just_are_no_errors():
    # "tự hỏi không biết …" asks; "Aren't" opening a question is no person; "not just … but also" = "không chỉ … mà còn"
    assert not _alarm_types("Tôi tự hỏi không biết cô ấy có nhớ tôi không.", "I wonder whether she remembers me.", "vi", "en")
    assert "negation" in _alarm_types("Tôi không biết cô ấy có nhớ tôi không.", "I know she remembers me.", "vi", "en")
    assert not _alarm_types("Cậu không mệt sao?", "Aren't you tired?", "vi", "en")
    assert not _alarm_types("Món này không chỉ rẻ mà còn ngon nữa.", "This dish is not just cheap, but also tasty.", "vi", "en")
    # a vulgar "đéo" negates as "không" does
    assert "negation" in _alarm_types("Hôm nay đéo có mưa.", "It is raining today.", "vi", "en")


def test_an_exception_after_a_negation_and_a_noun_that_is_also_a_first_name():
    # "niemanden außer dir" = "not anyone except you": an exception restricts the negation, it does not cancel it
    assert not _alarm_types("Ich kenne hier niemanden außer dir.", "I don't know anyone here except you.", "de", "en")
    assert "negation" in _alarm_types("Ich kenne hier niemanden außer dir.", "I know everyone here except you.", "de", "en")
    # after an article "Roman" is the noun (a novel); alone it is a person another may replace
    assert not _alarm_types("Sie liest einen Roman.", "She's reading a novel.", "de", "en")
    assert "attribution" in _alarm_types("Ich habe Roman gestern gesehen.", "I saw Peter yesterday.", "de", "en")


def test_french_quatre_vingt_and_something_was_wrong():
    assert not _alarm_types("Quatre-vingt pour cent des élèves ont réussi.", "80% of the pupils passed.", "fr", "en")
    assert "number" in _alarm_types("Quatre-vingt pour cent des élèves ont réussi.", "70% of the pupils passed.", "fr", "en")
    assert not _alarm_types("Elle a senti que quelque chose n'allait pas.", "She felt that something was wrong.", "fr", "en")
    assert "negation" in _alarm_types("Elle a senti que quelque chose n'allait pas.", "She felt that everything was right.", "fr", "en")


def test_only_said_twice_with_and_without_a_negation():
    # "Nur …, mehr nicht" says "only" twice: the negated wording reinforces the plain one
    assert not _alarm_types("Có mỗi hai mươi nghìn thôi.", "Nur zwanzigtausend, mehr nicht.")
    assert "negation" in _alarm_types("Anh ấy ăn hết cả nồi cơm.", "Er hat nicht den ganzen Topf Reis gegessen.")


def test_a_dozen_after_a_number_counts_exactly():
    assert not _alarm_types("Sie kaufte zwei Dutzend Eier.", "She bought 24 eggs.", "de", "en")
    assert "number" in _alarm_types("Sie kaufte zwei Dutzend Eier.", "She bought 12 eggs.", "de", "en")
    # inflected too: "seit drei Jahrzehnten" = "for three decades"
    assert not _alarm_types("Er lebt seit drei Jahrzehnten in Paris.", "He has lived in Paris for three decades.", "de", "en")
