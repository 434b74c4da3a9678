"""Territorial change rules (diplo_events._parsing.rules.territory), through diplo_events.parse."""

from __future__ import annotations

import datetime as dt

import pytest

import diplo_events as de
from diplo_events import Modality, TerritorialChange, TerritorialChangeKind

PUBLISHED = dt.date(2024, 3, 6)
K = TerritorialChangeKind


def changes(text: str) -> list[TerritorialChange]:
    return [e for e in de.parse(text, published=PUBLISHED) if isinstance(e, TerritorialChange)]


def test_capture_with_gainer_loser_and_places() -> None:
    [c] = changes("The Taliban captured Kunduz, Taloqan and Sheberghan from Afghan government "
                  "forces on Sunday.")  # fmt: skip
    assert c.kind is K.CAPTURE
    assert c.rule == "territorial_change.capture"
    assert (c.cameo, c.plover) == ("192", "COERCE")
    assert c.gainer is not None
    assert c.gainer.organization == "Taliban"
    assert c.loser is not None
    assert c.loser.country == "AFG"
    assert [p.name for p in c.places] == ["Kunduz", "Taloqan", "Sheberghan"]
    assert c.date is not None
    assert c.date.start == dt.date(2024, 3, 3)
    assert c.modality is Modality.REALIZED


def test_capture_count() -> None:
    [c] = changes("The Taliban have captured 12 of Afghanistan's 34 provincial capitals.")
    assert c.count == 12
    assert c.gainer is not None
    assert c.gainer.organization == "Taliban"
    assert c.loser is not None
    assert c.loser.country == "AFG"


def test_loser_is_the_state_of_the_captured_city() -> None:
    [c] = changes("The Taliban seized Kandahar on Friday.")
    assert c.loser is not None
    assert c.loser.country == "AFG"
    assert c.location is not None
    assert c.location.name == "Kandahar"


def test_withdrawal() -> None:
    [c] = changes("Ukrainian troops withdrew from Avdiivka on Saturday.")
    assert c.kind is K.WITHDRAWAL
    assert c.rule == "territorial_change.withdrawal"
    assert (c.cameo, c.plover) == ("0874", "RETREAT")
    assert c.gainer is None
    assert c.loser is not None
    assert c.loser.country == "UKR"
    assert [p.name for p in c.places] == ["Avdiivka"]
    assert c.date is not None
    assert c.date.start == dt.date(2024, 3, 2)


def test_fell_to() -> None:
    [c] = changes("Kandahar fell to the Taliban on Friday.")
    assert c.kind is K.CAPTURE
    assert c.rule == "territorial_change.fell"
    assert c.gainer is not None
    assert c.gainer.organization == "Taliban"


def test_annexation() -> None:
    [c] = changes("Russia annexed Crimea in 2014.")
    assert c.kind is K.ANNEXATION
    assert c.gainer is not None
    assert c.gainer.country == "RUS"
    assert [p.name for p in c.places] == ["Crimea"]
    assert c.date is not None
    assert (c.date.start, c.date.end) == (
        dt.date(2014, 1, 1),
        dt.date(2014, 12, 31),
    )


def test_planned_capture() -> None:
    [c] = changes("The Taliban plans to capture Kandahar.")
    assert c.modality is Modality.PLANNED
    assert [p.name for p in c.places] == ["Kandahar"]


def test_negated_capture() -> None:
    [c] = changes("The Taliban did not capture Kandahar.")
    assert c.modality is Modality.NEGATED


def test_handover() -> None:
    [c] = changes("Israel handed over the Rafah crossing to Egypt on Monday.")
    assert c.kind is K.HANDOVER
    assert c.loser is not None
    assert c.loser.country == "ISR"
    assert c.gainer is not None
    assert c.gainer.country == "EGY"
    assert c.places[0].name == "Rafah crossing"


def test_entered_talks_is_no_capture() -> None:
    assert changes("Russia entered talks with Ukraine on Monday.") == []


def test_fell_to_keeps_the_fallen_place() -> None:
    [c] = changes("Kandahar fell to the Taliban on Friday.")
    assert [p.name for p in c.places] == ["Kandahar"]
    assert c.loser is not None
    assert c.loser.country == "AFG"


def test_withdrawal_does_not_give_the_place_the_withdrawing_state() -> None:
    [c] = changes("Russian forces withdrew from the city of Kherson on Friday.")
    assert c.location is not None
    assert c.location.country != "RUS"


def test_handover_recipient_is_not_a_place() -> None:
    [c] = changes("Israel handed over the Rafah crossing to Egypt on Monday.")
    assert [p.name for p in c.places] == ["Rafah crossing"]


def test_a_facility_taken_in_a_named_place_gives_the_place() -> None:
    [tc] = changes(
        "In Kachin State, KIA fighters captured a police headquarters in Hpakant Township "
        "on Monday."
    )
    assert [p.name for p in tc.places] == ["Hpakant Township"]


def test_an_unknown_town_lies_in_the_country_the_fighting_is_placed_in() -> None:
    [tc] = changes("M23 rebels in Congo seized the eastern town of Kitshanga on Monday.")
    assert [(p.name, p.country) for p in tc.places] == [("Kitshanga", "COD")]
    assert tc.loser is not None
    assert tc.loser.country == "COD"


def test_the_city_is_the_town_named_last_even_if_unknown() -> None:
    events = changes(
        "M23 rebels seized the eastern town of Kitshanga on Monday. It lies west of Goma.\n"
        '"Soldiers encircled in Kitshanga could do nothing and have left the city," the '
        "officer said."
    )
    withdrawal = [e for e in events if e.kind.value == "withdrawal"]
    assert [p.name for e in withdrawal for p in e.places] == ["Kitshanga"]


def test_a_site_name_may_begin_with_al() -> None:
    [tc] = changes("LNA fighters captured al-Wattiya air base on Monday.")
    assert [p.name for p in tc.places] == ["al-Wattiya air base"]


