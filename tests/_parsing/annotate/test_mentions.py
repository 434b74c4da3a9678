"""Tests of actor and place mentions in one sentence (diplo_events._parsing.annotate.mentions)."""

from __future__ import annotations

from diplo_events import ActorKind, LocationKind
from diplo_events._parsing.annotate.gazetteer import gazetteer
from diplo_events._parsing.annotate.mentions import (
    ActorMention,
    PlaceMention,
    Role,
    SentenceMentions,
    find_mentions,
)
from diplo_events._parsing.text.clean import clean


def mentions(text: str) -> SentenceMentions:
    """The mentions of ``text`` read as one sentence."""
    norm = clean(text).norm
    return find_mentions(text, norm, 0, len(norm), gazetteer().find(norm))


def actor_at(found: SentenceMentions, text: str, words: str) -> ActorMention:
    """The one actor mention whose text holds ``words``."""
    hits = [a for a in found.actors if words in text[a.start : a.end]]
    assert len(hits) == 1, [text[a.start : a.end] for a in found.actors]
    return hits[0]


def place_named(found: SentenceMentions, name: str) -> PlaceMention:
    hits = [p for p in found.places if p.location.name == name]
    assert len(hits) == 1, [p.location.name for p in found.places]
    return hits[0]


def test_titled_person_with_demonym() -> None:
    text = "Turkmen Deputy Foreign Minister Vepa Hajiev arrived on Monday."
    found = mentions(text)
    m = actor_at(found, text, "Vepa Hajiev")
    assert m.role is Role.PERSON
    assert m.actor is not None
    assert m.actor.name == "Vepa Hajiev"
    assert m.actor.kind is ActorKind.PERSON
    assert m.actor.country == "TKM"
    assert m.actor.title == "Deputy Foreign Minister"
    assert m.surname == "Hajiev"
    # the mention covers the descriptor; the actor's own mention is the name
    assert text[m.start : m.end] == "Turkmen Deputy Foreign Minister Vepa Hajiev"
    assert m.actor.mention is not None
    assert m.actor.mention.text == "Vepa Hajiev"
    assert text[m.actor.mention.start : m.actor.mention.end] == "Vepa Hajiev"


def test_appositive_gives_affiliation_and_title() -> None:
    text = "Maria Lopez, the Chilean foreign ministry spokesperson, spoke to reporters."
    m = actor_at(mentions(text), text, "Maria Lopez")
    assert m.role is Role.PERSON
    assert m.actor is not None
    assert m.actor.country == "CHL"
    assert m.actor.title is not None
    assert "spokesperson" in m.actor.title


def test_appositive_opened_by_another_determiner() -> None:
    text = "The drill went well, said Tomas Reyes, another Chilean army spokesman."
    m = actor_at(mentions(text), text, "Tomas Reyes")
    assert m.actor is not None
    assert m.actor.country == "CHL"


def test_a_rank_between_title_and_name_keeps_them_one_person() -> None:
    text = "The drill will end on Friday, 3rd Fleet spokesman Lt. Ana Ruiz told reporters."
    found = mentions(text)
    m = actor_at(found, text, "Ana Ruiz")
    assert m.actor is not None
    assert m.actor.title is not None
    assert "spokesman" in m.actor.title
    assert not [a for a in found.actors if a.actor is not None and a.role is not Role.PERSON]


def test_appositive_before_the_name() -> None:
    text = "The Taliban spokesman, Zabihullah Mujahid, spoke to reporters."
    m = actor_at(mentions(text), text, "Zabihullah Mujahid")
    assert m.actor is not None
    assert m.actor.organization == "Taliban"
    assert m.actor.title == "spokesman"


def test_civil_society_appositive_gives_no_affiliation() -> None:
    text = "Omar Haddad, the director of a local rights group, spoke."
    found = mentions(text)
    people = [a for a in found.actors if a.actor is not None and a.role is Role.PERSON]
    assert all(a.actor is not None and a.actor.country is None for a in people)
    assert all(a.actor is not None and a.actor.organization is None for a in people)


def test_organization_with_acronym_definition() -> None:
    text = "The Northern Liberation Front (NLF) attacked the town."
    found = mentions(text)
    org = actor_at(found, text, "Northern Liberation Front")
    assert org.role is Role.ORGANIZATION
    assert org.actor is not None
    assert org.actor.kind is ActorKind.ARMED_GROUP  # "Front" is an armed-group head
    assert org.actor.organization == "NLF"
    assert [(acr, actor.name) for acr, actor in found.acronyms] == [
        ("NLF", "Northern Liberation Front")
    ]


