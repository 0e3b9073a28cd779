"""The reading rules of the fourth issue-11 round, one short story each, written for the test: which
date is the trip's, called-off and remote trips, arrests told indirectly, who travels, and trips that
begin on the day of the report. Each case states the events the rules must read, no more."""

import datetime as dt

import pytest

from newsread import read_events
from warrantwatch.news.extract import ALERT_CONFIDENCE, extract


def _events(kb, text: str, published: str) -> set[tuple[str, ...]]:
    return read_events(kb, text, published)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # dates that are not the trip's: the last meeting "since 2019" ...
        ("Trump applauded as he saw Vladimir Putin for the first time since 2019. Putin landed in Alaska on "
         "Friday.", "2025-08-16", {("vladimir-putin", "USA", "2025-08-15", "occurred")}),
        # ... a deadline ("by March 17") ...
        ("The chamber asked Rome to explain, by March 17, why Osama Almasri, who was arrested in Turin on "
         "January 19, was not surrendered.", "2025-02-18", {("osama-elmasry-njeem", "ITA", "2025-01-19", "arrest")}),
        # ... the return home ...
        ("Benjamin Netanyahu will fly to Washington on Sunday and returns to Israel on Wednesday.", "2019-03-20",
         {("benjamin-netanyahu", "USA", "2019-03-24", "planned")}),
        # ... and the day of the statement told right after it
        ("On Friday the Kremlin announced that Vladimir Putin would pay a state visit to India on December 4-5.",
         "2025-11-30", {("vladimir-putin", "IND", "2025-12-04", "planned")}),
        # "will probably not travel": called off
        ("Benjamin Netanyahu will probably not travel to Poland next month for the anniversary.", "2024-12-20",
         {("benjamin-netanyahu", "POL", "2025-01", "cancelled")}),
        # ... and the day of the event told in a later sentence without a place
        ("Benjamin Netanyahu will probably not travel to Poland next month for the anniversary. The main "
         "commemoration will take place at the camp on Jan. 27, 2025.", "2024-12-20",
         {("benjamin-netanyahu", "POL", "2025-01-27", "cancelled")}),
        # video participation denied is no remote attendance: he neither goes nor joins by video
        ("Vladimir Putin, who had said he would not attend the G20 summit in India, will not address it "
         "remotely either.", "2023-09-07", {("vladimir-putin", "IND", "2023-09", "cancelled")}),
        # "took off for Washington": the trip has begun, on the day told
        ("Benjamin Netanyahu took off late on Sunday for Washington, where Donald Trump is to host him on "
         "Monday.", "2025-07-07", {("benjamin-netanyahu", "USA", "2025-07-06", "occurred")}),
        # the one met after the place is not the traveller
        ("Donald Trump took off from Andrews for Anchorage to meet Vladimir Putin.", "2025-08-15", set()),
        # an arrest told as a noun, at home
        ("On 5 November the Libyan prosecutor's office announced the arrest of Osama Almasri in Tripoli.",
         "2025-11-06", {("osama-elmasry-njeem", "LBY", "2025-11-05", "arrest")}),
        # "before being detained": the arrest happened
        ("Alfred Yekatom drew his pistol in the National Assembly in Bangui on Monday before being detained by "
         "gendarmes.", "2018-10-30", {("alfred-yekatom", "CAF", "2018-10-29", "arrest")}),
        # the origin of the flight before an arrest at home is no stop
        ("Rodrigo Duterte was taken into police custody on Tuesday after he arrived in the Philippines from "
         "Hong Kong.", "2025-03-11", {("rodrigo-duterte", "PHL", "2025-03-11", "arrest")}),
        # "Kenya's new constitution" names no place of its own: the dateline is the scene
        ("NAIROBI - Omar al-Bashir on Friday attended the ceremony at which Kenya's new constitution was "
         "promulgated.", "2010-08-27", {("omar-al-bashir", "KEN", "2010-08-27", "occurred")}),
        # the dateline is the occasion a later sentence says he will attend
        ("JUBA - South Sudan becomes independent on Saturday. Sudanese President Omar al-Bashir will also "
         "attend and speak at the event.", "2011-07-08", {("omar-al-bashir", "SSD", "2011-07-09", "planned")}),
        # "on the Sudanese side" is a party to the talks, not a place; the host of the talks is no traveller
        ("Omar al-Bashir met Vladimir Putin in Sochi on Wednesday, attended on the Sudanese side by his "
         "ministers.", "2017-11-23", {("omar-al-bashir", "RUS", "2017-11-22", "occurred")}),
        # a person named only in a condition travels nowhere
        ("Zelensky said he would not go to Indonesia if Vladimir Putin came.", "2022-11-10", set()),
        # a place inside what is to be discussed is a topic
        ("Benjamin Netanyahu will meet Trump at the White House on Monday, where they are expected to discuss "
         "Iran's attempts to set up bases in Syria.", "2019-03-23",
         {("benjamin-netanyahu", "USA", "2019-03-25", "planned")}),
        # "to non-Arab Eritrea": the adjective only modifies the name
        ("Last week Omar al-Bashir paid brief visits to Egypt and to non-Arab Eritrea.", "2009-03-30",
         {("omar-al-bashir", "EGY", "2009-03", "occurred"), ("omar-al-bashir", "ERI", "2009-03", "occurred")}),
        # a summit skipped "after skipping" stays called off, and in the past, beside a virtual one
        ("Vladimir Putin will take part in a virtual G20 summit on Wednesday, after skipping the meeting in "
         "New Delhi in September.", "2023-11-20", {("vladimir-putin", "IND", "2023-09", "cancelled")}),
        # the day right after a decision to call off is the decision's ...
        ("Omar al-Bashir pulled out on Sunday of a summit in Istanbul.", "2009-11-09",
         {("omar-al-bashir", "TUR", "2009-11", "cancelled")}),
        # ... but the day of an absence is the event's
        ("Omar al-Bashir stayed home on Monday when leaders gathered in Sharm el-Sheikh.", "2025-10-14",
         {("omar-al-bashir", "EGY", "2025-10-13", "cancelled")}),
        # "the president will visit": the office continues the story's person
        ("Vladimir Putin will visit Mongolia next week. According to the Kremlin, the president will travel "
         "there on September 3.", "2024-08-29", {("vladimir-putin", "MNG", "2024-09-03", "planned")}),
        # a pronoun continues the subject, not the person named after "from"
        ("Sergei Shoigu arrived in Pyongyang on special instructions from President Vladimir Putin. On June 4 "
         "he also met Kim Jong Un in Pyongyang.", "2025-06-17",
         {("sergei-shoigu", "PRK", "2025-06-04", "occurred")}),
        # a visit that "begins" on the report's day is ahead
        ("\"On Tuesday, the state visit of the Russian President to Kyrgyzstan begins,\" Ushakov said of "
         "Vladimir Putin.", "2025-11-25", {("vladimir-putin", "KGZ", "2025-11-25", "planned")}),
        # "who is now in the United States": a presence in a sentence about a postponed visit
        ("Benjamin Netanyahu, who is now in the United States, had planned to go on to Argentina, but the "
         "visit has been postponed.", "2025-09-27",
         {("benjamin-netanyahu", "USA", "2025-09-27", "occurred"), ("benjamin-netanyahu", "ARG", "2025-09",
                                                                    "cancelled")}),
        # a scene is not borrowed for a person who is only invited there
        ("Vladimir Putin will visit Kyrgyzstan on Tuesday. The Kyrgyz leader renewed his invitation to Putin "
         "during their meeting in July.", "2025-11-23", {("vladimir-putin", "KGZ", "2025-11-25", "planned")}),
        # "boarded a flight to": past; the summit that "opens on Sunday" does not make it ahead
        ("Omar al-Bashir boarded a flight to Johannesburg on Saturday for the summit, which opens on Sunday.",
         "2015-06-14", {("omar-al-bashir", "ZAF", "2015-06-13", "occurred")}),
        # "The arrest, made on Wednesday": a later sentence dates the arrest told before
        ("Germany has detained Khaled El Hishri at Berlin airport on a warrant of the court. The arrest, made on "
         "Wednesday and reported on Friday, was welcomed by the court.", "2025-07-18",
         {("khaled-el-hishri", "DEU", "2025-07-16", "arrest")}),
        # a question about the trip ("asked whether he would attend ... on September 9-10") names its day
        ("Vladimir Putin will not come to the G20 summit in India next month. Asked whether Putin would attend "
         "the New Delhi summit on September 9-10, Peskov said: \"No.\"", "2023-08-25",
         {("vladimir-putin", "IND", "2023-09-09", "cancelled")}),
        # a presence told with its day before the sentence that names the place; "his arrival in" is a fact
        ("Omar al-Bashir defied the court last night by turning up at an Arab summit. His arrival in the Qatari "
         "capital, Doha, looked set to embarrass the league.", "2009-03-30",
         {("omar-al-bashir", "QAT", "2009-03-29", "occurred")}),
        # "took office in January" dates no trip: the later sentence adds to the trip under way
        ("Benjamin Netanyahu took off for Washington on Sunday. He will meet members of Congress during the visit, "
         "his third since Trump took office in January.", "2025-07-07",
         {("benjamin-netanyahu", "USA", "2025-07-06", "occurred")}),
        # a date does not carry across "and then" to the next stop (which the text leaves undated)
        ("Omar al-Bashir sat beside Guelleh at a launch in Djibouti on July 5 and then went on to Uganda.",
         "2018-07-12", {("omar-al-bashir", "DJI", "2018-07-05", "occurred"), ("omar-al-bashir", "UGA", "2018-07",
                                                                              "occurred")}),
        # an arrest word that tells no arrest is no travel word: "would be arrested if he came"
        ("The summit moved to Addis Ababa. Banda had warned that Omar al-Bashir would be arrested if he came.",
         "2012-06-11", set()),
        # "this weekend" is the Saturday; a question about a video address is no video attendance, and
        # "there are no plans" is no place
        ("Vladimir Putin, who had said he would not attend the G20 summit in India, will not address it "
         "remotely either. He is not planning a video address at the summit in New Delhi this weekend. Asked "
         "whether the Russian leader would make a video address, Peskov told reporters on Thursday: \"No, "
         "there are no plans.\"", "2023-09-07", {("vladimir-putin", "IND", "2023-09-09", "cancelled")}),
        # the dateline form "September 22, 2009 (WASHINGTON) —" is no trip; "South America" is no state
        ("September 22, 2009 (WASHINGTON) — Omar al-Bashir will skip the second Africa-South America summit, "
         "which opens this weekend in Venezuela.", "2009-09-22",
         {("omar-al-bashir", "VEN", "2009-09-26", "cancelled")}),
        # a condition reaches a place far after "if"
        ("Kampala had threatened to arrest Omar al-Bashir if he took part in the review conference of the Rome "
         "Statute that Uganda hosted last month.", "2010-07-24", set()),
        # "suspended the summit": called off
        ("Sudan has suspended the summit between Omar al-Bashir and Salva Kiir that was to be held in Juba on "
         "April 3.", "2012-03-28", {("omar-al-bashir", "SSD", "2012-04-03", "cancelled")}),
        # an agency's dateline is removed and is no scene: the bureau is not where the story happens
        ("NEW YORK, August 15. /TASS/. Vladimir Putin landed on Friday afternoon, the Kremlin said.", "2025-08-15",
         set()),
        # an arrest at home told without a place: "surrendered to local military police"
        ("Mahmoud al-Werfalli is wanted by the court. A source said that the commander had surrendered to local "
         "military police on Wednesday.", "2018-02-08", {("mahmoud-al-werfalli", "LBY", "2018-02-07", "arrest")}),
        # ... but "an application to have him arrested" is none, nor is his title a place
        ("A South African court ordered on Sunday that Sudanese President Omar al-Bashir must not leave while it "
         "hears an application to have him arrested.", "2015-06-14", set()),
        # a visit whose date "has not been agreed yet" is ahead (and undated)
        ("The date of Vladimir Putin's visit to Turkey has not been agreed yet, the Kremlin said on Wednesday.",
         "2024-04-17", {("vladimir-putin", "TUR", "2024-04", "planned")}),
        # "since their meeting in Addis Ababa": a meeting before, not a plan
        ("Sisi and Omar al-Bashir will discuss the progress made since their meeting in Addis Ababa on the "
         "sidelines of the last summit.", "2018-07-17", {("omar-al-bashir", "ETH", "2018-07", "occurred")}),
    ],
)
def test_reading_rules(kb, text, published, expected):
    assert _events(kb, text, published) == expected