def test_a_tally_and_a_named_capture_by_one_party_stay_apart() -> None:
    events = changes(
        "In Kachin State, KIA fighters captured a police headquarters in Hpakant Township on "
        "Monday.\nThe KIA has so far seized over 40 junta bases and outposts in Kachin State."
    )
    assert [(e.count, [p.name for p in e.places]) for e in events] == [
        (None, ["Hpakant Township"]),
        (40, []),
    ]
    assert all(e.loser is not None and e.loser.country == "MMR" for e in events)


def test_government_troops_are_the_state_the_story_is_about() -> None:
    text = (
        "Malian troops clashed with rebels near Kidal on Monday, the Malian army said.\n"
        "Mali's government sent reinforcements, and Mali's president flew to Gao.\n"
        "Government troops retook the town of Anefis from the rebels on Tuesday."
    )
    [tc] = [e for e in changes(text) if e.places]
    assert tc.gainer is not None
    assert tc.gainer.country == "MLI"
    assert [p.name for p in tc.places] == ["Anefis"]


def test_rebels_of_a_nation_are_not_its_state() -> None:
    [tc] = changes("Rebel Serb forces withdrew from the town of Knin on Monday.")
    assert tc.loser is None


def test_a_town_of_two_words_stays_whole() -> None:
    [tc] = changes("Somali forces captured the town of Adan Yabaal from al-Shabaab on Monday.")
    assert [p.name for p in tc.places] == ["Adan Yabaal"]
    assert tc.gainer is not None
    assert tc.gainer.country == "SOM"


def test_more_capture_and_withdrawal_verbs() -> None:
    [took] = changes("Ethiopian forces took over the town of Shire on Monday.")
    assert took.kind is K.CAPTURE
    [back] = changes("Ethiopian forces pulled back from the town of Shire on Monday.")
    assert back.kind is K.WITHDRAWAL
    [fled] = changes("Government soldiers fled the town of Shire on Monday.")
    assert fled.kind is K.WITHDRAWAL


def test_people_fleeing_or_taking_over_an_office_is_no_territorial_change() -> None:
    assert changes("Aid workers with several charities have fled the town, officials said.") == []
    assert changes("The army took over the presidency on Monday.") == []


def test_taken_the_towns_of() -> None:
    [tc] = changes(
        "The Azerbaijani army has taken the towns of Fuzuli and Jabrayil, officials said."
    )
    assert tc.kind is K.CAPTURE
    assert [p.name for p in tc.places] == ["Fuzuli", "Jabrayil"]
    assert tc.gainer is not None
    assert tc.gainer.country == "AZE"


def test_troops_pulling_back_or_leaving_a_territory() -> None:
    [back] = changes("Indian troops have begun pulling back from the banks of the lake.")
    assert back.kind is K.WITHDRAWAL
    assert back.loser is not None
    assert back.loser.country == "IND"
    [left] = changes("The last Soviet troops have left the territory of Afghanistan.")
    assert left.loser is not None
    assert left.loser.country == "SUN"
    assert changes("The envoy pulled back from the brink of a row with Rome.") == []


def test_a_withdrawal_talked_about_is_not_reported() -> None:
    text = (
        "Syrian Foreign Minister Walid Muallem met the UN envoy in Damascus on Tuesday to "
        "discuss the withdrawal. Hezbollah called the withdrawal a victory."
    )
    assert changes(text) == []


def test_a_clause_before_a_titled_speaker_is_no_appositive() -> None:
    [tc] = changes(
        "Ukrainian troops have recaptured the village of Robotyne, Deputy Defence Minister "
        "Hanna Maliar said."
    )
    assert tc.gainer is not None
    assert tc.gainer.country == "UKR"
    assert [p.name for p in tc.places] == ["Robotyne"]


def test_losing_control_names_the_loser() -> None:
    [tc] = changes("The Islamic State group lost control of Raqqa in October 2017.")
    assert tc.kind is K.CAPTURE
    assert tc.gainer is None
    assert tc.loser is not None
    assert tc.loser.organization == "ISIS"
    assert [p.name for p in tc.places] == ["Raqqa"]
    [to] = changes("The Malian army lost control of the town of Kidal to the MNLA on Saturday.")
    assert (to.gainer and to.gainer.organization, to.loser and to.loser.country) == ("MNLA", "MLI")


def test_a_region_qualifying_its_capital_is_not_taken() -> None:
    [tc] = changes("Myanmar troops entered the Kachin capital Myitkyina on Saturday.")
    assert [p.name for p in tc.places] == ["Myitkyina"]


@pytest.mark.parametrize(
    ("text", "gainer", "loser"),
    [
        ("Ukrainian President Volodymyr Zelensky said Russia captured the town of Bakhmut.",
         "RUS", "UKR"),
        ("The Pentagon said Russia had lost control of the town of Lyman.", None, "RUS"),
    ],
)  # fmt: skip
def test_the_speaker_is_no_party_to_the_change_it_reports(
    text: str, gainer: str | None, loser: str | None
) -> None:
    [tc] = changes(text)
    assert (tc.gainer and tc.gainer.country, tc.loser and tc.loser.country) == (gainer, loser)


def test_a_completed_withdrawal_and_a_dated_capture_inside_since() -> None:
    [w] = changes(
        "Russia completed on Friday the withdrawal of its troops from the city of Kherson."
    )
    assert w.kind is K.WITHDRAWAL
    [c] = changes(
        "Fighting has continued since Russian forces captured the town of Avdiivka on February 17."
    )
    assert c.date is not None
    assert c.date.start == dt.date(2024, 2, 17)


def test_halting_something_else_does_not_negate_the_capture() -> None:
    [c] = changes(
        "Ukrainian troops halted the Russian advance and recaptured the village of Robotyne on "
        "Monday."
    )
    assert c.modality is Modality.REALIZED


