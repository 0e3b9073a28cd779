"""The reading rules of the seventh issue-11 round, one short story each, written for the test (no test item
was written or changed). Round seven reads arrests told with other verbs (a surrender, a capture, a hand-over
to the court), and no arrest where it was only almost made or was made of other people. Each case states the
events the rules must read, no more."""

import pytest

from newsread import read_events


def _events(kb, text: str, published: str) -> set[tuple[str, ...]]:
    return read_events(kb, text, published, dated_by_text=True)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Dominic Ongwen surrendered in the Central African Republic on Monday.", "2015-01-07",
         {("dominic-ongwen", "CAF", "2015-01-05", "arrest")}),
        ("Dominic Ongwen was captured in the Central African Republic on Monday.", "2015-01-07",
         {("dominic-ongwen", "CAF", "2015-01-05", "arrest")}),
        ("Dominic Ongwen was transferred to ICC custody from the Central African Republic on Monday.", "2015-01-07",
         {("dominic-ongwen", "CAF", "2015-01-05", "arrest")}),
        ("Al Hassan was handed over to the court by the Malian authorities on Saturday.", "2018-04-04",
         {("al-hassan", "MLI", "2018-03-31", "arrest")}),
        ("Al Hassan was surrendered to the Court by the Malian authorities on Saturday.", "2018-04-04",
         {("al-hassan", "MLI", "2018-03-31", "arrest")}),
        # the troops he surrendered to are not where he surrendered
        ("Dominic Ongwen surrendered on Monday to Ugandan and U.S. troops in the Central African Republic.",
         "2015-01-07", {("dominic-ongwen", "CAF", "2015-01-05", "arrest")}),
    ],
)
def test_a_surrender_or_capture_is_an_arrest(kb, text, published, expected):
    assert _events(kb, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Omar al-Bashir was almost arrested in South Africa.", "2016-03-04", set()),
        ("Omar al-Bashir was nearly detained in South Africa last year.", "2016-03-04", set()),
        # others arrested while the person was there: his presence, not his arrest
        ("Police arrested dozens of protesters as Benjamin Netanyahu spoke in Washington on Wednesday.",
         "2024-07-24", {("benjamin-netanyahu", "USA", "2024-07-24", "occurred")}),
        ("Five people have been arrested as Benjamin Netanyahu spoke in Washington on Wednesday.",
         "2024-07-24", {("benjamin-netanyahu", "USA", "2024-07-24", "occurred")}),
        # his own arrest stays one
        ("Benjamin Netanyahu was arrested in Washington on Wednesday.", "2024-07-24",
         {("benjamin-netanyahu", "USA", "2024-07-24", "arrest")}),
    ],
)
def test_an_arrest_almost_made_or_made_of_others_is_not_the_persons(kb, text, published, expected):
    assert _events(kb, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("President Rodrigo Duterte's pre-recorded message was played at the UN General Assembly in New York on "
         "Tuesday.", "2020-09-23", {("rodrigo-duterte", "USA", "2020-09-22", "remote")}),
        ("Vladimir Putin addressed the summit in Johannesburg on Wednesday in a recorded video message.",
         "2023-08-24", {("vladimir-putin", "ZAF", "2023-08-23", "remote")}),
    ],
)
def test_a_recorded_message_played_is_video_participation(kb, text, published, expected):
    assert _events(kb, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the means to a trip sought, not the trip
        ("Friedrich Merz said on Monday that he would find a way for Benjamin Netanyahu to come, and vowed to find "
         "ways for him to visit Germany without being arrested.", "2025-02-24", set()),
        ("Merz said he had told Benjamin Netanyahu by phone that they would find ways and means for him to visit "
         "Germany and leave again.", "2025-02-24", set()),
        # an invitation with a relative clause between the invited and the visit
        ("Friedrich Merz has invited Benjamin Netanyahu, who faces an arrest warrant of the International "
         "Criminal Court, to come on a visit to Germany.", "2025-02-24", set()),
        # a trip told as made stays one, whatever it makes possible
        ("Benjamin Netanyahu will visit Germany next week, a trip that makes it possible for him to meet Merz.",
         "2025-02-24", {("benjamin-netanyahu", "DEU", "2025-03", "planned")}),
        ("Benjamin Netanyahu, who was invited by Merz last year, will visit Germany next week.", "2025-02-24",
         {("benjamin-netanyahu", "DEU", "2025-03", "planned")}),
    ],
)
def test_an_invitation_or_the_means_to_a_trip_is_no_trip(kb, text, published, expected):
    assert _events(kb, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Paul Gicheru surrendered to the authorities of the Netherlands on Monday.", "2020-11-03",
         {("paul-gicheru", "NLD", "2020-11-02", "arrest")}),
        # taken to the court's seat after an arrest elsewhere: the arrest is there, not in the Netherlands
        ("Paul Gicheru was flown to The Hague on Monday after his arrest in Kenya.", "2020-11-03",
         {("paul-gicheru", "KEN", "2020-11-02", "arrest")}),
    ],
)
def test_a_surrender_to_the_dutch_authorities_is_an_arrest_in_the_netherlands(kb, text, published, expected):
    assert _events(kb, text, published) == expected
