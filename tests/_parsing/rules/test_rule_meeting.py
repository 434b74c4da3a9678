"""Meeting rules (diplo_events._parsing.rules.meeting), through diplo_events.parse."""

from __future__ import annotations

import datetime as dt

import pytest

import diplo_events as de
from diplo_events import DatePrecision, Meeting, Modality

PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday


def meetings(text: str) -> list[Meeting]:
    return [e for e in de.parse(text, published=PUBLISHED) if isinstance(e, Meeting)]


def test_two_named_parties_met() -> None:
    text = ("Japanese Prime Minister Taro Sato met South Korean President Kim Min-jun in Tokyo "
            "on Tuesday.")  # fmt: skip
    [m] = meetings(text)
    assert [(a.name, a.country, a.title) for a in m.participants] == [
        ("Taro Sato", "JPN", "Prime Minister"),
        ("Kim Min-jun", "KOR", "President"),
    ]
    assert m.rule == "meeting.met"
    assert (m.cameo, m.plover) == ("040", "CONSULT")
    assert m.modality is Modality.REALIZED
    assert m.date is not None
    assert m.date.start == m.date.end == dt.date(2024, 3, 5)
    assert m.location is not None
    assert (m.location.name, m.location.country) == ("Tokyo", "JPN")
    assert [(s.start, s.end) for s in m.evidence] == [(0, len(text))]


def test_unnamed_officials_as_parties() -> None:
    [m] = meetings("The German foreign minister met her Polish counterpart in Warsaw on Monday.")
    assert [a.country for a in m.participants] == ["DEU", "POL"]
    assert m.participants[0].title == "foreign minister"
    assert m.location is not None
    assert m.location.name == "Warsaw"


def test_visit_adds_the_host_state() -> None:
    [m] = meetings("Chinese Foreign Minister Wang Li visited Pakistan on Monday.")
    assert m.rule == "meeting.visit"
    assert (m.cameo, m.plover) == ("042", "CONSULT")
    assert [(a.name, a.country) for a in m.participants] == [
        ("Wang Li", "CHN"),
        ("Pakistan", "PAK"),
    ]
    assert m.location is not None
    assert m.location.country == "PAK"


def test_hosted_is_cameo_043_with_the_host_state() -> None:
    [m] = meetings("Kenyan President William Otieno hosted Ethiopian Prime Minister Abiy Tesfaye "
                   "in Nairobi on Monday.")  # fmt: skip
    assert m.cameo == "043"
    names = [a.name for a in m.participants]
    assert names[:2] == ["William Otieno", "Abiy Tesfaye"]
    assert {a.country for a in m.participants} == {"KEN", "ETH"}


def test_held_talks_with_and_topics() -> None:
    [m] = meetings("Turkish President Recep Erdogan held talks with Russian President Vladimir "
                   "Putin in Sochi to discuss the grain deal.")  # fmt: skip
    assert m.rule == "meeting.talks"
    assert {a.country for a in m.participants} == {"TUR", "RUS"}
    assert m.topics == ("the grain deal",)


def test_planned_meeting_is_kept_as_planned() -> None:
    [m] = meetings("Indian Prime Minister Ravi Kumar will visit Brazil next week.")
    assert m.modality is Modality.PLANNED
    assert m.date is not None
    assert m.date.precision is DatePrecision.WEEK
    assert m.date.start == dt.date(2024, 3, 11)


def test_planned_meeting_is_not_realized() -> None:
    events = meetings("The Chinese foreign minister will meet his Indian counterpart next week.")
    assert events
    assert all(m.modality is Modality.PLANNED for m in events)


def test_one_party_is_no_meeting() -> None:
    assert meetings("Russian President Vladimir Putin held a meeting on Monday.") == []


def test_welcomed_decision_is_no_meeting() -> None:
    assert meetings("Ukraine welcomed the decision on Monday.") == []


def test_received_help_is_no_meeting() -> None:
    assert meetings("Ukraine received help from Poland.") == []


def test_met_with_a_reaction_is_no_meeting() -> None:
    text = (
        "The Chadian troops were met with cheers in the town. The plan has been met with "
        "criticism from Iran and Iraq."
    )
    assert [e for e in de.parse(text, published="2024-03-06") if isinstance(e, Meeting)] == []


def test_a_period_bound_is_no_meeting_day() -> None:
    [m] = meetings(
        "President William Ruto visited Ghana, the first state visit between the two countries "
        "since the establishment of relations in the early 1960s."
    )
    assert m.date is None


def test_a_later_short_name_is_the_person_first_named_in_full() -> None:
    events = meetings(
        "Kenyan President William Ruto arrived in Accra on Monday for a state visit.\n"
        '"President Ruto\'s visit to Ghana is historic," the statement said.'
    )
    names = {a.name for m in events for a in m.participants}
    assert "Ruto" not in names
    assert "William Ruto" in names


@pytest.mark.parametrize(
    "text",
    [
        "Russian President Vladimir Putin held talks via video link with Chinese President "
        "Xi Jinping on Monday.",
        "Kenyan President William Ruto spoke by phone with Ghanaian President John Mahama on "
        "Monday and discussed trade.",
    ],
)
def test_remote_talks_are_no_meeting(text: str) -> None:
    assert meetings(text) == []


def test_suspended_talks_did_not_happen() -> None:
    [m] = meetings("Japan suspended economic talks with South Korea on Monday.")
    assert m.modality is Modality.NEGATED


