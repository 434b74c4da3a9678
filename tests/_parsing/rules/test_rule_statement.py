"""Statement rules (diplo_events._parsing.rules.statement), through diplo_events.parse."""

from __future__ import annotations

import datetime as dt

import pytest

import diplo_events as de
from diplo_events import Meeting, Modality, Statement

PUBLISHED = dt.date(2024, 3, 6)


def statements(text: str) -> list[Statement]:
    return [e for e in de.parse(text, published=PUBLISHED) if isinstance(e, Statement)]


def test_speaker_by_title() -> None:
    [s] = statements("The Iranian foreign ministry spokesman said on Monday that talks would "
                     "resume.")  # fmt: skip
    assert s.speaker.country == "IRN"
    assert s.speaker.title == "foreign ministry spokesman"
    assert s.content == "talks would resume"
    assert s.rule == "statement.verb"
    assert (s.cameo, s.plover) == ("010", None)
    assert s.date is not None
    assert s.date.start == dt.date(2024, 3, 4)
    assert s.modality is Modality.REALIZED


def test_named_speaker_with_appositive() -> None:
    [s] = statements("Adam Nowak, the Polish foreign ministry spokesperson, said the border "
                     "would stay open.")  # fmt: skip
    assert (s.speaker.name, s.speaker.country) == ("Adam Nowak", "POL")
    assert s.content == "the border would stay open"


def test_tweet_medium() -> None:
    [s] = statements("The Taliban spokesman, Zabihullah Mujahid, tweeted that Kabul was calm.")
    assert s.medium == "tweet"
    assert s.speaker.name == "Zabihullah Mujahid"
    assert s.speaker.organization == "Taliban"
    assert s.content == "Kabul was calm"


def test_according_to() -> None:
    [s] = statements("The army has withdrawn from the area, according to Nigerian military "
                     "officials.")  # fmt: skip
    assert s.rule == "statement.according_to"
    assert s.speaker.country == "NGA"


def test_passive_described_by() -> None:
    [s] = statements("The plan was described by the Chinese foreign ministry as a step forward.")
    assert s.speaker.country == "CHN"
    assert s.speaker.title == "foreign ministry"


def test_inverted_said_speaker() -> None:
    [s] = statements('"We will not give up," said Adam Nowak, the Polish prime minister.')
    assert (s.speaker.name, s.speaker.country) == ("Adam Nowak", "POL")
    assert s.content.startswith("We will not give up")


def test_warned_is_pessimistic_and_condemned_accuses() -> None:
    [w] = statements("Russia warned Poland against the move.")
    assert w.cameo == "012"
    [c] = statements("Turkey condemned the attack on Monday.")
    assert c.plover == "ACCUSE"


@pytest.mark.parametrize(
    "text",
    [
        "Witnesses said the shelling continued overnight.",
        "Residents said the army had left.",
        "Local activists said the army had left.",
    ],
)
def test_non_political_speakers_give_nothing(text: str) -> None:
    assert statements(text) == []


def test_plural_after_a_meeting_gives_one_statement_per_party() -> None:
    text = ("Turkish President Recep Erdogan met Russian President Vladimir Putin in Sochi on "
            "Monday. They said the talks were useful.")  # fmt: skip
    events = de.parse(text, published=PUBLISHED)
    assert len([e for e in events if isinstance(e, Meeting)]) == 1
    said = [e for e in events if isinstance(e, Statement)]
    assert [s.speaker.name for s in said] == ["Recep Erdogan", "Vladimir Putin"]
    for s in said:
        assert s.content == "the talks were useful"
        assert s.date is not None
        assert s.date.start == dt.date(2024, 3, 4)


def test_quote_inside_a_quote_is_not_a_statement_verb() -> None:
    said = statements('Russia said "the soldiers said nothing" on Monday.')
    assert [s.speaker.country for s in said] == ["RUS"]


def test_content_skips_the_medium_phrase() -> None:
    [s] = statements("Taliban spokesman Zabihullah Mujahid said in a tweet on Tuesday that the "
                     "city was calm.")  # fmt: skip
    assert s.medium == "tweet"
    assert s.content == "the city was calm"


def test_according_to_content_is_the_reported_clause() -> None:
    [s] = statements("The army has withdrawn from the area, according to Nigerian military "
                     "officials.")  # fmt: skip
    assert s.content == "The army has withdrawn from the area"


def test_passive_content_excludes_the_agent() -> None:
    [s] = statements("The plan was described by the Chinese foreign ministry as a step forward.")
    assert not s.content.startswith("by ")


def test_statement_date_is_not_taken_from_the_content() -> None:
    [s] = statements("Iran said it would hold naval drills in the Gulf of Oman next month.")
    assert s.date is None


def test_a_named_institution_speaks_for_its_state() -> None:
    [idf] = statements("The IDF said on Monday it had struck a depot near the border.")
    assert (idf.speaker.kind.value, idf.speaker.country, idf.speaker.title) == (
        "state",
        "ISR",
        "IDF",
    )
    [person] = statements("Centcom spokesman John Doe said the drills were routine.")
    assert (person.speaker.name, person.speaker.country) == ("John Doe", "USA")


def test_an_unqualified_officer_belongs_to_the_state_the_story_is_about() -> None:
    text = (
        "Malian troops clashed with rebels near Kidal on Monday, the Malian army said.\n"
        "Mali's government sent reinforcements to Kidal, and Mali asked Niger for help.\n"
        "Colonel Seydou Koulibaly said on Tuesday the town was calm.\n"
        "The governor's office said on Tuesday that the roads were open."
    )
    by_text = {s.content[:8]: s.speaker for s in statements(text)}
    assert by_text["the town"].country == "MLI"
    assert by_text["the road"].country == "MLI"
    assert by_text["the road"].kind.value == "state"


def test_no_focus_state_without_a_dominant_one() -> None:
    text = (
        "Malian and Nigerien troops met near the border on Monday, Mali and Niger said.\n"
        "Colonel Amadou Sowe said on Tuesday the town was calm."
    )
    [*_, colonel] = statements(text)
    assert colonel.speaker.name == "Amadou Sowe"
    assert colonel.speaker.country is None


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Troops clashed with rebels near Kidal, the Malian army said on Monday.",
         "Troops clashed with rebels near Kidal"),
        ("Troops clashed with rebels near Kidal, said the Malian army.",
         "Troops clashed with rebels near Kidal"),
        ("The town is calm, the Malian army said in a statement posted on its website.",
         "The town is calm"),
        ("The Malian army said on Tuesday the town was calm.", "the town was calm"),
        ("In Kidal, the Malian army said the town was calm.", "the town was calm"),
    ],
)  # fmt: skip
def test_content_is_the_clause_the_reporting_frame_tells(text: str, content: str) -> None:
    [s] = statements(text)
    assert s.content == content
    assert s.speaker.country == "MLI"


def test_a_person_of_a_country() -> None:
    [s] = statements("Colonel Ibrahim Traore of Mali said on Tuesday the town was calm.")
    assert (s.speaker.name, s.speaker.country, s.speaker.title) == (
        "Ibrahim Traore",
        "MLI",
        "Colonel",
    )


def test_agreeing_is_no_statement() -> None:
    assert statements("Russia and Turkey agreed on Monday to extend the ceasefire.") == []


def test_a_middle_initial_stays_in_the_name() -> None:
    [s] = statements("U.S. Army Gen. William J. Livsey said on Monday the drills were routine.")
    assert s.speaker.name == "William J. Livsey"
    assert s.speaker.country == "USA"


