"""The date and kind readings of the eighth issue-11 round ("Round eight: dates"), one short story each,
written for the test (no test item was written or changed). Each case states the events the rules must read,
no more; the negative cases hold each rule's limits."""

import datetime as dt

import pytest

from newsread import read_events
from warrantwatch.news.dates import find_dates


def _events(kb, text: str, published: str) -> set[tuple[str, ...]]:
    return read_events(kb, text, published, dated_by_text=True)


@pytest.mark.parametrize(
    ("sentence", "future", "first"),
    [
        # a day told with "last year" is of the year before the report's, whatever the tense around it
        ("His first visit took place on October 25 to 27 last year.", None, dt.date(2016, 10, 25)),
        ("He was there on 5 March last year.", None, dt.date(2016, 3, 5)),
        ("He will return on March 5 next year.", True, dt.date(2018, 3, 5)),
        ("He was there on 5 March this year.", False, dt.date(2017, 3, 5)),
        # without it, the nearest such day in the direction of the tense (as before)
        ("He was there on October 5.", False, dt.date(2017, 10, 5)),
        ("He will be there on October 5.", True, dt.date(2018, 10, 5)),
    ],
)
def test_a_day_with_last_or_next_year(sentence, future, first):
    found = find_dates(sentence, dt.date(2017, 10, 26), future)
    assert [d.first for d in found] == [first]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the called-off plan told in the past perfect after an earlier visit is that visit's return, not
        # the visit announced for March
        ("Benjamin Netanyahu will travel to Argentina from March 12 to 14. His first visit to Argentina took "
         "place on September 11 to 13 last year. He had been due back to speak at a forum, but that trip was "
         "called off.", "2018-03-01",
         {("benjamin-netanyahu", "ARG", "2018-03-12", "planned"),
          ("benjamin-netanyahu", "ARG", "2017-09-11", "occurred")}),
        # with no other trip told, the plan called off may be the one announced: called off, as before
        ("Benjamin Netanyahu will travel to Argentina. He had been due back to speak at a forum, but that trip "
         "was called off.", "2018-03-01", {("benjamin-netanyahu", "ARG", "", "cancelled")}),
        # a called-off trip told without "had been due" still calls off the one announced visit
        ("Benjamin Netanyahu will travel to Argentina next month. The president decided to cancel this visit.",
         "2018-03-01", {("benjamin-netanyahu", "ARG", "2018-04", "cancelled")}),
    ],
)
def test_a_mention_without_a_date_is_of_the_trip_told_last(kb, text, published, expected):
    assert _events(kb, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the place an invitation names is no trip; the meeting where it was made is
        ("Abe invited Rodrigo Duterte to Japan when the two last met, in Laos last month.", "2016-10-11",
         {("rodrigo-duterte", "LAO", "2016-09", "occurred")}),
        ("Abe invited him to Japan.", "2016-10-11", set()),
        # an invitation accepted is a plan of the one invited, not of the one who invites (who is wanted too)
        ("Rodrigo Duterte has accepted Benjamin Netanyahu's invitation to visit Israel on November 2 to 5.",
         "2016-10-11", {("rodrigo-duterte", "ISR", "2016-11-02", "planned")}),
        # the day given in that sentence dates the visit announced before it for "next month"
        ("Rodrigo Duterte will visit Israel next month, his office said. The President has accepted Benjamin "
         "Netanyahu's invitation to visit Israel on November 2 to 5.", "2016-10-11",
         {("rodrigo-duterte", "ISR", "2016-11-02", "planned")}),
        # a trip he makes, with the invitation told after it, stays his trip
        ("Rodrigo Duterte will fly to Japan on Oct. 25 to meet Abe, who invited him to Tokyo in September.",
         "2016-10-11", {("rodrigo-duterte", "JPN", "2016-10-25", "planned")}),
    ],
)
def test_an_invitation_is_no_trip_and_an_accepted_one_is_a_plan(kb, text, published, expected):
    assert _events(kb, text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "were due to", "were supposed to": a plan, as "was due to" is (the prefilter lacked the plural)
        ("Benjamin Netanyahu and his delegation were due to fly to Japan on Monday.",
         {("benjamin-netanyahu", "JPN", "2019-08-12", "planned")}),
        ("Benjamin Netanyahu and his wife were supposed to visit Japan.",
         {("benjamin-netanyahu", "JPN", "", "planned")}),
    ],
)
def test_a_plural_plan_is_a_plan(kb, text, expected):
    assert _events(kb, text, "2019-08-12") == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "next week" told on Thursday January 22, 2026: January 26 to February 1, most of it in January
        ("Vladimir Putin will visit Mongolia next week.", "2026-01-22",
         {("vladimir-putin", "MNG", "2026-01", "planned")}),
        # told on Wednesday January 28: February 2 to 8, all in February (as before)
        ("Vladimir Putin will visit Mongolia next week.", "2026-01-28",
         {("vladimir-putin", "MNG", "2026-02", "planned")}),
        # a day told later dates it even in the week's other month (the whole week is kept while reading)
        ("Vladimir Putin will visit Mongolia next week. The visit is scheduled for February 1.", "2026-01-22",
         {("vladimir-putin", "MNG", "2026-02-01", "planned")}),
    ],
)
def test_a_week_across_two_months_is_dated_to_the_month_of_most_of_it(kb, text, published, expected):
    assert _events(kb, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a mention without its own date is the trip told last: the video link is the summit's, told just before
        ("Vladimir Putin visited South Africa in 2019. Vladimir Putin will not attend next month's summit in "
         "South Africa, the presidency said. Vladimir Putin will take part in the summit by video link from Russia.",
         "2023-07-19", {("vladimir-putin", "ZAF", "2019", "occurred"),
                        ("vladimir-putin", "ZAF", "2023-08", "remote")}),
    ],
)
def test_a_mention_without_a_date_goes_to_the_nearest_trip(kb, text, published, expected):
    assert _events(kb, text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb of a "since" clause is the time a count runs from, not the tense of the trip
        ("Benjamin Netanyahu flies to Washington on Tuesday. It is his sixth trip since Trump returned to office.",
         {("benjamin-netanyahu", "USA", "2026-02-10", "planned")}),
        # a past verb outside the clause still tells the past
        ("Benjamin Netanyahu flew to Washington on Tuesday. It was his sixth trip since Trump returned to office.",
         {("benjamin-netanyahu", "USA", "2026-02-10", "occurred")}),
    ],
)
def test_the_verb_of_a_since_clause_is_not_the_tense_of_the_trip(kb, text, expected):
    assert _events(kb, text, "2026-02-10") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day he came back from a stop is not the day of the stay: the stay is told without its day
        ("On Monday Omar al-Bashir returned from Saudi Arabia, where he performed the Hajj and held talks with "
         "the Crown Prince.", {("omar-al-bashir", "SAU", "", "occurred")}),
        # a day told inside the "where" clause is the stay's own
        ("Omar al-Bashir returned from Saudi Arabia, where he held talks with the Crown Prince on Monday.",
         {("omar-al-bashir", "SAU", "2014-10-06", "occurred")}),
    ],
)
def test_the_day_of_a_return_from_a_stop_is_not_the_stays(kb, text, expected):
    assert _events(kb, text, "2014-10-09") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the occasion a trip dated to its week is for, dated in another sentence: before its noun or after it
        ("Benjamin Netanyahu cancelled his trip to Colombia next week for the inauguration of the new president. "
         "Many presidents are due at the August 7 inauguration.",
         {("benjamin-netanyahu", "COL", "2018-08-07", "cancelled")}),
        ("Benjamin Netanyahu will travel to Colombia next week for the inauguration of the new president. "
         "The inauguration will be held in Bogota on August 7.",
         {("benjamin-netanyahu", "COL", "2018-08-07", "planned")}),
        # an occasion in another state is another occasion
        ("Benjamin Netanyahu will travel to Colombia next week for the inauguration of the new president. "
         "The inauguration in Peru is on August 7.", {("benjamin-netanyahu", "COL", "2018-08", "planned")}),
        # a day outside the trip's week is not its day
        ("Benjamin Netanyahu will travel to Colombia next week for the inauguration of the new president. "
         "Presidents will attend the August 27 inauguration.",
         {("benjamin-netanyahu", "COL", "2018-08", "planned")}),
    ],
)
def test_a_trip_takes_the_day_of_the_occasion_it_is_for(kb, text, expected):
    assert _events(kb, text, "2018-08-02") == expected


