"""Military exercise rules (diplo_events._parsing.rules.exercise), through diplo_events.parse."""

from __future__ import annotations

import datetime as dt

import pytest

import diplo_events as de
from diplo_events import MilitaryExercise, Modality

PUBLISHED = dt.date(2024, 3, 6)


def exercises(text: str) -> list[MilitaryExercise]:
    return [e for e in de.parse(text, published=PUBLISHED) if isinstance(e, MilitaryExercise)]


def test_joint_exercise_is_cooperation() -> None:
    [ex] = exercises("Russia, Belarus and Kazakhstan held joint military exercises near Minsk "
                     "on Monday.")  # fmt: skip
    assert [a.country for a in ex.participants] == ["RUS", "BLR", "KAZ"]
    assert (ex.cameo, ex.plover) == ("062", "COOPERATE")
    assert ex.modality is Modality.REALIZED
    assert ex.location is not None
    assert ex.location.name == "Minsk"
    assert ex.date is not None
    assert ex.date.start == dt.date(2024, 3, 4)


def test_single_country_exercise_is_mobilization_with_counts() -> None:
    [ex] = exercises("Poland launched military drills involving about 2,500 troops and more than "
                     "40 ships on Monday.")  # fmt: skip
    assert [a.country for a in ex.participants] == ["POL"]
    assert (ex.cameo, ex.plover) == ("150", "MOBILIZE")
    assert ex.troops == 2500
    assert ex.ships == 40
    assert ex.aircraft is None


def test_vague_troop_numbers_give_no_count() -> None:
    [ex] = exercises("Russian troops took part in war games with thousands of troops.")
    assert ex.troops is None
    assert [a.country for a in ex.participants] == ["RUS"]


def test_million_men_and_women() -> None:
    [ex] = exercises("Russia and Belarus held joint exercises involving 1 million soldiers.")
    assert ex.troops == 1_000_000


def test_code_name() -> None:
    [ex] = exercises("Russia and Belarus began the Zapad-2021 exercises on Friday.")
    assert ex.name == "Zapad-2021"
    assert ex.cameo == "062"


def test_exercise_restraint_is_no_exercise() -> None:
    assert exercises("The United Nations urged Russia and Ukraine to exercise restraint.") == []


def test_fire_drill_is_no_exercise() -> None:
    assert exercises("Staff at the Polish embassy in Minsk held a fire drill on Monday.") == []


def test_planned_drills() -> None:
    [ex] = exercises("Japan will hold naval drills with India next month.")
    assert ex.modality is Modality.PLANNED
    assert {a.country for a in ex.participants} == {"JPN", "IND"}


def test_border_with_a_state_does_not_make_it_a_participant() -> None:
    [ex] = exercises("Poland held military drills near its border with Belarus on Monday.")
    assert [a.country for a in ex.participants] == ["POL"]
    assert ex.cameo == "150"


def test_reported_future_is_planned() -> None:
    [ex] = exercises("Iran said it would hold naval drills in the Gulf of Oman next month.")
    assert ex.modality is Modality.PLANNED


def test_detail_sentences_add_participants_and_counts_to_the_exercise() -> None:
    [ex] = exercises(
        "Kenya and Tanzania began a joint naval exercise in the Indian Ocean on Monday.\n"
        "It involves more than 3,000 troops and 12 ships, a Kenyan navy spokesman said.\n"
        "Participating countries include Uganda, Rwanda and Burundi."
    )
    assert [a.country for a in ex.participants] == ["KEN", "TZA", "UGA", "RWA", "BDI"]
    assert ex.troops == 3000
    assert ex.ships == 12
    assert len(ex.evidence) == 3


def test_detail_sentence_without_an_exercise_before_is_no_event() -> None:
    text = (
        "Kenya and Tanzania signed a trade deal on Monday.\n"
        "It involves more than 3,000 traders.\n"
        "Participating countries include Uganda, Rwanda and Burundi."
    )
    assert exercises(text) == []


def test_a_pair_of_states_is_no_exercise_name() -> None:
    [ex] = exercises("Morocco and Spain held a bilateral Morocco-Spain exercise on Monday.")
    assert ex.name is None
    [named] = exercises("Morocco and Spain held the Atlas Shield exercise on Monday.")
    assert named.name == "Atlas Shield"


def test_a_code_name_is_no_participant() -> None:
    [ex] = exercises(
        "Exercise Desert Falcon began in Jordan on Monday with troops from Jordan and Bahrain.\n"
        "Desert Falcon will end on Friday, officials said."
    )
    assert ex.name == "Desert Falcon"
    assert {a.country for a in ex.participants} == {"JOR", "BHR"}
    assert all(a.kind.value != "person" for a in ex.participants)