def test_present_plural_say_but_not_declining_to_say() -> None:
    [s] = statements("Houthi officials say they have captured the town of Harib.")
    assert s.speaker.organization == "Houthis"
    assert statements("The Yemeni ministry declined to say whether troops had left.") == []


def test_a_family_name_first_is_found_again() -> None:
    found = statements(
        "Chinese Defence Minister Dong Jun arrived in Phnom Penh on Monday.\n"
        "Dong said that China and Cambodia were ironclad friends."
    )
    assert [(s.speaker.name, s.speaker.country) for s in found] == [("Dong Jun", "CHN")]


def test_calling_something_a_name_is_a_statement() -> None:
    [s] = statements('Hezbollah leader Hassan Nasrallah called the pullout "a victory".')
    assert s.speaker.organization == "Hezbollah"


def test_a_person_for_a_named_group() -> None:
    found = statements(
        "Talks between Otty Patino for the government and Pablo Beltran for the ELN opened "
        "on Monday.\nBeltran said the ELN was ready to discuss a ceasefire."
    )
    assert [(s.speaker.name, s.speaker.organization) for s in found] == [("Pablo Beltran", "ELN")]


def test_his_office_speaks_for_the_person_last_named() -> None:
    [s] = statements(
        "Croatian President Franjo Tudjman met army commanders on Friday to discuss the "
        "offensive, his office said."
    )
    assert (s.speaker.name, s.speaker.country) == ("Franjo Tudjman", "HRV")
    assert s.content == (
        "Croatian President Franjo Tudjman met army commanders on Friday to discuss the offensive"
    )


def test_a_state_body_defined_by_acronym_stays_its_state() -> None:
    found = statements(
        "Forces of the Government of National Unity (GNU) of Libya took the town on Monday.\n"
        "The GNU said on Tuesday that the town was calm."
    )
    [gnu] = [s for s in found if "calm" in s.content]
    assert (gnu.speaker.country, gnu.speaker.organization) == ("LBY", None)


def test_a_press_body_is_no_political_speaker() -> None:
    found = statements("Questions were restricted, the Media Association of Fiji said on Monday.")
    assert found == []


def test_a_frame_after_planned_content_is_a_realized_statement_of_no_future_day() -> None:
    [s] = statements(
        "US and Philippine forces will hold joint drills next month, the Pentagon said."
    )
    assert s.modality is Modality.REALIZED
    assert s.date is None
    assert s.content == "US and Philippine forces will hold joint drills next month"


def test_a_medium_phrase_is_no_content() -> None:
    [s] = statements("Hamas said in a statement it had accepted the proposal.")
    assert s.content == "it had accepted the proposal"
    assert s.medium == "statement"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Officials in Kyiv said the strike killed three people.", "UKR"),
        ("The authorities in Beijing said on Monday the border was calm.", "CHN"),
        ("Local officials in Kabul said the border was calm.", "AFG"),
        ("U.S. officials in Kabul said the border was calm.", "USA"),
    ],
)
def test_officials_in_a_capital(text: str, country: str) -> None:
    [s] = statements(text)
    assert s.speaker.country == country


def test_foreign_officials_in_a_capital_are_not_its_own() -> None:
    assert statements("Western officials in Kabul said the border was calm.") == []


def test_according_to_first_then_the_content() -> None:
    [s] = statements("According to Sudan's army, RSF fighters shelled a market in Omdurman.")
    assert s.content == "RSF fighters shelled a market in Omdurman"
    assert s.speaker.country == "SDN"


def test_a_surname_with_a_possessive_is_found_again() -> None:
    found = statements(
        "Kenyan President William Ruto visited Ghana on Monday. Ruto's office said the talks "
        "went well."
    )
    assert [(s.speaker.name, s.speaker.country, s.content) for s in found] == [
        ("William Ruto", "KEN", "the talks went well")
    ]


def test_thanked_for_condemning() -> None:
    found = statements("Iran's foreign minister thanked Saudi Arabia for condemning the attack.")
    # the thanks are Iran's; the condemnation Saudi Arabia's
    assert sorted(s.speaker.country or "" for s in found) == ["IRN", "SAU"]


def test_and_said_continues_the_subject_not_an_inversion() -> None:
    [s] = statements(
        'Polish Defence Minister Mariusz Blaszczak called the drills "a provocation" and said '
        "Warsaw would send more troops."
    )
    assert s.speaker.name == "Mariusz Blaszczak"


def test_the_alliance_is_the_body_last_named_with_that_head() -> None:
    found = statements(
        "The Three Brotherhood Alliance, made up of the Arakan Army (AA) and the Ta'ang "
        "National Liberation Army (TNLA), launched an offensive.\n"
        "In a statement, the alliance said its fighters had seized two towns."
    )
    assert [s.speaker.name for s in found] == ["Three Brotherhood Alliance"]


STORY_ABOUT_RUSSIA = (
    "Russia launched missiles at Ukraine on Monday. Russian officials said Russia had hit "
    "military targets. Russia's defence ministry said the strikes hit their targets.\n"
)


def test_no_focus_state_for_an_office_named_general() -> None:
    [*_, grossi] = statements(
        STORY_ABOUT_RUSSIA + "Director General Rafael Grossi said the plant was safe."
    )
    assert grossi.speaker.name == "Rafael Grossi"
    assert grossi.speaker.country is None


def test_no_focus_state_for_an_officer_placed_in_another_state() -> None:
    found = statements(STORY_ABOUT_RUSSIA + "The governor said two people were killed in Kharkiv.")
    # the governor of a Ukrainian region is kept, with no state rather than Russia
    [governor] = [s for s in found if "Kharkiv" in s.content]
    assert governor.speaker.country is None


def test_a_party_the_content_is_about_is_no_inverted_speaker() -> None:
    found = statements(
        "The president, who arrived in Paris on Monday, said France would send more troops."
    )
    assert all(s.speaker.country != "FRA" for s in found)


def test_a_frame_followed_by_adding_is_one_statement() -> None:
    [s] = statements(
        "Iran could retaliate, the Pentagon said, adding that U.S. forces were on alert."
    )
    assert (s.speaker.country, s.content, s.modality) == (
        "USA",
        "Iran could retaliate",
        Modality.REALIZED,
    )


def test_foreign_and_coordinated_officials_in_a_capital_are_not_its_own() -> None:
    assert statements("Western diplomats and officials in Kyiv said the strike killed three.") == []


def test_a_country_name_as_a_first_name_after_a_title() -> None:
    [s] = statements("Israeli Defence Minister Israel Katz said the operation would continue.")
    assert (s.speaker.name, s.speaker.country) == ("Israel Katz", "ISR")


def test_a_quoted_name_inside_framed_content_is_not_the_content() -> None:
    [s] = statements(
        'China and Russia began an exercise code-named "Joint Sea" on Wednesday, the Chinese '
        "defence ministry said."
    )
    assert s.content == 'China and Russia began an exercise code-named "Joint Sea" on Wednesday'


def test_a_clause_before_a_titled_speaker_lends_no_affiliation() -> None:
    [s] = statements(
        "Colombian troops killed a senior commander of the National Liberation Army (ELN) in "
        "Arauca province on Sunday, Defense Minister Ivan Velasquez said on Monday."
    )
    assert s.speaker.name == "Ivan Velasquez"
    assert s.speaker.organization is None


