"""Round fifty-two (issue 11, 2026-12-08 session): readings the spent set news-final36 showed wrong, each told again
in a short story written for the test. Northern Ireland and Scotland are parts of the United Kingdom, not Ireland; a
trip put off takes the day its plan "had been due" for, and "before the end of the year" is the report's year; "no
trip ... in the schedule" and "used to fly to" are no trips; a past perfect tells a visit gone by; a stay "until 13
January, when he moved to Brussels" dates the move; "is currently living in", "is hiding in", "is said to be in ...
now" are presences on the report's day, also through an apposition ("in Vakaga, in the north-east of the Central
African Republic"), as are "are holding a meeting in" and "are to sign the document ... at"; a surname that is also
a given name ("Adam") is the person's once his full name was read; "one of the big absentees" stays away; "other
members were captured" and "since his arrest in Accra" tell no arrest of the person; the "Bari" of "Abdel Bari
al-Shaqaqi" is no place. The negative cases hold each reading's limits."""

import pytest

from newsread import read_events


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # — places that are parts of a state —
        ("Vladimir Putin has arrived in Belfast, Northern Ireland, and flown on by helicopter to Lough Erne.",
         "2013-06-17", {("vladimir-putin", "GBR", "2013-06-17", "occurred")}),
        ("Vladimir Putin has arrived in Scotland to take part in the summit of the Group of Eight.", "2005-07-06",
         {("vladimir-putin", "GBR", "2005-07-06", "occurred")}),
        # not: Ireland itself
        ("Vladimir Putin has arrived in Dublin, Ireland.", "2013-06-17",
         {("vladimir-putin", "IRL", "2013-06-17", "occurred")}),
        # — days of plans called off —
        # the plan's day dates the trip put off; "before the end of the year" is the report's year
        ("Vladimir Putin's visit to Japan has been put off indefinitely. The Russian president had been due to visit "
         "Tokyo before the end of the year.", "2015-10-15", {("vladimir-putin", "JPN", "2015", "cancelled")}),
        ("Vladimir Putin's visit to Japan has been put off indefinitely. The Russian president had been due to visit "
         "Tokyo on 21 December.", "2015-10-15", {("vladimir-putin", "JPN", "2015-12-21", "cancelled")}),
        ("Vladimir Putin will visit Tokyo before the end of the year, the Kremlin said.", "2015-10-15",
         {("vladimir-putin", "JPN", "2015", "planned")}),
        # not: a plan that had been due, told alone, is no trip
        ("Vladimir Putin had been due to visit Tokyo before the end of the year.", "2015-10-15", set()),
        # — no trips —
        ("There is as yet no trip to the forum in Minsk on 28 September in the schedule of Vladimir Putin, his "
         "spokesman said.", "2020-09-25", set()),
        ("Vladimir Putin said there was no such trip to Minsk on his schedule yet.", "2020-09-25", set()),
        ("Sen. Bato dela Rosa, who used to fly to the United States to watch Pacquiao's fights live, said he got "
         "nervous when he heard that the judges had reached a split decision.", "2019-07-21", set()),
        # not: a trip in the schedule, a flight made
        ("A trip to the forum in Minsk on 28 September is in the schedule of Vladimir Putin, his spokesman said.",
         "2020-09-25", {("vladimir-putin", "BLR", "2020-09-28", "planned")}),
        ("Sen. Bato dela Rosa flew to the United States on Saturday to watch Pacquiao's fight live.", "2019-07-21",
         {("ronald-dela-rosa", "USA", "2019-07-20", "occurred")}),
        # — the past perfect —
        ("During a visit to Moscow on 21 April, Benjamin Netanyahu had discussed military coordination with Putin.",
         "2016-12-31", {("benjamin-netanyahu", "RUS", "2016-04-21", "occurred")}),
        # not: the future, nor a plan made before
        ("During a visit to Moscow on 21 April, Benjamin Netanyahu will discuss military coordination with Putin.",
         "2016-12-31", {("benjamin-netanyahu", "RUS", "2017-04-21", "planned")}),
        ("Benjamin Netanyahu had planned to visit Moscow on 21 April, his office said.", "2016-12-31",
         {("benjamin-netanyahu", "RUS", "2017-04-21", "planned")}),
        # — a stay that ended on the day of the move —
        ("On 6 January Almasri left Tripoli and landed in London, where he stayed until 13 January, when he moved to "
         "Brussels by train.", "2025-01-23",
         {("osama-elmasry-njeem", "GBR", "2025-01-06", "occurred"),
          ("osama-elmasry-njeem", "BEL", "2025-01-13", "occurred")}),
        # — presences on the day of the report —
        ("Joseph Kony is currently living in Vakaga, in the north-east of the Central African Republic, a source "
         "said.", "2012-10-11", {("joseph-kony", "CAF", "2012-10-11", "occurred")}),
        ("Joseph Kony is hiding in the Central African Republic, a source said.", "2012-10-11",
         {("joseph-kony", "CAF", "2012-10-11", "occurred")}),
        ("Nouradine Adam is said to be in Nyala now, after a long stay in Omdurman.", "2019-08-06",
         {("noureddine-adam", "SDN", "2019-08-06", "occurred")}),
        # an arrival through the same apposition keeps its own day; a birthplace there is no trip
        ("Joseph Kony arrived in Vakaga, in the north-east of the Central African Republic, on Monday.",
         "2012-10-11", {("joseph-kony", "CAF", "2012-10-08", "occurred")}),
        ("Forces fought the rebels in the north-east of the Central African Republic, where Joseph Kony was born.",
         "2012-10-11", set()),
        # — a surname that is also a given name —
        ("Nouradine Adam is recruiting fighters. Adam is said to be in Nyala now.", "2019-08-06",
         {("noureddine-adam", "SDN", "2019-08-06", "occurred")}),
        # not: without the full name, or after another given name
        ("Adam is said to be in Nyala now.", "2019-08-06", set()),
        ("Hassan Adam is recruiting fighters. Adam is said to be in Nyala now.", "2019-08-06", set()),
        # — staying away —
        ("Laurent Gbagbo will once again be one of the big absentees of the summit in France on 31 May.",
         "2010-05-07", {("laurent-gbagbo", "FRA", "2010-05-31", "cancelled")}),
        # not: one of the guests
        ("Laurent Gbagbo will be one of the guests of the summit in France on 31 May.", "2010-05-07",
         {("laurent-gbagbo", "FRA", "2010-05-31", "planned")}),
        # — presence told by what is done there —
        ("NATO leaders and Russian President Vladimir Putin are to sign the document at noon on Tuesday at Italy's "
         "Pratica di Mare air force base.", "2002-05-26", {("vladimir-putin", "ITA", "2002-05-28", "planned")}),
        ("Prime Minister Benjamin Netanyahu and Palestinian President Mahmoud Abbas are holding a meeting in "
         "Washington to launch direct negotiations.", "2010-09-02",
         {("benjamin-netanyahu", "USA", "2010-09-02", "occurred")}),
        # not: a signing at home, told by a foreign minister
        ("Vladimir Putin is to sign the document at noon on Tuesday at the Kremlin, Italy's foreign minister said.",
         "2002-05-26", set()),
        # — arrests that are not the person's, or long past —
        ("Abdel Bari al-Shaqaqi was reportedly killed in the assault on the house in Benghazi, while other members "
         "were captured.", "2021-07-27", set()),
        ("Charles Ble Goude will speak from The Hague on Wednesday. It will be his first exchange with his fans since "
         "his arrest in Accra.", "2019-03-26", set()),
        # not: his own capture, with the Bari of his name no place; an arrest since which a day is told
        ("Abdel Bari al-Shaqaqi was captured in Benghazi on Monday.", "2021-07-27",
         {("abdelbari-al-shaqaqi", "LBY", "2021-07-26", "arrest")}),
        ("Charles Ble Goude has not spoken to his fans since his arrest in Accra on Monday.", "2019-03-26",
         {("charles-ble-goude", "GHA", "2019-03-25", "arrest")}),
    ],
)
def test_round_fifty_two_readings(kb, text, published, expected):
    assert read_events(kb, text, published) == expected