def test_non_armed_organization_with_acronym() -> None:
    text = "The Kivu Democratic Union (KDU) issued a call."
    found = mentions(text)
    org = actor_at(found, text, "Kivu Democratic Union")
    assert org.actor is not None
    assert org.actor.kind is ActorKind.ORGANIZATION
    assert found.acronyms[0][0] == "KDU"


def test_demonym_with_official_noun_is_an_official_of_that_state() -> None:
    text = "Turkmen officials arrived in the capital."
    m = actor_at(mentions(text), text, "Turkmen")
    assert text[m.start : m.end] in ("Turkmen", "Turkmen officials")
    assert m.role is Role.OFFICIAL
    assert m.actor is not None
    assert m.actor.kind is ActorKind.STATE
    assert m.actor.country == "TKM"


def test_bare_demonym_is_no_actor() -> None:
    text = "The Turkmen carpet was sold."
    assert mentions(text).actors == ()


def test_country_and_organization_names() -> None:
    text = "Russia and NATO disagreed."
    found = mentions(text)
    russia = actor_at(found, text, "Russia")
    nato = actor_at(found, text, "NATO")
    assert russia.role is Role.STATE
    assert russia.actor is not None
    assert russia.actor.country == "RUS"
    assert nato.actor is not None
    assert nato.actor.organization == "NATO"


def test_lone_unknown_place_after_in() -> None:
    text = "They gathered in Zorvat yesterday."
    found = mentions(text)
    place = place_named(found, "Zorvat")
    assert place.prep == "in"
    assert text[place.start : place.end] == "Zorvat"
    assert place.location.country is None
    assert found.actors == ()


def test_known_city_has_its_country() -> None:
    text = "Talks were held in Doha."
    place = place_named(mentions(text), "Doha")
    assert place.location.kind is LocationKind.CITY
    assert place.location.country == "QAT"
    assert place.prep == "in"


def test_border_between_two_demonyms() -> None:
    text = "Troops massed near the Afghan-Tajik border."
    place = place_named(mentions(text), "Afghan-Tajik border")
    assert place.location.kind is LocationKind.BORDER
    assert place.prep == "near"
    assert text[place.start : place.end] == "Afghan-Tajik border"


def test_group_noun_and_pronoun_wait_for_resolution() -> None:
    text = "He said the insurgents had left."
    found = mentions(text)
    roles = {text[a.start : a.end]: a for a in found.actors}
    assert roles["He"].role is Role.PRONOUN
    assert roles["He"].actor is None
    assert roles["the insurgents"].role is Role.GROUP
    assert roles["the insurgents"].actor is None


def test_lone_capitalized_word_is_a_surname_candidate() -> None:
    text = "Later, Hajiev spoke."
    m = actor_at(mentions(text), text, "Hajiev")
    assert m.role is Role.PERSON
    assert m.actor is None
    assert m.surname == "Hajiev"


def test_offsets_survive_normalization() -> None:
    # a non-breaking space and curly quotes are normalized, offsets still fit the input
    text = "\u201cNo,\u201d said Russian\u00a0President Vladimir Putin in Doha."
    found = mentions(text)
    m = actor_at(found, text, "Vladimir Putin")
    assert m.actor is not None
    assert m.actor.country == "RUS"
    for a in found.actors:
        if a.actor is not None and a.actor.mention is not None:
            span = a.actor.mention
            assert text[span.start : span.end] == span.text
    for p in found.places:
        assert p.location.mention is not None
        assert text[p.location.mention.start : p.location.mention.end] == p.location.mention.text


def test_first_name_jan_is_a_person() -> None:
    text = "Polish Prime Minister Jan Nowak spoke."
    m = actor_at(mentions(text), text, "Nowak")
    assert m.actor is not None
    assert m.actor.name == "Jan Nowak"
    assert m.actor.country == "POL"


def test_organization_name_with_for_and() -> None:
    text = "The Alliance for Change and Renewal (ACR) attacked."
    found = mentions(text)
    assert [acr for acr, _ in found.acronyms] == ["ACR"]
    assert found.acronyms[0][1].name == "Alliance for Change and Renewal"