def test_a_frame_followed_by_an_adjunct_of_time() -> None:
    [s] = statements(
        "North Korea fired two missiles into the sea on Tuesday, South Korea's Joint Chiefs of "
        "Staff said, a day after Seoul and Washington began their annual drills."
    )
    assert s.content == "North Korea fired two missiles into the sea on Tuesday"


def test_a_bare_weekday_after_the_verb_is_no_content() -> None:
    [s] = statements("Israel's military said Sunday it had withdrawn its troops from the city.")
    assert s.content == "it had withdrawn its troops from the city"


def test_a_news_outlet_is_no_political_speaker() -> None:
    assert statements("Egypt's state-run Al-Qahera News reported that talks had resumed.") == []


def test_the_audience_is_no_content_and_vows_are_statements() -> None:
    [s] = statements(
        "Iranian Foreign Minister Javad Zarif told reporters the talks were constructive."
    )
    assert s.content == "the talks were constructive"
    [vow] = statements(
        "Nigerian President Muhammadu Buhari vowed on Tuesday to crush the insurgency."
    )
    assert vow.speaker.country == "NGA"


def test_a_national_security_council_is_not_the_uns() -> None:
    [s] = statements("The Russian Security Council said the strikes would continue.")
    assert (s.speaker.country, s.speaker.organization) == ("RUS", None)
    [un] = statements("The Security Council condemned the attack.")
    assert (un.speaker.organization, un.speaker.name) == ("UN", "UN Security Council")


def test_an_unqualified_ministry_under_a_dateline_is_the_datelines() -> None:
    [s] = statements(
        "MOSCOW, March 3 (TASS) - The Foreign Ministry said on Monday that the sanctions "
        "would not go unanswered."
    )
    assert (s.speaker.kind.value, s.speaker.country, s.speaker.organization) == (
        "state",
        "RUS",
        None,
    )


def test_quoted_as_saying_and_a_ministry_in_a_capital() -> None:
    [q] = statements(
        "The official Xinhua news agency quoted Foreign Ministry spokesman Hong Lei as saying "
        "China firmly opposed the move."
    )
    assert (q.speaker.name, q.rule, q.content) == (
        "Hong Lei",
        "statement.quoted_as",
        "China firmly opposed the move",
    )
    [b] = statements(
        "Azerbaijani troops entered Aghdam on Friday, the defence ministry in Baku said."
    )
    assert b.speaker.country == "AZE"


def test_a_possessors_spokesman_in_apposition() -> None:
    [s] = statements("Putin's spokesman, Dmitry Peskov, said the Kremlin was concerned.")
    assert (s.speaker.name, s.speaker.title) == ("Dmitry Peskov", "spokesman")


def test_the_same_side_in_its_own_content_is_one_statement() -> None:
    found = statements(
        "Venezuelan Foreign Minister Yvan Gil said in a post on X that Caracas rejected the "
        "remarks."
    )
    assert [s.speaker.name for s in found] == ["Yvan Gil"]


def test_a_date_of_the_reported_clause_is_not_the_saying() -> None:
    [s] = statements(
        "Japanese Prime Minister Shinzo Abe said the two leaders held talks last month."
    )
    assert s.date is None
    [b] = statements(
        "Chinese Foreign Ministry spokesperson Mao Ning told journalists during a briefing on "
        "May 3 that Beijing opposed the sanctions."
    )
    assert b.date is not None
    assert b.date.start == dt.date(2024, 5, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Josep Borrell, the EU foreign policy chief, said the bloc would impose new sanctions.",
        "UN chief Antonio Guterres said the attack was unacceptable.",
    ],
)
def test_a_body_named_inside_a_title_is_the_persons(text: str) -> None:
    [s] = statements(text)
    assert s.speaker.organization in ("EU", "UN")


def test_he_added_goes_on_with_the_last_speaker() -> None:
    found = statements(
        "Khalifa Haftar's rivals were named in a report on Monday.\n\n"
        "But on Tuesday, the Kenyan army said it had withdrawn from the town.\n\n"
        '"Our forces still retain all their capabilities," he added.'
    )
    [army] = [s for s in found if s.speaker.country == "KEN"]
    assert len(army.evidence) == 2
    assert all(s.speaker.name != "Khalifa Haftar" for s in found)


def test_a_participial_insert_between_subject_and_verb() -> None:
    [s] = statements(
        "Neighbouring Mali, also run by a military government, warned that any intervention "
        "would be a declaration of war."
    )
    assert s.speaker.country == "MLI"


def test_according_to_a_statement_from_a_body() -> None:
    [s] = statements(
        "According to a statement from the Egyptian presidency, the two leaders discussed Gaza."
    )
    assert (s.speaker.country, s.content) == ("EGY", "the two leaders discussed Gaza")


def test_a_title_under_a_dateline_in_the_storys_state() -> None:
    found = statements(
        "MOSCOW, March 3 (Reuters) - Foreign Minister Sergei Lavrov said on Monday that Russia "
        "would respond. Russia's defence ministry said Russian forces had taken the village. "
        "The Kremlin said Russia was ready for talks."
    )
    assert (found[0].speaker.name, found[0].speaker.country) == ("Sergei Lavrov", "RUS")


def test_a_story_about_one_state_gives_its_untitled_officials_that_state() -> None:
    # a readout seldom names its own country: the state the story names most is the home one
    found = statements(
        "Foreign Minister Sergei Lavrov said on Monday that Russia would respond. Russia's "
        "defence ministry said Russian forces had taken the village. The Kremlin said Russia "
        "was ready for talks."
    )
    assert (found[0].speaker.name, found[0].speaker.country) == ("Sergei Lavrov", "RUS")


def test_an_anonymous_source_is_no_speaker() -> None:
    for text in (
        "The drills were a warning, a South Korean defence ministry official said on condition"
        " of anonymity.",
        "An unnamed Pentagon official said the drills were routine.",
        "A Japanese official, who asked not to be named, said Tokyo would protest.",
    ):
        assert statements(text) == [], text
    # a named official speaks, whatever else the sentence holds
    [s] = statements("South Korean Defence Minister Shin Won-sik said the drills were routine.")
    assert s.speaker.name == "Shin Won-sik"


def test_a_joint_statement_of_the_two_countries_is_each_partys() -> None:
    text = (
        "Saudi Foreign Minister Faisal bin Farhan met Iranian Foreign Minister Abbas Araghchi in"
        " Riyadh on Tuesday. In a joint statement, the two countries said they would reopen"
        " embassies."
    )
    said = [e for e in de.parse(text, published="2024-03-06") if isinstance(e, de.Statement)]
    assert sorted(s.speaker.country or "" for s in said) == ["IRN", "SAU"]
    # members of one body speak as the body
    text = ("ASEAN foreign ministers met in Jakarta on Wednesday. In a joint communique, the"
            " ministers said they were concerned.")  # fmt: skip
    [body] = [e for e in de.parse(text, published="2024-03-06") if isinstance(e, de.Statement)]
    assert body.speaker.organization == "ASEAN"


def test_a_known_body_before_its_appositive_speaks() -> None:
    [s] = statements("The Group to Support Islam and Muslims (JNIM), the Sahel branch of"
                     " Al-Qaeda, said it had seized the town.")  # fmt: skip
    assert s.speaker.organization == "JNIM"
    [s] = statements("Hamas, an ally of Iran, said the talks had failed.")
    assert s.speaker.organization == "Hamas"
    # a militia the gazetteer does not know is coded as the side it is allied with
    [s] = statements("The Sirte Protection Force, an ally of the GNA, said it had withdrawn.")
    assert s.speaker.organization == "GNA"