def test_a_demanded_withdrawal_did_not_happen() -> None:
    [tc] = changes("The UN Security Council demanded Iraq's immediate withdrawal from Kuwait.")
    assert tc.modality is de.Modality.PLANNED  # asked for, not done


def test_an_unknown_capital_of_a_known_province() -> None:
    [tc, _withdrawal] = changes(
        "The RSF said on Tuesday it had taken control of Ed Daein, the capital of East Darfur "
        "state, after the army withdrew."
    )
    assert [(p.name, p.country) for p in tc.places] == [("Ed Daein", "SDN")]
    assert tc.gainer is not None
    assert tc.gainer.organization == "RSF"


def test_a_landmark_for_a_direction_is_not_taken() -> None:
    [tc] = changes("M23 rebels seized an army base east of Goma on Monday.")
    assert [p.name for p in tc.places] == []


def test_a_region_qualifying_a_city_of_is_not_taken() -> None:
    [tc] = changes("Israeli troops withdrew from the southern Gaza city of Khan Younis on Sunday.")
    assert [p.name for p in tc.places] == ["Khan Younis"]


def test_capturing_people_or_things_is_no_territorial_change() -> None:
    assert changes("Pakistan shot down two Indian jets and captured a pilot on Wednesday.") == []
    assert changes("Iran seized a British tanker in the Strait of Hormuz on Friday.") == []
    [tally] = changes("The Taliban captured 12 provincial capitals in a week.")
    assert tally.count == 12


def test_his_forces_are_the_speakers_side() -> None:
    [tc] = changes(
        "Azerbaijani President Ilham Aliyev said his forces had captured the town of Shusha."
    )
    assert tc.gainer is not None
    assert tc.gainer.country == "AZE"


@pytest.mark.parametrize(
    ("text", "kind", "gainer", "loser", "places"),
    [
        ("Ukraine pulled its troops out of the town of Lyman on Saturday.",
         K.WITHDRAWAL, None, "UKR", ["Lyman"]),
        ("Israeli troops pulled out of Khan Younis on Sunday.",
         K.WITHDRAWAL, None, "ISR", ["Khan Younis"]),
        ("The city of Lyman was captured by Ukrainian forces on Saturday.",
         K.CAPTURE, "UKR", None, ["Lyman"]),
        ("Islamic State fighters were driven out of Mosul by Iraqi forces in July.",
         K.CAPTURE, "IRQ", "ISIS", ["Mosul"]),
    ],
)  # fmt: skip
def test_more_ways_to_tell_a_change(
    text: str, kind: TerritorialChangeKind, gainer: str | None, loser: str | None,
    places: list[str],
) -> None:  # fmt: skip
    [tc] = changes(text)
    assert tc.kind is kind
    assert tc.gainer is None or (tc.gainer.country or tc.gainer.organization) == gainer
    assert (tc.gainer is None) == (gainer is None)
    assert tc.loser is None or (tc.loser.country or tc.loser.organization) == loser
    assert (tc.loser is None) == (loser is None)
    assert [p.name for p in tc.places] == places


def test_a_recaptured_town_lies_in_the_retakers_country() -> None:
    [tc] = changes(
        "Azerbaijani forces recaptured the town of Shusha from Armenian forces on Sunday."
    )
    assert tc.location is not None
    assert tc.location.country == "AZE"


def test_took_a_named_place_and_lost_the_towns_of() -> None:
    [took] = changes("Russian forces took Bakhmut in May 2023.")
    assert (took.kind, [p.name for p in took.places]) == (K.CAPTURE, ["Bakhmut"])
    [lost] = changes("The Malian army lost the towns of Menaka and Ansongo to the MNLA.")
    assert [p.name for p in lost.places] == ["Menaka", "Ansongo"]
    assert lost.gainer is not None
    assert lost.gainer.organization == "MNLA"
    assert changes("The minister took Reuters reporters on a tour.") == []


def test_where_troops_regrouped_is_not_what_they_left() -> None:
    [w] = changes("Ethiopian troops withdrew from Mekelle and regrouped in Gondar.")
    assert [p.name for p in w.places] == ["Mekelle"]


def test_denied_changes_are_negated_and_backers_gain_nothing() -> None:
    [w] = changes("The M23 rebels denied that they had withdrawn from Bunagana.")
    assert w.modality is Modality.NEGATED
    [c] = changes("The army denied reports that Sake had fallen to M23.")
    assert c.modality is Modality.NEGATED
    assert all(
        e.gainer is None or e.gainer.country != "RWA"
        for e in changes("M23 rebels backed by Rwanda captured Bunagana on Monday.")
    )


def test_a_possessive_state_only_qualifies_the_group() -> None:
    [tc] = changes("Sudan's Rapid Support Forces captured the town of Wad Madani on Tuesday.")
    assert tc.gainer is not None
    assert tc.gainer.organization == "RSF"


def test_the_subject_before_a_relative_clause_captures() -> None:
    [tc] = changes(
        "The Kenyan army, which denied any abuses, recaptured the town of Sake on Monday."
    )
    assert tc.gainer is not None
    assert tc.gainer.country == "KEN"


def test_capture_by_fighters_the_text_does_not_name() -> None:
    [c] = changes("Rebels captured the towns of Masisi and Rubaya in eastern Congo on Sunday.")
    assert c.kind is K.CAPTURE
    # recall first: fighters the text does not name are kept by the words that name them,
    # keyed as the rebels of the state the story is about
    assert c.gainer is not None
    assert (c.gainer.name, c.gainer.country, c.gainer.organization) == (
        "Rebels",
        None,
        "Congolese rebels",
    )
    assert c.loser is not None
    assert c.loser.country == "COD"
    assert [p.name for p in c.places] == ["Masisi", "Rubaya"]
    # no one and no fighters before the verb: no capture told
    assert changes("Yesterday saw the town of Rubaya captured.") == []
    # people and things are no territory, whoever seizes them
    assert changes("Gunmen seized three teachers near the town of Rubaya.") == []