def test_a_possessive_ends_a_name() -> None:
    text = "President Ruto's State Visit to Ghana was a success."
    found = mentions(text)
    ruto = actor_at(found, text, "President Ruto")
    assert ruto.actor is not None
    assert ruto.actor.name == "Ruto"
    assert all("State" not in (p.location.name or "") for p in found.places)


def test_a_place_head_must_end_the_name_unless_it_may_lead() -> None:
    text = "Troops moved from Shan State to Lake Chad and the Province of Kandor."
    found = mentions(text)
    assert {p.location.name for p in found.places} >= {"Shan State", "Lake Chad"}
    assert place_named(found, "Province of Kandor").location.kind is LocationKind.REGION
    speaker = "The House Speaker met the State Visit Committee."
    assert all(p.location.kind is None for p in mentions(speaker).places)


def test_an_institution_word_ending_a_name_belongs_to_it() -> None:
    text = "Troops clashed with the National Liberation Army (ELN) near the border."
    body = actor_at(mentions(text), text, "National Liberation Army")
    assert body.actor is not None
    assert (body.actor.name, body.actor.organization) == ("National Liberation Army", "ELN")


def test_armed_group_named_after_a_place() -> None:
    text = "The Benghazi Defence Brigades said they had left Ajdabiya for Benghazi."
    found = mentions(text)
    group = actor_at(found, text, "Defence Brigades")
    assert group.actor is not None
    assert group.actor.name == "Benghazi Defence Brigades"
    assert group.actor.kind is ActorKind.ARMED_GROUP
    # the group's first word is no place; the town the sentence names still is
    assert [p.location.name for p in found.places if p.start < group.end] == []
    assert place_named(found, "Benghazi").start > group.end
    # a place before a word that heads no armed group stays a place
    plain = "Benghazi Residents said they had left."
    assert place_named(mentions(plain), "Benghazi").start == 0


def test_secretaries_and_ranks_keep_the_nationality() -> None:
    text = "Philippine Foreign Affairs Secretary Ramon Villareal spoke."
    person = actor_at(mentions(text), text, "Ramon Villareal").actor
    assert person is not None
    assert (person.country, person.title) == ("PHL", "Foreign Affairs Secretary")
    text = "Chinese defence ministry spokesperson Senior Colonel Wu Hao spoke."
    person = actor_at(mentions(text), text, "Wu Hao").actor
    assert person is not None
    assert (person.name, person.country) == ("Wu Hao", "CHN")


def test_a_city_naming_an_agreement_is_neither_place_nor_party() -> None:
    text = "The talks were held under the Helsinki accords and the Minsk agreements."
    found = mentions(text)
    assert found.places == ()
    assert found.actors == ()
    # a city naming a meeting is still where it was held
    assert place_named(mentions("Leaders met at the Tehran summit."), "Tehran").prep == "at"


def test_historical_blocs_are_organizations() -> None:
    text = "Warsaw Pact forces began manoeuvres while Bosnian Serb forces shelled the town."
    found = mentions(text)
    pact = actor_at(found, text, "Warsaw Pact").actor
    vrs = actor_at(found, text, "Bosnian Serb forces").actor
    assert pact is not None
    assert vrs is not None
    assert (pact.organization, vrs.organization) == ("Warsaw Pact", "VRS")


def test_a_backer_before_a_hyphen_is_no_party() -> None:
    text = "Iran-backed Houthi rebels and Al-Qaeda-linked fighters advanced."
    found = mentions(text)
    keys = {a.actor.country or a.actor.organization for a in found.actors if a.actor}
    assert keys == {"Houthis"}
    # "-led" names the leader: "the Saudi-led coalition" is Saudi Arabia's
    text = "US-led forces advanced."
    assert actor_at(mentions(text), text, "US").actor is not None


def test_a_counterpart_with_an_honorific_takes_the_state_before_the_role() -> None:
    text = "Araghchi met his Saudi counterpart Prince Khalid bin Saud in Riyadh."
    person = actor_at(mentions(text), text, "Khalid bin Saud").actor
    assert person is not None
    assert (person.name, person.country, person.title) == ("Khalid bin Saud", "SAU", "Prince")


