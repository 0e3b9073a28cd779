"""The reading rules of the fifth issue-11 round, one short story each, written for the test: a trip told
on the day of the report (a live or same-day report that never names the day of the trip itself, but
tells the person "today", on the report's weekday, or at the same time as a dated statement). Each case
states the events the rules must read, no more."""

import datetime as dt

import pytest

from newsread import read_events
from warrantwatch.news.extract import extract


def _events(kb, text: str, published: str) -> set[tuple[str, ...]]:
    return read_events(kb, text, published, with_date_from=True)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a live report: the landing has no day, the meetings of the person "today" give it
        ("Vladimir Putin landed in Pyongyang at about 03:00 local time and was met by Kim Jong Un. Putin and Kim "
         "have a string of meetings today.", "2024-06-19",
         {("vladimir-putin", "PRK", "2024-06-19", "occurred", "text")}),
        # the report's weekday, told of the person by pronoun
        ("Vladimir Putin landed in Alaska and shook hands with Donald Trump on the tarmac. On Friday he was "
         "confronted by a reporter who shouted: \"When will you stop killing civilians?\" He did not react.",
         "2025-08-15",
         {("vladimir-putin", "USA", "2025-08-15", "occurred", "text")}),
        # a stay told at the same time as a dated statement ("just as", "to coincide with")
        ("Hungary announced on Thursday that it will leave the court, just as Viktor Orban was hosting Benjamin "
         "Netanyahu in Budapest.", "2025-04-03", {("benjamin-netanyahu", "HUN", "2025-04-03", "occurred", "text")}),
        # a journey under way, reported on the day
        ("Omar al-Bashir is on his way to the Arab League summit in Baghdad, state radio reported on Wednesday.",
         "2012-03-28", {("omar-al-bashir", "IRQ", "2012-03-28", "occurred", "text")}),
    ],
)
def test_a_trip_told_on_the_day_of_the_report_takes_that_day(kb, text, published, expected):
    assert _events(kb, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the person speaks on the report's day: the day is the statement's, not the trip's
        ("Vladimir Putin landed in Pyongyang at night. Putin said today that ties were strong.", "2024-06-19",
         {("vladimir-putin", "PRK", "2024-06", "occurred", "publication")}),
        # leaving is the end of a stay, not its day
        ("Omar al-Bashir attended the summit in Johannesburg. Bashir flew home today, defying a court order.",
         "2015-06-15", {("omar-al-bashir", "ZAF", "2015-06", "occurred", "publication")}),
    ],
)
def test_the_report_day_is_not_taken_where_it_is_not_the_trip_s(kb, text, published, expected):
    assert _events(kb, text, published) == expected


def test_the_report_day_of_a_stand_in_or_a_dateline_is_not_the_person_s(kb):
    # the stand-in arrives that day; the person he represents joins by video and has no day of the report
    (event,) = extract(kb, "Sergey Lavrov arrived in South Africa on Tuesday to attend the BRICS summit in "
                           "Johannesburg, where he is representing President Vladimir Putin. Putin will instead "
                           "take part in the summit virtually.", dt.date(2023, 8, 22))
    assert (event.host, event.kind, event.date_from) == ("ZAF", "remote", "publication")
    # "Moscow, Mar 25 (EFE).-": the day the report was filed, not a day of the person's
    (event,) = extract(kb, "Moscow, Mar 25 (EFE).- Vladimir Putin faces an awkward choice. His only visit beyond "
                           "the region was to Iran.", dt.date(2023, 3, 25))
    assert event.host == "IRN" and event.date_from == "publication"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the talks in Beijing are on Tuesday, the stay in China began a day before, in Tianjin
        ("Xi Jinping welcomed Vladimir Putin on Tuesday as the two began a series of meetings in Beijing. The "
         "talks come a day after both men attended a summit in the Chinese city of Tianjin.",
         {("vladimir-putin", "CHN", "2025-09-01", "occurred", "text")}),
        # a stay elsewhere before the talks does not move their day
        ("Xi Jinping welcomed Vladimir Putin on Tuesday as the two began a series of meetings in Beijing. The "
         "talks come a day after Putin attended a summit in Minsk.",
         {("vladimir-putin", "CHN", "2025-09-02", "occurred", "text")}),
    ],
)
def test_a_stay_told_as_a_day_before_the_talks_dates_the_trip(kb, text, expected):
    assert {e for e in _events(kb, text, "2025-09-02") if e[1] == "CHN"} == expected


def test_the_day_of_a_stand_in_told_in_a_relative_clause_is_not_the_trip_s(kb):
    # "this week" dates the summit he stays away from; Tuesday is the day the stand-in travelled
    events = _events(kb, "Benjamin Netanyahu did not attend the World Economic Forum in Davos this week. The Israeli "
                         "premier was replaced at the gathering by President Isaac Herzog, who travelled to Davos on "
                         "Tuesday.", "2026-01-23")
    assert {e[:4] for e in events} == {("benjamin-netanyahu", "CHE", "2026-01", "cancelled")}
    # told alone: he was replaced, so he stayed away
    events = _events(kb, "Benjamin Netanyahu was replaced at the gathering in Davos by President Isaac Herzog, who "
                         "travelled there on Tuesday.", "2026-01-23")
    assert {(e[1], e[3]) for e in events} == {("CHE", "cancelled")}


