"""Negation false alarms from how a correct translation says a negated meaning without a negation
(litotes, inherently negative words, idioms), beside the controlled edits that must still alarm.
Every sentence here was written for these tests."""
from __future__ import annotations

import pytest

from mt.fidelity.evaluate import check_pair
from mt.fidelity.negation import clauses, negation_pack

CRIT = "critical"


def negation_alarms(src: str, tgt: str, sl: str, tl: str) -> list[str]:
    return [f.severity.value for f in check_pair(src, tgt, sl, tl)
            if f.type == "negation" and f.severity.value in ("critical", "major")]


def negation_notes(src: str, tgt: str, sl: str, tl: str) -> list[str]:
    return [f.message for f in check_pair(src, tgt, sl, tl) if f.type == "negation"]


CASES = [
    # litotes: a negation before a word of small degree or bad quality says the opposite plainly
    ("vi", "de", "Dự án này đòi hỏi một khoản tiền không hề nhỏ.", "Das Projekt erfordert eine beträchtliche Summe.", []),
    ("vi", "de", "Món súp này không hề tệ.", "Diese Suppe schmeckt richtig gut.", []),
    ("de", "en", "Die Kosten der Reparatur waren nicht gering.", "The repair was expensive.", []),
    ("fr", "en", "L'effet de la réforme n'est pas négligeable.", "The reform has a considerable effect.", []),
    ("en", "de", "Finishing the bridge in a year was no small feat.", "Die Brücke in einem Jahr fertigzustellen, war eine große Leistung.", []),
    # ... but a negation before any other word still negates
    ("vi", "de", "Dự án này không đòi hỏi nhiều tiền.", "Das Projekt erfordert viel Geld.", [CRIT]),
    # a plain negation of a word of size stays a negation ("the house is not small")
    ("vi", "de", "Căn nhà này không nhỏ.", "Dieses Haus ist klein.", [CRIT]),
    ("en", "de", "The house is not small.", "Das Haus ist klein.", [CRIT]),
    ("de", "en", "Die Kosten der Reparatur waren nicht hoch.", "The repair costs were high.", [CRIT]),
    ("fr", "en", "L'effet de la réforme n'est pas visible.", "The effect of the reform is visible.", [CRIT]),
    # after a verb of prevention "không" is part of it ("ngăn không cho" = prevent from)
    ("vi", "de", "Bức tường dày ngăn không cho tiếng ồn lọt vào phòng.", "Die dicke Wand hält den Lärm vom Zimmer ab.", []),
    ("vi", "de", "Trong bảo tàng cấm không được chụp ảnh.", "Im Museum ist Fotografieren verboten.", []),
    ("vi", "de", "Bức tường dày không cho tiếng ồn lọt vào phòng.", "Die dicke Wand lässt den Lärm ins Zimmer.", [CRIT]),
    # one negation over a list, said again before each item on the other side: at most a note
    ("fr", "en", "Il n'y a pas de pain, de lait ou de fromage.", "There is no bread, no milk or cheese.", []),
    # an elliptical "not" closing its clause repeats a verb said before
    ("de", "en", "Manche Gäste kamen pünktlich, andere kamen zu spät.", "Some guests were on time, others not.", []),
    ("de", "en", "Manche Gäste kamen pünktlich.", "Some guests were not on time.", [CRIT]),
    # idioms whose negative word negates nothing
    ("fr", "en", "Le parti, arrivé de nulle part, a gagné les élections.", "The party came from nowhere to win the election.", []),
    ("fr", "en", "Il y avait des réunions à n'en plus finir.", "There were endless meetings.", []),
    # 'not … until' with the timing word past a quotation ("erst" on the other side)
    ("vi", "de", 'Cô ấy không tin "đó là sự thật" cho đến khi đọc báo.', "Sie glaubte erst nach dem Lesen der Zeitung, dass es wahr ist.", []),
    # free of something = not having it, at the same place
    ("fr", "en", "La région est désormais indemne de paludisme.", "The region now has no malaria.", []),
    ("fr", "en", "La région connaît désormais le paludisme.", "The region now has no malaria.", [CRIT]),
    # "nor" opening a sentence negates it; inside one it only joins the negation before it
    ("fr", "en", "Personne non plus n'a répondu à la lettre.", "Nor did anyone answer the letter.", []),
    ("de", "en", "Sie hat weder angerufen noch geschrieben.", "She neither called nor wrote.", []),
    ("de", "en", "Sie hat angerufen und geschrieben.", "She neither called nor wrote.", [CRIT]),
    # "undoing" (downfall) is no negated "doing": "not our undoing" is one negation
    ("de", "en", "Das war nicht unser Untergang.", "That was not our undoing.", []),
    # "ne … guère" (hardly) negates in part, as "hardly" and "little" do; "ne … pas" fully
    ("fr", "en", "Cette réforme n'a guère changé la vie des retraités.", "This reform has done little to change pensioners' lives.", []),
    ("fr", "en", "Cette réforme n'a pas changé la vie des retraités.", "This reform has changed pensioners' lives.", [CRIT]),
    # a word that says few against one that says many: the quantity is reversed, as a negation is
    ("vi", "de", "Rất ít nông dân ở huyện này được vay vốn ưu đãi.", "Nur wenige Bauern im Bezirk erhielten günstige Kredite.", []),
    ("vi", "de", "Rất ít nông dân ở huyện này được vay vốn ưu đãi.", "Viele Bauern im Bezirk erhielten günstige Kredite.", ["major"]),
    ("de", "en", "Kaum ein Händler akzeptiert noch Bargeld.", "Few shopkeepers still accept cash.", []),
    ("de", "en", "Kaum ein Händler akzeptiert noch Bargeld.", "Many shopkeepers still accept cash.", ["major"]),
    ("fr", "en", "Peu de patients ont signalé des effets secondaires.", "Few patients reported side effects.", []),
    ("fr", "en", "Peu de patients ont signalé des effets secondaires.", "Numerous patients reported side effects.", ["major"]),
    ("de", "en", "Nicht viele Händler akzeptieren Bargeld.", "Few shopkeepers accept cash.", []),
    ("de", "en", "Nicht wenige Händler akzeptieren Bargeld.", "Quite a few shopkeepers accept cash.", []),
    ("de", "en", "Sie ist eine der wenigen Ärztinnen im Dorf.", "She is one of the few doctors in the village.", []),
    # a lack said inside a German compound ("Wassermangel") is a weak word: "no lack" is a double negation
    ("vi", "de", "Thành phố khẳng định sẽ không thiếu nước sạch trong mùa khô.", "Die Stadt versichert, in der Trockenzeit werde es keinen Wassermangel geben.", []),
    ("vi", "de", "Thành phố khẳng định sẽ không thiếu nước sạch trong mùa khô.", "Die Stadt versichert, in der Trockenzeit werde es Wassermangel geben.", [CRIT]),
    # a litotes next to an unrelated weak word: neither explains the other
    ("vi", "de", "Số tiền không hề nhỏ, nhưng chúng tôi không thể trả.", "Die Summe ist groß, aber wir können sie zahlen.", [CRIT]),
]