def test_a_day_across_an_offset_belongs_to_the_other_happening() -> None:
    events = de.parse(
        "Serbian and Croatian negotiators met in Geneva on Friday, a day after Croatian troops"
        " captured the town of Knin.",
        published=PUBLISHED,
    )
    [capture] = [e for e in events if isinstance(e, TerritorialChange)]
    # Friday (2024-03-01) is the meeting's day; the capture was the day before
    assert capture.date is not None
    assert capture.date.start == dt.date(2024, 2, 29)
    assert capture.date.text == "a day after"
    # with no day told before the offset, the capture keeps no date
    [alone] = changes("Rebels captured the town of Sake two days after talks in Nairobi collapsed"
                      " on Friday.")  # fmt: skip
    assert alone.date is None


def test_denied_reports_of_a_capture_are_negated() -> None:
    [c] = changes("The army denied media reports that the rebels had seized the town of Goma.")
    assert c.modality is Modality.NEGATED


def test_its_forces_in_a_reported_clause_are_the_reporters() -> None:
    [c] = changes("Russia's Defence Ministry said on Tuesday that its forces had captured the"
                  " village of Krasne.")  # fmt: skip
    assert c.gainer is not None
    assert c.gainer.country == "RUS"
    assert c.date is not None
    # another side named in the reported clause is the one that took it
    [other] = changes("Ukraine's military said that Russian forces had captured the village"
                      " of Krasne.")  # fmt: skip
    assert other.gainer is not None
    assert other.gainer.country == "RUS"


def test_abandoned_as_an_adjective_is_no_withdrawal() -> None:
    [c] = changes("Venezuelan soldiers took over an abandoned Guyanese army outpost at Eteringbang"
                  " on Tuesday.")  # fmt: skip
    assert c.kind is K.CAPTURE
    [w] = changes("Russian forces abandoned the town of Lyman.")
    assert w.kind is K.WITHDRAWAL


def test_took_part_is_no_capture() -> None:
    assert changes("Indian troops took part in a drill in the deserts of Rajasthan.") == []
    [c] = changes("Russian forces took Bakhmut on Saturday.")
    assert [p.name for p in c.places] == ["Bakhmut"]


def test_topographic_prefixes_make_places() -> None:
    [c] = changes("Rebels seized the towns of Ras Kamal and Mellit.")
    assert [p.name for p in c.places] == ["Ras Kamal", "Mellit"]


def test_a_states_own_army_and_its_acronym_speak_for_the_state() -> None:
    text = ("The Ethiopian National Defense Force said in a statement that it had retaken the"
            " town of Lalibela.")  # fmt: skip
    [c] = changes(text)
    assert c.gainer is not None
    assert c.gainer.country == "ETH"
    text = ("The Sudanese Armed Forces (SAF) said they had retaken Wad Madani. The SAF said the"
            " town was calm.")  # fmt: skip
    events = de.parse(text, published=PUBLISHED)
    [taken] = [e for e in events if isinstance(e, TerritorialChange)]
    assert [p.name for p in taken.places] == ["Wad Madani"]  # a place taken, not a person
    speakers = [e.speaker.country for e in events if isinstance(e, de.Statement)]
    assert speakers == ["SDN", "SDN"]
    # a region's own force is no state's army
    [tdf] = changes("The Tigray Defense Forces said they had captured Alamata.")
    assert tdf.gainer is not None
    assert tdf.gainer.organization == "TDF"


def test_a_regions_ministry_is_its_states_and_no_party_to_what_it_reports() -> None:
    text = ("MOSCOW (Reuters) - Dagestan's Interior Ministry said the rebels had withdrawn from"
            " the village of Tando.")  # fmt: skip
    events = de.parse(text, published=PUBLISHED)
    [said] = [e for e in events if isinstance(e, de.Statement)]
    assert said.speaker.country == "RUS"
    [left] = [e for e in events if isinstance(e, TerritorialChange)]
    assert left.kind is K.WITHDRAWAL
    # the reporting ministry did not withdraw: the rebels did, and no state is theirs
    assert left.loser is not None
    assert (left.loser.name, left.loser.country) == ("rebels", None)


def test_fighters_described_by_a_clause_or_a_leader_still_capture() -> None:
    [c] = changes("Chechen rebels who crossed into Dagestan last weekend seized the village of"
                  " Tando on Tuesday.")  # fmt: skip
    assert [p.name for p in c.places] == ["Tando"]
    assert c.date is not None
    assert c.date.start == dt.date(2024, 3, 5)  # its own clause's day, not the crossing's
    [led] = changes("The militants, led by field commander Ruslan Gelayev, captured the villages"
                    " of Ansalta and Rakhata on Sunday.")  # fmt: skip
    assert [p.name for p in led.places] == ["Ansalta", "Rakhata"]


def test_they_go_on_taking_for_the_side_that_took_the_last_place() -> None:
    _first, second = changes("Hamas fighters seized the town of Deir on Sunday. On Monday they"
                             " also took control of the port of Brega.")  # fmt: skip
    assert second.gainer is not None
    assert second.gainer.organization == "Hamas"
    assert [p.name for p in second.places] == ["Brega"]


@pytest.mark.parametrize(
    "text",
    ["Israel handed the town of El Arish back to Egypt on Sunday.",
     "Israel returned the town of El Arish to Egypt on Sunday."],
)  # fmt: skip
def test_handing_back_and_returning_territory_are_handovers(text: str) -> None:
    [c] = changes(text)
    assert c.kind is K.HANDOVER
    assert (c.loser.country if c.loser else None, c.gainer.country if c.gainer else None) == (
        "ISR", "EGY")  # fmt: skip
    assert changes("Refugees returned to the town of El Arish on Sunday.") == []