def test_ministers_named_by_demonyms_meet() -> None:
    [m] = meetings("The Russian and German foreign ministers met in Berlin on Monday.")
    assert {p.country for p in m.participants} == {"RUS", "DEU"}


def test_former_states_in_an_older_story() -> None:
    [m] = meetings(
        "West German Chancellor Helmut Kohl met East German leader Erich Honecker in Bonn "
        "on Monday."
    )
    assert [(p.name, p.country) for p in m.participants] == [
        ("Helmut Kohl", "DEU"),
        ("Erich Honecker", "DDR"),
    ]


def test_a_relative_clause_adds_no_participant() -> None:
    [m] = meetings(
        "Chinese Foreign Minister Wang Yi met Fijian Prime Minister Sitiveni Rabuka in Suva on "
        "Monday, on a tour that has alarmed Australia and the United States."
    )
    assert {p.country for p in m.participants} == {"CHN", "FJI"}


def test_a_subject_that_travels_and_then_meets() -> None:
    [m] = meetings(
        "Australia's foreign minister, Penny Wong, flew to Fiji on Thursday, days after being "
        "sworn in, and met Fijian Prime Minister Sitiveni Rabuka in Suva."
    )
    assert [(p.name, p.country) for p in m.participants] == [
        ("Penny Wong", "AUS"),
        ("Sitiveni Rabuka", "FJI"),
    ]


def test_an_untitled_name_after_in_is_the_venue() -> None:
    [m] = meetings(
        "Palestinian President Mahmoud Abbas met Jordanian Prime Minister Bisher al-Khasawneh in "
        "Aqaba on Monday."
    )
    assert m.location is not None
    assert m.location.name == "Aqaba"
    assert [p.name for p in m.participants] == ["Mahmoud Abbas", "Bisher al-Khasawneh"]


def test_a_title_word_inside_a_hyphenated_name() -> None:
    [m] = meetings(
        "Iranian Foreign Minister Hossein Amir-Abdollahian met Syrian Foreign Minister Faisal "
        "Mekdad in Damascus on Monday."
    )
    assert m.participants[0].name == "Hossein Amir-Abdollahian"


@pytest.mark.parametrize(
    "text",
    [
        "Polish President Andrzej Duda met U.S. Secretary of State Antony Blinken on Friday at "
        "Joe Biden's invitation.",
        "Ukrainian President Volodymyr Zelensky met Polish Prime Minister Donald Tusk and said "
        "he had confidence in Andrzej Duda.",
    ],
)
def test_a_person_after_in_or_at_is_no_venue(text: str) -> None:
    [m] = meetings(text)
    assert m.location is None


def test_a_virtual_summit_in_a_later_clause_does_not_cancel_the_meeting() -> None:
    [m] = meetings(
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin, where a "
        "virtual summit of G7 leaders was later held."
    )
    assert {p.country for p in m.participants} == {"FRA", "DEU"}


def test_the_venue_of_the_summit_on_whose_sidelines_they_met() -> None:
    [m] = meetings(
        "Chinese Foreign Minister Wang Yi met his Pakistani counterpart on the sidelines of a "
        "forum in the Chinese city of Wuzhen on Monday."
    )
    assert m.location is not None
    assert m.location.name == "Wuzhen"


def test_a_subject_before_a_relative_clause_meets() -> None:
    [m] = meetings(
        "Burundian President Evariste Ndayishimiye, who chairs the bloc, hosted Kenyan President "
        "William Ruto on Wednesday."
    )
    assert {p.country for p in m.participants} == {"BDI", "KEN"}


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Russian President Vladimir Putin met Japanese Prime Minister Taro Aso in the Black Sea "
         "resort of Sochi on Saturday.", "Sochi"),
        ("Venezuelan and Colombian officials held talks in the border city of Maracaibo on "
         "Friday.", "Maracaibo"),
    ],
)  # fmt: skip
def test_wire_style_venues(text: str, venue: str) -> None:
    [m] = meetings(text)
    assert m.location is not None
    assert m.location.name == venue


@pytest.mark.parametrize(
    "text",
    [
        "Egyptian President Hosni Mubarak called for talks between Hamas and Fatah.",
        "Israeli Prime Minister Ehud Olmert said he was ready for direct talks with Syria.",
        "Palestinian President Mahmoud Abbas vowed to continue peace talks with Israel.",
    ],
)
def test_talks_called_for_or_promised_are_not_realized(text: str) -> None:
    assert all(m.modality is not Modality.REALIZED for m in meetings(text))


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Foreign ministers of the Gulf Cooperation Council met in Riyadh on Sunday.", "GCC"),
        ("Heads of state of the East African Community met in Arusha on Friday.", "EAC"),
    ],
)
def test_members_of_a_body_named_after_them(text: str, body: str) -> None:
    [m] = meetings(text)
    assert [p.organization for p in m.participants] == [body]


def test_a_title_word_as_a_first_name() -> None:
    [m] = meetings(
        "Afghan Foreign Minister Amir Khan Muttaqi held talks with Pakistani officials in Kabul "
        "on Monday."
    )
    assert m.participants[0].name == "Amir Khan Muttaqi"


def test_a_person_welcomed_by_a_counterpart_is_a_meeting_not_a_statement() -> None:
    events = de.parse(
        "Upon arrival at the Kotoka International Airport in Accra, Kenyan President William Ruto "
        "was welcomed by his Ghanaian counterpart, President John Mahama.",
        published=PUBLISHED,
    )
    [m] = [e for e in events if isinstance(e, Meeting)]
    assert {p.country for p in m.participants} == {"KEN", "GHA"}
    assert not [e for e in events if e.type == "statement"]
    assert m.location is not None
    assert m.location.country == "GHA"