def test_a_place_in_a_clause_of_another_subject_that_publishes_is_no_stop(kb):
    # the first Anchorage is where Trump flies to meet Putin; the second is in the White House's clause
    assert _events(kb, "Donald Trump took off from Washington for Anchorage to meet Vladimir Putin, and the White "
                       "House has released a schedule for the bilateral events in Anchorage.", "2025-08-15") == set()
    # the person's own clause still tells his trip
    assert {e[1:4:2] for e in _events(kb, "Vladimir Putin landed in Anchorage, and the White House has released a "
                                          "schedule for the talks.", "2025-08-15")} == {("USA", "occurred")}


def test_bali_is_a_place_of_indonesia(kb):
    # Bali is the province ID-BA of ISO 3166-2:ID (pycountry's subdivisions); the summit's day is told later
    events = _events(kb, "Vladimir Putin has decided not to go to the coming G20 summit in Bali. The summit will be "
                         "held on Bali on November 15-16.", "2022-11-10")
    assert {e[:4] for e in events} == {("vladimir-putin", "IDN", "2022-11-15", "cancelled")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list after a colon names the states of the class the verb governs
        ("Since the court announced it, Vladimir Putin has left Russia only to visit states that are not parties "
         "to the court: China and the former Soviet republics Belarus, Kazakhstan and Kyrgyzstan.",
         {"CHN", "BLR", "KAZ", "KGZ"}),
        # "the former Soviet republics Belarus, ...": the class noun before the names does not break the list
        ("Vladimir Putin has left Russia only to visit China and the former Soviet republics Belarus and "
         "Kazakhstan.", {"CHN", "BLR", "KAZ"}),
        # a colon after a class the person avoids names no trip
        ("Vladimir Putin has avoided states that are parties to the court: France and Germany among them.", set()),
    ],
)
def test_a_list_after_a_colon_takes_the_role_of_the_class_before_it(kb, text, expected):
    assert {e[1] for e in _events(kb, text, "2023-12-06") if e[3] == "occurred"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a visit in a quotation of the person's aide, with no person named in it, is the person's plan
        ("Vladimir Putin's calendar of foreign visits is almost settled, presidential aide Yury Ushakov said. "
         "\"As of today, it is important to pay a visit to China, and we will announce the date soon,\" Ushakov "
         "said. \"A trip to Turkey is on the agenda,\" the aide went on.",
         {("vladimir-putin", "CHN", "2024-05", "planned", "publication"),
          ("vladimir-putin", "TUR", "2024-05", "planned", "publication")}),
        # a speaker who is not the person's aide speaks of his own plans
        ("Vladimir Putin's calendar of foreign visits is almost settled. \"It is important to pay a visit to "
         "China,\" Zelensky said.", set()),
    ],
)
def test_a_visit_quoted_from_the_person_s_aide_is_the_person_s_plan(kb, text, expected):
    assert _events(kb, text, "2024-05-07") == expected


def test_that_morning_is_the_day_named_before(kb):
    # "that morning" is the Tuesday named in the sentence before; the flight to The Hague is no other trip
    events = _events(kb, "Rodrigo Duterte has left Manila on a plane bound for The Hague. President Marcos told a "
                         "press conference late on Tuesday that the aircraft had taken off. The arrest itself came "
                         "that morning. Duterte was detained at Manila's main airport after flying back from Hong "
                         "Kong.", "2025-03-11")
    assert {e[:4] for e in events} == {("rodrigo-duterte", "PHL", "2025-03-11", "arrest")}


def test_next_month_s_meeting_dates_the_trip_told_before(kb):
    # the remote attendance has no date of its own; "next month's meeting" gives it the month
    events = _events(kb, "Vladimir Putin will take part in the BRICS summit in South Africa by video link, Dmitry "
                         "Peskov said. Peskov said that Putin's part in next month's meeting would be full.",
                     "2023-07-19")
    assert events == {("vladimir-putin", "ZAF", "2023-08", "remote", "text")}
    # a trip with its day keeps it
    events = _events(kb, "Vladimir Putin will take part in the BRICS summit in South Africa by video link on August "
                         "22. Putin's part in next month's meeting will be full.", "2023-07-19")
    assert {e[2] for e in events} == {"2023-08-22"}


def test_the_day_scheduled_in_a_sentence_that_names_only_the_person_s_own_state(kb):
    # "Russia will be represented" names the person's own state, not a place of the trip: the meeting's
    # scheduled day still dates the summit he stays away from
    events = _events(kb, "The Kremlin has confirmed that Vladimir Putin will not attend next month's G20 summit in "
                         "Johannesburg in person. \"Putin will not participate personally, but Russia will be "
                         "represented,\" Peskov said, adding that the meeting is scheduled for November 22-23.",
                     "2025-10-22")
    assert {e[:4] for e in events} == {("vladimir-putin", "ZAF", "2025-11-22", "cancelled")}