@pytest.mark.parametrize("sl,tl,src,tgt,expected", CASES)
def test_negation_wording(sl, tl, src, tgt, expected):
    assert negation_alarms(src, tgt, sl, tl) == expected


@pytest.mark.parametrize("lang,text,weak", [
    ("vi", "Chi phí không hề nhỏ.", True),
    ("vi", "Chi phí không hề quá thấp.", True),
    ("vi", "Chất lượng không kém.", True),
    ("vi", "Chi phí không thấp.", False),
    ("de", "Der Schaden ist nicht allzu gering.", True),
    ("de", "Der Schaden ist nicht klein.", False),
    ("de", "Das ist kein kleines Problem.", True),
    ("de", "Der Schaden ist nicht groß.", False),
    ("en", "The damage is not negligible.", True),
    ("en", "The damage is not bad.", True),  # listed whole as weak
    ("en", "The damage is not so small.", False),
    ("en", "Nothing small is sold here.", False),  # a negative pronoun stays a negation
    ("fr", "Le coût n'est pas négligeable.", True),
])
def test_litotes_reads_weak(lang, text, weak):
    units = [u for c in clauses(text, negation_pack(lang)) for u in c.units]
    assert units and all(u.weak == weak for u in units)


PREVENT = [
    # a verb of prevention said where the other side negates what is prevented, at the same place
    ("vi", "de", "Năm nay chính phủ đã xây một con đê cao để ngăn nước lũ tràn vào thành phố.",
     "Dieses Jahr hat die Regierung einen hohen Deich gebaut, damit kein Hochwasser in die Stadt fließt.", "minor"),
    # ... but a negation far from it is another statement
    ("vi", "de", "Năm nay chính phủ đã không xây con đê cao mà người dân cần từ lâu để ngăn nước lũ.",
     "Dieses Jahr hat die Regierung den hohen Deich gebaut, den die Bewohner lange brauchten, um das Hochwasser abzuhalten.", CRIT),
]