def test_a_summit_denounced_elsewhere_is_not_its_venue_or_party() -> None:
    events = de.parse(
        "President Carter opened the Camp David summit on Tuesday with separate meetings with "
        "Egyptian President Anwar Sadat and Israeli Prime Minister Menachem Begin, White House "
        "press secretary Jody Powell said.\n\n"
        'In Damascus, Syrian President Hafez Assad denounced the summit as "a conspiracy."',
        published=PUBLISHED,
    )
    # "separate meetings with A and B": one meeting each
    found = [e for e in events if isinstance(e, Meeting)]
    assert sorted(tuple(p.name for p in m.participants) for m in found) == [
        ("Carter", "Anwar Sadat"),
        ("Carter", "Menachem Begin"),
    ]
    assert all(m.location is None and len(m.evidence) == 1 for m in found)


def test_a_state_travelled_from_is_no_party() -> None:
    text = (
        "Indonesian Foreign Minister Retno Marsudi returned from Brazil, where she attended"
        " the G20 summit."
    )
    [m] = meetings(text)
    assert {a.country or a.organization for a in m.participants} == {"IDN", "G20"}
    # a state met there is a party: "officials from Brazil" is not travel
    [m2] = meetings("Officials from Brazil held talks with Indonesian diplomats in Jakarta.")
    assert {a.country for a in m2.participants} == {"BRA", "IDN"}


def test_denied_reports_of_a_meeting_are_negated() -> None:
    [m] = meetings(
        "The spokeswoman denied media reports that Russian Foreign Minister Pavel Orlov had met"
        " U.S. envoy Mark Dale in Geneva last month."
    )
    assert m.modality is Modality.NEGATED


def test_a_meeting_an_offset_measures_from_is_another_meeting() -> None:
    text = (
        "India and China held talks at Chushul on Sunday.\n\nIn Beijing, a Chinese defence"
        " ministry spokesperson said on Monday the talks were positive. The talks came a week"
        " after Indian envoy Ravi Mehra met Chinese diplomat Zhao Wen in Astana."
    )
    first, earlier = meetings(text)
    # the reporting sentence lends neither its place nor its day to the talks
    assert first.location is not None
    assert first.location.name == "Chushul"
    assert first.date is not None
    assert first.date.start == dt.date(2024, 3, 3)
    assert {a.name for a in earlier.participants} == {"Ravi Mehra", "Zhao Wen"}
    assert earlier.date is not None
    assert earlier.date.start == dt.date(2024, 2, 25)  # a week before the talks


def test_members_of_a_body_counted_before_its_name() -> None:
    [m] = meetings("Foreign ministers of the 10-member Association of Southeast Asian Nations"
                   " (ASEAN) met in Jakarta on Wednesday.")  # fmt: skip
    assert [a.organization for a in m.participants] == ["ASEAN"]


def test_a_capital_named_after_its_country_is_the_place_not_a_party() -> None:
    [m] = meetings("Iranian and Saudi officials held indirect talks in the Omani capital Muscat"
                   " on Monday.")  # fmt: skip
    assert {a.country for a in m.participants} == {"IRN", "SAU"}
    assert m.location is not None
    assert (m.location.name, m.location.country) == ("Muscat", "OMN")


def test_here_is_the_datelines_place() -> None:
    text = ("VIENNA, Austria (AP) _ Soviet Foreign Minister Andrei Gromyko met U.S. Secretary of"
            " State George Shultz at the Soviet Embassy here on Monday.")  # fmt: skip
    [m] = meetings(text)
    assert {a.country for a in m.participants} == {"SUN", "USA"}
    assert m.location is not None
    assert m.location.name == "Vienna"


@pytest.mark.parametrize(
    "text",
    [
        "Foreign ministers of Kazakhstan and Qatar held a strategic dialogue in Doha on Tuesday.",
        "Chinese and Russian diplomats held a round of consultations in Doha on Tuesday.",
        "Kazakh Foreign Minister Murat Nurtleu paid a courtesy call on the Qatari emir in Doha"
        " on Tuesday.",
    ],
)
def test_dialogues_consultations_and_courtesy_calls_are_meetings(text: str) -> None:
    [m] = meetings(text)
    assert m.modality is Modality.REALIZED
    assert len({a.country for a in m.participants}) == 2
    assert m.location is not None
    assert m.location.name == "Doha"


def test_dialogue_as_a_word_is_no_meeting() -> None:
    assert meetings("Dialogue is the only way forward, the Qatari minister said.") == []


def test_a_meeting_in_a_relative_clause_has_the_head_as_a_party() -> None:
    text = ("U.N. envoy Erik Lindqvist, who met Houthi negotiator Abdulmalik al-Sharafi in Muscat"
            " last week, urged all sides on Monday to show restraint.")  # fmt: skip
    [m] = meetings(text)
    assert [a.organization for a in m.participants] == ["UN", "Houthis"]
    assert m.date is not None
    assert m.date.precision is DatePrecision.WEEK
    said = [e for e in de.parse(text, published=PUBLISHED) if isinstance(e, de.Statement)]
    # the relative clause's "last week" is the meeting's, not the appeal's
    assert [s.date.start if s.date else None for s in said] == [dt.date(2024, 3, 4)]


def test_a_bare_government_at_the_start_is_the_datelines_state() -> None:
    text = ("BOGOTA, Colombia (AP) - Government and ELN negotiators ended a sixth round of peace"
            " talks in Havana last month.")  # fmt: skip
    [m] = meetings(text)
    assert [a.country or a.organization for a in m.participants] == ["COL", "ELN"]
    assert m.location is not None
    assert m.location.name == "Havana"