def test_an_unqualified_body_belongs_to_the_state_its_sentence_opens_in() -> None:
    text = (
        "BAMAKO (Reuters) - The Malian army said on Sunday it had retaken the town of Lere from"
        " jihadists.\n\nIn neighbouring Burkina Faso, the army said on Monday it had recaptured"
        " Djibo from jihadists."
    )
    said = [e for e in de.parse(text, published="2024-03-06") if isinstance(e, de.Statement)]
    assert [s.speaker.country for s in said] == ["MLI", "BFA"]
    taken = [e for e in de.parse(text, published="2024-03-06")
             if isinstance(e, de.TerritorialChange)]  # fmt: skip
    assert [t.gainer.country if t.gainer else None for t in taken] == ["MLI", "BFA"]


def test_a_statement_in_the_present_tense_is_made_on_the_publication_day() -> None:
    [s] = statements("Armenia's Defence Ministry says Azerbaijani troops shelled the village.")
    assert s.date is not None
    assert (s.date.start, s.date.precision, s.date.text) == (
        dt.date(2024, 3, 6), de.DatePrecision.DAY, None)  # fmt: skip
    # the past tense tells no day
    [past] = statements("Armenia's Defence Ministry said Azerbaijani troops shelled the village.")
    assert past.date is None
    # and with no publication date, no day at all
    text = "Armenia's Defence Ministry says Azerbaijani troops shelled the village."
    [bare] = [e for e in de.parse(text) if isinstance(e, de.Statement)]
    assert bare.date is None


@pytest.mark.parametrize(
    "addressee", ["reporters", "state television", "Reuters", "his Saudi counterpart"]
)
def test_whom_a_speaker_told_is_not_what_was_said(addressee: str) -> None:
    [s] = statements(f"Iranian Foreign Minister Abbas Araghchi told {addressee} the talks were"
                     " useful.")  # fmt: skip
    assert s.content == "the talks were useful"


def test_a_delegation_leader_takes_the_delegations_state() -> None:
    text = ("The Iranian delegation was led by Deputy Foreign Minister Mehdi Rezaei. Rezaei told"
            " state television the talks were useful.")  # fmt: skip
    [s] = statements(text)
    assert (s.speaker.name, s.speaker.country) == ("Mehdi Rezaei", "IRN")


@pytest.mark.parametrize(
    ("text", "name", "country", "title"),
    [
        ("But Georgia's interior ministry spokesman, Giorgi Lomidze, said the villages were"
         " calm.", "Giorgi Lomidze", "GEO", "interior ministry spokesman"),
        ("Egypt's Minister for Foreign Affairs, Kamal Fikry, said the talks were useful.",
         "Kamal Fikry", "EGY", "Minister for Foreign Affairs"),
        ("The UN humanitarian coordinator, Clementine Rouxel, warned on Wednesday that aid was"
         " running out.", "Clementine Rouxel", None, "humanitarian coordinator"),
    ],
)  # fmt: skip
def test_a_title_before_the_name_in_apposition(
    text: str, name: str, country: str | None, title: str
) -> None:
    [s] = statements(text)
    assert (s.speaker.name, s.speaker.country, s.speaker.title) == (name, country, title)


def test_a_participle_with_by_is_no_statement() -> None:
    text = ("French troops handed over the base, completing a withdrawal demanded by the"
            " country's ruling junta.")  # fmt: skip
    assert statements(text) == []


def test_the_bloc_is_the_international_body_last_named() -> None:
    [s] = statements("ECOWAS suspended Niger on Monday. The West African bloc said it would send"
                     " envoys.")  # fmt: skip
    assert s.speaker.organization == "ECOWAS"
    # an armed group is no bloc
    assert statements("Hamas fired rockets. The bloc said it would respond.") == []


def test_a_communique_speaks_for_the_parties_of_the_meeting() -> None:
    text = ("Saudi Crown Prince Mohammed bin Salman met Emirati President Mohamed bin Zayed in"
            " Riyadh on Tuesday. The next summit will be held in Kuwait, the final communique"
            " said.")  # fmt: skip
    said = [e for e in de.parse(text, published="2024-03-06") if isinstance(e, de.Statement)]
    assert sorted(s.speaker.country or "" for s in said) == ["ARE", "SAU"]


def test_an_armed_group_before_its_description_speaks() -> None:
    [s] = statements("The Arakan Army, an armed group fighting Myanmar's military, said it had"
                     " captured Paletwa.")  # fmt: skip
    assert s.speaker.organization == "Arakan Army"


def test_the_head_of_a_who_clause_speaks() -> None:
    [s] = statements("The talks were hosted by Brazilian Foreign Minister Helena Couto, who said"
                     " afterwards that progress had been made.")  # fmt: skip
    assert (s.speaker.name, s.speaker.country) == ("Helena Couto", "BRA")
    assert s.content == "progress had been made"


def test_anonymous_words_in_the_content_do_not_silence_the_speaker() -> None:
    [s] = statements("The European Union condemned anonymous threats against election officials"
                     " in Georgia.")  # fmt: skip
    assert s.speaker.organization == "EU"
    [s] = statements("Ukrainian Foreign Minister Dmytro Kuleba said by phone that the talks would"
                     " continue.")  # fmt: skip
    assert s.content == "the talks would continue"
    [s] = statements("Ukrainian President Volodymyr Zelensky told his Polish counterpart Russia"
                     " could not win.")  # fmt: skip
    assert s.content == "Russia could not win"


def test_the_bloc_is_a_bloc_not_any_body() -> None:
    text = ("ECOWAS suspended Niger on Monday. The UN said it was concerned about the coup. The"
            " bloc said it would send troops.")  # fmt: skip
    speakers = [s.speaker.organization for s in statements(text)]
    assert speakers == ["UN", "ECOWAS"]


def test_where_a_statement_was_made() -> None:
    [s] = statements("Pakistani Foreign Minister Ishaq Dar told reporters in Islamabad that the"
                     " talks had failed.")  # fmt: skip
    assert s.location is not None
    assert (s.location.name, s.location.country) == ("Islamabad", "PAK")
    [s] = statements("Speaking in Lilongwe on Monday, Malawian President Peter Mutharika said the"
                     " mission would stay.")  # fmt: skip
    assert s.location is not None
    assert s.location.name == "Lilongwe"
    # a place of what was said is not where it was said
    [s] = statements("Pakistani Foreign Minister Ishaq Dar said fighting in Kabul had stopped.")
    assert s.location is None


def test_the_subject_of_met_and_said_speaks() -> None:
    text = ("US envoy Mark Hargrove met Polish President Jerzy Kowalczyk on Tuesday and said"
            " Washington would stand by its allies.")  # fmt: skip
    [s] = statements(text)
    assert (s.speaker.name, s.speaker.country) == ("Mark Hargrove", "USA")
    [m] = [e for e in de.parse(text, published="2024-03-06") if isinstance(e, de.Meeting)]
    assert [a.country for a in m.participants] == ["USA", "POL"]  # Washington is content


def test_a_fronted_place_is_where_it_was_said() -> None:
    [s] = statements("In Beijing, foreign ministry spokesman Lin Jian told a regular briefing that"
                     " the drills were legal.")  # fmt: skip
    assert s.location is not None
    assert s.location.name == "Beijing"