@pytest.mark.parametrize("sl,tl,src,tgt,severity", PREVENT)
def test_prevention_renders_a_negation_only_at_its_place(sl, tl, src, tgt, severity):
    found = [f for f in check_pair(src, tgt, sl, tl) if f.type == "negation"]
    assert [f.severity.value for f in found] == [severity]
    if severity == "minor":
        assert "ngăn" in found[0].message and "prevent" in found[0].message


# A negated meaning the other side says in a plain wording of the same meaning ([lexical] keys):
# a minor note, never an alarm; the same negation against the opposite statement still alarms.
REWORDED = [
    ("fr", "en", "Le conducteur n'a pas survécu à l'accident.", "The driver died in the crash."),  # survive
    ("vi", "de", "Sau khi nghỉ hưu, ông ít đi du lịch hơn.", "Seit seiner Pensionierung reist er nicht mehr so viel."),  # less
    ("vi", "de", "Nhiều khách hàng không hài lòng về dịch vụ mới.", "Viele Kunden beschwerten sich über den neuen Service."),  # displeased
    ("vi", "de", "Bức tượng cổ không còn nguyên vẹn sau trận động đất.", "Die alte Statue wurde bei dem Erdbeben beschädigt."),  # intact
    ("fr", "en", "Le prix ne dépend pas seulement du poids.", "The price depends on more than the weight."),  # not only
    ("vi", "de", "Không giống như anh trai, cô ấy thích đọc sách.", "Im Gegensatz zu ihrem Bruder liest sie gern."),  # differ
    ("vi", "de", "Mùa đông năm nay lạnh nhất trong nhiều năm.", "Der Winter ist so kalt wie seit Jahren nicht."),  # most
    ("fr", "en", "Les ventes ont atteint un niveau qu'on n'avait pas connu depuis dix ans.", "Sales reached a ten-year high."),
    ("fr", "en", "L'usine n'a plus pu produire pendant un mois.", "The factory suspended production for a month."),  # no longer
    ("vi", "de", "Nhiều người trẻ không hề biết cách nấu ăn.", "Viele junge Leute sind beim Kochen völlig unbedarft."),  # know
    ("vi", "de", "Họ sẽ không ký hợp đồng trừ khi giá giảm.", "Sie unterschreiben den Vertrag nur, wenn der Preis sinkt."),  # only
    ("de", "en", "Der Verein kam nur bis ins Viertelfinale.", "The club got no further than the quarter-finals."),
    ("fr", "en", "Ce n'est pas son genre de mentir.", "It's unlike her to lie."),  # differ
    ("fr", "en", "Je ne comprends pas cette décision.", "This decision is hard to understand."),  # understand
    ("fr", "en", "Les négociations n'ont pas réussi à calmer la situation.", "The negotiations did little to calm the situation."),
    ("vi", "de", "Phe đối lập tuyên bố sẽ bãi bỏ kết quả bầu cử.", "Die Opposition erklärte, sie werde das Wahlergebnis nicht anerkennen."),
    ("vi", "de", "Chính phủ kêu gọi các nước láng giềng không can thiệp.", "Die Regierung forderte die Nachbarländer auf, sich herauszuhalten."),
    ("vi", "de", "Cô ấy không thoải mái khi phát biểu trước đám đông.", "Sie hat Mühe, vor vielen Menschen zu sprechen."),  # comfortable
    ("de", "en", "Davon habe ich bisher nichts gehört.", "That is news to me."),  # know
    ("vi", "de", "Học sinh không được phép dùng điện thoại trong lớp.", "Handys sind im Unterricht verboten."),  # allowed
    ("vi", "de", "Ông ấy không có mặt tại cuộc họp hôm qua.", "Er blieb der Sitzung gestern fern."),  # present
    ("fr", "en", "Cette rumeur n'est pas vraie.", "This rumour is false."),  # true
    ("vi", "de", "Đây không phải lần đầu con sông bị ô nhiễm.", "Der Fluss ist erneut verschmutzt."),  # again
    ("vi", "de", "Không ai ngờ đội bóng nhỏ lại thắng.", "Die kleine Mannschaft gewann überraschend."),  # expected
    ("de", "en", "Niemand weiß, wo der Schlüssel ist.", "Where the key is remains a mystery."),  # nobody knows
    # the negated wording takes in the other side's plain word ("quá", "thôi") where the language says both
    ("vi", "en", "Tôi quá đói đến nỗi không ngủ được.", "I was too hungry to sleep."),  # too
    ("vi", "en", "Thôi đừng khóc nữa.", "Stop crying."),  # no longer
    ("de", "en", "Zur Schule sind es nur 2 km.", "It is no more than two kilometres to the school."),  # only
    ("de", "en", "Wir können die verlorene Zeit nur bedauern.", "We cannot but regret the lost time."),  # only
    ("fr", "en", "Les enfants avaient hâte de partir.", "The children couldn't wait to leave."),  # eager
    ("fr", "en", "Il ignore tout de la musique.", "He knows nothing about music."),  # know
    ("de", "en", "Der Fahrer wurde nur leicht verletzt.", "The driver was not seriously injured."),  # mild
]