@pytest.mark.parametrize(
    ("sentence", "published", "days"),
    [
        # "earlier in the day": the day told before it in the sentence (a statement's), else the report's
        ("Shoigu said on Tuesday after talks in Pyongyang, where he had arrived earlier in the day.", "2025-06-18",
         [dt.date(2025, 6, 17), dt.date(2025, 6, 17)]),
        ("He arrived in Pyongyang earlier in the day.", "2025-06-18", [dt.date(2025, 6, 18)]),
        ("He will land in Khartoum later in the day.", "2015-06-15", [dt.date(2015, 6, 15)]),
    ],
)
def test_earlier_or_later_in_the_day_is_the_day_told(sentence, published, days):
    assert [d.first for d in find_dates(sentence, dt.date.fromisoformat(published))] == days


def test_a_stay_told_earlier_in_the_day_of_a_statement_is_dated(kb):
    text = ("Sergei Shoigu said on Tuesday after talks with Kim Jong Un in Pyongyang, where he had arrived earlier in "
            "the day, that workers would be sent to Kursk.")
    assert _events(kb, text, "2025-06-18") == {("sergei-shoigu", "PRK", "2025-06-17", "occurred")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a video message recorded for a conference is taking part by video (an article before "message")
        ("Vladimir Putin will not speak at the conference in Glasgow on Tuesday, but he has recorded a video "
         "message for its participants.", {("vladimir-putin", "GBR", "2021-11-02", "remote")}),
        ("Vladimir Putin has recorded a message for the summit in Glasgow on Tuesday.",
         {("vladimir-putin", "GBR", "2021-11-02", "remote")}),
        # a message not recorded is no video participation (and tells no trip)
        ("Vladimir Putin has not recorded a video message for the summit in Glasgow on Tuesday.", set()),
    ],
)
def test_a_recorded_video_message_is_remote(kb, text, expected):
    assert _events(kb, text, "2021-11-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline that is a date alone is the report's day, not the day of the trip told after it
        ("27 November 2018 - Benjamin Netanyahu will soon fly to Chad, his office said.",
         {("benjamin-netanyahu", "TCD", "", "planned")}),
        ("Tuesday, 27 November 2018 - Benjamin Netanyahu will soon fly to Chad, his office said.",
         {("benjamin-netanyahu", "TCD", "", "planned")}),
        ("November 27, 2018 - Benjamin Netanyahu will soon fly to Chad, his office said.",
         {("benjamin-netanyahu", "TCD", "", "planned")}),
        # a date in the sentence itself still dates the trip
        ("Benjamin Netanyahu will fly to Chad on 27 November 2018, his office said.",
         {("benjamin-netanyahu", "TCD", "2018-11-27", "planned")}),
    ],
)
def test_a_dateline_of_a_date_alone_dates_no_trip(kb, text, expected):
    assert _events(kb, text, "2018-11-27") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a calling-off said earlier and reversed later in the sentence calls nothing off
        ("Rodrigo Duterte will fly to Japan on Tuesday for the enthronement. His office had earlier said that he "
         "would skip the event; Duterte later said he would attend with a small delegation.",
         {("rodrigo-duterte", "JPN", "2019-10-22", "planned")}),
        # without the later word, it still does
        ("Rodrigo Duterte will fly to Japan on Tuesday for the enthronement. His office has now said that he "
         "would skip the event.", {("rodrigo-duterte", "JPN", "2019-10-22", "cancelled")}),
    ],
)
def test_a_calling_off_reversed_later_calls_nothing_off(kb, text, expected):
    assert _events(kb, text, "2019-10-21") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the stop after "and then" is after the dated one: known to its month, not to its day
        ("Omar al-Bashir sat beside Guelleh at the launch in Djibouti on July 5 and then went on to Uganda.",
         {("omar-al-bashir", "DJI", "2018-07-05", "occurred"), ("omar-al-bashir", "UGA", "2018-07", "occurred")}),
        # a stop with a day of its own keeps it
        ("Omar al-Bashir was in Djibouti on July 5 and then went on to Uganda on July 7.",
         {("omar-al-bashir", "DJI", "2018-07-05", "occurred"), ("omar-al-bashir", "UGA", "2018-07-07", "occurred")}),
    ],
)
def test_the_stop_after_a_dated_one_is_known_to_its_month(kb, text, expected):
    assert _events(kb, text, "2018-07-12") == expected