def test_a_denial_told_with_its_day_is_negated() -> None:
    [c] = changes("Mali's army denied on Tuesday reports that JNIM fighters had seized the town"
                  " of Boni.")  # fmt: skip
    assert c.modality is Modality.NEGATED


def test_a_backer_in_apposition_is_no_gainer() -> None:
    [c] = changes("Malian forces, backed by Russian troops, recaptured the town of Kidal on Sunday"
                  " from rebels.")  # fmt: skip
    assert c.gainer is not None
    assert c.gainer.country == "MLI"


@pytest.mark.parametrize(
    "text",
    ["Hamas handed the hostages over to the Red Cross in Gaza on Sunday.",
     "Russia's decision took Kyiv by surprise.",
     "China took Moscow's side in the dispute."],
)  # fmt: skip
def test_people_and_idioms_are_no_territorial_change(text: str) -> None:
    assert changes(text) == []


def test_a_modifier_with_a_hyphen_is_no_part_of_a_place_name() -> None:
    [c] = changes("Russian forces recaptured Rebel-held Kharkiv on Friday.")
    assert [(p.name, p.country) for p in c.places] == [("Kharkiv", "UKR")]


def test_rolling_into_a_district_and_forces_loyal_to_a_commander() -> None:
    [c] = changes("Azerbaijani army units rolled into the Aghdam district on Friday.")
    assert (c.kind, c.gainer.country if c.gainer else None) == (K.CAPTURE, "AZE")
    [c] = changes("Forces loyal to eastern Libyan commander Salem Haddad seized the port of Brega"
                  " on Sunday.")  # fmt: skip
    assert c.gainer is not None
    assert c.gainer.country == "LBY"


def test_a_postponed_handover_is_negated() -> None:
    [c] = changes("The handover of the town of Kalbajar, originally set for Sunday, was postponed"
                  " at Armenia's request.")  # fmt: skip
    assert c.modality is Modality.NEGATED


@pytest.mark.parametrize(
    "text",
    [
        "Turkish troops captured the town of Afrin after an offensive that had been delayed.",
        "Azerbaijani army units rolled into the Aghdam district on Friday.",
    ],
)
def test_a_delay_of_something_else_does_not_negate(text: str) -> None:
    [c] = changes(text)
    assert c.modality is Modality.REALIZED


@pytest.mark.parametrize(
    "text",
    ["The Kremlin moved into a new phase of the war against Ukraine.",
     "Hamas fighters swept into Israel on October 7."],
)  # fmt: skip
def test_moving_into_no_town_is_no_capture(text: str) -> None:
    assert changes(text) == []


def test_troops_leaving_a_named_place_withdraw() -> None:
    [c] = changes("French troops left Gao last month.")
    assert (c.kind, c.loser.country if c.loser else None) == (K.WITHDRAWAL, "FRA")
    assert [p.name for p in c.places] == ["Gao"]
    assert changes("The minister left Moscow on Monday for talks in Beijing.") == []


@pytest.mark.parametrize(
    ("text", "gainer", "loser", "place"),
    [
        ("Colombian troops drove ELN rebels out of Tame on Sunday.", "COL", "ELN", "Tame"),
        ("Ukrainian forces pushed Russian troops from the village of Krynky on Monday.", "UKR",
         "RUS", "Krynky"),
    ],
)  # fmt: skip
def test_driving_a_side_out_of_a_place_takes_it(
    text: str, gainer: str, loser: str, place: str
) -> None:
    [ch] = changes(text)
    assert ch.kind is TerritorialChangeKind.CAPTURE
    assert ch.gainer is not None
    assert ch.loser is not None
    assert (ch.gainer.country or ch.gainer.organization) == gainer
    assert (ch.loser.country or ch.loser.organization) == loser
    assert [p.name for p in ch.places] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "The coup leaders ousted the president from power on Monday.",
        "Police drove protesters out of the square.",
    ],
)
def test_driving_someone_from_no_named_place_is_no_change(text: str) -> None:
    assert changes(text) == []


def test_the_withdrawal_of_its_troops_is_the_subjects() -> None:
    [ch] = changes("France completed the withdrawal of its troops from Mali in August.")
    assert ch.kind is TerritorialChangeKind.WITHDRAWAL
    assert ch.loser is not None
    assert ch.loser.country == "FRA"


@pytest.mark.parametrize(
    "text",
    [
        "Russia withdrew from the grain deal on Monday.",
        "The United States withdrew from the Paris climate agreement.",
        "Mali withdrew its ambassador from Algiers.",
        "Niger pulled out of ECOWAS in January.",
    ],
)
def test_leaving_a_deal_a_body_or_a_post_is_no_withdrawal(text: str) -> None:
    assert changes(text) == []


def test_an_untitled_name_a_side_withdraws_from_is_a_place() -> None:
    [ch] = changes("Israel withdrew its ground troops from Khan Younis on Sunday.")
    assert ch.kind is TerritorialChangeKind.WITHDRAWAL
    assert [p.name for p in ch.places] == ["Khan Younis"]


def test_a_bare_weekday_between_said_and_its_forces_keeps_the_reporter_the_gainer() -> None:
    captures = [
        c
        for c in changes(
            "Russia's Defense Ministry said Thursday its forces had captured the village of "
            "Prohres in the Donetsk region."
        )
        if c.kind is TerritorialChangeKind.CAPTURE
    ]
    [ch] = captures
    assert ch.gainer is not None
    assert ch.gainer.country == "RUS"
    assert [p.name for p in ch.places] == ["Prohres"]


def test_a_date_between_said_and_its_forces_keeps_the_reporter_the_gainer() -> None:
    [ch] = [
        c
        for c in changes(
            "Russia's Defense Ministry said on August 28 that its forces had captured the "
            "village of Memryk."
        )
        if c.kind is TerritorialChangeKind.CAPTURE
    ]
    assert ch.gainer is not None
    assert ch.gainer.country == "RUS"


