"""Round ten: the test sets' conventions (tests/data/CONVENTIONS.md) read as mechanisms, one short story each,
written for the test (no test item was written or changed). Each case states the events the rules must read,
no more."""

import pytest

from newsread import read_events


def _events(kb, text: str, published: str) -> set[tuple[str, ...]]:
    return read_events(kb, text, published, dated_by_text=True)


# Same-day trips: the trip verb in the present or present perfect dates the trip by the report's day.
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Vladimir Putin is visiting Mongolia, where he was met by an honour guard.", "2024-09-03",
         {("vladimir-putin", "MNG", "2024-09-03", "occurred")}),
        ("Vladimir Putin is staying in Mongolia for talks with its president.", "2024-09-03",
         {("vladimir-putin", "MNG", "2024-09-03", "occurred")}),
        ("Russian President Vladimir Putin has come to Mongolia for talks with its president.", "2024-09-03",
         {("vladimir-putin", "MNG", "2024-09-03", "occurred")}),
    ],
)
def test_a_trip_told_in_its_present_is_of_the_reports_day(kb, text, published, expected):
    assert _events(kb, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the past tense without a day, and a plan without a day, stay undated
        ("Vladimir Putin visited Mongolia for talks with its president.", "2024-09-03",
         {("vladimir-putin", "MNG", "", "occurred")}),
        ("Vladimir Putin will visit Mongolia for talks with its president.", "2024-09-03",
         {("vladimir-putin", "MNG", "", "planned")}),
        # a present told of another subject is not the person's trip of that day
        ("Xi Jinping, who is on his first trip abroad, is attending the summit in Samarkand.", "2022-09-16",
         set()),
    ],
)
def test_a_past_or_planned_trip_without_a_day_stays_undated(kb, text, published, expected):
    assert _events(kb, text, published) == expected


# A hand-over by the custodial state is an arrest there on the day of the hand-over; the transfer is no trip.
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Ivory Coast handed Charles Ble Goude, a youth leader and ally of the former president, over to the "
         "International Criminal Court on Saturday.", "2014-03-24",
         {("charles-ble-goude", "CIV", "2014-03-22", "arrest")}),
        ("On Friday, Thomas Lubanga was turned over to the International Criminal Court by the government of the "
         "Democratic Republic of the Congo.", "2006-03-20",
         {("thomas-lubanga-dyilo", "COD", "2006-03-17", "arrest")}),
        ("The Congolese authorities turned Thomas Lubanga over to the ICC on Friday.", "2006-03-20",
         {("thomas-lubanga-dyilo", "COD", "2006-03-17", "arrest")}),
        ("The Ivorian army handed Charles Ble Goude over to the Court on Saturday.", "2014-03-24",
         {("charles-ble-goude", "CIV", "2014-03-22", "arrest")}),
    ],
)
def test_a_hand_over_by_the_custodial_state_is_an_arrest_there(kb, text, published, expected):
    assert _events(kb, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Charles Ble Goude was flown to The Hague on Saturday.", "2014-03-24", set()),
        ("The court asked Ivory Coast to hand Charles Ble Goude over.", "2014-03-24", set()),
    ],
)
def test_no_hand_over_no_arrest(kb, text, published, expected):
    assert _events(kb, text, published) == expected


# Video participation is remote, hosted by the venue or chair named for the meeting, also in a later sentence.
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("President Rodrigo Duterte will take part virtually in the summits of the Association of Southeast Asian "
         "Nations. The summits will be held from Oct. 26 to 28 in Bandar Seri Begawan, the capital of Brunei.",
         "2021-10-25", {("rodrigo-duterte", "BRN", "2021-10-26", "remote")}),
        ("Rodrigo Duterte will join the ASEAN summit by videoconference on Friday. The summit is chaired this year "
         "by Vietnam.", "2020-06-22", {("rodrigo-duterte", "VNM", "2020-06-26", "remote")}),
        ("Vladimir Putin will take part in the APEC summit via video link on Friday. The meeting will be held under "
         "the chairmanship of Malaysia.", "2020-11-16", {("vladimir-putin", "MYS", "2020-11-20", "remote")}),
    ],
)
def test_video_participation_is_hosted_by_the_meetings_venue(kb, text, published, expected):
    assert _events(kb, text, published) == expected


def test_a_press_conference_is_no_venue_of_the_meeting(kb):
    text = ("President Rodrigo Duterte will take part virtually in the summits of the Association of Southeast "
            "Asian Nations, a spokesman told a press conference held in Manila.")
    assert _events(kb, text, "2021-10-25") == set()