def test_the_two_leaders_also_met_is_another_meeting_of_the_same_parties() -> None:
    text = ("Kyrgyz President Sadyr Bekov and Tajik President Emomali Nazarov met in Bishkek on"
            " Monday. The two leaders also met briefly on the sidelines of a summit in Samarkand,"
            " Uzbekistan, on Friday.")  # fmt: skip
    first, second = meetings(text)
    assert {a.country for a in first.participants} == {"KGZ", "TJK"}
    assert {a.country for a in second.participants} == {"KGZ", "TJK"}
    assert second.location is not None
    assert second.location.name == "Samarkand"
    assert second.date is not None
    assert second.date.start == dt.date(2024, 3, 1)


def test_security_chiefs_are_their_states() -> None:
    [m] = meetings("Kyrgyz and Tajik security chiefs met in Batken on Tuesday.")
    assert {a.country for a in m.participants} == {"KGZ", "TJK"}


def test_phone_talks_are_no_meeting() -> None:
    assert meetings("Brazilian Foreign Minister Paulo Teixeira held phone talks with his"
                    " Argentine counterpart on Monday.") == []  # fmt: skip


def test_sat_down_together_is_a_meeting() -> None:
    [m] = meetings("The Prime Minister of Nepal and the President of Bhutan sat down together"
                   " today in Delhi.")  # fmt: skip
    assert [a.country for a in m.participants] == ["NPL", "BTN"]
    assert m.date is not None
    assert m.date.start == PUBLISHED


def test_heads_of_state_and_government_of_a_bloc_meet_as_its_members() -> None:
    [m] = meetings("Heads of state and government of the Southern African Development Community"
                   " (SADC) gathered in Lilongwe on Tuesday for the bloc's summit, with the"
                   " insurgency in northern Mozambique high on the agenda.")  # fmt: skip
    assert [a.organization for a in m.participants] == ["SADC"]  # the insurgency is a topic


def test_the_subject_of_after_meeting_is_a_party() -> None:
    [m] = meetings("Estonian Defence Minister Kalle Tamm spoke in Riga after meeting his Latvian"
                   " and Lithuanian counterparts on Tuesday.")  # fmt: skip
    assert [a.country for a in m.participants] == ["EST", "LVA", "LTU"]


def test_the_ministers_of_the_two_countries_met_elsewhere_and_earlier() -> None:
    text = ("Indian Prime Minister Lal Shastri met Pakistani President Ayub Khan in Tashkent on"
            " Tuesday. The foreign ministers of the two countries had met briefly in New York in"
            " October.")  # fmt: skip
    first, earlier = meetings(text)
    assert [a.name for a in first.participants] == ["Lal Shastri", "Ayub Khan"]
    assert [a.country for a in earlier.participants] == ["IND", "PAK"]
    assert earlier.location is not None
    assert earlier.location.name == "New York"


def test_the_subject_of_a_deal_after_talks_with_others_is_a_party() -> None:
    [m] = meetings("EU foreign policy chief Josep Borrell announced the deal after nearly five"
                   " hours of talks in Brussels with Serbian President Aleksandar Vucic and Kosovo"
                   " Prime Minister Albin Kurti.")  # fmt: skip
    assert [a.country or a.organization for a in m.participants] == ["EU", "SRB", "XKX"]
    # troops starting drills after a summit were not at the summit
    found = meetings("U.S. and South Korean troops began drills after the presidents of both"
                     " countries held talks with Japan.")  # fmt: skip
    assert not any(a.title == "troops" for m in found for a in m.participants)


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces advanced after meeting little resistance from Ukrainian troops.",
        "Russia captured Avdiivka after talks with Ukraine collapsed.",
    ],
)
def test_no_meeting_from_a_gerund_or_talks_with_their_own_verb(text: str) -> None:
    assert [m for m in meetings(text) if m.modality is Modality.REALIZED] == []


def test_a_meeting_after_a_future_main_verb_is_planned() -> None:
    [m] = meetings("German Chancellor Olaf Scholz will travel to Riga on Friday before meeting"
                   " Latvian Prime Minister Evika Silina.")  # fmt: skip
    assert m.modality is Modality.PLANNED
    [held] = meetings("Iran and the United States held a meeting in Muscat on Monday and Iran"
                      " will now free the prisoners.")  # fmt: skip
    assert held.modality is Modality.REALIZED


def test_leaders_attending_the_meeting_join_it_however_long_the_list() -> None:
    [m] = meetings("Russia and China met in Moscow on Monday. Leaders from Iran, Belarus and"
                   " Kazakhstan attended the meeting.")  # fmt: skip
    assert [a.country for a in m.participants] == ["RUS", "CHN", "IRN", "BLR", "KAZ"]


def test_a_summit_between_two_named_states_that_was_called_off_is_negated() -> None:
    [m] = meetings(
        "A summit between the presidents of Kenya and Somalia planned in Nairobi in December "
        "was called off at the last minute."
    )
    assert m.modality is Modality.NEGATED


def test_a_relative_clause_about_a_participant_adds_no_party() -> None:
    [m, *_] = meetings(
        "Thai Foreign Minister Somchai Rak met Chinese Foreign Minister Wang Yi, who is in "
        "Bangkok for the ASEAN Regional Forum, on Thursday."
    )
    assert [p.country or p.organization for p in m.participants] == ["THA", "CHN"]