def test_a_venue_is_the_speakers_not_another_clauses() -> None:
    [s] = statements("The meeting was held in Riyadh and the Saudi foreign ministry said it was a"
                     " success.")  # fmt: skip
    assert s.location is None
    [s] = statements("Russian Foreign Minister Sergei Lavrov told Al Jazeera on Monday the talks"
                     " had failed.")  # fmt: skip
    assert s.content == "the talks had failed"


def test_a_fronted_state_names_an_unqualified_ministry() -> None:
    [s] = statements("In neighbouring Niger, the foreign ministry said the talks had failed.")
    assert s.speaker.country == "NER"


def test_a_relative_in_an_appositive_is_not_the_speaker() -> None:
    [st] = statements(
        "Ahmed Ali, an aide to Sudanese army chief Abdel Fattah al-Burhan, said on Monday "
        "that talks had failed."
    )
    assert st.speaker.name == "Ahmed Ali"
    assert st.speaker.country == "SDN"  # the side of the one he serves
    assert st.speaker.title is None  # not that one's title


def test_an_appositive_coordinator_speaks_for_the_body_named_in_it() -> None:
    [st] = statements(
        "Maria Lopez, the UN's humanitarian coordinator for Yemen, said on Tuesday that aid "
        "was blocked."
    )
    assert st.speaker.name == "Maria Lopez"
    assert st.speaker.organization == "UN"
    assert st.speaker.country is None


@pytest.mark.parametrize(
    "text",
    [
        "More than 900 people have been killed, according to UN figures.",
        "At least 40 soldiers died, according to the defence ministry's latest tally.",
    ],
)
def test_according_to_a_bodys_figures_is_no_statement(text: str) -> None:
    assert statements(text) == []


def test_according_to_a_body_is_still_a_statement() -> None:
    [st] = statements("The border crossing was closed on Monday, according to the UN.")
    assert st.speaker.organization == "UN"
    assert st.rule == "statement.according_to"


def test_the_day_a_statement_was_issued_dates_it() -> None:
    [st] = statements(
        "The two sides reviewed the corridor, Pakistan's Foreign Office said in a statement "
        "issued late on Tuesday."
    )
    assert st.speaker.country == "PAK"
    assert st.content == "The two sides reviewed the corridor"
    assert st.date is not None
    assert st.date.start == dt.date(2024, 3, 5)


def test_an_institutions_official_under_a_capital_dateline_speaks_for_its_state() -> None:
    [st] = statements(
        "ISLAMABAD: Foreign Office spokesperson Amna Rafiq told her weekly briefing on Friday "
        "that the visit would go ahead."
    )
    assert st.speaker.name == "Amna Rafiq"
    assert st.speaker.country == "PAK"


def test_pledging_means_is_no_statement_but_pledging_to_act_is() -> None:
    assert statements("Benin, Chad and Ghana have also pledged personnel for the mission.") == []
    [st] = statements("Kenya pledged on Monday to send 1,000 police officers.")
    assert st.speaker.country == "KEN"


def test_adding_after_a_long_frame_is_the_frames_speaker_not_a_name_in_the_quote() -> None:
    [st] = statements(
        '"The Quad is here to stay," Indian Prime Minister Narendra Modi said at the opening '
        "of the session, adding that the group was not against anyone."
    )
    assert st.speaker.name == "Narendra Modi"


def test_charging_that_is_an_accusation_but_being_charged_is_not() -> None:
    [st] = statements("The Chinese Foreign Ministry charged that Indian troops had attacked.")
    assert st.speaker.country == "CHN"
    assert st.content == "Indian troops had attacked"
    assert statements("The Chinese ministry spokesman was charged with corruption.") == []


def test_the_day_after_a_medium_phrase_dates_the_statement() -> None:
    [st] = statements(
        'Ukraine\'s foreign ministry dismissed the accusations as "fabrications" in a tweet '
        "on Sunday."
    )
    assert st.date is not None
    assert st.date.start == dt.date(2024, 3, 3)


def test_a_person_heading_a_body_named_in_the_appositive_speaks_for_it() -> None:
    [st] = statements("Amina Hassan, the head of UNSOM, said the mission would continue.")
    assert st.speaker.name == "Amina Hassan"
    assert st.speaker.organization == "UNSOM"


def test_an_unnamed_official_of_a_capitalized_ministry_under_a_dateline() -> None:
    [st] = de.parse(
        "NEW DELHI, Oct. 21 (AP) - A Defense Ministry spokesman said Sunday that the army "
        "was fully engaged.",
        published=dt.date(1962, 10, 22),
    )
    assert isinstance(st, Statement)
    assert st.speaker.country == "IND"
    assert st.speaker.title == "Defense Ministry spokesman"
    assert st.date is not None
    assert st.date.start == dt.date(1962, 10, 21)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Speaking to reporters in Ankara on Tuesday, Turkish Defence Minister Yasar Guler "
         "said the troops would stay.", "Ankara"),
        ("Chinese Ambassador Jiang Wei, speaking at the opening ceremony in Karachi on "
         "Saturday, said the drills were routine.", "Karachi"),
    ],
)  # fmt: skip
def test_a_longer_speaking_phrase_places_the_statement(text: str, place: str) -> None:
    [st] = statements(text)
    assert st.location is not None
    assert st.location.name == place


def test_claiming_land_is_no_statement_but_claiming_that_is() -> None:
    assert statements("Venezuela has claimed the Essequibo since the 19th century.") == []
    [st] = statements("Al-Shabaab claimed on its radio station that it had killed ten soldiers.")
    assert st.speaker.organization == "al-Shabaab"


def test_another_name_after_known_as_is_no_speaker() -> None:
    [st] = statements(
        "Malaysia's Foreign Ministry, known as Wisma Putra, said on Tuesday that the talks "
        "were useful."
    )
    assert st.speaker.country == "MYS"
    assert st.speaker.title == "Foreign Ministry"


def test_a_ruling_junta_in_a_fronted_capital_is_that_states() -> None:
    [st] = statements(
        "In Buenos Aires, the ruling military junta said in a communique that the islands "
        "were Argentine."
    )
    assert st.speaker.country == "ARG"
    assert st.speaker.title == "military junta"


def test_analysts_at_a_body_and_a_news_agencys_report_are_no_statements() -> None:
    assert (
        statements(
            "Analysts at the Washington-based Institute for the Study of War said Russia had "
            "gained ground."
        )
        == []
    )
    assert statements("The deal was announced on Monday, the Omani News Agency reported.") == []
    [st] = statements("Officials at the Russian Defense Ministry said the drills were routine.")
    assert st.speaker.country == "RUS"


def test_a_ministry_spokesman_at_a_briefing_in_a_capital_speaks_for_its_state() -> None:
    [st] = statements(
        "At a regular press briefing in Beijing on Monday, Foreign Ministry spokesman Lin Wei "
        "said the region did not need military blocs."
    )
    assert st.speaker.country == "CHN"
    assert st.location is not None
    assert st.location.name == "Beijing"


def test_a_bodys_named_spokesman_speaks_and_his_next_sentence_goes_on() -> None:
    text = (
        "Coalition spokesman Brig. Gen. Turki Al-Maliki said the strikes targeted military "
        "sites. He said the rebels had fired drones at the port."
    )
    [st] = statements(text)
    assert st.speaker.name == "Turki Al-Maliki"
    assert len(st.evidence) == 2