def test_earlier_in_the_day_is_not_ahead_in_a_sentence_about_the_future(kb):
    # "will send" makes the sentence's days read ahead; "had arrived earlier in the day" is the statement's
    # Tuesday, which is past
    text = ("North Korea will send workers to Russia, Sergei Shoigu said on Tuesday after talks with Kim Jong Un in "
            "Pyongyang, where he had arrived earlier in the day.")
    assert _events(kb, text, "2025-06-18") == {("sergei-shoigu", "PRK", "2025-06-17", "occurred")}


@pytest.mark.parametrize(
    ("sentence", "first", "last"),
    [
        # "the first half of the year": January to June of the report's year, stated as the year
        ("Xi invited him to visit China in the first half of the year.", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        ("He will go in the second half of 2027.", dt.date(2027, 7, 1), dt.date(2027, 12, 31)),
        ("He will go in the first half of next year.", dt.date(2027, 1, 1), dt.date(2027, 6, 30)),
    ],
)
def test_a_half_of_the_year(sentence, first, last):
    found = find_dates(sentence, dt.date(2026, 2, 4), True)
    assert [(d.first, d.last) for d in found] == [(first, last)]
    assert found[0].as_partial.month is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the anniversary of the "Russian-Chinese" treaty is no day of a trip to China
        ("Vladimir Putin accepted an invitation to make an official visit to China in the first half of the year. "
         "July 16 will mark the 25th anniversary of the Russian-Chinese Treaty of Friendship.",
         {("vladimir-putin", "CHN", "2026", "planned")}),
        # a host named as a state still dates the trip ("China hosts the leaders on ...")
        ("Vladimir Putin will make an official visit to China this year. China hosts the leaders on July 16.",
         {("vladimir-putin", "CHN", "2026-07-16", "planned")}),
    ],
)
def test_a_demonym_in_a_compound_is_no_host(kb, text, expected):
    assert _events(kb, text, "2026-02-04") == expected