def test_a_capital_in_apposition_is_the_place_not_a_party() -> None:
    [m] = meetings(
        "Delegations from the Ethiopian government and the TPLF met in the capital, Pretoria, "
        "on Tuesday."
    )
    assert [p.country or p.organization for p in m.participants] == ["ETH", "TPLF"]
    assert m.location is not None
    assert (m.location.name, m.location.country) == ("Pretoria", "ZAF")


def test_a_national_security_council_is_its_states_not_the_uns() -> None:
    [m] = meetings(
        "Iran's Supreme National Security Council secretary Ali Shamkhani met Saudi national "
        "security adviser Musaed al-Aiban in Beijing on Friday."
    )
    assert {p.country for p in m.participants} == {"IRN", "SAU"}
    assert all(p.organization is None for p in m.participants)


def test_a_senior_general_is_a_title_not_a_party() -> None:
    [m] = meetings("ASEAN leaders met junta chief Sr. Gen. Min Aung Hlaing in Jakarta on Saturday.")
    assert [p.name for p in m.participants] == ["ASEAN", "Min Aung Hlaing"]


def test_the_two_meeting_in_a_when_clause_are_the_two_named_before() -> None:
    [m] = meetings(
        "Australian Foreign Minister Penny Wong raised the issue with Chinese Foreign Minister "
        "Wang Yi when the two met on the sidelines of the G20 foreign ministers' meeting in "
        "Johannesburg on Thursday."
    )
    assert [p.country for p in m.participants] == ["AUS", "CHN"]


def test_the_gathering_whose_sidelines_host_a_meeting_is_no_party() -> None:
    [m] = meetings(
        "Australian Foreign Minister Penny Wong met Chinese Foreign Minister Wang Yi on the "
        "sidelines of the ASEAN summit in Vientiane."
    )
    assert [p.country or p.organization for p in m.participants] == ["AUS", "CHN"]


def test_welcoming_a_guest_to_a_place_is_where_they_met() -> None:
    [m] = meetings(
        "Chinese President Xi Jinping welcomed Brazilian President Lula to Beijing on Friday."
    )
    assert m.location is not None
    assert (m.location.name, m.location.country) == ("Beijing", "CHN")


def test_a_news_conference_is_no_meeting() -> None:
    assert (
        meetings(
            "Chinese Foreign Ministry spokesman Wang Lin told a regular news conference in "
            "Beijing that Japan and South Korea should respect China's concerns."
        )
        == []
    )


def test_mediators_named_by_their_states_are_parties() -> None:
    [m] = meetings("A Hamas delegation held talks with Egyptian and Qatari mediators in Cairo.")
    assert [p.country or p.organization for p in m.participants] == ["Hamas", "EGY", "QAT"]


def test_talks_a_future_trip_is_for_are_planned() -> None:
    [m] = meetings(
        "U.S. Secretary of State Antony Blinken and Defense Secretary Lloyd Austin are scheduled "
        "to travel to Manila on Tuesday for two-plus-two talks with their Philippine "
        "counterparts."
    )
    assert m.modality is Modality.PLANNED


def test_an_untitled_name_visited_is_a_place_not_a_party() -> None:
    assert (
        meetings(
            "Sudanese army chief Abdel Fattah al-Burhan, who visited Wad Madani on Sunday, "
            "said the city was liberated."
        )
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "Co-hosted by Thailand and the United States, this year's Cobra Gold drill runs until "
        "March 8.",
        "In February, Pakistan hosted the multinational AMAN-23 exercise off Karachi.",
    ],
)
def test_hosting_drills_is_no_meeting(text: str) -> None:
    assert meetings(text) == []


def test_hosting_counterparts_ahead_of_a_drill_is_a_meeting() -> None:
    [m] = meetings(
        "Ahead of the drill, the Chief of Defence Staff, Gen Christopher Musa, hosted his "
        "counterparts from Ghana, Senegal and Sierra Leone in Abuja on February 6."
    )
    assert {"GHA", "SEN", "SLE"} <= {p.country for p in m.participants}


def test_a_meeting_counted_from_is_an_earlier_meeting_of_the_same_sides() -> None:
    text = ("Chilean Foreign Minister Ana Rojas met Peruvian Foreign Minister Luis Soto at "
            "the Hotel Carrera on Tuesday in their first talks since a session last June in "
            "Lima.")  # fmt: skip
    first, earlier = meetings(text)
    assert {a.country for a in first.participants} == {"CHL", "PER"}
    assert (first.date and first.date.start) == dt.date(2024, 3, 5)
    assert (first.location and first.location.name) == "Hotel Carrera"
    assert {a.country for a in earlier.participants} == {"CHL", "PER"}
    assert (earlier.date and earlier.date.start) == dt.date(2023, 6, 1)
    assert (earlier.date and earlier.date.precision) is DatePrecision.MONTH
    assert (earlier.location and earlier.location.name) == "Lima"


def test_a_period_since_a_date_is_no_earlier_meeting() -> None:
    text = "Chile and Peru held talks on Tuesday, their first since 2019."
    [m] = meetings(text)
    assert (m.date and m.date.start) == dt.date(2024, 3, 5)


def test_a_visit_to_a_leader_named_by_family_name_alone() -> None:
    text = "Kenyan President William Ruto paid a courtesy visit to Museveni on Monday."
    [m] = meetings(text)
    assert {a.country for a in m.participants} == {"KEN", "UGA"}


def test_a_former_leader_keeps_the_state_he_led() -> None:
    [m] = meetings("Former President Uhuru Kenyatta met Ethiopian Prime Minister Abiy Ahmed "
                   "in Nairobi on Monday.")  # fmt: skip
    assert (m.participants[0].name, m.participants[0].country) == ("Uhuru Kenyatta", "KEN")


def test_a_headline_lists_its_parties_with_commas() -> None:
    [m] = meetings("Ruto, Museveni meet on trade")
    assert {a.country for a in m.participants} == {"KEN", "UGA"}


def test_a_meeting_in_the_datelines_state_is_in_the_datelines_town() -> None:
    text = ("NUSA DUA, Indonesia (Reuters) Japanese Prime Minister Taro Sato met South Korean "
            "President Kim Min-jun in Indonesia on Tuesday.")  # fmt: skip
    [m] = meetings(text)
    assert (m.location and m.location.name, m.location and m.location.country) == (
        "Nusa Dua",
        "IDN",
    )


def test_a_party_attending_a_bodys_summit_meets_the_body() -> None:
    [m] = meetings("Turkish President Kemal Arslan attended the 17th BRICS Summit in Kazan on "
                   "Tuesday.")  # fmt: skip
    assert {a.country or a.organization for a in m.participants} == {"TUR", "BRICS"}


def test_a_named_gathering_attended_is_a_party() -> None:
    [m] = meetings("Chile's president will attend the Pacific Rim Forum in Lima on Friday.")
    assert [a.name for a in m.participants] == ["Chile", "Pacific Rim Forum"]
    assert m.modality is Modality.PLANNED


def test_a_bodys_summit_that_opens_is_a_meeting_of_its_members() -> None:
    [m] = meetings("The ASEAN summit opened in Jakarta on Monday.")
    assert [a.organization for a in m.participants] == ["ASEAN"]


def test_a_summit_named_only_as_a_setting_is_no_meeting_of_its_own() -> None:
    [m] = meetings("Turkish President Kemal Arslan met Greek Prime Minister Nikos Pappas on the "
                   "sidelines of the NATO summit on Tuesday.")  # fmt: skip
    assert {a.country for a in m.participants} == {"TUR", "GRC"}


def test_visits_to_two_states_by_no_one_named_are_no_meeting_between_them() -> None:
    assert meetings("He arrived in Amman after visits to Syria and Iraq.") == []


def test_talks_pressed_for_are_planned() -> None:
    [m] = meetings("Egypt pressed for talks between Israel and Syria on Monday.")
    assert m.modality is Modality.PLANNED


def test_one_leader_meeting_a_list_of_counterparts_among_them() -> None:
    text = ("During the summit the Mongolian premier had one-on-one sessions with a number of "
            "peers, among them Iceland's Ola Nord, Tanzania's Amani Mushi and Paraguay's "
            "Luis Ferrer.")  # fmt: skip
    found = [sorted(a.country or "" for a in m.participants) for m in meetings(text)]
    assert found == [["ISL", "MNG"], ["MNG", "TZA"], ["MNG", "PRY"]]


def test_a_meeting_told_with_no_place_on_a_trip_is_where_the_last_one_was() -> None:
    text = (
        "Kenyan President Amani Odhiambo held talks with Ugandan President Yoweri Museveni "
        "in Entebbe on Sunday.\n\n"
        "Odhiambo also met Ugandan Prime Minister Robinah Nabbanja on Sunday."
    )
    places = {m.location.name if m.location else None for m in meetings(text)}
    assert places == {"Entebbe"}


def test_a_meeting_on_another_day_keeps_no_place_of_an_earlier_one() -> None:
    text = (
        "Odhiambo met Museveni in Jordan last week.\n\n"
        "On Tuesday, Kenyan President Amani Odhiambo met Egyptian President Omar Nasser."
    )
    later = next(m for m in meetings(text) if "Egyptian" in m.evidence[0].text)
    assert later.location is None


def test_a_visit_to_a_leader_is_in_the_visited_state() -> None:
    text = "A Kenyan envoy made a courtesy visit to Ugandan President Yoweri Museveni on Sunday."
    [m] = meetings(text)
    assert m.location is not None
    assert (m.location.country, m.location.mention) == ("UGA", None)


@pytest.mark.parametrize("gap", ["\n", "\n\n", "\n\n\n"])
def test_the_lead_under_a_dateline_is_at_the_dateline_whatever_the_blank_lines(gap: str) -> None:
    text = (
        f"Ghana's leader in Lome{gap}"
        "LOME, Togo -- Ghanaian President Kofi Mensah met yesterday with Togolese President "
        "Faure Gnassingbe."
    )
    [m] = meetings(text)
    assert m.location is not None
    assert (m.location.name, m.location.country) == ("Lome", "TGO")


def test_a_title_after_a_bare_name_needs_no_closing_comma() -> None:
    text = "Prime Minister Abiy held talks with Algerian President, Abdelmadjid Tebboune on Sunday."
    [m] = meetings(text)
    assert [a.name for a in m.participants] == ["Abiy", "Abdelmadjid Tebboune"]


def test_a_readouts_next_meeting_is_of_the_one_the_story_follows() -> None:
    text = (
        "Armenian Foreign Minister Edgar Mirzoyan met Panamanian Foreign Minister Jose Ruiz "
        "in New York on Friday.\n\n"
        "During the meeting with Miroslav Hruby, Minister of Foreign Affairs of Slovakia, the "
        "preparations for the summit were discussed."
    )
    sides = [[a.country for a in m.participants] for m in meetings(text)]
    assert sides == [["ARM", "PAN"], ["ARM", "SVK"]]


def test_a_meeting_told_in_a_fronted_phrase_is_the_speakers() -> None:
    text = (
        "In a separate meeting with Russian Prime Minister Mikhail Orlov on Monday, Chinese "
        "President Wang Lei said ties were strong."
    )
    [m] = meetings(text)
    assert [a.country for a in m.participants] == ["RUS", "CHN"]


def test_a_commitment_to_dialogue_is_no_meeting() -> None:
    assert meetings("We remain committed to dialogue with Iran, the ministry said.") == []


def test_talks_with_the_leaders_of_several_states_are_one_meeting_each() -> None:
    text = (
        "Ethiopian Prime Minister Abiy Ahmed held talks with leaders of Kenya, Sudan and "
        "Morocco on Sunday."
    )
    sides = sorted(tuple(a.country for a in m.participants) for m in meetings(text))
    assert sides == [("ETH", "KEN"), ("ETH", "MAR"), ("ETH", "SDN")]


def test_views_exchanged_are_a_meeting_and_a_comma_after_a_title_keeps_the_pair() -> None:
    text = "Abiy and South Sudanese President, Salva Kiir have exchanged views on the peace deal."
    [m] = meetings(text)
    assert [a.name for a in m.participants] == ["Abiy", "Salva Kiir"]


def test_more_told_of_the_last_meeting_is_that_meeting() -> None:
    text = (
        "Kenyan President Amani Odhiambo met Djiboutian President Ismail Omar Guelleh in "
        "Nairobi on Monday.\n\n"
        "The two leaders also exchanged views on port services."
    )
    assert len(meetings(text)) == 1


def test_one_told_at_a_meeting_took_part_and_a_counterparts_partner_is_of_another_state() -> None:
    text = (
        "BEIJING -- President Ivan Petrov and his Chinese counterpart Li Wei signed a joint "
        "communique in Beijing on Thursday.\n\n"
        '"We agree on everything," Petrov told Li in a morning meeting.'
    )
    [m] = meetings(text)
    assert [(a.name, a.country) for a in m.participants] == [
        ("Ivan Petrov", None),
        ("Li Wei", "CHN"),
    ]


def test_a_leader_named_fully_before_meets_a_list_of_states_one_by_one() -> None:
    text = (
        "Ethiopian Prime Minister Abiy Ahmed arrived in Addis Ababa on Sunday.\n\n"
        "Likewise, the Prime Minister ABiy has held talks with leaders of Kenya, Sudan and "
        "Morocco."
    )
    talks = [m for m in meetings(text) if "talks" in m.evidence[0].text]
    assert sorted(tuple(a.name for a in m.participants) for m in talks) == [
        ("Abiy Ahmed", "Kenya"),
        ("Abiy Ahmed", "Morocco"),
        ("Abiy Ahmed", "Sudan"),
    ]


def test_a_meeting_on_the_same_trip_takes_the_day_told_before() -> None:
    text = (
        "Turkish Foreign Minister Ali Demir met his German counterpart in Brussels on Thursday."
        "\n\nDemir also held a meeting with his Dutch counterpart Hanna Smit."
    )
    days = [m.date.start if m.date else None for m in meetings(text)]
    assert days == [dt.date(2024, 2, 29), dt.date(2024, 2, 29)]


def test_a_continent_in_the_topic_is_no_meetings_place() -> None:
    text = "Kenyan President Amani Odhiambo held talks with Ghana's president on trade in Africa."
    [m] = meetings(text)
    assert m.location is None


def test_a_named_forum_taken_part_in_is_a_meeting_of_its_own() -> None:
    text = (
        "Estonian Foreign Minister Karl Tamm met Latvian Foreign Minister Anna Berzina in Riga "
        "on Monday.\n\n"
        "Tanzanian President Amani Mushi returned from Reykjavik, where he took part in the "
        "Nordic-African Forum."
    )
    forum = [m for m in meetings(text) if "Forum" in m.evidence[0].text]
    assert [[a.name for a in m.participants] for m in forum] == [
        ["Amani Mushi", "Nordic-African Forum"]
    ]


def test_the_one_briefed_after_talks_took_no_part_in_them() -> None:
    [m] = meetings("Blinken briefed Zelensky after his talks with Lavrov in Geneva on Friday.")
    assert [a.name for a in m.participants] == ["Blinken", "Lavrov"]


def test_talks_between_others_are_theirs_alone() -> None:
    text = "Blinken stressed the need for progress in the negotiations between Israel and Hamas."
    assert [[a.name for a in m.participants] for m in meetings(text)] == [["Israel", "Hamas"]]


def test_talks_with_a_doer_of_their_own_take_no_one_from_the_story() -> None:
    text = (
        "Blinken met Wang Yi in Beijing on Friday.\n\n"
        "Separately, in talks with Iran, negotiators made progress on the nuclear file."
    )
    for m in meetings(text):
        assert {"Blinken", "Iran"} - {a.name for a in m.participants}


def test_talks_between_a_visiting_leader_and_the_host() -> None:
    text = ("Talks between visiting Chilean President Ana Rojas and Peruvian President Luis "
            "Vega began in Lima on Tuesday.")  # fmt: skip
    [m] = meetings(text)
    assert [a.country for a in m.participants] == ["CHL", "PER"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Six presidents sat down on Tuesday for a regional summit.", "Six presidents"),
        ("The leaders of five Andean states met in Quito on Tuesday.",
         "leaders of five Andean states"),
    ],
)  # fmt: skip
def test_officials_the_text_counts_are_several_parties(text: str, name: str) -> None:
    [m] = meetings(text)
    assert [(a.name, a.country) for a in m.participants] == [(name, None)]