def test_a_statement_carried_by_a_news_agency_on_a_day_is_dated_and_adds_no_exercise() -> None:
    events = de.parse(
        "North Korea's defense ministry denounced the drill in a statement carried by the "
        "official Korean Central News Agency on Thursday.",
        published=PUBLISHED,
    )
    [st] = events
    assert isinstance(st, Statement)
    assert st.speaker.country == "PRK"
    assert st.date is not None
    assert st.date.start == dt.date(2024, 2, 29)


def test_a_state_organ_named_of_its_state_speaks_for_it_but_a_press_body_does_not() -> None:
    [st] = statements(
        "The State Security Service of Georgia said in a statement on Monday that the border "
        "had moved."
    )
    assert st.speaker.country == "GEO"
    assert statements("Questions were restricted, the Media Association of Fiji said.") == []


def test_repeating_that_is_saying_again() -> None:
    [st] = statements(
        "Indonesian Defence Minister Sjafrie Sjamsoeddin on Thursday repeated that Indonesia "
        "will never allow a foreign base."
    )
    assert st.speaker.country == "IDN"
    assert statements("Indonesian troops repeated the drills on Thursday.") == []


def test_a_participle_statement_takes_no_negation_from_its_main_clause() -> None:
    [st] = statements(
        "Chinese Premier Li Qiang made no direct mention of the launch, saying only that peace "
        "must be kept."
    )
    assert st.modality is Modality.REALIZED


def test_a_message_broadcast_on_television_on_a_day_dates_the_statement() -> None:
    [st] = statements(
        "Russian President Vladimir Putin said in a message broadcast on state television on "
        "Tuesday evening that the talks had failed."
    )
    assert st.date is not None
    assert st.date.start == dt.date(2024, 3, 5)


def test_a_korean_family_name_alone_names_the_person_told_before() -> None:
    [st] = statements(
        "South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida on "
        "Saturday.\n\nYoon said the launch would violate UN resolutions."
    )
    assert (st.speaker.name, st.speaker.country) == ("Yoon Suk Yeol", "KOR")


def test_the_one_quoted_by_a_news_agency_speaks() -> None:
    [st] = statements(
        "Krajina Serb leader Milan Martic was quoted by the news agency SRNA as saying the "
        "army would fight."
    )
    assert st.speaker.name == "Milan Martic"


def test_a_ministry_official_speaking_abroad_keeps_no_country_of_the_venue() -> None:
    [st] = statements(
        "Speaking in Kyiv, Foreign Ministry spokeswoman Maria Zakharova said the talks were useful."
    )
    assert st.speaker.country is None


def test_claiming_that_it_did_something_is_a_statement() -> None:
    [st] = statements("Russia claimed it had shot down ten drones over Moscow on Monday.")
    assert st.speaker.country == "RUS"


def test_some_analysts_at_a_body_are_no_speakers() -> None:
    assert (
        statements(
            "Some analysts at the Institute for the Study of War said Russia had gained ground."
        )
        == []
    )


def test_a_weekday_in_front_of_the_security_council_is_no_name() -> None:
    [st] = statements("On Tuesday Security Council members condemned the attack.")
    assert (st.speaker.organization, st.speaker.name) == ("UN", "UN Security Council")


def test_the_ministry_of_foreign_affairs_under_a_dateline_is_the_datelines() -> None:
    [st] = statements(
        "KATHMANDU, March 5 (Reuters) - The Ministry of Foreign Affairs said in a press release "
        "that the talks were useful."
    )
    assert st.speaker.country == "NPL"


def test_a_relative_clauses_negation_is_not_the_sayings() -> None:
    [st] = statements(
        "In London, the British government, which was not consulted in advance, said it had "
        "serious doubts about the plan."
    )
    assert st.modality is Modality.REALIZED
    assert st.speaker.country == "GBR"


def test_accusing_someone_and_saying_is_one_statement_by_the_subject() -> None:
    [st] = statements(
        "Kosovo Prime Minister Albin Kurti accused the EU mediators of favouring Belgrade and "
        "said the talks had failed."
    )
    assert st.speaker.name == "Albin Kurti"


def test_an_officer_who_did_not_wish_to_be_named_is_anonymous() -> None:
    assert (
        statements(
            "A senior Indian army officer, who did not wish to be named, said the number of "
            "incursions had fallen."
        )
        == []
    )


def test_a_ministry_spokesman_in_a_fronted_capital_speaks_for_its_state() -> None:
    [st] = statements(
        "In Beijing, Foreign Ministry spokesman Lin Wei said Monday that Washington was hyping "
        "up the threat."
    )
    assert st.speaker.country == "CHN"


def test_a_federal_or_supreme_security_council_is_its_states() -> None:
    [st] = statements(
        "Germany's Federal Security Council said on Monday that the exports were approved."
    )
    assert (st.speaker.country, st.speaker.organization) == ("DEU", None)


def test_claiming_a_neighbours_land_is_no_statement() -> None:
    assert statements("Venezuela has long claimed its neighbour's Essequibo region.") == []


def test_claiming_its_fighters_had_done_something_is_a_statement() -> None:
    [st] = statements("Al-Shabaab claimed its fighters had killed ten soldiers in the raid.")
    assert st.speaker.organization == "al-Shabaab"


def test_bloggers_are_no_speakers() -> None:
    assert statements("Russian military bloggers had posted video on Tuesday of the attack.") == []


def test_the_subject_before_an_inserted_participle_phrase_speaks() -> None:
    [st] = statements(
        "Ukrainian President Volodymyr Zelensky, speaking alongside Polish President Andrzej "
        "Duda in Warsaw on Wednesday, thanked Poland for its support and said Ukraine would win."
    )
    assert (st.speaker.name, st.speaker.country) == ("Volodymyr Zelensky", "UKR")


def test_a_rebel_leader_speaks_for_no_state_of_the_story() -> None:
    text = (
        "DUSHANBE, Tajikistan - Tajik officials said the army had retaken the town.\n\n"
        "Rebel leader Makhmud Khudoberdyev said his men would not negotiate."
    )
    rebel = [s for s in statements(text) if s.speaker.name == "Makhmud Khudoberdyev"]
    assert [s.speaker.country for s in rebel] == [None]


def test_a_title_across_a_clause_is_not_the_speakers() -> None:
    # "Peruvian troops resume attacks, President X said": Peruvian is the troops', not X's
    [st] = statements("Peruvian troops resumed attacks, President Sixto Duran-Ballen said.")
    assert st.speaker.name == "Sixto Duran-Ballen"
    assert st.speaker.country in (None, "ECU")


def test_an_organ_named_by_whose_it_is_speaks() -> None:
    [s] = statements("The press service for the Southern Military District said 3,000 troops "
                     "took part.")  # fmt: skip
    assert s.speaker.name == "press service for the Southern Military District"
    assert s.speaker.country is None


def test_forces_loyal_to_a_leader_speak_for_the_leader() -> None:
    [s] = statements("Forces loyal to Haftar denied any violation.")
    assert s.speaker.name == "Haftar"


def test_it_is_the_body_that_spoke_before() -> None:
    text = ("The Kenyan foreign ministry said the talks had failed, but it dismissed reports "
            "that the envoy had left.")  # fmt: skip
    assert {s.speaker.country for s in statements(text)} == {"KEN"}
    text = "The Malian army said the town was calm. It added that two soldiers died."
    [s] = statements(text)  # one statement, told on
    assert s.speaker.country == "MLI"
    assert len(s.evidence) == 2