@pytest.mark.parametrize("sl,tl,src,tgt", REWORDED)
def test_plain_wording_of_a_negated_meaning_is_a_note(sl, tl, src, tgt):
    assert negation_alarms(src, tgt, sl, tl) == []
    assert any("wording" in m for m in negation_notes(src, tgt, sl, tl))


@pytest.mark.parametrize("sl,tl,src,tgt", [
    ("fr", "en", "Le conducteur n'a pas survécu à l'accident.", "The driver survived the crash."),
    ("vi", "de", "Nhiều khách hàng không hài lòng về dịch vụ mới.", "Viele Kunden lobten den neuen Service."),
    ("vi", "de", "Họ sẽ không ký hợp đồng.", "Sie unterschreiben den Vertrag, wenn der Preis sinkt."),
    ("fr", "en", "Le prix ne dépend pas seulement du poids.", "The price depends on the weight."),
    ("de", "en", "Zur Schule sind es mehr als 2 km.", "It is no more than two kilometres to the school."),
    ("de", "en", "Der Fahrer wurde schwer verletzt.", "The driver was not seriously injured."),
])
def test_without_the_plain_wording_the_reversal_alarms(sl, tl, src, tgt):
    assert negation_alarms(src, tgt, sl, tl) == [CRIT]


def test_reversative_un_verbs_and_joblessness_are_no_negation():
    en = negation_pack("en")
    assert {"unlocked", "unveils", "unfolding", "unemployment"}.isdisjoint(en.prefixed)
    assert {"unknown", "unusual", "unhappy", "unlikely"} <= en.prefixed
    units = [u.text for c in clauses("The minister unveiled a plan to cut unemployment.", en) for u in c.units]
    assert units == []