def test_the_last_meeting_since_a_year_does_not_date_the_trip(kb):
    # "since 2019" (one date for the scan) is when they last met: the landing has no date of its own
    (event,) = extract(kb, "Trump saw Vladimir Putin for the first time since 2019 when the Russian leader landed "
                           "in Alaska.", dt.date(2025, 8, 15))
    assert (event.host, event.kind, event.date_from) == ("USA", "occurred", "publication")


def test_a_trip_without_a_date_in_the_text_says_where_its_month_comes_from(kb):
    # "pulled out on Sunday": the day is the decision's, so the trip has no date of its own; it is placed in
    # the month of the report and marked so, below the alert threshold
    (event,) = extract(kb, "Omar al-Bashir pulled out on Sunday of a summit in Istanbul.", dt.date(2009, 11, 9))
    assert event.date_from == "publication" and event.confidence < ALERT_CONFIDENCE
    (event,) = extract(kb, "Omar al-Bashir stayed home on Monday when leaders gathered in Sharm el-Sheikh.",
                       dt.date(2025, 10, 14))
    assert event.date_from == "text"


@pytest.mark.parametrize(("text", "published", "day"), [
    ("this weekend", "2023-09-07", "2023-09-09"),  # a Thursday: the Saturday ahead
    ("this weekend", "2023-09-10", "2023-09-09"),  # a Sunday: the weekend now ending
    ("last weekend", "2023-09-07", "2023-09-02"),
    ("next weekend", "2023-09-07", "2023-09-16"),
])
def test_a_weekend_is_dated_by_its_saturday(text, published, day):
    from warrantwatch.news.dates import find_dates

    (date,) = find_dates(f"He will be in New Delhi {text}.", dt.date.fromisoformat(published))
    assert date.first.isoformat() == day and date.last == date.first