def test_a_rebel_officer_speaks_for_no_state() -> None:
    text = ("Rebels seized the town of Kabo in the Central African Republic.\n\n"
            "Rebel Colonel Jean Ngaba told reporters his men were pushing south.")  # fmt: skip
    [s] = statements(text)
    assert s.speaker.name == "Jean Ngaba"
    assert s.speaker.country is None
    assert s.speaker.title == "rebel Colonel"


def test_calling_a_thing_by_what_it_is_is_a_statement() -> None:
    [s] = statements("Russia called the drills a provocation on Monday.")
    assert (s.speaker.country, s.rule) == ("RUS", "statement.called_it")
    [s] = statements("Kenyan Foreign Minister Jane Wambui called the talks fruitful.")
    assert s.speaker.country == "KEN"
    assert statements("The president called the meeting for Monday.") == []


def test_persons_of_their_states_coordinated_each_speak() -> None:
    text = ("Presidents Lula of Brazil and Milei of Argentina made peace on Monday and said "
            "they had moved on.")  # fmt: skip
    assert sorted(s.speaker.country or "" for s in statements(text)) == ["ARG", "BRA"]


def test_they_is_the_group_that_spoke_before() -> None:
    text = ("The rebel Azawad Front said on Monday that it held Kidal. They accuse the "
            "government of bombing civilians.")  # fmt: skip
    speakers = {s.speaker.name for s in statements(text)}
    assert speakers == {"Azawad Front"}


def test_a_statement_at_a_news_conference_takes_the_day_told_just_before() -> None:
    text = ("Kenyan troops entered the port of Kismayo on Tuesday.\n\n"
            "A Kenyan army spokesman told a news conference that 40 militants had been "
            "killed.")  # fmt: skip
    [s] = statements(text)
    assert s.date is not None
    assert s.date.start == dt.date(2024, 3, 5)
    text = ("Kenyan troops entered the port of Kismayo on Tuesday.\n\n"
            "A Kenyan army spokesman said that 40 militants had been killed.")  # fmt: skip
    [s] = statements(text)
    assert s.date is None


def test_according_to_a_surname_told_before() -> None:
    text = ("Argentine Foreign Minister Ana Rojas said on Monday the talks went well.\n\n"
            "According to Rojas, the sides agreed to meet again.")  # fmt: skip
    assert [s.speaker.country for s in statements(text)] == ["ARG", "ARG"]


@pytest.mark.parametrize(
    "text",
    [
        "The army also appeared to be maintaining a unilateral cease-fire.",
        "Past exercises have been adding millions of dollars to the economy.",
        "Observers from three states observed the drills.",
    ],
)
def test_a_verb_of_saying_used_of_a_thing_is_no_statement(text: str) -> None:
    assert statements(text) == []


def test_ordinals_stay_one_word_in_a_speakers_name() -> None:
    [s] = statements("The drills went well, the 42nd Brigade said on Monday.")
    assert s.speaker.name == "42nd Brigade"
    [fleet] = statements("The drills went well, the 7th Fleet said on Monday.")
    assert fleet.speaker.country == "USA"  # a fleet the tables know


def test_an_opening_participle_dates_the_saying_and_says_nothing() -> None:
    [s] = statements(
        "Speaking at a press conference on Tuesday, government spokesman Ali Rezaei called "
        "the Turkish president's remarks incorrect."
    )
    assert s.date is not None
    assert s.date.start == dt.date(2024, 3, 5)
    assert s.content == "the Turkish president's remarks incorrect"


def test_a_participle_clause_elsewhere_does_not_date_the_saying() -> None:
    text = (
        "The Prime Minister looked forward to welcoming Chancellor Merkel to next week's "
        "summit in London and said the event would send a strong signal."
    )
    [s] = statements(text)
    assert s.modality is Modality.REALIZED


def test_the_official_is_the_officer_who_spoke_last() -> None:
    text = (
        "Government spokesman Ali Rezaei said on Tuesday the remarks were incorrect.\n\n"
        "The official expressed satisfaction with the talks."
    )
    speakers = [s.speaker.name for s in statements(text)]
    assert speakers == ["Ali Rezaei", "Ali Rezaei"]


def test_the_official_after_an_anonymous_one_is_nobody_named() -> None:
    text = (
        "Kenyan Foreign Minister Ann Wafula met her Ugandan counterpart on Monday.\n\n"
        "A senior official said the talks had failed.\n\n"
        "The official said the border would stay closed."
    )
    [s] = statements(text)
    assert (s.speaker.name, s.speaker.country) == ("official", None)


def test_an_organ_of_a_body_speaks_for_the_body() -> None:
    [s] = statements("African Union Commission chief Moussa Faki Mahamat condemned the coup.")
    assert (s.speaker.name, s.speaker.organization) == ("Moussa Faki Mahamat", "AU")


def test_a_speaker_quoted_again_after_others_keeps_the_day_of_the_remarks() -> None:
    text = (
        "Kenyan Foreign Minister Ann Wafula said on Tuesday the border would reopen.\n\n"
        "Ugandan officials welcomed the move.\n\n"
        "Tanzania's president said the talks were useful.\n\n"
        '"We are ready," Wafula said.'
    )
    days = {s.speaker.name: s.date.start if s.date else None for s in statements(text)}
    assert days["Ann Wafula"] == dt.date(2024, 3, 5)


def test_a_bodys_statement_speaks_for_the_body() -> None:
    [s] = statements("An army statement said government troops were now advancing.")
    assert (s.speaker.name, s.speaker.kind.value) == ("army", "organization")


def test_they_after_a_capture_are_the_takers() -> None:
    text = (
        "Russian and Venezuelan officials met in Caracas on Monday, the ministry said.\n\n"
        "The rebels seized two towns on Sunday. They claimed that the accord had failed."
    )
    claimed = [s for s in statements(text) if "accord" in s.content]
    assert [s.speaker.name for s in claimed] == ["rebels"]


def test_a_body_described_in_its_own_sentence_is_the_body_named() -> None:
    text = (
        "The Rapid Support Forces seized the city of Wad Madani on Monday, the paramilitary "
        "group announced on Tuesday."
    )
    [s] = statements(text)
    assert s.speaker.organization == "RSF"


def test_an_offset_inside_what_was_said_keeps_the_day() -> None:
    [s] = statements("Putin says talks with Ukraine could resume two weeks after the election.")
    assert s.date is not None


def test_a_letter_says_what_it_says() -> None:
    [s] = statements("Kenya received a letter from Somalia saying the talks were off.")
    assert s.speaker.country == "SOM"


def test_an_official_who_is_also_a_professor_speaks() -> None:
    [s] = statements(
        "Interior Minister Professor Kithure Kindiki said the militants were repelled."
    )
    assert "Kindiki" in s.speaker.name


def test_keen_to_stress_is_a_saying_told() -> None:
    [s] = statements("President Ana Rojas of Chile was keen to stress that the drills threaten "
                     "no one.")  # fmt: skip
    assert s.modality is Modality.REALIZED


def test_a_place_in_a_phrase_before_a_participle_does_not_speak() -> None:
    text = ("The NATO spokesman said officials had heard reports from refugees fleeing into "
            "Albania and Montenegro suggesting that villages had been burned.")  # fmt: skip
    assert {s.speaker.country for s in statements(text)} <= {None}
    assert all(s.speaker.organization == "NATO" for s in statements(text))


def test_an_official_named_under_a_title_told_before_with_its_state() -> None:
    text = ("Chile's defence minister on Tuesday warned Peru against provoking a conflict.\n\n"
            "Defence Minister Tomas Reyes told reporters the army was on alert.\n\n"
            "Peru said the charges were false.")  # fmt: skip
    said = {s.speaker.name: s.speaker.country for s in statements(text)}
    assert said["Tomas Reyes"] == "CHL"


def test_a_ministry_in_a_story_that_names_one_state_is_that_state_s() -> None:
    text = ("Estonia's border guard is on alert. The Defence Ministry said on Friday that two "
            "patrol boats were sent north.")  # fmt: skip
    [s] = statements(text)
    assert s.speaker.country == "EST"


def test_a_spokesperson_of_a_body_told_before_speaks_for_its_state() -> None:
    text = (
        "Chile's Foreign Ministry said the talks had failed.\n\n"
        "Ministry spokesperson Ana Rojas said the mediators would leave on Friday."
    )
    said = {s.speaker.name: s.speaker.country for s in statements(text)}
    assert said["Ana Rojas"] == "CHL"


def test_a_name_broken_across_a_hard_wrapped_line_is_one_name() -> None:
    text = (
        "Rebels opened a meeting on Monday in the south with a UN envoy and diplomats of\n"
        "ten nations, among them Chilean ambassador Ana Maria Rojas, who came to\n"
        "the zone to revive peace talks, and the envoy of the French government Marc\n"
        "Lebrun, the officials said.\n\n"
        '"We are not going empty-handed," Lebrun said on Monday as he left the capital\n'
        "for the rebel-held area in the south of the country with the other envoys."
    )
    said = {s.speaker.name for s in statements(text)}
    assert "Marc Lebrun" in said


def test_directing_an_action_is_no_statement() -> None:
    assert statements("Chile's president directed the firing of two missiles on Monday.") == []


def test_a_fronted_day_dates_the_saying() -> None:
    text = ("On Monday, the forces of the renegade general of Chile, Ana Rojas, said they had "
            "entered the city.")  # fmt: skip
    [s] = statements(text)
    assert s.date is not None
    assert s.date.start == dt.date(2024, 3, 4)


def test_a_rival_of_a_party_is_not_that_party() -> None:
    text = "Ali Musa, a fierce critic of Chile's president, said the talks had failed."
    [s] = statements(text)
    assert s.speaker.country is None


def test_a_day_before_the_infinitive_an_urging_governs_is_the_urging_s() -> None:
    text = ("The UN Security Council urged rebels in the Central African Republic on Monday "
            "to halt their offensive.")  # fmt: skip
    [s] = statements(text)
    assert s.date is not None
    assert s.date.start == dt.date(2024, 3, 4)


def test_the_day_of_news_a_closing_report_tells_is_the_report_s() -> None:
    text = ("President Ana Rojas received Bolivian President Hugo Benitez at the palace on "
            "Monday, a statement by the Argentine presidency said.")  # fmt: skip
    [s] = statements(text)
    assert s.date is not None
    assert s.date.start == dt.date(2024, 3, 4)


def test_a_day_in_what_was_said_after_the_verb_is_not_the_saying_s() -> None:
    [s] = statements("The Malian army said rebels took the town of Kafia on Monday.")
    assert s.date is None


def test_said_after_a_change_of_control_told_before_takes_its_day() -> None:
    text = (
        "Israel withdrew the last of its troops from the border strip on Sunday.\n\n"
        "The army is now on the border, Israeli government spokeswoman Dana Levi said after "
        "the pullout was completed."
    )
    [s] = statements(text)
    assert s.date is not None
    assert s.date.start == dt.date(2024, 3, 3)


def test_a_government_official_with_no_dateline_speaks_for_the_story_s_state() -> None:
    text = (
        "Estonia's army finished its drills on Monday. Estonia's navy took part, and Estonia "
        "said more drills would follow.\n\n"
        "The drills went well, government spokeswoman Kadri Tamm said."
    )
    [*_, s] = statements(text)
    assert s.speaker.name == "Kadri Tamm"
    assert s.speaker.country == "EST"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("A spokesman for Hamas denied the allegations.", "Hamas"),
        ("A spokeswoman for the Kenyan army said the convoy had been attacked.", "KEN"),
        ("A spokesman for the Rapid Support Forces, Ali Musa, said the claims were false.", "RSF"),
    ],
)
def test_a_spokesman_for_a_body_speaks_for_it(text: str, key: str) -> None:
    [s] = statements(text)
    assert key in (s.speaker.country, s.speaker.organization)


def test_a_state_or_body_that_reports_speaks_a_journalist_or_outlet_does_not() -> None:
    [s] = statements("The Malian army reported that ten soldiers were wounded in the attack.")
    assert s.speaker.country == "MLI"
    assert statements("The talks collapsed on Monday, the news agency reported.") == []
    assert statements("Reporter Jan Berg reported from Kabul that the city was calm.") == []


def test_an_appeal_verb_after_a_preposition_is_a_reason_not_an_appeal() -> None:
    text = "NATO criticized Russia for not inviting western observers to the drills."
    assert [s.speaker.organization for s in statements(text)] == ["NATO"]
    [s] = statements("The UN responded by urging calm.")
    assert s.speaker.organization == "UN"


def test_not_yet_commented_is_negated() -> None:
    [s] = [e for e in de.parse("The Kremlin has not yet commented on the plan.",
                               published=PUBLISHED) if isinstance(e, Statement)]  # fmt: skip
    assert s.modality is Modality.NEGATED


@pytest.mark.parametrize(
    "text",
    [
        "Egypt recalled its ambassador from Israel on Monday.",
        "The clashes led the army to recall its troops from the town.",
        "Yeltsin arrived in Beijing after the official welcoming ceremony.",
        '"The drill went well," one navy source was quoted as saying.',
    ],
)
def test_no_saying(text: str) -> None:
    assert statements(text) == []


def test_recalled_that_and_a_recalled_quote_are_sayings() -> None:
    assert len(statements("Malian General Ali Musa recalled that the town had fallen.")) == 1
    assert len(statements('"We won," Malian General Ali Musa recalled.')) == 1


def test_presidents_with_two_names_are_two_speakers() -> None:
    text = "Presidents Moon and Trump urged North Korea to return to talks."
    said = [e for e in de.parse(text, published="2017-11-07") if isinstance(e, Statement)]
    assert sorted(s.speaker.country or "" for s in said) == ["KOR", "USA"]


def test_a_bosnian_serb_leader_speaks_for_the_bosnian_serbs() -> None:
    [s] = statements("Bosnian Serb leader Radovan Karadzic said the talks had failed.")
    assert (s.speaker.country, s.speaker.organization) == (None, "Bosnian Serbs")


def test_a_standfirst_above_the_dateline_makes_no_statement() -> None:
    text = (
        "Israel leaves the border strip\n\n"
        "The Lebanese government says the move falls short.\n\n"
        "MARJAYOUN, Lebanon (AP) - Israel withdrew its last troops on Sunday. Lebanese "
        "Information Minister Sami Aoun said the pullout was not enough."
    )
    said = statements(text)
    assert [s.speaker.name for s in said] == ["Sami Aoun"]


def test_an_ing_clause_of_the_same_doer_takes_the_main_clause_s_day() -> None:
    [s] = statements("Venezuela suspended its work with the agency in 2005, accusing its agents "
                     "of spying.")  # fmt: skip
    assert s.date is not None
    assert s.date.start == dt.date(2005, 1, 1)