def test_the_adversary_is_no_participant() -> None:
    [ex] = exercises(
        "Estonia and Latvia held joint drills on Monday to deter possible aggression from Russia."
    )
    assert [a.country for a in ex.participants] == ["EST", "LVA"]
    [solo] = exercises(
        "Taiwan held drills on Monday simulating a defence against a Chinese invasion."
    )
    assert [a.country for a in solo.participants] == ["TWN"]


def test_multiword_code_names_and_counts_over_several_adjectives() -> None:
    [ex] = exercises("China and Cambodia began the Golden Dragon-2024 joint exercise on Monday.")
    assert ex.name == "Golden Dragon-2024"
    [big] = exercises("Some 147,000 U.S. and South Korean troops joined the drills on Monday.")
    assert big.troops == 147000


def test_exercises_that_should_happen_are_not_realized() -> None:
    found = exercises("China and Russia should deepen cooperation in joint exercises.")
    assert all(e.modality is not Modality.REALIZED for e in found)


def test_the_place_the_drills_surround_is_no_participant() -> None:
    [ex] = exercises("China wrapped up three days of war games around Taiwan on Monday.")
    assert [a.country for a in ex.participants] == ["CHN"]


def test_another_sides_unnamed_drills_stay_apart() -> None:
    found = exercises(
        "Japan and the United States launched joint military exercises on Tuesday.\n"
        "Days earlier, China wrapped up three days of war games near Taiwan."
    )
    assert sorted(tuple(sorted(a.country or "" for a in e.participants)) for e in found) == [
        ("CHN",),
        ("JPN", "USA"),
    ]


def test_drills_in_a_country_with_no_party_named_are_its_own() -> None:
    [ex] = exercises("It is the second large-scale military drill held in Chile this year.")
    assert [a.country for a in ex.participants] == ["CHL"]


def test_a_name_in_apposition() -> None:
    [ex] = exercises("India and France began a naval exercise, Varuna, off Goa on Monday.")
    assert ex.name == "Varuna"
    [unnamed] = exercises("India and France began a naval exercise, Russia said on Monday.")
    assert unnamed.name is None


def test_an_official_stands_for_the_state_and_a_known_acronym_is_no_name() -> None:
    [ex] = exercises(
        "Russian Defence Minister Sergei Shoigu oversaw the drills near Minsk on Monday."
    )
    assert [(a.kind.value, a.country) for a in ex.participants] == [("state", "RUS")]
    [nato] = exercises("NATO began its largest exercise since the Cold War on Monday.")
    assert nato.name is None
    assert [a.organization for a in nato.participants] == ["NATO"]


def test_a_name_ending_like_a_demonym_is_kept() -> None:
    [ex] = exercises("US and Philippine troops kicked off the annual Balikatan drills on Tuesday.")
    assert ex.name == "Balikatan"
    [unnamed] = exercises("Russian and Chinese warships began joint naval drills on Monday.")
    assert unnamed.name is None


def test_two_sides_drills_in_one_sentence() -> None:
    found = exercises(
        "Japan and the United States launched joint exercises on Tuesday, days after China "
        "wrapped up three days of war games near Taiwan."
    )
    assert sorted(tuple(sorted(a.country or "" for a in e.participants)) for e in found) == [
        ("CHN",),
        ("JPN", "USA"),
    ]
    [one] = exercises("Russia and China held joint naval drills on Monday; the exercise ended.")
    assert {a.country for a in one.participants} == {"RUS", "CHN"}


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("China and Russia held joint naval drills, according to Japan's defence ministry.",
         {"CHN", "RUS"}),
        ("Vietnam protested against Chinese military exercises in the Gulf of Tonkin.", {"CHN"}),
        ("Beijing condemned the US-Philippine drills on Monday.", {"USA", "PHL"}),
        ("Chinese and Russian bombers conducted joint drills near Japan.", {"CHN", "RUS"}),
        ("Israel held a large drill simulating war with Hezbollah on Monday.", {"ISR"}),
    ],
)  # fmt: skip
def test_who_holds_the_drills(text: str, sides: set[str]) -> None:
    [ex] = exercises(text)
    assert {a.country or a.organization for a in ex.participants} == sides


def test_a_model_number_is_no_count() -> None:
    [ex] = exercises("Turkish F-16 jets and 2,000 troops took part in the drills on Monday.")
    assert ex.aircraft is None
    assert ex.troops == 2000


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("China held drills around Taiwan on Thursday, dubbed Joint Sword-2024A.",
         "Joint Sword-2024A"),
        ("NATO's Steadfast Defender 2024 exercise began on Monday with 90,000 troops.",
         "Steadfast Defender 2024"),
    ],
)  # fmt: skip
def test_more_exercise_names(text: str, name: str) -> None:
    [ex] = exercises(text)
    assert ex.name == name


def test_denied_drills_are_negated() -> None:
    [ex] = exercises(
        "Tokyo denied reports that Chinese and Russian warships had held joint drills near"
        " Hokkaido."
    )
    assert ex.modality is Modality.NEGATED


def test_its_ships_in_a_reported_clause_are_the_reporters() -> None:
    [ex] = exercises("The Pakistan Navy said on Sunday that its ships had conducted a live-fire"
                     " drill in the Arabian Sea.")  # fmt: skip
    assert [a.country for a in ex.participants] == ["PAK"]


def test_a_date_to_come_after_the_trigger_makes_a_plan() -> None:
    [ex] = exercises("Japan and Vietnam agreed on Tuesday to hold their first joint naval drills"
                     " next year.")  # fmt: skip
    assert ex.modality is Modality.PLANNED
    assert ex.date is not None
    assert ex.date.start == dt.date(2025, 1, 1)
    # a date to come told for another happening leaves a realized one alone
    text = ("Saudi and Omani ministers held talks on Monday and discussed a visit to Riyadh"
            " later this year.")  # fmt: skip
    talks = [e for e in de.parse(text, published=PUBLISHED) if e.rule == "meeting.talks"]
    assert [t.modality for t in talks] == [Modality.REALIZED]


def test_an_unknown_acronym_before_the_trigger_is_the_name_not_a_party() -> None:
    [ex] = exercises("The Indian and Sri Lankan navies held the SLINEX exercise on Saturday.")
    assert [a.country for a in ex.participants] == ["IND", "LKA"]
    assert ex.name == "SLINEX"


@pytest.mark.parametrize("text", ["The NATO exercise began on Monday in Norway.",
                                  "NATO's exercise began on Monday in Norway."])  # fmt: skip
def test_a_known_body_before_the_trigger_is_a_party_not_the_name(text: str) -> None:
    [ex] = exercises(text)
    assert [a.organization for a in ex.participants] == ["NATO"]
    assert ex.name is None


def test_the_state_prompted_to_hold_drills_is_the_only_party() -> None:
    [ex] = exercises("Tensions flared when Britain sent a ship to Guyana, prompting Venezuela to"
                     " launch military exercises near the border.")  # fmt: skip
    assert [a.country for a in ex.participants] == ["VEN"]


def test_forces_from_states_taking_part_join_the_exercise_and_its_name_follows_the_noun() -> None:
    [ex] = exercises("Some 4,000 troops began the NATO exercise Iron Wolf in Lithuania on Monday."
                     " Forces from Poland and Germany are taking part.")  # fmt: skip
    assert [a.country or a.organization for a in ex.participants] == ["NATO", "POL", "DEU"]
    assert ex.name == "Iron Wolf"
    assert ex.troops == 4000


def test_a_person_after_the_noun_is_no_exercise_name() -> None:
    [ex] = exercises("North Korea said the drill Kim Jong Un oversaw on Monday involved 600"
                     " troops.")  # fmt: skip
    assert ex.name is None


def test_drills_that_could_be_expanded_are_hypothetical() -> None:
    [ex] = exercises("U.S. officials said joint exercises with Poland could be expanded if the"
                     " crisis deepened.")  # fmt: skip
    assert ex.modality is Modality.HYPOTHETICAL


def test_a_phrase_naming_another_exercise_is_no_reference_to_the_one_told() -> None:
    text = (
        "The navies of Oman and India began a joint exercise, Sea Falcon-4, off Muscat on "
        "Monday.\n\nIn November last year, Oman hosted the multinational KHANJAR-22 exercise "
        "off Salalah."
    )
    main, other = exercises(text)
    assert main.name == "Sea Falcon-4"
    assert main.date is not None
    assert main.date.start == dt.date(2024, 3, 4)
    assert other.name == "KHANJAR-22"  # an all-capital code name keeps its number
    assert other.date is not None
    assert (other.date.start, other.date.precision.value) == (dt.date(2023, 11, 1), "month")
    assert [s.text for s in main.evidence] == [main.evidence[0].text]
    assert "Salalah" not in main.evidence[0].text


def test_a_phrase_naming_the_same_exercise_joins_it() -> None:
    [ex] = exercises(
        "Armenia and Iran began the Araz-2024 exercise on Monday.\n\n"
        "The Araz-2024 exercise involves about 900 troops."
    )
    assert ex.name == "Araz-2024"
    assert ex.troops == 900
    assert len(ex.evidence) == 2


def test_a_day_inside_a_coarse_frame_dates_the_exercise() -> None:
    [ex] = exercises(
        "Earlier this month, Greek and Egyptian jets staged a combined air exercise over the "
        "Mediterranean on March 2."
    )
    assert ex.date is not None
    assert (ex.date.start, ex.date.precision.value) == (dt.date(2024, 3, 2), "day")


def test_quotes_around_a_name_break_no_clause() -> None:
    [ex] = exercises('China and Russia began the "Northern Shield" joint exercise on Thursday.')
    assert [a.country for a in ex.participants] == ["CHN", "RUS"]
    assert ex.date is not None
    assert ex.date.start == dt.date(2024, 2, 29)


def test_a_name_before_a_kind_word_is_the_exercises() -> None:
    [ex] = exercises(
        "India, Japan and Australia held the Malabar naval exercise off Sydney in August."
    )
    assert ex.name == "Malabar"


def test_a_reference_phrase_followed_by_another_name_is_another_exercise() -> None:
    first, second = exercises(
        "Armenia and Iran began the Araz-2024 exercise on Monday.\n\n"
        "The special exercises Kavkaz-2024 are being held at the same range."
    )
    assert (first.name, second.name) == ("Araz-2024", "Kavkaz-2024")


def test_a_side_judging_the_drills_takes_no_part_in_them() -> None:
    assert exercises("Xinhua quoted a spokesman as saying China opposed the drills.") == []


def test_a_day_inside_a_coarse_frame_but_across_an_offset_is_another_happenings() -> None:
    [ex] = exercises(
        "Russia and China held naval drills in February, weeks after Moscow and Beijing signed "
        "a pact on February 2."
    )
    assert ex.date is not None
    assert ex.date.precision.value == "month"


@pytest.mark.parametrize(
    "text",
    [
        "The US-led multinational exercise began on Monday with troops from 12 states.",
        "Russia and Belarus began drills.\n\nThe ministry said Monday's joint exercise went well.",
    ],
)
def test_a_possessive_a_led_word_or_a_day_is_no_exercise_name(text: str) -> None:
    [ex] = exercises(text)
    assert ex.name is None


def test_regular_exercises_a_pact_includes_are_no_exercise() -> None:
    assert (
        exercises(
            "The three ministers signed a memorandum to institutionalize their cooperation, "
            "including regular joint exercises."
        )
        == []
    )


def test_a_name_with_a_year_suffix_and_its_parts_are_no_parties() -> None:
    [ex] = exercises(
        "Lithuanian and German troops took part in the Iron Wolf 2024-II exercise, in which "
        "about 3,000 troops trained at the range."
    )
    assert ex.name == "Iron Wolf 2024-II"
    assert [p.country for p in ex.participants] == ["LTU", "DEU"]


def test_voicing_concern_over_drills_is_no_part_in_them() -> None:
    assert exercises("Armenia has voiced concern over the drills near its border.") == []


def test_a_judging_participle_about_something_else_removes_no_party() -> None:
    [ex] = exercises(
        "Japan and the Philippines, rejecting Beijing's claims in the South China Sea, held "
        "joint naval exercises on Tuesday."
    )
    assert {"JPN", "PHL"} <= {p.country for p in ex.participants}


def test_more_drills_are_drills() -> None:
    [ex] = exercises("China launched more military drills around Taiwan on Monday.")
    assert [p.country for p in ex.participants] == ["CHN"]


def test_a_duration_is_no_offset_between_a_month_and_its_day() -> None:
    [ex] = exercises("In February, Russia and Belarus held a week of drills on February 12.")
    assert ex.date is not None
    assert ex.date.start == dt.date(2024, 2, 12)


def test_the_state_a_noun_describes_is_the_place() -> None:
    [x] = exercises("The U.S. military has begun an exercise in the African nation of Gabon "
                    "with personnel from 25 African countries.")  # fmt: skip
    assert x.location is not None
    assert (x.location.name, x.location.country) == ("Gabon", "GAB")
    assert [a.country for a in x.participants] == ["USA"]