def test_litotes_note_says_why():
    notes = negation_notes("Dự án này đòi hỏi một khoản tiền không hề nhỏ.", "Das Projekt erfordert eine beträchtliche Summe.", "vi", "de")
    assert len(notes) == 1 and "litotes" in notes[0] and "không hề" in notes[0]


def test_a_weak_word_far_from_the_other_sides_only_negation_does_not_render_it():
    src = "Thiếu ngủ làm cho nhiều sinh viên mệt mỏi trong các kỳ thi cuối năm học."
    clean = "Schlafentzug macht viele Studenten während der Abschlussprüfungen am Ende des Schuljahres müde."
    edited = "Schlafentzug macht viele Studenten während der Abschlussprüfungen am Ende des Schuljahres nicht müde."
    assert negation_alarms(src, clean, "vi", "de") == []
    assert negation_alarms(src, edited, "vi", "de") == ["major"]
    # said as a lack on both sides ("Schlafmangel"), the two render each other and the added negation reverses
    assert negation_alarms(src, edited.replace("Schlafentzug", "Schlafmangel"), "vi", "de") == ["critical"]
    # near each other, a weak word and a negation may render each other: a note
    assert negation_alarms("Anh ấy thiếu kinh nghiệm.", "Er hat keine Erfahrung.", "vi", "de") == []


def test_a_separable_verbs_particle_statt_is_no_negation():
    import mt

    res = mt.check(["Die nächste Sitzung des Stadtrats findet im Juli im Rathaus statt."],
                   ["The next meeting of the city council will take place in the town hall in July."], "de", "en")
    assert [f for f in res.findings if f.type == "negation"] == []
    # "statt" before what it replaces still reads as a partial negation where the other side has none
    res = mt.check(["Statt eines neuen Rathauses baut die Stadt im Juli zwei neue Schulen."],
                   ["In July the city is building a new town hall and two new schools."], "de", "en")
    assert [f.severity.value for f in res.findings if f.type == "negation"] == ["minor"]


def test_french_no_longer_allowed_against_barred_is_wording():
    import mt

    res = mt.check(["Les habitants n'ont plus le droit d'accéder au site depuis l'incendie de la semaine dernière."],
                   ["Residents have been barred from the site since the fire last week."], "fr", "en")
    assert [f.severity.value for f in res.findings if f.type == "negation"] in ([], ["minor"])


def test_not_departing_from_a_rule_keeps_it():
    # "déroger à" is a verb of departure: negated, the tradition is kept
    assert negation_alarms("Le maire n'a pas dérogé à la tradition du discours.", "The mayor kept the tradition of the speech.",
                           "fr", "en") == []
    # (read as a verb of its own, the departure is a weak negation: against a plain "not" it is a note, no alarm)
    assert any("polarity" in m for m in negation_notes("Le maire a dérogé à la tradition du discours.",
                                                       "The mayor did not keep the tradition of the speech.", "fr", "en"))


def test_a_prefix_word_that_says_a_plain_meaning_both_sides_say_is_no_negation():
    # "unverändert" (un- prefix, weak) and "giữ nguyên" are both the plain wording of "keep": not even a note
    assert negation_notes("Công ty giữ nguyên giá bán lẻ trong quý này.", "Das Unternehmen ließ die Ladenpreise in diesem Quartal unverändert.", "vi", "de") == []
    # ... while a negation on the other side still makes the difference a question
    assert negation_notes("Công ty không giữ giá bán lẻ trong quý này.", "Das Unternehmen ließ die Ladenpreise in diesem Quartal unverändert.", "vi", "de") != []