def test_the_two_leaders_are_no_new_collective() -> None:
    text = ("During the president's meeting with Chancellor Olaf Weber in Bonn on Tuesday, "
            "the two leaders held long talks.")  # fmt: skip
    assert len(meetings(text)) == 1


def test_a_state_and_its_leader_by_surname_are_one_party() -> None:
    [m] = meetings("Russia's Putin met China's Xi in Beijing on Tuesday.")
    assert [(a.name, a.country) for a in m.participants] == [("Putin", "RUS"), ("Xi", "CHN")]


def test_talks_with_one_as_well_as_with_another_are_two_meetings() -> None:
    text = ("The Chilean envoy held talks with Peruvian President Luis Vega on Tuesday as well "
            "as with Bolivian President Eva Quispe.")  # fmt: skip
    found = meetings(text)
    assert sorted(tuple(sorted(str(a.country) for a in m.participants)) for m in found) == [
        ("BOL", "CHL"),
        ("CHL", "PER"),
    ]


def test_a_venue_with_an_appositive_saying_what_it_is() -> None:
    text = ("Chilean President Ana Rojas met Peruvian President Luis Vega at Casa Azul, the "
            "presidential retreat near Lima, on Tuesday.")  # fmt: skip
    [m] = meetings(text)
    assert m.location is not None
    assert m.location.name == "Casa Azul"


def test_a_meeting_framed_by_a_visit_takes_the_visit_s_place() -> None:
    text = ("The spokesman added that during his brief visit to Peru, Chile's foreign minister "
            "Ana Rojas also met with Luis Vega, Peru's foreign minister.")  # fmt: skip
    [m] = meetings(text)
    assert m.location is not None
    assert m.location.country == "PER"


def test_talks_the_parties_are_to_begin_are_planned() -> None:
    text = ("Fighting resumed just days before Chile and Peru are to begin negotiations in "
            "Lima.")  # fmt: skip
    assert [m.modality for m in meetings(text)] == [Modality.PLANNED]


def test_a_where_clause_meets_at_the_place_it_hangs_on() -> None:
    text = ("The Japanese premier flew on to Manila, where he held talks with Philippine "
            "President Lito Reyes on Tuesday.")  # fmt: skip
    [m] = meetings(text)
    assert {a.country for a in m.participants} == {"JPN", "PHL"}
    assert m.location is not None
    assert m.location.name == "Manila"


def test_he_after_a_leader_named_by_surname_alone() -> None:
    text = ("Kishida arrived in Hanoi on Monday. He held talks with Vietnamese President "
            "Tran Van Minh on Tuesday.")  # fmt: skip
    [m] = meetings(text)
    assert [a.country for a in m.participants] == ["JPN", "VNM"]


def test_he_after_an_official_told_by_title_alone() -> None:
    text = ("The Japanese premier arrived in Hanoi on Monday. He held talks with Vietnamese "
            "President Tran Van Minh on Tuesday.")  # fmt: skip
    [m] = meetings(text)
    assert [a.country for a in m.participants] == ["JPN", "VNM"]


def test_they_after_officials_is_no_single_person() -> None:
    text = ("Japanese officials arrived in Hanoi on Monday. He held talks with Vietnamese "
            "President Tran Van Minh on Tuesday.")  # fmt: skip
    assert all("JPN" not in {a.country for a in m.participants} for m in meetings(text))


def test_calling_on_an_official_at_his_office_is_a_visit_not_an_appeal() -> None:
    text = ("The Chinese envoy called on the Pakistani prime minister at his office in "
            "Islamabad on Monday.")  # fmt: skip
    assert [e.rule for e in de.parse(text, published=PUBLISHED)] == ["meeting.call_on"]
    appeal = "Egypt called on Israel to open the crossing on Sunday."
    assert [e.rule for e in de.parse(appeal, published=PUBLISHED)] == ["statement.urged"]


def test_a_day_told_after_another_happening_brought_in_is_that_happening_s() -> None:
    text = ("Kenyan President Daniel Mwangi was welcomed by Ugandan President John Okello in "
            "Kampala. The visit to Uganda follows a visit to Rwanda on 30 November.")  # fmt: skip
    [m] = meetings(text)
    assert m.date is None


def test_no_side_judges_a_visit_that_follows_another() -> None:
    from diplo_events import explain

    text = ("The visit to Kampala follows a successful visit by Kenyan President Daniel Mwangi "
            "to Rwanda.")  # fmt: skip
    vetoes = [r.vetoes for r in explain(text, published=PUBLISHED).rejected]
    assert all("judged" not in v for v in vetoes)


def test_they_are_the_parties_the_sentence_before_opened_on() -> None:
    text = ("Presidents Ana Rojas of Chile, Luis Soto of Peru and Hugo Vera of Bolivia arrived "
            "in Arica on Thursday.\n\nThey were meeting to discuss regional trade.")  # fmt: skip
    [m] = meetings(text)
    assert [a.country for a in m.participants] == ["CHL", "PER", "BOL"]


def test_the_kgb_is_the_soviet_union_s() -> None:
    text = ("KGB chief Viktor Kryuchkov met Polish Prime Minister Tadeusz Mazowiecki in Warsaw "
            "on Monday.")  # fmt: skip
    [m] = [e for e in de.parse(text, published="1989-10-25") if isinstance(e, Meeting)]
    assert [a.country for a in m.participants] == ["SUN", "POL"]