def test_paratroops_are_troops() -> None:
    [ch] = changes("British paratroops recaptured the settlement of Darwin on Saturday.")
    assert ch.gainer is not None
    assert ch.gainer.country == "GBR"


def test_storming_a_named_town_takes_it_but_storming_a_building_does_not() -> None:
    [ch] = changes("Islamist insurgents stormed the town of Mucojo on Thursday.")
    assert ch.kind is TerritorialChangeKind.CAPTURE
    assert [p.name for p in ch.places] == ["Mucojo"]
    assert changes("Protesters stormed the parliament building on Monday.") == []


def test_have_since_is_no_clause_break() -> None:
    [ch] = changes("Ukrainian forces have since seized the town of Sudzha.")
    assert ch.gainer is not None
    assert ch.gainer.country == "UKR"


def test_troops_leaving_a_state_withdraw_from_it() -> None:
    [ch] = changes(
        "The last Soviet troops left Afghanistan on Wednesday, ending nine years of war."
    )
    assert ch.kind is TerritorialChangeKind.WITHDRAWAL
    assert ch.loser is not None
    assert ch.loser.country == "SUN"
    assert [(p.name, p.country) for p in ch.places] == [("Afghanistan", "AFG")]


def test_handing_control_of_villages_is_a_handover_and_abandoned_there_an_adjective() -> None:
    [ch] = changes(
        "Armenia on Friday handed control of four abandoned border villages to Azerbaijan."
    )
    assert ch.kind is TerritorialChangeKind.HANDOVER
    assert ch.gainer is not None
    assert ch.loser is not None
    assert (ch.gainer.country, ch.loser.country) == ("AZE", "ARM")


def test_prisoners_handed_over_are_no_ground() -> None:
    assert (
        changes(
            "150 Ukrainian prisoners of war were handed over in return for 150 Russian "
            "soldiers at the border on Friday."
        )
        == []
    )


def test_a_national_army_acronym_is_its_state() -> None:
    [ch] = changes("The KDF captured Kismayu on Sunday.")
    assert ch.gainer is not None
    assert ch.gainer.country == "KEN"


@pytest.mark.parametrize(
    "text",
    [
        "Russia expelled two British diplomats from Moscow on Monday.",
        "Niger's military ousted President Mohamed Bazoum from power in Niamey in July.",
        "The Israeli army cleared residents from northern Gaza on Monday.",
        "Al-Shabaab fighters stormed a hotel in Mogadishu on Friday.",
    ],
)
def test_driving_out_or_storming_takes_only_a_place_that_is_the_object(text: str) -> None:
    assert changes(text) == []


def test_a_landing_storming_ashore_at_a_town_takes_it() -> None:
    [ch] = changes("British and French troops stormed ashore at Port Said at dawn on Monday.")
    assert [p.name for p in ch.places] == ["Port Said"]


def test_ground_left_under_a_deal_is_still_a_withdrawal() -> None:
    [ch] = changes("Russian troops withdrew from Kherson city under the deal on Friday.")
    assert ch.kind is TerritorialChangeKind.WITHDRAWAL
    assert [p.name for p in ch.places] == ["Kherson"]


@pytest.mark.parametrize(
    ("text", "loser", "place"),
    [
        ("Russian armoured columns rolled out of the Georgian city of Gori on Friday.", "RUS",
         "Gori"),
        ("Iraqi troops were streaming out of Kuwait City on Tuesday.", "IRQ", "Kuwait City"),
    ],
)  # fmt: skip
def test_forces_rolling_or_streaming_out_of_a_place_withdraw(
    text: str, loser: str, place: str
) -> None:
    [ch] = changes(text)
    assert ch.kind is TerritorialChangeKind.WITHDRAWAL
    assert ch.loser is not None
    assert ch.loser.country == loser
    assert [p.name for p in ch.places] == [place]


def test_an_annex_to_a_deal_and_a_withdrawal_raised_in_talks_are_no_changes() -> None:
    assert (
        changes("Serbia agreed to the plan and to an annex on its implementation in Ohrid.") == []
    )
    assert (
        changes(
            "Maldivian President Mohamed Muizzu raised the withdrawal of Indian troops when he "
            "met Indian Prime Minister Narendra Modi in Dubai."
        )
        == []
    )


def test_a_settlement_transferred_to_a_state_is_a_handover() -> None:
    found = changes(
        "The Kyrgyz side handed over the villages of Kapchygai and Tash-Bulak to Tajikistan, "
        "while Tajikistan transferred the settlement of Bulak-Bashy to Kyrgyzstan."
    )
    assert [(c.kind, c.gainer.country if c.gainer else None) for c in found] == [
        (TerritorialChangeKind.HANDOVER, "TJK"),
        (TerritorialChangeKind.HANDOVER, "KGZ"),
    ]


def test_driven_from_power_and_a_timetable_for_withdrawal_are_no_changes() -> None:
    [ch] = changes(
        "The Taliban seized Kabul in September 1996 and ruled until they were driven from "
        "power by a US-led invasion in 2001."
    )
    assert ch.gainer is not None
    assert ch.gainer.organization == "Taliban"
    # a timetable for a withdrawal is a plan, not a withdrawal done
    [planned] = changes(
        "The two sides signed an agreement in Doha that sets out a timetable for the "
        "withdrawal of US troops from Afghanistan."
    )
    assert planned.modality is de.Modality.PLANNED


def test_a_participle_clause_ends_what_a_side_withdrew_from() -> None:
    [ch] = changes(
        "Israeli troops withdrew from Khan Younis on Sunday, drawing condemnation from Beirut."
    )
    assert ch.kind is TerritorialChangeKind.WITHDRAWAL
    assert [p.name for p in ch.places] == ["Khan Younis"]


def test_a_withdrawal_expected_to_be_discussed_is_planned() -> None:
    [ch] = changes(
        "The withdrawal of Russian troops from Kherson is expected to be a central issue at "
        "the talks."
    )
    assert ch.modality is Modality.PLANNED


@pytest.mark.parametrize(
    "text",
    [
        "Western companies moved out of Russia after the invasion.",
        "Thousands of civilians streamed out of Rafah on Monday.",
        "The embassy moved out of Kyiv in February.",
    ],
)
def test_only_forces_moving_out_of_a_place_withdraw(text: str) -> None:
    assert changes(text) == []


def test_plans_for_a_withdrawal_are_a_planned_withdrawal() -> None:
    [ch] = changes(
        "Russia announced plans for the withdrawal of its troops from Armenia on Monday."
    )
    assert ch.modality is Modality.PLANNED


def test_scare_quotes_around_the_verb_keep_the_reporter_the_gainer() -> None:
    captures = [
        c
        for c in changes(
            'Russia\'s defence ministry said on Thursday its forces had "liberated" Vuhledar.'
        )
        if c.kind is TerritorialChangeKind.CAPTURE
    ]
    [ch] = captures
    assert ch.gainer is not None
    assert ch.gainer.country == "RUS"


def test_returning_a_list_of_districts_is_a_handover() -> None:
    [ch] = changes("Armenia returned the Aghdam, Kalbajar and Lachin districts to Azerbaijan.")
    assert ch.kind is TerritorialChangeKind.HANDOVER
    assert [p.name for p in ch.places] == ["Aghdam", "Kalbajar", "Lachin"]


def test_the_basis_for_a_withdrawal_is_a_topic() -> None:
    [planned] = changes(
        '"We now have the basis for the withdrawal of all Serb forces from Kosovo," the '
        "general said."
    )
    assert planned.modality is de.Modality.PLANNED


def test_taking_operational_control_is_a_capture() -> None:
    [ch] = changes(
        "Israeli troops took operational control of the Philadelphi Corridor on Tuesday."
    )
    assert ch.kind is TerritorialChangeKind.CAPTURE
    assert [p.name for p in ch.places] == ["Philadelphi Corridor"]


def test_of_two_captures_in_a_sentence_the_one_naming_a_town_is_kept() -> None:
    [ch] = changes("Iraqi troops stormed into Kuwait and seized Kuwait City on Thursday.")
    assert [p.name for p in ch.places] == ["Kuwait City"]


def test_people_seized_in_a_gerund_clause_are_no_territory() -> None:
    text = ("Rebels captured a key northern town on Monday, seizing 40 prisoners and cutting "
            "off a supply road.")  # fmt: skip
    [c] = changes(text)
    assert c.count is None


def test_a_change_told_again_with_its_place_is_one_change() -> None:
    text = ("Rebels captured a key northern town on Monday after heavy fighting.\n\n"
            "A government spokesman said the rebels entered Kaga Bandoro after two hours "
            "of fighting.")  # fmt: skip
    [c] = changes(text)
    assert [p.name for p in c.places] == ["Kaga Bandoro"]
    assert len(c.evidence) == 2


def test_captures_of_two_named_places_stay_two() -> None:
    text = "Rebels captured Bria on Monday.\n\nOn Tuesday the rebels entered Bambari."
    assert [[p.name for p in c.places] for c in changes(text)] == [["Bria"], ["Bambari"]]


def test_a_withdrawal_in_the_present_after_a_past_agreement_is_planned() -> None:
    text = ("The two sides agreed on Monday to hold talks after the rebels withdraw from "
            "Kidal.")  # fmt: skip
    [c] = changes(text)
    assert c.modality is Modality.PLANNED
    [c] = changes("The talks began after the rebels withdrew from Kidal.")
    assert c.modality is Modality.REALIZED


def test_a_hold_told_as_new_is_a_capture() -> None:
    [c] = changes("The rebels said they now control the towns of Kiri and Apa.")
    assert c.rule == "territorial_change.now_holds"
    assert [p.name for p in c.places] == ["Kiri", "Apa"]
    assert c.gainer is not None
    assert c.gainer.name == "rebels"
    assert changes("The army controls the provincial capital, Mopti.") == []


def test_a_place_in_the_hands_of_a_side() -> None:
    [c] = changes("Bunia is now in the hands of the Ituri militia.")
    assert [p.name for p in c.places] == ["Bunia"]
    assert c.gainer is not None
    assert changes("The decision is in the hands of the court.") == []


def test_falling_back_and_turning_over() -> None:
    [c] = changes("Government soldiers were falling back to Tenk on Monday.")
    assert c.kind is K.WITHDRAWAL
    [c] = changes("Three districts were turned over to the movement on Monday.")
    assert c.kind is K.HANDOVER


def test_it_seized_is_the_town_named_before() -> None:
    [c] = changes("Bria changed hands twice this week; on Sunday it was seized by the rebels.")
    assert [p.name for p in c.places] == ["Bria"]
    assert changes("The army said it seized weapons.") == []


def test_a_withdrawal_demanded_in_a_that_clause_is_planned() -> None:
    [c] = changes("The envoy repeated demands that the Taliban withdraw from the city of Mazar.")
    assert c.modality is Modality.PLANNED


def test_ships_leaving_a_port_give_up_no_ground() -> None:
    assert changes("The Russian warships, which left the port of La Guaira on Monday, "
                   "joined the exercise.") == []  # fmt: skip
    [c] = changes("Russian troops left the city of Kherson on Friday.")
    assert c.kind is K.WITHDRAWAL


def test_a_capture_spoken_of_later_is_the_one_told() -> None:
    text = (
        "Rebels seized the city of Wad Madani on Monday.\n\n"
        "Their commander said the capture of the city was an act of self-defence, claiming "
        "the army had planned an attack from Khartoum."
    )
    [c] = changes(text)
    assert [p.name for p in c.places] == ["Wad Madani"]


def test_a_capture_denied_elsewhere_is_not_the_one_told() -> None:
    text = (
        "Russian forces captured Avdiivka on Saturday.\n\n"
        "Ukraine's army denied the capture of Robotyne."
    )
    found = sorted((c.modality.value, [p.name for p in c.places]) for c in changes(text))
    assert found == [("negated", ["Robotyne"]), ("realized", ["Avdiivka"])]


@pytest.mark.parametrize(
    "text",
    [
        "The two ministers held talks on the withdrawal of Russian troops from Moldova.",
        "The governors stressed the importance of regaining control of the town of Buur.",
        '"We have been willing to go ahead with the withdrawal of advisers from Honduras," '
        "the minister said.",
    ],
)
def test_a_change_talked_of_or_meant_is_not_told_as_done(text: str) -> None:
    assert [c.modality for c in changes(text)] == [Modality.PLANNED]


def test_a_retreat_forced_by_the_capture_is_the_same_change() -> None:
    [c] = changes("The rebels took the town of Saraf on Monday, forcing government troops to "
                  "retreat to the hills.")  # fmt: skip
    assert c.kind is K.CAPTURE
    assert [p.name for p in c.places] == ["Saraf"]
    assert c.loser is not None
    assert c.loser.name == "government troops"


def test_forced_to_withdraw_with_no_taker_is_a_withdrawal() -> None:
    [c] = changes("Heavy shelling forced government troops to withdraw from Kuru on Monday.")
    assert c.kind is K.WITHDRAWAL
    assert [p.name for p in c.places] == ["Kuru"]


def test_a_capture_and_a_withdrawal_elsewhere_stay_two() -> None:
    found = changes("Rebels took Kuru on Monday while government troops withdrew from Saraf.")
    assert sorted(c.kind.value for c in found) == ["capture", "withdrawal"]


def test_ground_described_then_named_in_the_next_sentence() -> None:
    text = ("Rebels seized control of two towns in the east of the country on Monday. The "
            "government condemned the attacks on the towns of Kuru and Saraf.")  # fmt: skip
    [c] = changes(text)
    assert [p.name for p in c.places] == ["Kuru", "Saraf"]


def test_another_town_is_not_the_town_named_before() -> None:
    text = ("Fighting went on around the town of Kuru. Rebels took another town in the east "
            "on Monday.")  # fmt: skip
    [c] = changes(text)
    assert c.places == ()


def test_ground_measured_in_miles_is_no_count_of_places() -> None:
    [c] = changes("The army captured 24 square miles in the hills north of Kuru on Monday.")
    assert c.count is None


def test_a_counted_lead_and_the_change_it_sums_up_are_one() -> None:
    text = ("Rebels captured two towns in the east on Monday.\n\n"
            "The towns of Kuru and Saraf fell to the rebels after a day of fighting.")  # fmt: skip
    [c] = changes(text)
    assert [p.name for p in c.places] == ["Kuru", "Saraf"]


def test_a_running_tally_stays_apart_from_the_change_told_with_it() -> None:
    text = ("The rebels have so far seized over 140 army posts in the north.\n\n"
            "They seized the town of Kuru on Monday.")  # fmt: skip
    found = changes(text)
    assert len(found) == 2
    assert [p.name for p in found[1].places] == ["Kuru"]


def test_a_withdrawal_told_with_a_capture_leaves_the_captured_ground() -> None:
    text = (
        "Rebels seized the northern town of Kafia on Sunday after the army abandoned its positions."
    )
    by_kind = {c.kind: c for c in changes(text)}
    assert [p.name for p in by_kind[K.CAPTURE].places] == ["Kafia"]
    assert [p.name for p in by_kind[K.WITHDRAWAL].places] == ["Kafia"]


def test_a_site_coordinated_with_a_town_is_named_by_where_it_stands() -> None:
    [c] = changes("The rebels took Kafia and a military base at Doro on Monday.")
    assert [p.name for p in c.places] == ["Kafia", "Doro"]


def test_places_a_dash_sets_after_a_ground_noun() -> None:
    [c] = changes("The rebels seized two more towns – Kafia and Doro – on Monday.")
    assert [p.name for p in c.places] == ["Kafia", "Doro"]
    [c] = changes("The rebels seized two towns – Kafia and Doro.")
    assert [p.name for p in c.places] == ["Kafia", "Doro"]


def test_a_plural_ground_word_after_names_is_no_place() -> None:
    [c] = changes("The rebels seized large parts of Kayes and Koulikoro Regions on Monday.")
    assert [p.name for p in c.places] == ["Kayes", "Koulikoro"]


def test_a_plural_subject_s_past_verb_is_a_verb_before_a_noun() -> None:
    [c] = changes("The rebels seized towns in the north on Monday.")
    assert c.gainer is not None
    assert c.gainer.name == "rebels"


def test_counted_ground_takes_no_single_town_named_nearby() -> None:
    text = (
        "The army has recaptured two more towns in the north of the country.\n\n"
        "The rebels now hold only the town of Kafia, after the army retook Doro and Sibu."
    )
    first = changes(text)[0]
    assert "Kafia" not in [p.name for p in first.places]


def test_a_people_named_in_the_plural_stands_for_its_state() -> None:
    [c] = changes("The Iranians captured the town of Faw in February 1986.")
    assert c.gainer is not None
    assert c.gainer.country == "IRN"


def test_a_neighbour_across_the_border_loses_nothing() -> None:
    text = (
        "Fighting in Myanmar's Chin state goes on, and Myanmar's army is stretched. "
        "The Chin rebels captured six bases along the border with India's Mizoram state."
    )
    [c] = changes(text)
    assert c.loser is not None
    assert c.loser.country == "MMR"