def test_a_known_town_keeps_its_article_as_written() -> None:
    found = mentions("Israel returned the town of El Arish to Egypt.")
    town = place_named(found, "El Arish")
    assert town.location.country == "EGY"
    assert town.location.mention is not None
    assert town.location.mention.text == "El Arish"


def test_a_known_place_ending_a_longer_name_is_part_of_it() -> None:
    text = "Defence Minister Hassan Ali Farah met envoys in Mogadishu."
    person = actor_at(mentions(text), text, "Hassan Ali Farah").actor
    assert person is not None
    assert person.name == "Hassan Ali Farah"
    found = mentions("Troops recaptured the town of Mocímboa da Praia.")
    assert [p.location.name for p in found.places] == ["Mocímboa da Praia"]
    # a sentence-opening word is no part of the name: "In Rakhine State", "The White House"
    assert place_named(mentions("In Rakhine State, troops advanced."), "Rakhine State").prep == "in"


def test_an_ambassador_to_a_body_is_his_states() -> None:
    text = "Kenya's ambassador to the UN, Peter Otieno, rejected the accusation."
    person = actor_at(mentions(text), text, "Peter Otieno").actor
    assert person is not None
    assert (person.country, person.organization) == ("KEN", None)


def test_a_national_army_or_police_after_a_demonym_is_the_state() -> None:
    for text, words, code in [
        ("The Somali National Army (SNA) retook the village.", "Somali National Army", "SOM"),
        ("The Haitian National Police said two officers were hurt.", "Haitian National Police",
         "HTI"),
    ]:  # fmt: skip
        found = mentions(text)
        actor = actor_at(found, text, words).actor
        assert actor is not None
        assert actor.kind is ActorKind.STATE
        assert actor.country == code
        assert actor.title == words


def test_a_mission_of_a_body_is_an_organization_not_a_person() -> None:
    text = "The African Union Transition Mission in Somalia said the talks were useful."
    found = mentions(text)
    assert all(a.role.value != "person" for a in found.actors)


def test_a_states_armed_forces_with_a_qualifier_are_the_state() -> None:
    text = "Venezuela's National Bolivarian Armed Forces held drills."
    actor = actor_at(mentions(text), text, "Armed Forces").actor
    assert actor is not None
    assert actor.kind is ActorKind.STATE
    assert actor.country == "VEN"


def test_a_demonym_before_capital_is_that_states_capital() -> None:
    found = mentions("Rebels advanced on the Malian capital on Monday.")
    [place] = [p for p in found.places if p.location.kind is LocationKind.CITY]
    assert (place.location.name, place.location.country) == ("Bamako", "MLI")


def test_a_title_of_a_state_after_a_name_gives_the_persons_state() -> None:
    text = "During talks with Fernando Ruiz, Minister of Foreign Affairs of Panama, they spoke."
    ruiz = actor_at(mentions(text), text, "Fernando Ruiz").actor
    assert ruiz is not None
    assert (ruiz.country, ruiz.title) == ("PAN", "Minister of Foreign Affairs")


def test_a_spokesman_of_a_states_opposition_is_not_the_states() -> None:
    text = "A spokesman for the Afghan opposition, Mohammed Abil, said the town had fallen."
    abil = actor_at(mentions(text), text, "Mohammed Abil").actor
    assert abil is not None
    assert abil.country is None


def test_places_keep_the_ground_they_are_called_by() -> None:
    from diplo_events._parsing.annotate.mentions import with_grounds

    text = "Rebels shelled the towns of Kunduz and Kandahar, then took Herat, a provincial capital."
    found = mentions(text)
    grounds = {
        text[p.start : p.end]: p.ground
        for p in with_grounds(text, 0, len(text), list(found.places))
    }
    assert grounds == {"Kunduz": "town", "Kandahar": "town", "Herat": "town"}


def test_an_office_of_a_region_is_of_the_region_s_state() -> None:
    text = "Museveni received Ali Musa, the Governor of Chiapas, on Monday."
    m = actor_at(mentions(text), text, "Ali Musa")
    assert m.actor is not None
    assert m.actor.country == "MEX"


def test_an_appositive_before_the_name_after_a_closing_quote() -> None:
    text = '"The drill went well," Chile\'s northern army commander, General Ana Rojas, said.'
    m = actor_at(mentions(text), text, "Ana Rojas")
    assert m.actor is not None
    assert m.actor.country == "CHL"