def test_a_headlines_verb_is_no_exercise_name() -> None:
    [x] = exercises("NATO Begins War Games in Baltic Sea")
    assert x.name is None
    assert [a.organization for a in x.participants] == ["NATO"]


def test_ships_named_with_their_navys_prefix_are_their_states() -> None:
    [x] = exercises("The destroyer USS Halsey teamed up with the Philippine patrol vessel BRP "
                    "Andres Bonifacio for drills in the South China Sea on Monday.")  # fmt: skip
    assert {a.country for a in x.participants} == {"USA", "PHL"}


def test_a_day_told_after_a_since_phrase_is_the_exercises() -> None:
    [x] = exercises("Serbian troops began their largest drills since the breakup of Yugoslavia "
                    "on Tuesday.")  # fmt: skip
    assert x.date is not None
    assert x.date.start == dt.date(2024, 3, 5)


def test_an_exercise_spoken_of_later_is_the_one_told() -> None:
    text = (
        "China's army held military drills near Taiwan on Tuesday.\n\n"
        "On Wednesday, China slammed the reactions of other nations to its military drills."
    )
    found = [
        e for e in de.parse(text, published="2025-04-02") if isinstance(e, de.MilitaryExercise)
    ]
    assert len(found) == 1
    assert found[0].date is not None
    assert found[0].date.start.isoformat() == "2025-04-01"


def test_an_exercise_of_other_parties_spoken_of_is_another_one() -> None:
    text = (
        "Russia held naval drills in the Baltic Sea on Monday.\n\n"
        "China condemned the drills by the United States and Japan near Okinawa."
    )
    sides = sorted(tuple(sorted(a.country or "" for a in x.participants)) for x in exercises(text))
    assert sides == [("JPN", "USA"), ("RUS",)]


def test_exercises_continued_are_the_exercise_told() -> None:
    [x] = exercises("Chile's navy held drills off Arica on Monday and continued the exercises "
                    "on Tuesday.")  # fmt: skip
    assert x.date is not None
    assert x.date.start == dt.date(2024, 3, 4)


def test_a_name_and_its_longer_form_are_one_exercise() -> None:
    text = ("Chile said on Monday that it started a joint exercise named Andes Shield 9.\n\n"
            '"Air forces from friendly nations arrived to start the exercise Andes Shield 9 '
            'for the year 2024," the ministry said.')  # fmt: skip
    found = exercises(text)
    assert [x.name for x in found] == ["Andes Shield 9"]


def test_these_exercises_told_in_the_future_are_the_exercise_told() -> None:
    text = (
        "Chile and Peru started joint military exercises in Arica on Monday.\n\n"
        "These exercises will conduct joint offensive training with 300 Chilean soldiers and "
        "300 Peruvian marines."
    )
    [ex] = exercises(text)
    assert ex.modality is Modality.REALIZED
    assert {a.country for a in ex.participants} == {"CHL", "PER"}


def test_forces_involved_in_the_drills_take_part_in_them() -> None:
    text = (
        "Brazilian troops began the Formosa exercise on Monday. In addition, the forces of "
        "Argentina, Italy and South Africa are involved in the military drills."
    )
    [ex] = exercises(text)
    assert [a.country for a in ex.participants] == ["BRA", "ARG", "ITA", "ZAF"]
    [alone] = exercises("Troops from Argentina and Italy are involved in the military drills.")
    assert [a.country for a in alone.participants] == ["ARG", "ITA"]


def test_a_force_observing_the_drills_says_nothing() -> None:
    text = "The US military also took part in the manoeuvres, observed by the Chinese military."
    assert [type(e).__name__ for e in de.parse(text, published=PUBLISHED)] == ["MilitaryExercise"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("South Korea and the US began an 11-day exercise, dubbed the 'Ulchi Freedom Shield', "
         "on Monday.", "Ulchi Freedom Shield"),
        ("The Zapad-2017 (or West 2017) joint Russian-Belarusian drills began on Thursday.",
         "Zapad-2017"),
        ("Chile and Peru began a 12-day exercise off Arica on Monday.", None),
    ],
)  # fmt: skip
def test_exercise_names_and_durations(text: str, name: str | None) -> None:
    [ex] = exercises(text)
    assert ex.name == name


def test_a_ship_s_hull_number_is_no_party() -> None:
    text = ("The USS Tulsa (LCS 16) and the BRP Jose Rizal (PS16) held drills with Japanese "
            "ships on Monday.")  # fmt: skip
    [ex] = exercises(text)
    assert [a.country for a in ex.participants] == ["USA", "PHL", "JPN"]
