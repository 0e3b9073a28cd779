"""Day phrases that counted from the wrong day (issue 11, 2026-12-08 session), one short story each, written
for the test: "the day after tomorrow" read as tomorrow, "a week from Monday" as the coming Monday, "on Monday
(June 4)" and "Tuesday (June 5) and Wednesday" as the weekdays of the report's week, and the day other
happenings began ("since protests broke out on December 19") taken for a planned trip's. The negative cases
hold each reading's limits."""

import datetime as dt

import pytest

from newsread import read_events
from warrantwatch.news.dates import find_dates

SUNDAY = dt.date(2018, 5, 27)
TUESDAY = dt.date(2015, 8, 4)


@pytest.mark.parametrize(
    ("sentence", "published", "future", "days"),
    [
        ("He will arrive the day after tomorrow.", TUESDAY, True, [dt.date(2015, 8, 6)]),
        ("He will arrive on the morning of the day after tomorrow, Thursday.", TUESDAY, True,
         [dt.date(2015, 8, 6), dt.date(2015, 8, 6)]),
        ("He arrived the day before yesterday.", TUESDAY, False, [dt.date(2015, 8, 2)]),
        # not shifted: "tomorrow" alone, and "the day after" something else
        ("He will arrive tomorrow.", TUESDAY, True, [dt.date(2015, 8, 5)]),
        ("He left the day after the summit, which opens tomorrow.", TUESDAY, True, [dt.date(2015, 8, 5)]),
        # a week after the coming weekday
        ("He is to travel to Germany a week from Monday.", SUNDAY, True, [dt.date(2018, 6, 4)]),
        ("He travels on Monday week.", SUNDAY, True, [dt.date(2018, 6, 4)]),
        ("He will be there a week on Friday.", SUNDAY, True, [dt.date(2018, 6, 8)]),
        # not: "Monday" before another use of "week"
        ("He met them on Monday, a week after the vote.", SUNDAY, False, [dt.date(2018, 5, 21)]),
        ("He said on Monday week-long talks would start.", SUNDAY, None, [dt.date(2018, 5, 28)]),
        # a weekday with its day in brackets is that day; a weekday run on from a day is the one after it
        ("He will hold talks on Monday (June 4) with Merkel.", SUNDAY, True, [dt.date(2018, 6, 4)]),
        ("On Tuesday (June 5) and Wednesday he will meet French officials.", SUNDAY, True,
         [dt.date(2018, 6, 5), dt.date(2018, 6, 6)]),
        ("He is there on June 5 and Wednesday.", SUNDAY, True, [dt.date(2018, 6, 5), dt.date(2018, 6, 6)]),
        # not across a clause: the weekday keeps its own reading
        ("He will be there on June 5; on Wednesday he flies out.", SUNDAY, True,
         [dt.date(2018, 6, 5), dt.date(2018, 5, 30)]),
    ],
)
def test_day_phrases(sentence, published, future, days):
    assert [d.first for d in find_dates(sentence, published, future)] == days


def test_the_bracketed_day_is_told_from_its_weekday():
    (mention,) = find_dates("It will be held on Wednesday (September 2).", dt.date(2020, 8, 30), True)
    assert mention.text == "September 2" and mention.first == dt.date(2020, 9, 2)
    assert "It will be held on Wednesday (September 2).".index("Wednesday") == mention.start


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the day the protests broke out is not the planned trip's
        ("Omar al-Bashir will travel to Cairo for talks. The visit on Sunday will be his second trip abroad since "
         "deadly protests broke out at home on December 19.", "2019-01-26",
         {("omar-al-bashir", "EGY", "2019-01-27", "planned")}),
        ("Omar al-Bashir will travel to Cairo on Sunday, his first trip since the war began in April.", "2019-01-26",
         {("omar-al-bashir", "EGY", "2019-01-27", "planned")}),
        # a stay "since" the person's own arrival still dates the trip
        ("Omar al-Bashir has been in Cairo since he arrived on Thursday.", "2019-01-26",
         {("omar-al-bashir", "EGY", "2019-01-24", "occurred")}),
        # read from the texts of a story: the day after tomorrow, a week from Monday
        ("Bashir will arrive in Cairo on the morning of the day after tomorrow, Thursday, at the head of a "
         "delegation.", "2015-08-04", {("omar-al-bashir", "EGY", "2015-08-06", "planned")}),
        ("Prime Minister Benjamin Netanyahu is to travel to Germany a week from Monday, his office announced on "
         "Sunday.", "2018-05-27", {("benjamin-netanyahu", "DEU", "2018-06-04", "planned")}),
        # a meeting's day told in brackets after its weekday, in the sentence after the video participation
        ("President Rodrigo Duterte will take part in a virtual conference hosted by Jordan's King Abdullah II, "
         "Malacañang confirmed on Sunday. The spokesman said that the virtual conference will be held on Wednesday "
         "(September 2).", "2020-08-30", {("rodrigo-duterte", "JOR", "2020-09-02", "remote")}),
    ],
)
def test_trip_days(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a person in a list of those present, told in a sentence after the gathering's (round 50)
        ("BAMAKO, May 15 (AP) - African leaders opened a one-day summit in Mali on Saturday. Sudan's Omar el-Bashir, "
         "Chad's Idriss Deby and Nigeria's Olusegun Obasanjo were also present.", "2004-05-15",
         {("omar-al-bashir", "MLI", "2004-05-15", "occurred")}),
        ("Some fifteen African heads of state attended the ceremony in Ndjamena on Monday. Also present was Sudan's "
         "Omar el-Béchir, still under an international arrest warrant.", "2016-08-08",
         {("omar-al-bashir", "TCD", "2016-08-08", "occurred")}),
        ("Several aircraft landed yesterday for the summit, bringing the delegations to the Cotonou meeting. Among "
         "the presidents who arrived yesterday were Blaise Compaoré of Burkina Faso and Laurent Gbagbo of Côte "
         "d'Ivoire.", "2008-06-17", {("laurent-gbagbo", "BEN", "2008-06-16", "occurred")}),
        # not: a list of those who will come, those who stayed away, nor a list without a gathering placed before
        ("African leaders will open a summit in Mali on Saturday. Omar al-Bashir and Idriss Deby will also be "
         "present.", "2004-05-13", set()),
        ("African leaders opened a summit in Mali on Saturday. Omar al-Bashir, represented by his foreign minister, "
         "was also present in spirit.", "2004-05-15", set()),
        ("Omar al-Bashir and Idriss Deby were also present.", "2004-05-15", set()),
        # the French spellings name the persons; "since X took power in 1986" dates no trip
        ("Libya's leader, Mouammar Kadhafi, arrived in Uganda yesterday for a four-day visit. It is Kadhafi's fourth "
         "visit to Uganda since Museveni took power in 1986.", "2008-03-16",
         {("muammar-gaddafi", "UGA", "2008-03-15", "occurred")}),
        ("Seif el-Islam Kadhafi arrived in Paris on Monday for a private stay.", "2002-02-26",
         {("saif-al-islam-gaddafi", "FRA", "2002-02-25", "occurred")}),
    ],
)
def test_present_in_a_list_and_names(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected
