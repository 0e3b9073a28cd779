"""The constructions the second issue-11 round reads (one sentence or short story each, written for
the test): arrests, video attendance, avoidance, dates told relative to another day, presence told
through the occasion, departures, and people who are not the traveller."""

import datetime as dt

import pytest

from newsread import read_events
from warrantwatch.news.extract import extract
from warrantwatch.news.gazetteer import gazetteer_for


def _events(kb, text: str, published: str) -> set[tuple[str, ...]]:
    return read_events(kb, text, published)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # an arrest told with "police custody", at home
        ("Former President Rodrigo Duterte was taken into police custody on Tuesday shortly after he "
         "landed in Manila.", "2025-03-11", {("rodrigo-duterte", "PHL", "2025-03-11", "arrest")}),
        # an arrest whose state is the subject of the sentence before; the place "near" a prison is no scene
        ("Germany has arrested a Libyan militia leader on a warrant from the court, officials said on Friday. "
         "Khaled El Hishri, who was detained on Wednesday, ran a prison near Tripoli.", "2025-07-18",
         {("khaled-el-hishri", "DEU", "2025-07-16", "arrest")}),
        # dated by the arrest, not by the hand-over written before it
        ("Maxime Mokom was transferred to the court on Monday from Chad, where he was arrested at the end "
         "of February.", "2022-03-14", {("maxime-mokom", "TCD", "2022-02", "arrest")}),
        # an arrest that ought to happen is no arrest, and "Ukraine has recorded" is no trip
        ("Officials said Putin must now be arrested outside Russia; Ukraine has recorded the deportation "
         "of 16,000 children.", "2023-03-17", set()),
        # an unrecognised spelling of a wanted person's name before his surname is still his name
        ("The case of Najeem Osema Almasri Habish goes on. He was arrested in Turin on Sunday.", "2025-01-22",
         {("osama-elmasry-njeem", "ITA", "2025-01-19", "arrest")}),
        # video attendance of a summit whose venue an earlier sentence named
        ("Sergei Lavrov arrived in Rio de Janeiro on Sunday for the BRICS summit. Peskov said Lavrov would lead "
         "the delegation. \"On Sunday the president will take part via videoconference,\" Peskov said of "
         "Vladimir Putin.", "2025-07-06", {("vladimir-putin", "BRA", "2025-07-06", "remote")}),
        # ... and of a summit named only by the dateline
        ("JOHANNESBURG, August 23 — Vladimir Putin told the BRICS summit on Wednesday that the war must end, "
         "addressing the plenary session by video conference.", "2023-08-23",
         {("vladimir-putin", "ZAF", "2023-08-23", "remote")}),
        # avoidance: he will not lead the delegation
        ("The Kremlin said Vladimir Putin will not lead Russia's delegation to the G20 summit in South Africa "
         "later this month.", "2025-11-07", {("vladimir-putin", "ZAF", "2025-11", "cancelled")}),
        # a summit put on hold is called off, not held
        ("US media reported that the summit with Vladimir Putin in Budapest had been put on hold.", "2025-10-22",
         {("vladimir-putin", "HUN", "2025-10", "cancelled")}),
        # a stand-in: the one stood in for did not come
        ("Leaders arrived in Sandton on Wednesday, where Sergey Lavrov stood in for Vladimir Putin.",
         "2023-08-23", set()),
        # "had been due to arrive": the plan's day is not the trip's
        ("Vladimir Putin arrived in Pyongyang in the early hours of Wednesday. He had been due to arrive "
         "there late on Tuesday.", "2024-06-19", {("vladimir-putin", "PRK", "2024-06-19", "occurred")}),
        # "the day before": the arrival, a day before the day the story tells
        ("Donald Trump received Benjamin Netanyahu at Mar-a-Lago on Monday. Netanyahu, who flew into Florida "
         "the day before, will press for a harder line.", "2025-12-29",
         {("benjamin-netanyahu", "USA", "2025-12-28", "occurred")}),
        # presence told through the occasion, and dated by it
        ("KAMPALA, May 12 — Yoweri Museveni was sworn in for a fifth term on Thursday. Among the guests was "
         "Sudan's President Omar al-Bashir.", "2016-05-12", {("omar-al-bashir", "UGA", "2016-05-12", "occurred")}),
        # a departure is a trip there
        ("Omar al-Bashir left South Africa on Monday in spite of a court order.", "2015-06-15",
         {("omar-al-bashir", "ZAF", "2015-06-15", "occurred")}),
        # "ahead of his meeting in Alaska": the meeting is ahead
        ("Vladimir Putin arrived in Magadan on Thursday, ahead of his meeting with Donald Trump in Alaska on "
         "Friday.", "2025-08-14", {("vladimir-putin", "USA", "2025-08-15", "planned")}),
        # a trip under way
        ("Sergei Shoigu is in Pyongyang and is scheduled to meet Kim Jong-un, TASS reported on Wednesday.",
         "2025-06-04", {("sergei-shoigu", "PRK", "2025-06-04", "occurred")}),
        # the person who sent him is not the traveller
        ("The envoy is visiting Pyongyang on Vladimir Putin's orders.", "2025-06-04", set()),
        # the day he leaves home begins the trip told before
        ("Donald Trump will meet Benjamin Netanyahu on Dec. 29 at Mar-a-Lago in Florida. The Israeli leader "
         "is expected to leave Israel on Dec. 28.", "2025-12-08",
         {("benjamin-netanyahu", "USA", "2025-12-28", "planned")}),
        # a warrant's other subject is not the traveller; a talk called off is not a trip called off (he
        # was in Washington on Monday: the trip is dated by its first day)
        ("The White House on Tuesday received Yoav Gallant. Judges issued warrants for him and Prime Minister "
         "Benjamin Netanyahu in November. On Monday a talk he was due to give at a synagogue in Washington "
         "was cancelled.", "2024-12-10", {("yoav-gallant", "USA", "2024-12-09", "occurred")}),
        # a clause with no trip, no person and no "to"/"in" names no destination
        ("Benjamin Netanyahu left Israel on Sunday for Washington, and reports said Jerusalem had sought "
         "assurances from Paris.", "2025-12-29", {("benjamin-netanyahu", "USA", "2025-12-28", "occurred")}),
        # "met Kim in Pyongyang on Tuesday and said": the place is no subject of "said"
        ("Sergei Shoigu met Kim Jong-un in Pyongyang on Tuesday and said afterwards that troops would come.",
         "2025-06-17", {("sergei-shoigu", "PRK", "2025-06-17", "occurred")}),
        # a stay before the dated leg is known to its month
        ("Benjamin Netanyahu will fly to Washington on Sunday from Budapest.", "2025-04-04",
         {("benjamin-netanyahu", "USA", "2025-04-06", "planned"), ("benjamin-netanyahu", "HUN", "2025-04",
                                                                   "occurred")}),
        # a reported trip without a date: the publication month; told as experience: undated
        ("He went first to China. Vladimir Putin went first to China and then to Belarus.", "2024-05-26",
         {("vladimir-putin", "CHN", "2024-05", "occurred"), ("vladimir-putin", "BLR", "2024-05", "occurred")}),
        ("Vladimir Putin has visited China many times.", "2024-05-26",
         {("vladimir-putin", "CHN", "", "occurred")}),
        # another member of the same government travels; the wanted person stays home
        ("Israeli Defence Minister Israel Katz flew to Washington on Monday for talks; Prime Minister Benjamin "
         "Netanyahu stayed in Jerusalem.", "2025-06-02", set()),
        ("Vladimir Putin will stay in Moscow while Lavrov attends the G20 in Johannesburg on Saturday.",
         "2025-11-20", set()),
        ("Putin sent Medinsky to Istanbul for talks on Friday.", "2025-05-14", set()),
        # a minister represents him; talks held without him: he stays away
        ("Lavrov will represent Putin at the summit in Rio on Sunday.", "2025-07-04",
         {("vladimir-putin", "BRA", "2025-07-06", "cancelled")}),
        ("The talks will be held in Istanbul on Friday without Putin, the Kremlin said.", "2025-05-14",
         {("vladimir-putin", "TUR", "2025-05-16", "cancelled")}),
        # ... but a place named before the traveller in his own clause is his
        ("In Beijing on Monday, Putin met Xi Jinping.", "2025-09-02", {("vladimir-putin", "CHN", "2025-09-01",
                                                                         "occurred")}),
        ("Rodrigo Duterte left the Philippines for Hong Kong last week.", "2025-03-11",
         {("rodrigo-duterte", "CHN", "2025-03", "occurred")}),
        # the role of a place comes from the word that governs it (news-final2, 708, 735, 722): the
        # members of a summit, states overflown or avoided, a person taken for a city are no goal
        ("The South African Presidency has confirmed that Russian President Vladimir Putin will not attend "
         "the summit of Brazil, Russia, India, China and South Africa (BRICS) in Johannesburg next month.",
         "2023-07-19", {("vladimir-putin", "ZAF", "2023-08", "cancelled")}),
        ("He left Tel Aviv on Wednesday evening to speak at the Assembly, but his aircraft did not enter most "
         "of Europe's airspace: according to FlightRadar24 it briefly overflew Greece and Italy, avoiding "
         "France and Spain entirely. Benjamin Netanyahu's aircraft flew over Greece.", "2025-09-25", set()),
        ("He told Austin that Israel would never forget that he was the first to fly to Israel after "
         "Hamas's Oct. 7 attack. Yoav Gallant told Lloyd Austin so.", "2024-06-25", set()),
        # ... while a place that hosts, or a name coordinated with a goal, is one
        ("Mongolia gave Vladimir Putin a ceremonial welcome on Tuesday.", "2024-09-03",
         {("vladimir-putin", "MNG", "2024-09-03", "occurred")}),
        ("Vladimir Putin will visit Brazil, India and China next month.", "2025-06-02",
         {("vladimir-putin", c, "2025-07", "planned") for c in ("BRA", "IND", "CHN")}),
        # the person named after the place speaks of another's trip (news-final2, 728)
        ("Staff of the office of the children's ombudsman plan a trip to Syria at the beginning of July to "
         "return children to Russia, the Presidential Commissioner for Children's Rights, Maria Lvova-Belova, "
         "said on Thursday.", "2024-06-20", set()),
        # an arrest feared is no arrest (news-final2, 703)
        ("Vladimir Putin arrived in Mongolia late on Monday. The Kremlin has said it is unconcerned about the "
         "Russian leader being arrested during the visit.", "2024-09-02",
         {("vladimir-putin", "MNG", "2024-09-02", "occurred")}),
        # a visit under way (news-final2, 705)
        ("Netanyahu is on a visit to Hungary.", "2025-04-03", {("benjamin-netanyahu", "HUN", "2025-04-03",
                                                              "occurred")}),
        # taken to the court's seat after an arrest at home: the arrest only, dated to the month when the
        # report gives no day (news-final2, 751, 718)
        ("MANILA — The former Philippine president Rodrigo Duterte has left Manila on a plane bound for The "
         "Hague, hours after he was served with an arrest warrant. Duterte was detained at Manila's main "
         "airport after flying back from Hong Kong.", "2025-03-11",
         {("rodrigo-duterte", "PHL", "2025-03", "arrest")}),
        # "on the 5th", "overnight" (news-final2, 720, 721)
        ("A Russian delegation led by Sergei Shoigu arrived in Tehran on the 5th at the invitation of Ali "
         "Akbar Ahmadian.", "2024-08-06", {("sergei-shoigu", "IRN", "2024-08-05", "occurred")}),
        ("Defense Minister Yoav Gallant departed overnight for an official visit to Washington D.C.", "2024-06-23",
         {("yoav-gallant", "USA", "2024-06-23", "occurred")}),
        # "was to visit" is a plan; "the president decided to cancel this visit" calls off the article's
        # one announced visit (news-final2, 744) ...
        ('"The president decided to cancel this visit," Kremlin spokesman Dmitry Peskov told journalists. '
         "Putin was to visit France on October 19 to discuss the situation in Syria.", "2016-10-11",
         {("vladimir-putin", "FRA", "2016-10-19", "cancelled")}),
        # ... but a calling-off urged, ruled out or denied, or a date moved, calls nothing off
        *[("Vladimir Putin will visit Mongolia on Tuesday. " + then, "2024-08-30",
           {("vladimir-putin", "MNG", "2024-09-03", "planned")}) for then in (
            "Ukraine has called for the visit to be cancelled.", "Kyiv urged Ulaanbaatar to cancel the visit.",
            "The Kremlin said there were no plans to cancel the visit.",
            "The Kremlin denied that the visit had been postponed.", "The visit was postponed from July.",
            "Dmitry Peskov said the visit would not be cancelled despite the warrant.")],
        ("Vladimir Putin will visit Mongolia on Tuesday; the Kremlin said there were no plans to cancel it.",
         "2024-08-30", {("vladimir-putin", "MNG", "2024-09-03", "planned")}),
        # ... but "the warrant was to Washington" is no plan (news-dev2, 314)
        ("Netanyahu's only previous trip abroad since the warrant was to Washington in February.", "2025-04-01",
         {("benjamin-netanyahu", "USA", "2025-02", "occurred")}),
        # "will be absent from", "has not accepted the invitation": called off (news-final2, 745)
        ("The Russian leader Vladimir Putin has not accepted the invitation to represent Russia at the meeting, "
         "which this year takes place on Saturday and Sunday in New Delhi.", "2023-09-07",
         {("vladimir-putin", "IND", "2023-09-09", "cancelled")}),
        # "the leaders of China ..." is no scene a video attendance could borrow
        ("Leaders of China, India and Brazil arrived in Johannesburg on Tuesday. Vladimir Putin joined the "
         "summit by video link.", "2023-08-23", {("vladimir-putin", "ZAF", "2023-08-22", "remote")}),
        # the date written right after a place is that stay's
        ("Omar al-Bashir, who visited Chad in 2010, arrived in Kenya on Friday.", "2013-04-13",
         {("omar-al-bashir", "TCD", "2010", "occurred"), ("omar-al-bashir", "KEN", "2013-04-12", "occurred")}),
        # "after his arrest in Manila" is an arrest; "a warrant for his arrest in November" is not
        ("Rodrigo Duterte was flown to The Hague on Wednesday after his arrest in Manila on Tuesday.", "2025-03-13",
         {("rodrigo-duterte", "PHL", "2025-03-11", "arrest")}),
        ("Judges issued a warrant for his arrest in November. Rodrigo Duterte spoke in Manila.", "2025-03-13",
         set()),
        # each arrest word takes the place nearest it: two arrests in one sentence
        ("Osama Elmasry Njeem, who was arrested in Turin in January and flown home to Tripoli, was detained in "
         "Tripoli on Wednesday.", "2025-11-06", {("osama-elmasry-njeem", "ITA", "2025-01", "arrest"),
                                                 ("osama-elmasry-njeem", "LBY", "2025-11-05", "arrest")}),
        # "will be represented at the summit by" his minister: he stays away; a stopover is a stop
        ("Vladimir Putin will be represented at the G20 summit in Rio by Foreign Minister Sergei Lavrov.",
         "2024-11-10", {("vladimir-putin", "BRA", "2024-11", "cancelled")}),
        ("Omar al-Bashir stopped over in Turkmenistan on Monday.", "2015-09-02",
         {("omar-al-bashir", "TKM", "2015-08-31", "occurred")}),
        # a title continues the story's person ("the Kremlin chief"), unless another state's demonym makes it
        # someone else
        ("Vladimir Putin praised the deal on Monday. The Kremlin chief will travel to Hanoi on Wednesday.",
         "2024-06-17", {("vladimir-putin", "VNM", "2024-06-19", "planned")}),
        ("Vladimir Putin criticised the ICC. The Hungarian prime minister flew to Beijing on Monday.", "2025-03-13",
         set()),
        # the verb nearest before a place sets its tense, not one in an aside before it (news-final2, 704)
        ("Vladimir Putin, who visited Mongolia in September, will travel to India in December.", "2024-11-10",
         {("vladimir-putin", "MNG", "2024-09", "occurred"), ("vladimir-putin", "IND", "2024-12", "planned")}),
        ("Hungary announced on Thursday that it will leave the International Criminal Court, just as Prime "
         "Minister Viktor Orban was hosting his Israeli counterpart Benjamin Netanyahu in Budapest.", "2025-04-03",
         {("benjamin-netanyahu", "HUN", "2025-04-03", "occurred")}),  # "just as": the statement's day (round five)
        # "X's office said he would travel": he is X
        ("Benjamin Netanyahu's office said he would travel to Washington next week at Donald Trump's invitation.",
         "2025-07-01", {("benjamin-netanyahu", "USA", "2025-07", "planned")}),
        # the Netherlands after an arrest is the surrender to the court, told without "The Hague"
        ("Rodrigo Duterte, who was arrested on Tuesday, arrived in the Netherlands on Wednesday.", "2025-03-13",
         set()),
        # a visit verb that governs a place in the person's own case makes it a trip there (news-final2, 741)
        # ... but not a place of what befell others, nor one in a relative clause
        ("Valery Gerasimov visited troops fighting near the Ukrainian-controlled supply hub of Pokrovsk in the "
         "eastern Donetsk region, the ministry said Tuesday.", "2025-01-21",
         {("valery-gerasimov", "UKR", "2025-01", "occurred")}),
        ("Vladimir Putin visited a hospital in Moscow where soldiers wounded in Ukraine are treated.", "2025-01-21",
         set()),
        ("Vladimir Putin visited soldiers wounded in Ukraine.", "2025-01-21", set()),
        # the state that releases or expels a person held him: the arrest told with it was there; the place
        # he was flown to afterwards is not where he was arrested (news-final2, 716)
        ("Italy on Tuesday released Osama Elmasry Njeem, who had been arrested on Sunday on an ICC warrant, and "
         "flew him to Tripoli.", "2025-01-21", {("osama-elmasry-njeem", "ITA", "2025-01-19", "arrest")}),
        # "flight path to New York", "while en route to Washington": a trip under way; "he left Tel Aviv on
        # Wednesday evening" dates it, told before or after (news-final2, 734, 735)
        ("Israeli Prime Minister Benjamin Netanyahu's aircraft took an unconventional flight path to New York for "
         "the United Nations General Assembly on Thursday.", "2025-09-25",
         {("benjamin-netanyahu", "USA", "2025-09-25", "occurred")}),
        ("Benjamin Netanyahu left Tel Aviv on Wednesday evening to speak at the Assembly. The Israeli leader "
         "ordered a strike in Yemen, on Houthi command centres in Sanaa, while en route to Washington.",
         "2025-09-25", {("benjamin-netanyahu", "USA", "2025-09-24", "occurred")}),
        # the venue of a meeting of the person told in the next sentence (news-final2, 750); "Moscow time" is
        # no venue
        ("The meeting between Vladimir Putin and Donald Trump is expected to begin at about 22:00 Moscow time on "
         "August 15. It will take place at the Elmendorf-Richardson military base in Anchorage, Alaska.",
         "2025-08-13", {("vladimir-putin", "USA", "2025-08-15", "planned")}),
        # the place a relative clause says he visited
        ("Mongolia, which Vladimir Putin visited in September, faces an ICC finding of non-compliance.",
         "2024-10-25", {("vladimir-putin", "MNG", "2024-09", "occurred")}),
        # a stand-in's arrival day does not date the trip the person stays away from (news-final2, 710)
        ("Russian Foreign Minister Sergey Lavrov arrived in South Africa on Tuesday to attend the BRICS summit in "
         "Johannesburg, where he is representing President Vladimir Putin.", "2023-08-22",
         {("vladimir-putin", "ZAF", "2023-08", "cancelled")}),
        # an undated trip takes the day of a presence told later (news-final2, 715)
        ("According to the BBC, Omar al-Bashir had left South Africa. Al-Bashir took part in the official opening "
         "on Sunday and was still at the venue after 8 p.m. for a meeting on the crisis in South Sudan.",
         "2015-06-15", {("omar-al-bashir", "ZAF", "2015-06-14", "occurred")}),
        # a date across a colon or semicolon belongs to the other clause (news-heldout, 109)
        ("Benjamin Netanyahu will be received at the White House next Monday, July 7. It will be his third trip "
         "to the United States since Donald Trump returned to office: he was the first foreign leader hosted in "
         "February.", "2025-07-01", {("benjamin-netanyahu", "USA", "2025-07-07", "planned")}),
        # a person named after a place for comparison is not its traveller (news-dev2, 315); a trip dated after
        # the report is ahead, whatever tense a later sentence about it has
        ("No foreign leader has visited the United States more often than Benjamin Netanyahu.", "2026-02-09",
         set()),
        ("Benjamin Netanyahu flies to Washington on Tuesday. It is his sixth trip since Trump returned to office.",
         "2026-02-09", {("benjamin-netanyahu", "USA", "2026-02-10", "planned")}),
        # the state that hands a person over to the court held him: his arrest there (news-final, 536), also
        # told in the passive after a hand-over whose person is named later
        ("Central African authorities surrendered Mahamat Said Abdel Kani to the ICC on Sunday.", "2021-01-26",
         {("mahamat-said-abdel-kani", "CAF", "2021-01-24", "arrest")}),
        ("The Central African Republic on Sunday handed an alleged militia commander over to the International "
         "Criminal Court. Mahamat Said Abdel Kani, 50, is accused of being a leader of the Seleka. The court said "
         'he "was surrendered" by the authorities in Bangui to its custody on the basis of a sealed warrant '
         "issued in 2019.", "2021-01-24", {("mahamat-said-abdel-kani", "CAF", "2021-01-24", "arrest")}),
        # "Manila's Ninoy Aquino International Airport" is a place, not a person of Manila
        ("Rodrigo Duterte was detained upon arrival at Manila's Ninoy Aquino International Airport.", "2025-03-11",
         {("rodrigo-duterte", "PHL", "2025-03", "arrest")}),
        # a calling-off denied is no trip word: the sentence tells no trip (news-final2, 713); nor is a title in
        # the possessive ("the Sudanese leader's presence") a traveller
        ("Omar al-Bashir will fly to Chad on Tuesday. Chad's foreign minister denied last month that his "
         "government had asked Bashir to stay away.", "2013-04-09", {("omar-al-bashir", "TCD", "2013-04-09",
                                                                      "planned")}),
        # the state named as the one to arrest him "during his visit" or "when he visits" is where he goes
        ("Mongolia will not arrest Vladimir Putin when he visits next week, officials said.", "2024-08-30",
         {("vladimir-putin", "MNG", "2024-09", "planned")}),
        ("Mongolia failed to arrest Vladimir Putin during his visit on September 3, the judges found.", "2024-10-25",
         {("vladimir-putin", "MNG", "2024-09-03", "occurred")}),
        # a condition reaches every name of its list
        ("Benjamin Netanyahu risks arrest if he travels to France, Germany or the UK.", "2024-11-25", set()),
        # a place in a condition is no trip
        ("South Africa said it would not arrest Vladimir Putin if he came to Johannesburg.", "2023-06-01", set()),
        # a speech abroad is a trip
        ("Benjamin Netanyahu will address the UN General Assembly in New York on Friday.", "2025-09-24",
         {("benjamin-netanyahu", "USA", "2025-09-26", "planned")}),
        # the day given by "said in a statement on Wednesday" is the statement's (news-final2, 723)
        ("Israeli Defense Minister Yoav Gallant is heading to Washington next week for his first official "
         "visit, his office said in a statement on Wednesday.", "2024-03-20",
         {("yoav-gallant", "USA", "2024-03", "planned")}),
    ],
)
def test_constructions(kb, text, published, expected):
    assert _events(kb, text, published) == expected


def test_a_surname_given_to_someone_else_stays_theirs(kb):
    gazetteer = gazetteer_for(kb)
    text = "President Joyce Banda's government asked the AU not to invite him, and Banda warned he would be held."
    assert not [h for h in gazetteer.find(text, dt.date(2012, 6, 11)) if h.value == "abdallah-banda"]
    text = "Foreign Minister Mariam al-Mahdi said on Tuesday that Sudan would hand over the suspects."
    assert not [h for h in gazetteer.find(text, dt.date(2021, 8, 11)) if h.kind == "person"]
    # the Arabic article spelled another way is the same name
    text = "Osama Al-Masri Njeem was arrested in Tripoli on Wednesday."
    assert {h.value for h in gazetteer.find(text, dt.date(2025, 11, 5)) if h.kind == "person"} == \
        {"osama-elmasry-njeem"}


def test_a_possible_trip_is_read_below_the_alert_threshold(kb):
    from warrantwatch.news.extract import ALERT_CONFIDENCE

    sure = extract(kb, "Vladimir Putin will visit India next year, an aide said.", dt.date(2024, 10, 10))
    maybe = extract(kb, "Vladimir Putin could visit India next year, an aide said.", dt.date(2024, 10, 10))
    assert [(e.host, e.kind) for e in maybe] == [("IND", "planned")]
    assert sure[0].confidence > maybe[0].confidence and maybe[0].confidence < ALERT_CONFIDENCE


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # an occasion named by its leader's demonym is held in that state (news-final9 1405)
        ("Sudanese President Omar al-Bashir will not attend the inauguration of South African President-elect "
         "Jacob Zuma on Saturday, an official said on Thursday.", "2009-05-07",
         {("omar-al-bashir", "ZAF", "2009-05-09", "cancelled")}),
        ("Sudanese President Omar al-Bashir attended the inauguration of Ugandan President Yoweri Museveni on "
         "Thursday.", "2016-05-13", {("omar-al-bashir", "UGA", "2016-05-12", "occurred")}),
        ("Vladimir Putin did not attend the state funeral of Japanese former Prime Minister Shinzo Abe on Tuesday.",
         "2022-09-28", {("vladimir-putin", "JPN", "2022-09-27", "cancelled")}),
        # the occasion's host is no traveller, and words about an occasion are no trip to it
        ("Putin sent condolences ahead of the funeral of Japanese former Prime Minister Shinzo Abe.", "2022-07-09",
         set()),
    ],
)
def test_an_occasion_named_by_its_leaders_demonym(kb, text, published, expected):
    assert _events(kb, text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a visit "made" or "paid" is told in the past (news-final9 1401, 1415)
        ("Israeli Prime Minister Benjamin Netanyahu has made official visits to Uganda, Rwanda and Kenya.",
         "2016-07-06", {("benjamin-netanyahu", "UGA", "", "occurred"), ("benjamin-netanyahu", "RWA", "", "occurred"),
                        ("benjamin-netanyahu", "KEN", "", "occurred")}),
        ("Sergei Shoigu arrived in Hanoi on Tuesday. His tour also took him to Laos and Myanmar.", "2018-01-24",
         {("sergei-shoigu", "VNM", "2018-01-23", "occurred"), ("sergei-shoigu", "LAO", "", "occurred"),
          ("sergei-shoigu", "MMR", "", "occurred")}),
        # and one to be paid is still a plan
        ("Vladimir Putin will pay a state visit to India on Thursday, the Kremlin said.", "2025-12-01",
         {("vladimir-putin", "IND", "2025-12-04", "planned")}),
    ],
)
def test_a_visit_made_or_paid(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # video participation whose host is named as the meeting's presidency, told before it (news-final8 1323)
        ("The East Asia Summit begins on Wednesday under Brunei's presidency, again as a video conference. "
         "Russian President Vladimir Putin will make an address via a video linkup, Kremlin spokesman Dmitry "
         "Peskov said on Tuesday.", "2021-10-27", {("vladimir-putin", "BRN", "2021-10-27", "remote")}),
        # the host named as "the summit's host" with a demonym (news-final9 1417)
        ("Russian President Vladimir Putin took part in the virtual BRICS summit by video link from Sochi. The "
         "video shows him at his table with the summit's host, Brazilian President Luiz Inacio Lula da Silva, "
         "on the screen.", "2025-09-08", {("vladimir-putin", "BRA", "", "remote")}),
    ],
)
def test_the_venue_of_video_participation(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round twelve (after news-final11's evaluation): a speech "via satellite" is video participation (1624)
        ("Israeli Prime Minister Benjamin Netanyahu, via satellite, addressed the conference in Washington on "
         "Wednesday.", "2009-07-23", {("benjamin-netanyahu", "USA", "2009-07-22", "remote")}),
        # "satellite images" are no participation and no trip
        ("Satellite images show new barracks near Kharkiv, Putin said in Moscow on Monday.", "2022-07-25", set()),
        # the occasion of a leader named with "former" before the demonym, dated by a later sentence that names
        # the same ceremony and its day ahead of the report
        ("Vladimir Putin will not attend the state funeral of former Japanese Prime Minister Shinzo Abe, the "
         "Kremlin said on Monday. Tokyo has not yet sent invitations to the funeral, which is set for September "
         "27.", "2022-07-25", {("vladimir-putin", "JPN", "2022-09-27", "cancelled")}),
        # without that sentence the trip keeps no day of its own
        ("Vladimir Putin will not attend the state funeral of former Japanese Prime Minister Shinzo Abe, the "
         "Kremlin said on Monday.", "2022-07-25", {("vladimir-putin", "JPN", "", "cancelled")}),
        # "is expected in" a place is not yet there: a plan, on the report's day (news-final7 1252, news-final11 1609)
        ("Russia's defence minister, Sergei Shoigu, is expected in Belgrade today for a working visit.", "2020-02-17",
         {("sergei-shoigu", "SRB", "2020-02-17", "planned")}),
        ("Benjamin Netanyahu is expected in Rome today.", "2023-03-09",
         {("benjamin-netanyahu", "ITA", "2023-03-09", "planned")}),
        # the day a trip lasts "until" is not its first day, even when the text gives no other (news-final11 1642)
        ("During the trip, which will last until February 14, Sergei Shoigu will also visit Nicaragua, the spokesman "
         "said.", "2015-02-10", {("sergei-shoigu", "NIC", "", "planned")}),
        ("Sergei Shoigu will visit Nicaragua on February 12 and stay until February 14.", "2015-02-10",
         {("sergei-shoigu", "NIC", "2015-02-12", "planned")}),
        # "events in Bolivia" are a topic, not a destination (news-final11 1635)
        ("Vladimir Putin has arrived in Brazil for the BRICS summit. He will also meet the host, President Jair "
         "Bolsonaro, to discuss the main bilateral questions and the regional situation in view of events in Bolivia.",
         "2019-11-13", {("vladimir-putin", "BRA", "2019-11-13", "occurred")}),
        # a ceremony of another kind ("the summit") does not date it
        ("Vladimir Putin will not attend the state funeral of former Japanese Prime Minister Shinzo Abe, the "
         "Kremlin said on Monday. The Kremlin said a summit with Kishida is set for September 27.", "2022-07-25",
         {("vladimir-putin", "JPN", "", "cancelled")}),
    ],
)
def test_round_twelve(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("sentence", "place", "venue"),
    [
        ("The summit begins on Wednesday under Brunei's presidency.", "Brunei", True),
        ("The summit was held under Brunei as a video conference.", "Brunei", False),  # "under" alone: no chair
        ("The leaders' summit, which Malaysia is hosting, starts at 8 p.m.", "Malaysia", True),
        ("It will be chaired by Malaysian Prime Minister Muhyiddin Yassin.", "Malaysian", True),
        ("The summit will discuss Malaysia's economy.", "Malaysia", False),
    ],
)
def test_a_meetings_host_or_chair(sentence, place, venue):
    from warrantwatch.news.extract import _is_venue
    from warrantwatch.news.gazetteer import Hit

    start = sentence.index(place)
    assert _is_venue(sentence, Hit(start, start + len(place), "place", "X", place)) is venue


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round thirteen (after news-final12's evaluation, 1747): "Among those detained are ..." lists the persons of
        # the arrest of many told before; its own "detained" is no other arrest; "have arrested" is the report's day;
        # a person named in a possessive ("Bashir's former vice-president") is not one of those listed
        ("Sudanese authorities have arrested more than 100 figures close to President Omar al-Bashir, sources said. "
         "Among those detained are the former defence minister Abdel Rahim Mohamed Hussein and Bashir's former "
         "first vice-president Ali Osman Taha.", "2019-04-11",
         {("abdel-raheem-muhammad-hussein", "SDN", "2019-04-11", "arrest")}),
        # a day "since" which something else has lasted is not a day told of the person (news-final12 1718)
        ("Rodrigo Duterte apologised for cutting short his trip to Russia, which was to have lasted until May 26. He "
         "decided to go home early to oversee the crisis in Marawi City, which the Maute Group has occupied since "
         "Tuesday afternoon; at least three soldiers have been killed.", "2017-05-24",
         {("rodrigo-duterte", "RUS", "", "occurred")}),
        # an arrest of many on a day the text gives keeps that day
        ("Sudan's authorities detained several leading members late on Saturday. Among those detained were Ahmed "
         "Haroun and Abdel Rahim Mohamed Hussein.", "2019-04-08",
         {("ahmad-harun", "SDN", "2019-04-06", "arrest"), ("abdel-raheem-muhammad-hussein", "SDN", "2019-04-06",
                                                          "arrest")}),
    ],
)
def test_round_thirteen(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round fourteen (after news-final13's evaluation): a calling-off told as inability, refusal, an aside
        # between "not" and the verb, or a trip "not on his agenda"
        ("President Omar al-Bashir will be unable to attend the summit in Nairobi on Saturday, his office said.",
         "2016-05-02", {("omar-al-bashir", "KEN", "2016-05-07", "cancelled")}),
        ("Vladimir Putin will not, after all, attend the summit in Lima on Friday, the Kremlin said.", "2024-11-11",
         {("vladimir-putin", "PER", "2024-11-15", "cancelled")}),
        ("The Kremlin explained Vladimir Putin's refusal to take part in the summit in Washington on Thursday.",
         "2016-03-29", {("vladimir-putin", "USA", "2016-03-31", "cancelled")}),
        ("Muammar Gaddafi is a notable absence at the swearing-in in Khartoum on Thursday.", "2010-05-26",
         {("muammar-gaddafi", "SDN", "2010-05-27", "cancelled")}),
        ("Peskov said a trip to Santiago on Saturday is not on Vladimir Putin's agenda.", "2019-10-30",
         {("vladimir-putin", "CHL", "2019-11-02", "cancelled")}),
        ("Netanyahu has dropped his plans to attend the summit in Washington on Monday.", "2010-04-09",
         {("benjamin-netanyahu", "USA", "2010-04-12", "cancelled")}),
        ("Rodrigo Duterte said he is not likely to attend the summit in Washington on May 12.", "2022-04-28",
         {("rodrigo-duterte", "USA", "2022-05-12", "cancelled")}),
        ("Netanyahu won't join the conference in Vienna on Tuesday, his office said.", "2020-11-06",
         {("benjamin-netanyahu", "AUT", "2020-11-10", "cancelled")}),
        # video participation: a conference "hosted by the Chancellor of Austria" (news-final10 1504); "take part in
        # a virtual conference" hosted by a state, dated by the conference's day told after (news-final11 1622)
        ("Benjamin Netanyahu took part on Tuesday in a video conference with other leaders. The conference was "
         "hosted by the Chancellor of Austria, Sebastian Kurz.", "2020-11-10",
         {("benjamin-netanyahu", "AUT", "2020-11-10", "remote")}),
        ("Rodrigo Duterte will take part in a virtual conference hosted by Jordan's King Abdullah II, his office "
         "confirmed on Sunday. The virtual conference will be held on Wednesday.", "2020-08-30",
         {("rodrigo-duterte", "JOR", "2020-09-02", "remote")}),
        # a venue governed by "skip" or "attend" is where the trip goes (news-final9 1438)
        ("Rodrigo Duterte will skip the United Nations General Assembly later this month.", "2017-09-01",
         {("rodrigo-duterte", "USA", "2017-09", "cancelled")}),
        # "will not be among the heads of state at", "is not going to" (news-final9 1406, 1437)
        ("Omar al-Bashir will not be among the heads of state at the opening ceremony in South Africa on Friday.",
         "2010-06-10", {("omar-al-bashir", "ZAF", "2010-06-11", "cancelled")}),
        ("Vladimir Putin is not going to the summit in Ankara on Saturday, his aide said.", "2023-06-01",
         {("vladimir-putin", "TUR", "2023-06-03", "cancelled")}),
        # an arrest told as a state: "is in its custody", "was under arrest" (news-final9 1407)
        ("Libyan authorities say that Mahmoud al-Werfalli is in its custody in Benghazi.", "2017-08-20",
         {("mahmoud-al-werfalli", "LBY", "", "arrest")}),
        # "has no plans to attend the funeral of the late Cuban leader": an occasion skipped (news-final6 1145); "no
        # plans to visit" stays no trip, and so does others' "not planning to attend the summit"
        ("Vladimir Putin has no plans to attend the funeral of the late Cuban leader Fidel Castro, Peskov said.",
         "2016-11-28", {("vladimir-putin", "CUB", "", "cancelled")}),
        ("Vladimir Putin has no plans to visit Armenia, Peskov said.", "2016-11-28", set()),
        # an arrest in a sentence that names no state but the person's own (news-final4 912)
        ("Saif al-Islam was detained in the southern desert on Saturday, Libya's interim justice minister said.",
         "2011-11-19", {("saif-al-islam-gaddafi", "LBY", "2011-11-19", "arrest")}),
        # persons arrested together: each of them
        ("Police said Gicheru and Bett were arrested in Nairobi on Friday.", "2015-08-03",
         {("paul-gicheru", "KEN", "2015-07-31", "arrest"), ("philip-kipkoech-bett", "KEN", "2015-07-31", "arrest")}),
        # a place inside a relative clause closed before the arrest word is not where the arrest was; "has just been
        # detained" is the report's news, of its day
        ("Ngaissona, whose militia is feared in the Central African Republic, has just been detained in the north "
         "of Congo.", "2014-02-27", {("patrice-edouard-ngaissona", "COG", "2014-02-27", "arrest")}),
        # ... but "has been arrested" alone, told the day after, is not dated by the report
        ("Njeem Osama Elmasry has been arrested in Turin on a warrant of the court.", "2025-01-20",
         {("osama-elmasry-njeem", "ITA", "", "arrest")}),
        # "his plans for a visit to China in May": planned, whatever the tense of "confirmed"; its city is that visit
        ("Vladimir Putin confirmed on Thursday his plans for a visit to China in May to attend a forum in Beijing.",
         "2017-04-13", {("vladimir-putin", "CHN", "2017-05", "planned")}),
        # a state's part in a place is no trip there
        ("Netanyahu flew to Moscow on Thursday, a sign of Russia's influence because of its engagement in Syria.",
         "2017-03-09", {("benjamin-netanyahu", "RUS", "2017-03-09", "occurred")}),
        # from news-final12's errors: the state that announces a hand-over to the court made it (1701)
        ("Charles Blé Goudé was handed over to the International Criminal Court on Saturday, the Ivorian government "
         "announced.", "2014-03-22", {("charles-ble-goude", "CIV", "2014-03-22", "arrest")}),
        # a pronoun after another subject's verb is that subject's (1746)
        ("Netanyahu will meet Obama at the White House next Tuesday. Obama wants to meet Netanyahu soon, before "
         "Mahmoud Abbas arrives in Washington for his own meeting in a few weeks.", "2010-05-25",
         {("benjamin-netanyahu", "USA", "2010-06-01", "planned")}),
        # "is due to set off today" is a plan of the report's day (1744); "support for Bashir" is no traveller
        ("Omar al-Bashir is due to set off today on a two-day official visit to Libya. The summit in Kampala last "
         "month reiterated its support for Bashir.", "2010-08-03",
         {("omar-al-bashir", "LBY", "2010-08-03", "planned")}),
    ],
)
def test_round_fourteen(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


def test_a_dateline_with_the_outlet_after_the_year_is_no_part_of_the_evidence(kb):
    # round fourteen (news-final12 1746): "Tuesday, May 25, 2010 (Haaretz) —" is where and when the report was filed
    (event,) = extract(kb, "Tuesday, May 25, 2010 (Haaretz) — Netanyahu will fly to Paris on Thursday, officials said.",
                       dt.date(2010, 5, 25))
    assert event.evidence[0].startswith("Netanyahu will fly to Paris")


def test_talks_told_first_under_a_dateline_are_held_where_the_report_was_filed(kb):
    # round fourteen (news-final13 1807): an upper-case dateline's particles ("EL-SHEIKH"), two agencies in brackets
    # (no bureau), and talks the report's first sentence tells, with no place of its own; since round 26 the
    # dateline's day dates them, as the item does
    assert read_events(kb, "SHARM EL-SHEIKH, Tuesday (DPA/IANS). Mahmoud Abbas and Benjamin Netanyahu held "
                           "face-to-face talks, the US envoy said on Tuesday.", "2010-09-14") == {
        ("benjamin-netanyahu", "EGY", "2010-09-14", "occurred")}


def test_a_dateline_closed_by_a_full_stop_after_the_agency_is_the_occasions_place(kb):
    # round fourteen (news-final13 1807, 1830 write datelines so): "KAMPALA, May 12 (Reuters). " is a dateline, and
    # the occasion the report was filed from is where "will also attend and speak at the event" is
    assert read_events(kb, "KAMPALA, May 12 (Reuters). Sudanese President Omar al-Bashir will also attend and speak "
                           "at the event, officials said.", "2016-05-12") == {("omar-al-bashir", "UGA", "2016-05",
                                                                               "planned")}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round fourteen (news-final11 1646, 1647, news-final13 1801): a called-off occasion told without its place
        # takes the place a later sentence says the same occasion is held in, and that sentence's day
        ("Vladimir Putin will not attend the funeral of the former king, the Kremlin said on Friday. Peskov gave no "
         "reason. The state funeral is expected to take place on September 19 at Westminster Abbey.", "2022-09-09",
         {("vladimir-putin", "GBR", "2022-09-19", "cancelled")}),
        ("Netanyahu has dropped his plans to attend the nuclear security summit next week. It will be one of the "
         "largest gatherings ever held in Washington. The summit takes place on Monday and Tuesday.", "2010-04-09",
         {("benjamin-netanyahu", "USA", "2010-04-12", "cancelled")}),
        # another occasion's venue is not this one's
        ("Vladimir Putin will not attend the funeral, the Kremlin said. The summit will be held in Paris on Monday.",
         "2022-09-09", set()),
    ],
)
def test_a_called_off_occasions_venue_told_later(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round fifteen (after news-final14's evaluation; to be measured on news-final15): what the traveller will do
        # where he has arrived does not date the arrival (1891), behind a dateline "BEIJING. Oct 20 (Interfax) - "
        ("BEIJING. Oct 20 (Interfax) - Sergei Shoigu has arrived in China, where he will attend the forum on Monday, "
         "his spokeswoman said.", "2019-10-20", {("sergei-shoigu", "CHN", "2019-10-20", "occurred")}),
        # a plan undone: "his flight to Hong Kong was due at three in the morning, but ..." (1855)
        ("Ronald dela Rosa said his flight to Hong Kong on Saturday was due at three in the morning, but someone "
         "warned him.", "2025-03-17", set()),
        # where a diplomat is posted is no destination ("Sudan's ambassador in Doha", 1898)
        ("Sudan's ambassador in Doha, Yasser Youssef, told the news agency that the emir will be accompanied by a "
         "delegation that will hold talks with President Omar al-Bashir on Wednesday.", "2014-03-29", set()),
        # "through a live satellite link-up" (1872)
        ("Muammar Gaddafi addressed students in Washington on Monday through a live satellite link-up.", "2007-10-25",
         {("muammar-gaddafi", "USA", "2007-10-22", "remote")}),
    ],
)
def test_round_fifteen(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round sixteen (after news-final15's evaluation): "in April last year" is the April of the year before
        # the report's, also for a trip called off (it had been read as this year's April, 1940)
        ("Al-Bashir travelled to Jakarta on Saturday; in April last year he cancelled at the last minute a trip to "
         "Egypt for a summit.", "2016-03-07", {("omar-al-bashir", "IDN", "2016-03-05", "occurred"),
                                               ("omar-al-bashir", "EGY", "2015-04", "cancelled")}),
        ("Putin will visit Mongolia in April next year.", "2016-03-07", {("vladimir-putin", "MNG", "2017-04",
                                                                           "planned")}),
        # a trip the article says is denied is no trip, nor the reports it retells (1906)
        ("A Russian military and diplomatic source has denied Turkish media reports that Valery Gerasimov plans to "
         "visit Ankara on Friday. Turkish media had earlier reported that Gerasimov would hold talks in Ankara on "
         "Friday.", "2016-08-25", set()),
        # (a calling-off denied is still a trip; what comes before the denial is not denied)
        ("The Kremlin denied reports that Putin would skip the summit in Ankara on Friday.", "2016-08-25",
         {("vladimir-putin", "TUR", "2016-08-26", "planned")}),
        # topics of talks: "the crises in and around Iraq and Iran" (1919)
        ("Putin is to fly on to Qatar today, where he will meet the emir in Doha to discuss the crises in and around "
         "Iraq and Iran.", "2007-02-12", {("vladimir-putin", "QAT", "2007-02-12", "planned")}),
        # a dateline with its place in title case: "Milan, 8 February (LaPresse) - " dates no trip (1942)
        # (it had dated the trip to Budapest by the report's day beside "next month")
        ("Milan, 8 February (LaPresse) - Netanyahu is expected to travel to Hungary next month to speak at a "
         "conference in Budapest, his office said.", "2026-02-08", {("benjamin-netanyahu", "HUN", "2026-03",
                                                                     "planned")}),
    ],
)
def test_round_sixteen(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round sixteen: "Vladimir V. Putin" is no Russian city of Vladimir, so the dateline is the scene (1933)
        ("JERUSALEM - Russian President Vladimir V. Putin arrived on Wednesday night for a visit.", "2005-04-28",
         {("vladimir-putin", "ISR", "2005-04-27", "occurred")}),
        # "at the invitation of" is the visit's occasion, not a plan (1939)
        ("Omer al-Bashir returned home on Tuesday afternoon after a visit to Turkey at the invitation of his Turkish "
         "counterpart.", "2018-10-31", {("omar-al-bashir", "TUR", "", "occurred")}),
        # a called-off summit held at "the annual gathering in the Tunisian capital" (1936)
        ("SUNA said on Wednesday that al-Bashir would not attend the summit. It said the defence minister will lead "
         "the Sudanese delegation to the annual gathering in the Tunisian capital on Sunday.", "2019-03-27",
         {("omar-al-bashir", "TUN", "2019-03-31", "cancelled")}),
        # "met Xi on Monday ... cooperation between China and the Philippines. The meeting took place ... in Beijing"
        # (1938: the states of a topic are no venue of the meeting, and the meeting's tense is the one it was told in)
        ("Rodrigo Duterte met Chinese President Xi Jinping on Monday, and Xi hoped for cooperation between China "
         "and the Philippines. The meeting took place at a guesthouse in Beijing on Monday, Chinese media reported.",
         "2023-07-17", {("rodrigo-duterte", "CHN", "2023-07-17", "occurred")}),
    ],
)
def test_round_sixteen_scenes(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round sixteen: "In press statements on Friday, ... said" is the statement's day, not the trip's (1913)
        ("In press statements on Friday, Aror said the visit is part of a tour that al-Bashir started last week by "
         "visiting Qatar.", "2019-01-25", {("omar-al-bashir", "QAT", "2019-01", "occurred")}),
        # video participation told in the sentence after: "The meeting will be held in the format of a
        # videoconference, it will be chaired by the Republic of Uzbekistan" (1916)
        ("On December 18, Vladimir Putin will take part in a session of the Council of CIS Leaders. The meeting will "
         "be held in the format of a videoconference, it will be chaired by the Republic of Uzbekistan.", "2020-12-16",
         {("vladimir-putin", "UZB", "2020-12-18", "remote")}),
        # (a meeting he takes part in that is held somewhere, not by video, is no video participation)
        ("On December 18, Vladimir Putin will take part in a summit of CIS leaders. The summit will be held in "
         "Tashkent.", "2020-12-16", {("vladimir-putin", "UZB", "2020-12-18", "planned")}),
    ],
)
def test_round_sixteen_days_and_video(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round sixteen, from spent sets: "said at a Malacañang briefing on Friday, January 19" is the briefing's day
        # (news-final10 1518)
        ("President Rodrigo Duterte will fly to India on Wednesday, January 24, for his first foreign trip of the "
         "year. The Philippine leader will attend the summit, de la Vega said at a Malacañang briefing on Friday, "
         "January 19.", "2018-01-19", {("rodrigo-duterte", "IND", "2018-01-24", "planned")}),
        # "worried by U.S. overtures to Iran and Syria" names topics (news-final12 1745)
        ("Binyamin Netanyahu, worried by U.S. overtures to Iran and Syria, arrived in Washington yesterday for his "
         "first visit with President Obama.", "2009-05-18", {("benjamin-netanyahu", "USA", "2009-05-17",
                                                              "occurred")}),
        # a party to the agreements a trip follows is not its traveller (news-final10 1537)
        ("In line with the agreements between the presidents of the Russian Federation, Vladimir Putin, and of the "
         "Republic of Turkey, Recep Tayyip Erdogan, the ministers Sergei Lavrov and Sergei Shoigu will arrive in "
         "Turkey on 14 June.", "2020-06-12", {("sergei-shoigu", "TUR", "2020-06-14", "planned")}),
    ],
)
def test_round_sixteen_spent_sets(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round sixteen, from spent sets the learned stage is trained on: "an online campaign about Joseph Kony" is no
        # video participation (news-final6 1126)
        ("The verdict in The Hague comes as child soldiers are in the headlines after an online campaign about "
         "Joseph Kony, who is also wanted by the court.", "2012-03-14", set()),
        # "business ventures in Japan" and "the threat from Iran" are topics (news-final7 1214, 1251)
        ("Asked about a dinner in December 2012, Netanyahu said they had met among dozens of economists and talked "
         "about Elovitch's business ventures in Japan.", "2024-12-11", set()),
        ("Mr Sunak greeted Benjamin Netanyahu outside Number 10 ahead of talks on security and the threat from Iran.",
         "2023-03-24", set()),
        # a day after a semicolon is of something else, not of "the visit" (news-final7 1251)
        ("Rishi Sunak has met Benjamin Netanyahu at Downing Street. The visit comes as Israel is gripped by "
         "demonstrations; on Thursday tens of thousands of Israelis again took to the streets.", "2023-03-24",
         {("benjamin-netanyahu", "GBR", "", "occurred")}),
    ],
)
def test_round_sixteen_learned_sets(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round seventeen (after news-final16's evaluation; to be measured on news-final17): a plan changed ("had
        # already cut the visit ... to a few hours on Thursday") is no trip made (1955)
        ("Netanyahu has reportedly called off an official visit to Germany. The summit was to take place on Thursday "
         "in Berlin. Earlier this week Netanyahu had already cut the visit from 36 hours over Wednesday and Thursday "
         "to a few hours on Thursday.", "2015-10-07", {("benjamin-netanyahu", "DEU", "2015-10-08", "cancelled")}),
        # a weekday written before the full day it names: "on Wednesday, 21 August 2019" (1952)
        ("The President of Russia, Vladimir Putin, will make a working visit to Finland on Wednesday, 21 August 2019.",
         "2019-08-14", {("vladimir-putin", "FIN", "2019-08-21", "planned")}),
        # "told a Palace briefing on Friday, April 20" is the briefing's day (1956)
        ("Rodrigo Duterte will be in Singapore from April 26 to 28 for the summit. He is to take part in two events, "
         "dela Vega told a Palace briefing on Friday, April 20.", "2018-04-20",
         {("rodrigo-duterte", "SGP", "2018-04-26", "planned")}),
        # "flew to Baku from Yerevan, where in the morning he held talks": both are stops (1976)
        ("Shoigu flew to Baku from Yerevan, where in the morning he held talks with Armenian Prime Minister Nikol "
         "Pashinyan.", "2020-11-21", {("sergei-shoigu", "AZE", "", "occurred"),
                                      ("sergei-shoigu", "ARM", "", "occurred")}),
        # "by teleconference"; a chair named later (1973)
        ("MANILA, Philippines -- President Rodrigo Duterte attended the opening ceremony of the ASEAN Summit by "
         "teleconference on Thursday morning. The summit is chaired by Vietnam.", "2020-11-12",
         {("rodrigo-duterte", "VNM", "2020-11-12", "remote")}),
        # the venue of a meeting joined by video: "The meeting in Brussels was already scheduled" (1988)
        ("Yoav Gallant is expected to take part by videoconference in a meeting of NATO defence ministers on "
         "Thursday, a Western official said on Tuesday. The meeting in Brussels was already scheduled to discuss the "
         "war in Ukraine.", "2023-10-10", {("yoav-gallant", "BEL", "2023-10-12", "remote")}),
        # "speaks to Putin on the phone after postponing a visit to Moscow": the one spoken to does not travel, and
        # "postponing" calls it off (1990)
        ("Benjamin Netanyahu speaks to Russian President Vladimir Putin on the phone after postponing a visit to "
         "Moscow.", "2019-02-21", {("benjamin-netanyahu", "RUS", "", "cancelled")}),
        # a day that opens the sentence before who told something is the telling's day (a rule written in round four
        # whose "^" had kept it from ever applying)
        ("Netanyahu postponed his visit to Moscow. Yesterday, Kremlin officials told Russian state media that the "
         "meeting had been put off.", "2019-02-21", {("benjamin-netanyahu", "RUS", "", "cancelled")}),
    ],
)
def test_round_seventeen(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round eighteen (after news-final17's evaluation): "the inauguration of Uhuru Kenyatta as Kenya's fourth Head
        # of State" is held in Kenya (2019)
        ("Sudan's President Omar al Bashir will not attend Tuesday's inauguration of Uhuru Kenyatta as Kenya's fourth "
         "Head of State.", "2013-04-08", {("omar-al-bashir", "KEN", "2013-04-09", "cancelled")}),
        # titles are no venues, and the chair named with two titles is the video meeting's host (2030)
        ("An extraordinary session of the CSTO Collective Security Council, chaired by the Chairman of the Council, "
         "Prime Minister of the Republic of Armenia Nikol Pashinyan, took place today. The session, held by video "
         "conference, was attended by Russian President Vladimir Putin, President of Belarus Alexander Lukashenko "
         "and President of Kazakhstan Kassym-Jomart Tokayev.", "2022-01-10",
         {("vladimir-putin", "ARM", "2022-01-10", "remote")}),
        # (a state named after a title's "of the ... to" is still a destination: "made his first State Visit as
        # President of the Philippines to the Republic of Indonesia", news-final9 1403)
        ("Rodrigo Duterte made his first State Visit as President of the Philippines to the Republic of Indonesia on "
         "8 September.", "2016-09-10", {("rodrigo-duterte", "IDN", "2016-09-08", "occurred")}),
        # "has welcomed Netanyahu in Berlin ahead of talks with Merkel": made, not planned (2047)
        ("German President Horst Koehler has welcomed Israeli Prime Minister Benjamin Netanyahu in Berlin ahead of "
         "talks with Chancellor Angela Merkel.", "2009-08-26", {("benjamin-netanyahu", "DEU", "", "occurred")}),
        # "one of his key aides had travelled to Britain": the aide's trip, not his (2011)
        ("Saif al-Islam Gaddafi is wanted by the court. Downing Street spoke after it emerged that one of his key "
         "aides, Mohammed Ismail, had travelled to Britain earlier this week.", "2011-04-01", set()),
        # a court's seat is no scene for the next sentence ("indicted by the war crimes court in The Hague", 2009)
        ("Haroun, who has been indicted by the war crimes court in The Hague, told reporters that the president had "
         "informed the meeting of his decision to make him acting chairman. The meeting \"took note\" of the "
         "president's decision to delegate his powers to Haroun, set out in his speech to the nation last Friday.",
         "2019-02-28", set()),
    ],
)
def test_round_eighteen(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round nineteen (after news-final18's evaluation; to be measured on news-final19): "will not fly to Mexico
        # for the inauguration" calls the trip off (2065)
        ("Russian President Vladimir Putin will not fly to Mexico for the inauguration of President-elect Claudia "
         "Sheinbaum.", "2024-09-28", {("vladimir-putin", "MEX", "", "cancelled")}),
        # "The two leaders met in Egypt's Red Sea resort of Sharm el-Sheikh": both, the last subject among them (2090)
        ("Benjamin Netanyahu asked Egyptian President Hosni Mubarak on Thursday to persuade the Palestinians. The two "
         "leaders met in Egypt's Red Sea resort of Sharm el-Sheikh to discuss the stalled peace talks.", "2011-01-06",
         {("benjamin-netanyahu", "EGY", "2011-01-06", "occurred")}),
        # (not "The two leaders have not talked in person since the July 11 NATO summit in Vilnius")
        ("Benjamin Netanyahu called Greece's prime minister. The two leaders have not talked in person since the July "
         "11 NATO summit in Vilnius.", "2023-07-20", set()),
        # "signed a peace deal in Ouagadougou ... on Sunday" (2086)
        ("Laurent Gbagbo and Guillaume Soro signed a peace deal in Ouagadougou, the capital of Burkina Faso, on "
         "Sunday.", "2007-03-05", {("laurent-gbagbo", "BFA", "2007-03-04", "occurred")}),
        # "stopped over in Jakarta ... on his way to the summit ... in Sydney": the next leg is ahead (2060), but
        # "On the way to Tokyo, ... were to stop in Seoul" makes Seoul no next leg
        ("Vladimir Putin stopped over in Jakarta for a one-day visit on his way to the summit of the Asia-Pacific "
         "Economic Cooperation group in Sydney.", "2007-09-06", {("vladimir-putin", "IDN", "", "occurred"),
                                                                ("vladimir-putin", "AUS", "", "planned")}),
        # "arrived this morning for a three-day Canadian visit" (2071)
        ("Netanyahu and Harper are discussing Iran. The Israeli leader, who arrived this morning for a three-day "
         "Canadian visit, said Iran was a top subject.", "2012-03-02",
         {("benjamin-netanyahu", "CAN", "2012-03-02", "occurred")}),
    ],
)
def test_round_nineteen(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round twenty (after news-final19's evaluation; no untouched set measures it yet): a trip read as made only
        # weakly (the place borrowed, or no word that makes it a destination) does not undo a calling-off told of
        # the same trip (news-final19 2108)
        ("Prime Minister Binyamin Netanyahu has called off his trip to Abu Dhabi next week, as international travel "
         "is still banned. Netanyahu had faced criticism over the trip and answered on Twitter that it was of great "
         "importance.", "2021-02-04", {("benjamin-netanyahu", "ARE", "2021-02", "cancelled")}),
        # the day written just before the calling-off is the decision's, not the trip's (news-final5 1041)
        ("Israeli Prime Minister Benjamin Netanyahu on Tuesday called off a visit to India scheduled for next week.",
         "2019-09-03", {("benjamin-netanyahu", "IND", "2019-09", "cancelled")}),
        # (a trip made, told directly, still stands beside a part of it called off)
        ("Omar al-Bashir arrived in Cairo on Monday for talks. He cancelled the second day of his visit to Egypt.",
         "2016-05-18", {("omar-al-bashir", "EGY", "2016-05-16", "occurred")}),
    ],
)
def test_round_twenty(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 21 (from the spent sets' errors; no untouched set measures it yet): "this past January" is the last
        # January (news-final10 1521)
        ("Netanyahu met them on the sidelines of the World Economic Forum in Davos, Switzerland, this past January.",
         "2018-05-27", {("benjamin-netanyahu", "CHE", "2018-01", "occurred")}),
        # a state named before the clause that tells the trip ("when he came to ... in 2015") is dated by that
        # clause, not by the statement about it (news-final19 2117)
        ("The International Criminal Court on Thursday rebuked South Africa for failing to arrest Sudan's president "
         "Omar al-Bashir on a genocide warrant when he came to Johannesburg in 2015.", "2017-07-07",
         {("omar-al-bashir", "ZAF", "2015", "occurred")}),
        # "close links to the United States", "border tensions with China": relations, not destinations (news-final18
        # 2060, 2069)
        ("Vladimir Putin today signed a major arms deal on a visit to Indonesia, a sign of Russia's intent to extend "
         "its influence in a country with traditionally close links to the United States.", "2007-09-06",
         {("vladimir-putin", "IDN", "2007-09-06", "occurred")}),
        ("Sources said Singh would brief Russian Defense Minister Sergei Shoigu on India's border tensions with China "
         "during his visit.", "2020-06-21", set()),
        # a planned stop's own day beats a day shared with another stop (news-final8 1338, news-final12 1721)
        ("President al-Bashir will begin on Sunday a visit to Kuwait and the UAE, the agency said. The president will "
         "leave for the UAE on Monday, on a tour that will also take him to Saudi Arabia. He is to arrive in Saudi "
         "Arabia on Tuesday for a three-day visit.", "2017-07-15",
         {("omar-al-bashir", "KWT", "2017-07-16", "planned"), ("omar-al-bashir", "ARE", "2017-07-17", "planned"),
          ("omar-al-bashir", "SAU", "2017-07-18", "planned")}),
        # "He announced the visit ... on Monday": the announcement, not a trip made that day (news-final12 1721)
        ("Benjamin Netanyahu will travel to Brussels on December 11 to join a meeting of EU foreign ministers. He "
         "announced the visit at a faction meeting on Monday.", "2017-11-20",
         {("benjamin-netanyahu", "BEL", "2017-12-11", "planned")}),
        # (a trip made keeps its arrival's day beside a meeting's day written at the place)
        ("Netanyahu's aircraft flew over Greece and Italy on its way to Washington, where he arrived on Tuesday. He "
         "is due to see Trump at the White House on Wednesday.", "2026-02-11",
         {("benjamin-netanyahu", "USA", "2026-02-10", "occurred")}),
        # the person spoke to the press in a place, so was there (news-final16 1983, news-final10 1547); not another
        # speaker's place, not by video
        ("Boc spoke at a joint news conference with Netanyahu in the Romanian capital on Wednesday.", "2011-07-06",
         {("benjamin-netanyahu", "ROU", "2011-07-06", "occurred")}),
        ("Speaking at a news conference in Paris, Israeli Prime Minister Benjamin Netanyahu said he had spoken with "
         "Donald Trump.", "2018-11-11", {("benjamin-netanyahu", "FRA", "", "occurred")}),
        ("Vladimir Putin said at a joint news conference with Kassym-Jomart Tokayev in Astana on Wednesday that the "
         "talks went well.", "2019-04-04", {("vladimir-putin", "KAZ", "2019-04-03", "occurred")}),
        ("Lavrov told reporters in Ankara on Wednesday that the two ministers discussed Syria with Putin's approval.",
         "2019-04-04", set()),
        ("Vladimir Putin, speaking by video link, told a news conference in Astana that the talks went well.",
         "2019-04-04", {("vladimir-putin", "KAZ", "", "remote")}),
        # datelines with the year, and with the day before the month (news-final19 2131, news-final19 2109)
        ("ASTANA, 23 May 2018 (Kazinform) - Head of State Nursultan Nazarbayev on Wednesday held a meeting with "
         "Russia's Defense Minister Sergei Shoigu, the Akorda press service said.", "2018-05-23",
         {("sergei-shoigu", "KAZ", "2018-05-23", "occurred")}),
        ("TRIPOLI, May 28, 2009 (AFP) - Sudan's President Omar al-Beshir, who faces an international arrest warrant, "
         "will attend a summit of African leaders in Libya at the weekend, a Libyan official said on Thursday. The "
         "two-day summit of the 28-member Community of Sahel-Saharan States (Cen-Sad) opens on Friday in Sabratha, a "
         "UNESCO World Heritage town west of Tripoli.", "2009-05-28",
         {("omar-al-bashir", "LBY", "2009-05-29", "planned")}),
        # "the visiting Defence Minister of Russia, Sergei Shoigu": visiting the place of the report (news-final19 2132,
        # news-final14 1886); not the host who receives a visitor
        ("NUR-SULTAN, 16 October 2020 (Kazinform) - Kazakhstan's Defence Minister Nurlan Yermekbayev and the visiting "
         "Defence Minister of Russia, Sergei Shoigu, confirmed at today's meeting their readiness to develop further "
         "the strategic partnership.", "2020-10-16", {("sergei-shoigu", "KAZ", "2020-10-16", "occurred")}),
        ("MINSK, Belarus (AP) - Belarus President Alexander Lukashenko greeted the visiting Libyan leader, Moammar "
         "Gadhafi, on Sunday and said he hoped to boost ties.", "2008-11-02",
         {("muammar-gaddafi", "BLR", "2008-11-02", "occurred")}),
        ("MOSCOW, May 5 (Reuters) - Vladimir Putin received the visiting Turkish president on Monday.", "2019-05-06",
         set()),
        # a visit discussed or prepared for is ahead (news-final11 1623)
        ("Officials on Tuesday discussed a visit to Budapest by Russian President Vladimir Putin on October 30.",
         "2019-09-26", {("vladimir-putin", "HUN", "2019-10-30", "planned")}),
        ("Hungarian officials are preparing for a state visit to Budapest by Vladimir Putin.", "2019-09-26",
         {("vladimir-putin", "HUN", "", "planned")}),
        # "Before leaving for Greece, Netanyahu said": the opening clause is his, and he has left (news-final11 1641,
        # news-final13 1837: not dated by "a Friday address" told after it)
        ("Before leaving for Greece, Netanyahu said the summit would focus on innovation and energy.", "2017-06-15",
         {("benjamin-netanyahu", "GRC", "", "occurred")}),
        ("Before leaving for New York, Netanyahu told reporters he would refute the lies, a reference to a Friday "
         "address by Mahmoud Abbas.", "2014-09-29", {("benjamin-netanyahu", "USA", "", "occurred")}),
        # (not "deter warplanes from flying low over the residence of Syrian President Bashar Assad", news-final15 1933)
        ("Putin told an Israeli television station last week that the weapons would deter warplanes from flying low "
         "over the residence of Syrian President Bashar Assad.", "2005-04-28", set()),
        # "Gallant said in Berlin on Thursday" (news-final12 1728); not at home, not another's spokesman
        ("\"Germany has greatly contributed to Israel's security,\" Gallant said in Berlin on Thursday.", "2023-09-28",
         {("yoav-gallant", "DEU", "2023-09-28", "occurred")}),
        ("Putin's spokesman said in Beijing on Thursday that all was well.", "2023-09-28", set()),
        # "flew in from Tajikistan, where earlier on Tuesday he had attended a meeting" was a stop (news-final12 1707)
        ("Shoigu flew in from Tajikistan, where earlier on Tuesday he had attended a meeting of the defence ministers "
         "of the CSTO.", "2021-04-27", {("sergei-shoigu", "TJK", "2021-04-27", "occurred")}),
    ],
)
def test_round_twenty_one(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 22 (from news-final20's errors, after its one evaluation; no untouched set measures it yet): a day
        # written without its year is of the year written with it before (2160), not the report's
        ("Fifteen years ago, on 24 February 2005, George Bush and Vladimir Putin met in Bratislava. The Russian "
         "president, Vladimir Putin, flew into Bratislava with his wife on 24 February at about 14:30.", "2020-02-24",
         {("vladimir-putin", "SVK", "2005-02-24", "occurred")}),
        # video told "in a video call", "by video conferencing" (2171)
        ("Prime Minister Binyamin Netanyahu addressed the Saban Forum in Washington, D.C. on Sunday in a video call.",
         "2015-12-06", {("benjamin-netanyahu", "USA", "2015-12-06", "remote")}),
        # "has set off for": under way, told on the report's day (2161)
        ("The Secretary of Russia's Security Council, Sergei Shoigu, has set off for the United Arab Emirates on a "
         "working visit, TASS reports.", "2024-10-28", {("sergei-shoigu", "ARE", "2024-10-28", "occurred")}),
        # a dateline with the day before the month and the agency closed by a full stop: the venue of a ceremony
        # joined by video (2170)
        ("CAIRO, 18 Nov (RIA Novosti). Egyptian President Abdel Fattah al-Sisi and Russian President Vladimir Putin "
         "will take part by video link on Wednesday, 19 November, in the ceremony marking the installation of the "
         "reactor vessel at the El Dabaa nuclear power plant, the Egyptian leader's office said.", "2025-11-18",
         {("vladimir-putin", "EGY", "2025-11-19", "remote")}),
        # "planned a trip to Rome" stays a plan whenever the planning was, so a calling-off told of it stands (2187,
        # news-final10 1546)
        ("Netanyahu has cancelled a planned trip to Italy this week, sources said. A few weeks ago Netanyahu planned "
         "a trip to Rome, where he was to meet Italian Prime Minister Enrico Letta.", "2013-09-09",
         {("benjamin-netanyahu", "ITA", "2013-09", "cancelled")}),
        ("Russia's foreign and defence ministers have postponed a planned visit to Turkey on Sunday to discuss the "
         "conflicts in Libya and Syria. Sergei Lavrov and Sergei Shoigu had intended to visit Istanbul on Sunday "
         "under an agreement between Erdogan and Putin, the foreign ministries said on Saturday. But both now say the "
         "visit is postponed.", "2020-06-14",
         {("sergei-shoigu", "TUR", "2020-06-14", "cancelled")}),
        # a trip called off and told as scheduled for a day: called off, on that day (news-final16 1981)
        ("The postponement comes less than two weeks after Netanyahu called off another high-profile trip at the last "
         "minute, to India. According to diplomatic officials, Netanyahu had asked Prime Minister Narendra Modi for a "
         "meeting in a phone call in late January, and a meeting was set for February 11 in New Delhi.", "2019-02-20",
         {("benjamin-netanyahu", "IND", "2019-02-11", "cancelled")}),
        # the AP's datelines, "CITY, Country (AP) — ", "KENNEBUNKPORT, Maine - " (news-final20 2168, news-dev3 413)
        ("KENNEBUNKPORT, Maine - On a breezy overlook, tourists trained field glasses on the compound. When President "
         "Bush and Vladimir Putin finally met last night over a lobster dinner, they did not discuss the big issues.",
         "2007-07-02", {("vladimir-putin", "USA", "2007-07-01", "occurred")}),
        ("KAMPALA, Uganda (AP) - Sudan's President Omar al-Bashir arrived on Monday for a two-day official visit and "
         "was welcomed by President Yoweri Museveni.", "2017-11-14",
         {("omar-al-bashir", "UGA", "2017-11-13", "occurred")}),
        # the person's own day before a clause that tells the occasion's ("which convenes ... on 24 November", 2153)
        ("Sudan's President Omer al-Bashir will on Monday lead his country's delegation to the 4th Africa-Arab Summit, "
         "which convenes in Malabo, Equatorial Guinea, on 24 November.", "2016-11-20",
         {("omar-al-bashir", "GNQ", "2016-11-21", "planned")}),
        # "his second trip ..., after one to Turkey in August": the earlier trip, made (2163)
        ("This will be al-Bashir's second trip since the prosecutor accused him, after one to Turkey in August, which "
         "Sudanese officials hailed as a sign of courage.", "2008-09-22",
         {("omar-al-bashir", "TUR", "2008-08", "occurred")}),
        # a hand-over offered on condition that he "is not then handed over" is no arrest (2156)
        ("Tripoli, 18 April 2012: Officials in Zintan are reported to have said today that they are willing to "
         "transfer Saif al-Islam Qaddafi to Tripoli and hand him over to the government, provided he is not then "
         "handed over to the International Criminal Court in The Hague.", "2012-04-18", set()),
    ],
)
def test_round_twenty_two(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 23 (from news-final21's errors, after its one evaluation; no untouched set measures it yet): "the
        # December 2 Duma elections" name Russia's parliament, not Makhlouf Doumah (2218); his own name still names him
        ("At the EU-Russia summit in Portugal on October 26, Russia committed to invite the OSCE to observe the "
         "December 2 Duma elections.", "2007-10-31", set()),
        ("Makhlouf Douma was arrested in Tripoli on Monday, the prosecutor's office said.", "2025-03-12",
         {("makhlouf-doumah", "LBY", "2025-03-10", "arrest")}),
        # "the South China Sea issue" is no venue (2229); "flouted an ICC warrant in 2006 by visiting Cairo" dates the
        # visit, background here (2210)
        ("President Rodrigo Duterte will raise the South China Sea issue when he takes part in the 37th ASEAN Summit "
         "this week by video conference. The summit, chaired by Vietnam, will be held on November 12-15.",
         "2020-11-11", {("rodrigo-duterte", "VNM", "2020-11-12", "remote")}),  # (its day since round 27)
        ("The Sudanese minister Ahmed Haroun, wanted for war crimes in Darfur, flouted an ICC warrant in 2006 by "
         "visiting Cairo without being arrested.", "2017-04-28", {("ahmad-harun", "EGY", "2006", "occurred")}),
        # "AFP learned on Wednesday from an official source": the day the report learned it, not the trip's (2244)
        ("ABIDJAN (AFP) - Ivorian President Laurent Gbagbo is due to leave Abidjan on Saturday for a visit to the "
         "United States, where he will take part in the 62nd session of the United Nations General Assembly in New "
         "York, AFP learned on Wednesday from an official source.", "2007-09-19",
         {("laurent-gbagbo", "USA", "2007-09-22", "planned")}),
        # "A visit by al-Bashir to the United States could also have set off an outcry": supposed, not made (2223);
        # "turned down an invitation ... to a summit" calls the trip off
        ("A visit by al-Bashir to the United States could also have set off an outcry from Darfur advocacy groups.",
         "2008-04-09", set()),
        ("Sudanese President Omar Hassan al-Bashir has formally turned down an invitation to a summit in Ankara "
         "scheduled for April 17.", "2008-04-09", {("omar-al-bashir", "TUR", "2008-04-17", "cancelled")}),
        # "the 64th session of the United Nations General Assembly": a session's venue (2240)
        ("Sudanese President Omer Hassan Al-Bashir will not take part in the 64th session of the United Nations "
         "General Assembly, according to Sudanese state media.", "2009-09-12",
         {("omar-al-bashir", "USA", "", "cancelled")}),
    ],
)
def test_round_twenty_three(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 24 (from news-final22's errors, after its one evaluation; no untouched set measures it): "EUAustralia
        # Online", a news service's name, is no online meeting; "(26.10.07)" and "dated 13.10.06" are days (2277)
        ("The convening this month of a summit in Portugal (26.10.07) between European leaders and the Russian "
         "President, Vladimir Putin, marks an anniversary for this news service: EUAustralia Online began a year ago "
         "this month with a report, dated 13.10.06, on the summit at Lahti, in Finland, where Putin met the European "
         "heads of government.", "2007-10-26",
         {("vladimir-putin", "PRT", "2007-10-26", "occurred"), ("vladimir-putin", "FIN", "2006-10-13", "occurred")}),
        # (a version number or an address is no date; an online meeting still is one)
        ("Putin will take part online in the summit hosted by India on 1.2.3.4 of the agenda.", "2023-07-03",
         {("vladimir-putin", "IND", "", "remote")}),
        # round 25: "will welcome President Putin's involvement in the Apec 2020 that Malaysia is hosting" offers a
        # welcome, no trip (news-final22 2273); "Erdogan will welcome Putin in Ankara on Monday" is still a plan
        ("\"We, of course, will welcome President Putin's involvement in the Apec 2020 that Malaysia is hosting next "
         "year in November,\" Saifuddin said.", "2019-11-21", set()),
        ("Erdogan will welcome Putin in Ankara on Monday.", "2019-11-21",
         {("vladimir-putin", "TUR", "2019-11-25", "planned")}),
    ],
)
def test_round_twenty_four(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 26 (from the date errors of the spent sets: news-final9 1417, news-final12 1718, news-final13 1807): a
        # dateline that dates its report dates the trip its lead's person made without a day told
        ("MOSCOW, September 8. /TASS/. Russian President Vladimir Putin took part in the online summit of the group "
         "from his residence in Sochi. The meeting was chaired by Brazil.", "2025-09-08",
         {("vladimir-putin", "BRA", "2025-09-08", "remote")}),
        ("SHARM EL-SHEIKH, Tuesday (DPA/IANS). Israeli Prime Minister Benjamin Netanyahu held talks with the "
         "Palestinian president in the Egyptian resort, the US envoy said.", "2010-09-14",
         {("benjamin-netanyahu", "EGY", "2010-09-14", "occurred")}),
        # (a trip told as "returned from" began before the report's day; a dateline of another day dates nothing;
        # a trip of someone the lead does not name is not its)
        ("KHARTOUM, October 9, 2014 - Sudanese President Omar al-Bashir will visit Cairo on 18 October. The Sudanese "
         "leader returned on Thursday from Saudi Arabia, where he performed the Hajj and held talks with the crown "
         "prince.", "2014-10-09",
         {("omar-al-bashir", "EGY", "2014-10-18", "planned"), ("omar-al-bashir", "SAU", "", "occurred")}),
        ("MOSCOW, September 2. /TASS/. Russian President Vladimir Putin took part in the online summit chaired by "
         "Brazil.", "2025-09-08", {("vladimir-putin", "BRA", "", "remote")}),
        ("MOSCOW, September 8. /TASS/. The Kremlin spoke of the summit. Russian President Vladimir Putin took part "
         "online in the summit chaired by Brazil.", "2025-09-08", {("vladimir-putin", "BRA", "", "remote")}),
    ],
)
def test_round_twenty_six(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 27 (from the date errors of the spent sets: news-final5 1041, news-final15 1932, news-final18 2067,
        # news-final21 2229): a trip ahead dated only by its week takes the one day in that week that the article gives
        # its occasion, its state or the person
        ("Duterte will take part in the regional summit this week by video conference, the palace said. The "
         "summit, chaired by Vietnam, will be held on November 12-15.", "2020-11-11",
         {("rodrigo-duterte", "VNM", "2020-11-12", "remote")}),
        ("Netanyahu on Tuesday called off a visit to India scheduled for next week. The one-day visit on September 9 "
         "was to include talks with Modi.", "2019-09-03", {("benjamin-netanyahu", "IND", "2019-09-09", "cancelled")}),
        ("Duterte will speak by video at the Asia-Europe summit this week, which Cambodia is hosting, his office said "
         "on Wednesday. Duterte is expected to address the closing session on November 26.", "2021-11-24",
         {("rodrigo-duterte", "KHM", "2021-11-26", "remote")}),
        # (not the day the report's sources spoke, nor a day of another stop or of another occasion)
        ("Netanyahu has cancelled a planned trip to Italy this week, government sources confirmed Monday.",
         "2013-09-09", {("benjamin-netanyahu", "ITA", "2013-09", "cancelled")}),
        ("Gaddafi is expected to visit Ukraine early next week. On Monday he will hold talks in Minsk.",
         "2008-11-01", {("muammar-gaddafi", "UKR", "2008-11", "planned"),
                        ("muammar-gaddafi", "BLR", "2008-11-03", "planned")}),
        ("Putin will follow the summit in Johannesburg this week by video link. The leaders of the group held a "
         "meeting on Tuesday.", "2023-08-21", {("vladimir-putin", "ZAF", "2023-08", "remote")}),
    ],
)
def test_round_twenty_seven(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 28 (from news-final23's errors, after its one evaluation: 2342): a trip planned for days not yet over
        # is ahead, whatever the tense of the sentence around it
        ("The Elysee said yesterday that the principle of Laurent Gbagbo's visit to Paris, planned for "
         "mid-December, had been settled.", "2003-12-03", {("laurent-gbagbo", "FRA", "2003-12", "planned")}),
        # (not one whose day is over: it happened)
        ("Laurent Gbagbo's visit to Paris, which had been planned for early December, took place on Monday.",
         "2003-12-03", {("laurent-gbagbo", "FRA", "2003-12-01", "occurred")}),
        # "would not be coming to" calls a trip off (2331); "is coming to" and "is due in" tell a trip ahead (2303,
        # a trip of Putin's to Kiev that the rule on the states of his case still holds back: left)
        ("A representative of Joseph Kony announced that he would not be coming to the signing at Ri-Kwangba in "
         "southern Sudan.", "2008-04-10", {("joseph-kony", "SDN", "", "cancelled")}),
        ("Libyan leader Muammar Gaddafi is coming to the Italian capital, Rome, for talks with the prime minister.",
         "2009-06-08", {("muammar-gaddafi", "ITA", "", "planned")}),
        ("Libyan leader Muammar Gaddafi is due in Rome this evening.", "2009-06-10",
         {("muammar-gaddafi", "ITA", "2009-06-10", "planned")}),
        # the spellings "Moammar Kadafi" (the Los Angeles Times) and "Qadhafi" (US cables) name Muammar Gaddafi:
        # aliases in data/persons.yaml (2335)
        ("Libyan leader Moammar Kadafi began his first official trip to Spain on Saturday with a private visit to a "
         "resort hotel.", "2007-12-16", {("muammar-gaddafi", "ESP", "2007-12-15", "occurred")}),
        ("The Libyan leader, Qadhafi, flew to Rome on Wednesday.", "2009-06-11",
         {("muammar-gaddafi", "ITA", "2009-06-10", "occurred")}),
        # (not "the time is coming to decide")
        ("The time is coming to decide, Putin said in Moscow on Monday.", "2010-04-26", set()),
    ],
)
def test_round_twenty_eight(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 29 (from news-final24's errors, after its one evaluation): "when he comes to the Netherlands" supposes a
        # trip (2371; round 28's "coming to" had let "comes to" in)
        ("\"We will arrest Prime Minister Benjamin Netanyahu when he comes to the Netherlands,\" the minister told "
         "parliament.", "2024-11-21", set()),
        # a city of a state not yet independent on the day is the older state's: Juba in January 2011 was in Sudan
        # (2412: al-Bashir's own state, no trip abroad); in 2008 a trip of Kony's there was one to Sudan, in 2012 to
        # South Sudan (data/states.yaml: independent_since, formerly_part_of)
        ("Sudan's President Omar al-Bashir will visit Juba, the capital of the country's south, on Tuesday.",
         "2011-01-03", set()),
        ("Joseph Kony will travel to Juba on Monday for the peace talks.", "2008-04-10",
         {("joseph-kony", "SDN", "2008-04-14", "planned")}),
        ("Joseph Kony will travel to Juba on Monday for the peace talks.", "2012-04-10",
         {("joseph-kony", "SSD", "2012-04-16", "planned")}),
    ],
)
def test_round_twenty_nine(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 30 (from news-final25's errors, after its one evaluation: 2470): a day range with the ordinal on both
        # days ("from the 19th to 29th July 2010") is that range, not "the 19th" of the report's month
        ("Al-Bashir will attend the summit in Kampala from the 19th to 29th July 2010, his office said.", "2010-06-20",
         {("omar-al-bashir", "UGA", "2010-07-19", "planned")}),
        ("Al-Bashir will attend the summit in Kampala from the 19th to the 29th of July, his office said.",
         "2010-06-20", {("omar-al-bashir", "UGA", "2010-07-19", "planned")}),
    ],
)
def test_round_thirty(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 31 (from news-final24's errors, after its one evaluation: 2406): "her" is a woman's; a man named after
        # her as an owner ("among Laurent Gbagbo's supporters") does not take her trip (data/persons.yaml: pronoun)
        ("The visit of Simone Gbagbo to Ghana has stirred controversy among Laurent Gbagbo's supporters. The former "
         "member of parliament, who has completed her visit to Kinshasa, arrived in Accra on Friday.", "2022-04-02",
         {("simone-gbagbo", "GHA", "2022-04-01", "occurred"), ("simone-gbagbo", "COD", "2022-04-01", "occurred")}),
        # (a man named last keeps the sentences that say "he")
        ("Simone Gbagbo met party members in Abidjan on Thursday. Laurent Gbagbo said on Thursday that he would "
         "travel to Accra on Friday.", "2022-03-31", {("laurent-gbagbo", "GHA", "2022-04-01", "planned")}),
    ],
)
def test_round_thirty_one(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected", "place"),
    [
        # round 32 (from the last closing note's "Noticed": "Putin visited occupied Mariupol on Sunday" read no
        # event): the occupied and contested places of data/places.yaml are places of the state the UN
        # recognises, as the engine answers them, and the event names the place
        ("Russian President Vladimir Putin visited Mariupol on Sunday.", "2023-03-19",
         {("vladimir-putin", "UKR", "2023-03-19", "occurred")}, "mariupol"),
        ("Putin visited Crimea on Saturday.", "2023-03-19", {("vladimir-putin", "UKR", "2023-03-18", "occurred")},
         "crimea"),
        ("Netanyahu toured the Golan Heights on Monday with his defence minister.", "2023-03-21",
         {("benjamin-netanyahu", "SYR", "2023-03-20", "occurred")}, "golan"),
        # (a topic is still no trip, and a place of one's own state none abroad)
        ("Putin has refused to discuss the status of Crimea, annexed in 2014.", "2023-03-21", set(), None),
        ("Putin, speaking in Moscow on Tuesday, said Crimea would never be returned.", "2023-03-21", set(), None),
        ("Sanakoev flew to Tskhinvali on Monday.", "2023-03-21", set(), None),
        # (a city the place lists by name is the place too; a state's own name is no place)
        ("Putin arrived in Simferopol on Friday for the anniversary of the annexation.", "2023-03-19",
         {("vladimir-putin", "UKR", "2023-03-17", "occurred")}, "crimea"),
        ("Putin will visit Kyiv on Friday.", "2023-03-21", {("vladimir-putin", "UKR", "2023-03-24", "planned")}, None),
        # ("occupied" right before the place is the place's word, not a topic; a trip into the person's own case
        # may be told with the place's description between the verb and its name)
        ("Putin will visit occupied Mariupol on Friday.", "2025-03-04",
         {("vladimir-putin", "UKR", "2025-03-07", "planned")}, "mariupol"),
        ("Putin will visit the occupied port city of Mariupol on Friday.", "2025-03-04",
         {("vladimir-putin", "UKR", "2025-03-07", "planned")}, "mariupol"),
        ("Lvova-Belova spoke about children in occupied Ukraine on Friday.", "2025-03-04", set(), None),
        ("Putin spoke on Friday about the war in Ukraine and the occupied Donbas.", "2025-03-04", set(), None),
    ],
)
def test_round_thirty_two(kb, text, published, expected, place):
    assert read_events(kb, text, published, dated_by_text=True) == expected
    assert {e.place for e in extract(kb, text, dt.date.fromisoformat(published))} == ({place} if expected else set())


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 33 (from news-final26's errors, after its one evaluation): "the funeral" is the funeral placed a few
        # sentences before (2540)...
        ("Ethiopia has prepared a state funeral for Zenawi on 2 September in Addis Ababa. Kiir will arrive on "
         "Saturday. Officials in Sudan have confirmed that Bashir will take part in the funeral.", "2012-08-30",
         {("omar-al-bashir", "ETH", "2012-09-02", "planned")}),
        # (not one placed at home, nor one placed too long before)
        ("Sudan will host the summit in Khartoum on 2 September. Officials said that Bashir will take part in the "
         "summit.", "2012-08-30", set()),
        ("Ethiopia has prepared a state funeral for Zenawi on 2 September in Addis Ababa. Kiir will arrive on "
         "Saturday. Mubarak will too. Deby will too. Museveni will too. Officials said that Bashir will take part in "
         "the funeral.", "2012-08-30", set()),
        # ...talks "discussed ... with" the person somewhere are his presence there (2534)...
        ("The leaders of Egypt and Chad discussed the crisis in Darfur with the Sudanese president in Tripoli on "
         "Monday.", "2004-10-18", {("omar-al-bashir", "LBY", "2004-10-18", "occurred")}),
        ("Putin discussed the war with Macron by phone on Monday.", "2004-10-18", set()),
        # ...and "Laurent Gbagbo's former youth minister" is someone of his, not he (2552)
        ("Laurent Gbagbo's former youth minister met French political figures in Paris on Saturday.", "2024-03-18",
         set()),
        ("Laurent Gbagbo's minister, Charles Ble Goude, flew to Paris on Saturday.", "2024-03-18",
         {("charles-ble-goude", "FRA", "2024-03-16", "occurred")}),
    ],
)
def test_round_thirty_three(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # office references hold while the person held the office (data/persons.yaml positions): Putin was
        # president 2000-05-07 to 2008-05-07 and from 2012-05-07, Netanyahu prime minister 2009-03-31 to
        # 2021-06-13 and from 2022-12-29
        ("The Russian president arrived in London on Tuesday for a state visit.", "2003-06-24",
         {("vladimir-putin", "GBR", "2003-06-24", "occurred")}),
        ("The Russian president arrived in London on Tuesday for a state visit.", "2010-06-22", set()),
        ("The Israeli prime minister arrived in Tokyo on Sunday.", "2014-05-11",
         {("benjamin-netanyahu", "JPN", "2014-05-11", "occurred")}),
        ("The Israeli prime minister arrived in Tokyo on Sunday.", "2022-01-09", set()),
        # "the former ..." names the person once the office ended (positions' references_after), not while he held it
        ("The former Ivorian president arrived in Accra on Friday.", "2021-12-10",
         {("laurent-gbagbo", "GHA", "2021-12-10", "occurred")}),
        ("The former Ivorian president arrived in Accra on Friday.", "2005-03-04", set()),
        ("The former Philippine president arrived in Tokyo on Friday.", "2023-05-05",
         {("rodrigo-duterte", "JPN", "2023-05-05", "occurred")}),
        ("The former Philippine president arrived in Tokyo on Friday.", "2018-05-04", set()),
    ],
)
def test_office_references_hold_only_while_the_office_was_held(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 34 (from news-final27's errors, after its one evaluation): someone not of the record, named as the
        # subject who travels or as a minister before "his", is what "his" refers to (2647, 2654)
        ("Italian Prime Minister Silvio Berlusconi will meet the Libyan leader Muammar Gaddafi in Benghazi on "
         "Saturday. Berlusconi is to leave for Benghazi, his second visit to the country in three months, and to "
         "return to Italy in the evening.", "2008-08-29", set()),
        ("Gaddafi's son said Blair would visit Tripoli early next year. Foreign Minister Abderrahmane Chalgam had "
         "received an invitation from his British counterpart, Jack Straw, to visit London.", "2003-12-25", set()),
        # (the person's own "he" keeps the sentence, whoever else is named with a title)
        ("Russian President Vladimir Putin arrived in New Delhi on Thursday. He will hold talks with Prime Minister "
         "Narendra Modi at his residence on Friday.", "2025-12-04",
         {("vladimir-putin", "IND", "2025-12-04", "occurred")}),
        ("Omar al-Bashir arrived in Cairo on Sunday. His foreign minister accompanied him on his first trip abroad "
         "since the election.", "2015-06-01", {("omar-al-bashir", "EGY", "2015-05-31", "occurred")}),
    ],
)
def test_round_thirty_four(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 35 (from news-final28's errors, after its one evaluation): a travel ban is no trip called off (2747)
        ("Senator Ronald dela Rosa on Wednesday confirmed that he is no longer allowed to travel to the United States "
         "for now, since his visa has been cancelled.", "2020-01-22", set()),
        ("Saif al-Islam Gaddafi was barred from entering Britain on Monday.", "2009-03-02", set()),
        # (a trip called off is still one)
        ("Netanyahu called off his visit to Paris on Monday.", "2019-03-04",
         {("benjamin-netanyahu", "FRA", "2019-03-04", "cancelled")}),
    ],
)
def test_round_thirty_five(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 36 (from news-final29's errors, after its one evaluation: 2787): a claim to, sovereignty over or the
        # annexation of a contested place is a topic, not a trip there (round 32 had made "occupied Syrian Golan" a
        # place)
        ("Netanyahu is due to meet Putin in Moscow on Thursday. It will be his first visit to Russia since US "
         "President Donald Trump decided last month to recognise Israel's claim to the occupied Syrian Golan Heights.",
         "2019-04-02", {("benjamin-netanyahu", "RUS", "2019-04-04", "planned")}),
        ("Putin spoke in Sochi on Monday about sovereignty over Crimea.", "2019-04-02", set()),
        # (a visit there is still one)
        ("Netanyahu toured the Golan Heights on Monday.", "2019-04-02",
         {("benjamin-netanyahu", "SYR", "2019-04-01", "occurred")}),
    ],
)
def test_round_thirty_six(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 37 (from the summits missed in news-final26 to news-final28, after their evaluations: 2640, 2734): a
        # person of the record acting in a gathering the article placed is present there
        ("TUNIS, Tunisia - Arab leaders opened their annual summit on Saturday. The opening session was overshadowed "
         "by the walkout of the Libyan leader, Moammar Gadhafi, who threatened to leave the Arab League.",
         "2004-05-23", {("muammar-gaddafi", "TUN", "2004-05-22", "occurred")}),
        ("The African Union began its first summit in Ethiopia on Monday. Twenty heads of state, among them Colonel "
         "Muammar Gaddafi of Libya and Robert Mugabe of Zimbabwe, were at the summit.", "2003-02-04",
         {("muammar-gaddafi", "ETH", "2003-02-03", "occurred")}),
        ("Leaders met in Abuja on Thursday for the Africa-South America summit. Gaddafi addressed the delegates "
         "about the Security Council.", "2006-11-30", {("muammar-gaddafi", "NGA", "2006-11-30", "occurred")}),
        # (an act told with a scene of its own is there, one by video is remote; not a pronoun that is no subject, not
        # at home)
        ("Netanyahu will meet Macron in Paris on December 10. In July, on a visit to Hungary, he urged the leaders "
         "of four Central European countries to ease the union's conditions.", "2017-12-06",
         {("benjamin-netanyahu", "FRA", "2017-12-10", "planned"),
          ("benjamin-netanyahu", "HUN", "2017-07", "occurred")}),
        ("Leaders met in Abuja on Thursday for the summit. Gaddafi addressed the delegates by video.", "2006-11-30",
         {("muammar-gaddafi", "NGA", "2006-11-30", "remote")}),
        ("The conference opened in Kampala on Sunday without Omar al-Bashir. Museveni told reporters at the summit "
         "that one does not invite a guest in order to arrest him.", "2009-07-26", set()),
        ("Libyan leaders gathered in Tripoli on Sunday. Gaddafi addressed the delegates.", "2009-08-31", set()),
    ],
)
def test_round_thirty_seven(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 38 (from news-final29's 2789, after its evaluation): a virtual appearance is attendance by video, not
        # a trip (it had been a planned trip to the United States at 0.95, an alert)
        ("Netanyahu is due to make a virtual appearance at the Democracy Summit in Washington later this week.",
         "2023-03-27", {("benjamin-netanyahu", "USA", "2023-03", "remote")}),
        ("Putin made a virtual address to the forum in Astana on Tuesday.", "2021-06-03",
         {("vladimir-putin", "KAZ", "2021-06-01", "remote")}),
        # (a trip to a summit is still one)
        ("Netanyahu is due to make an appearance at the Democracy Summit in Washington later this week.",
         "2023-03-27", {("benjamin-netanyahu", "USA", "2023-03", "planned")}),
    ],
)
def test_round_thirty_eight(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 39 (from news-final28's 2681, after its evaluation): a city whose name has letters with diacritics is
        # found as news spells it in ASCII; an agency's name with a hyphen closes a dateline; in wire copy "here" is
        # the dateline's place
        ("KRAKOW, January 27 (Itar-Tass) - Polish President Aleksander Kwasniewski thanked President Vladimir Putin "
         "here on Thursday for the liberation of the camp.", "2005-01-27",
         {("vladimir-putin", "POL", "2005-01-27", "occurred")}),
        ("ZURICH, June 3 (Itar-Tass) - Russian President Vladimir Putin will arrive here on Friday.", "2005-06-03",
         {("vladimir-putin", "CHE", "2005-06-03", "planned")}),
        ("Russian President Vladimir Putin arrived in Krakow on Thursday.", "2005-01-27",
         {("vladimir-putin", "POL", "2005-01-27", "occurred")}),
        # (not at home, not in a quotation, not "here in" another place)
        ("MOSCOW, January 27 (Itar-Tass) - Russian President Vladimir Putin said here on Thursday that the camp was "
         "liberated.", "2005-01-27", set()),
        ('KRAKOW, January 27 - "Putin was here last year," the mayor said on Thursday.', "2005-01-27", set()),
    ],
)
def test_round_thirty_nine(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 40 (from news-final30's errors, after its one evaluation: 2870, 2873, 2886): a state's name in its
        # army's name names no place; "entered" a place is a trip there, also into the territory of the person's
        # own case; "the north of" (the northern part of, the heart of) a place is in it
        ("Prime Minister Benjamin Netanyahu visited Israel Defense Forces troops inside the Gaza Strip on Sunday.",
         "2023-11-27", {("benjamin-netanyahu", "PSE", "2023-11-26", "occurred")}),
        ("Defense Minister Yoav Gallant entered the Gaza Strip on Wednesday morning.", "2024-10-30",
         {("yoav-gallant", "PSE", "2024-10-30", "occurred")}),
        ("Netanyahu visited the northern part of the Gaza Strip on Monday.", "2023-12-26",
         {("benjamin-netanyahu", "PSE", "2023-12-25", "occurred")}),
        ("Putin toured the south of France on Monday.", "2019-08-20",
         {("vladimir-putin", "FRA", "2019-08-19", "occurred")}),
        # (not a direction from a place, nor a name that only sounds like an entry)
        ("Netanyahu said he was the first Israeli prime minister to visit any country south of the United States.",
         "2017-12-06", set()),
        ("Netanyahu entered office in March 2009.", "2009-04-01", set()),
        # (2918, 2861, 2927: an arrest that cannot be made is none; the US state of Georgia; a trip called a rumour)
        ('Senator Ronald "Bato" dela Rosa is still in his hometown of Davao but cannot be arrested unless a warrant '
         "from the International Criminal Court is out, the interior secretary said on Wednesday.", "2026-01-14",
         set()),
        ("Putin arrived at Hunter, a US Air Force base near Savannah in the state of Georgia, on Wednesday. He was met "
         "by Georgia's governor.", "2004-06-10", {("vladimir-putin", "USA", "2004-06-09", "occurred")}),
        ('Duterte said rumors that he flew to Singapore over the weekend were "nonsense".', "2020-08-18", set()),
        ("Netanyahu said on Thursday that Israel will apply its sovereignty in the Jordan Valley.", "2019-12-20",
         set()),
        # (an arrest that was made, the country Georgia, a rumour confirmed)
        ("Dela Rosa was arrested in Davao on Wednesday.", "2026-01-15",
         {("ronald-dela-rosa", "PHL", "2026-01-14", "arrest")}),
        ("Putin arrived in Georgia on Wednesday.", "2004-06-10", {("vladimir-putin", "GEO", "2004-06-09", "occurred")}),
    ],
)
def test_round_forty(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 41 (from news-final30's 2930, after its one evaluation): "the country of" a place is that place
        ("Libya's head of state Muammar al-Gaddafi travelled on 29 December 2008 to the West African country of "
         "Sierra Leone for a three-day state visit.", "2008-12-29",
         {("muammar-gaddafi", "SLE", "2008-12-29", "occurred")}),
        # (the leaders of a country are still not the country)
        ("Gaddafi met the leaders of the country of Sierra Leone in Tripoli on Monday.", "2008-12-30", set()),
    ],
)
def test_round_forty_one(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 42 (from news-final30's 2920, after its one evaluation): a town the city list does not give, named in
        # data/venues.yaml, and a stay told as "is also in" it; summit resorts added to the venues afterwards
        ("Russian President Vladimir Putin has arrived in Deauville for the commemorations.", "2014-06-06",
         {("vladimir-putin", "FRA", "2014-06-06", "occurred")}),
        ("Gaddafi arrived in L'Aquila for the G8 summit on Wednesday.", "2009-07-09",
         {("muammar-gaddafi", "ITA", "2009-07-08", "occurred")}),
        ("KAMPALA - President Omar al-Bashir, who is wanted by the International Criminal Court, is also in Entebbe to "
         "witness the discussions.", "2018-07-07", {("omar-al-bashir", "UGA", "2018-07-07", "occurred")}),
        ("Netanyahu is also in Sochi for the talks.", "2021-09-29",
         {("benjamin-netanyahu", "RUS", "2021-09-29", "occurred")}),
    ],
)
def test_round_forty_two(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


def test_the_gazetteer_reads_its_venues_from_the_data(data_copy):
    """A place the city list does not give is a fact in data/venues.yaml, not in code: one added there is read."""
    from warrantwatch.cli import main
    from warrantwatch.records.knowledge import load

    text, published = "Putin arrived in Brdo on Monday.", dt.date(2001, 6, 17)
    assert not extract(load(data_copy), text, published)
    venues = data_copy / "venues.yaml"
    venues.write_text(venues.read_text(encoding="utf-8") + "- name: Brdo\n  state: SVN\n  sources:\n"
                      "  - tests/test_news_constructions.py (a venue added by this test)\n", encoding="utf-8")
    assert main(["data", "fmt", "--data", str(data_copy)]) == 0  # (sorted in place, as a contributor would)
    (event,) = extract(load(data_copy), text, published)
    assert (event.person, event.host, event.kind) == ("vladimir-putin", "SVN", "occurred")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 43 (from news-final31's errors, after its one evaluation: 3018, 3033): the speaker who travelled is
        # not the person of what he said; a stay in the Netherlands while the Court holds the person is no trip
        ("Nafie, who arrived in Luanda on Tuesday, said that under the guidance of the two heads of state, Omar Al "
         "Bashir of Sudan and Salva Kiir of South Sudan, the delegations met in Addis Ababa.", "2013-01-23", set()),
        ("Former Ivorian president Laurent Gbagbo is now on conditional release. He left the Netherlands on the "
         "evening of Tuesday 5 February 2019.", "2019-02-07", set()),
        ("Dominic Ongwen, who is held in detention in the Netherlands, was found guilty.", "2022-12-01", set()),
        # (a trip of a person the Court does not hold, and the person who travelled and spoke, are still read)
        ("Netanyahu left the Netherlands on Tuesday evening.", "2019-02-07",
         {("benjamin-netanyahu", "NLD", "2019-02-05", "occurred")}),
        ("Omar al-Bashir, who arrived in Luanda on Tuesday, said the talks went well.", "2013-01-23",
         {("omar-al-bashir", "AGO", "2013-01-22", "occurred")}),
    ],
)
def test_round_forty_three(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 44 (from news-final31's 2974, after its one evaluation): a trip told as "is accompanied on his visit",
        # and the persons of the record listed as its companions, who make it too
        ("The Russian president is accompanied on his visit to Ankara by Foreign Minister Sergei Lavrov and Chief of "
         "the General Staff Valery Gerasimov.", "2017-09-28",
         {("vladimir-putin", "TUR", "2017-09-28", "occurred"), ("valery-gerasimov", "TUR", "2017-09-28", "occurred")}),
        ("Putin arrived in Ankara on Thursday, accompanied by Defence Minister Sergei Shoigu.", "2017-09-29",
         {("vladimir-putin", "TUR", "2017-09-28", "occurred"), ("sergei-shoigu", "TUR", "2017-09-28", "occurred")}),
        # (a companion of a trip to his own state makes no trip; someone merely named is no companion)
        ("Netanyahu arrived in Moscow on Thursday, accompanied by President Putin's envoy.", "2017-09-29",
         {("benjamin-netanyahu", "RUS", "2017-09-28", "occurred")}),
    ],
)
def test_round_forty_four(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 45 (from news-final32's 3126, after its one evaluation): a person's press secretary speaks for him,
        # and "his way" after another named traveller who stopped somewhere is that traveller's
        ("Eritrean President Isayas Afewerki arrived in Khartoum today and held talks with Sudan's President Omar "
         "al-Bashir. Bashir's press secretary said the visit came after the Tripoli meeting. Afewerki stopped in "
         "Khartoum on his way to Abuja, where African Union leaders are due to meet on Thursday.", "2006-11-29",
         set()),
        # (his own trip is still his)
        ("Omar al-Bashir stopped in Tripoli on Tuesday.", "2006-11-29",
         {("omar-al-bashir", "LBY", "2006-11-28", "occurred")}),
        ("Omar al-Bashir's press secretary said he would visit Abuja on Thursday.", "2006-11-28",
         {("omar-al-bashir", "NGA", "2006-11-30", "planned")}),
    ],
)
def test_round_forty_five(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 46 (from news-final32's 3086, after its one evaluation): a wish that the person will visit is an
        # invitation, no trip
        ('"Now we hope that you will also visit Pakistan," General Rashad Mahmood told Valery Gerasimov in Moscow.',
         "2016-08-25", set()),
        ("Erdogan said he hoped that Putin would come to Turkey soon.", "2016-08-25", set()),
        # (a visit announced is still a plan)
        ("Gerasimov will visit Pakistan next week, the ministry said.", "2016-08-25",
         {("valery-gerasimov", "PAK", "2016-09", "planned")}),
    ],
)
def test_round_forty_six(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 47 (from news-final26's 2489 and 2481, after their evaluation): a stay told without a day right after
        # the person's dated stay is of that day
        ("Putin arrived in Italy on Monday for a two-day visit. He met Pope Francis in the Vatican and gave him an "
         "icon.", "2013-11-26",
         {("vladimir-putin", "ITA", "2013-11-25", "occurred"), ("vladimir-putin", "VAT", "2013-11-25", "occurred")}),
        # (not an earlier stop, nor a stay with no dated stay before it)
        ("Putin arrived in Tashkent on Sunday. He went first to China and then to Belarus.", "2024-05-27",
         {("vladimir-putin", "UZB", "2024-05-26", "occurred"), ("vladimir-putin", "CHN", "", "occurred"),
          ("vladimir-putin", "BLR", "", "occurred")}),
        ("Putin met Pope Francis in the Vatican.", "2013-11-26", {("vladimir-putin", "VAT", "", "occurred")}),
    ],
)
def test_round_forty_seven(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 48 (from news-final22's 2269 and news-final26's 2497, after their evaluation): "has arrived in Beijing
        # to take part in a meeting ... on Tuesday" is an arrival of the report's day; the day after the purpose is
        # the meeting's
        ("Russian Defense Minister Sergei Shoigu has arrived in Beijing to take part in a meeting of defence "
         "ministers on Tuesday, his press secretary said.", "2018-04-23",
         {("sergei-shoigu", "CHN", "2018-04-23", "occurred")}),
        ("Sergei Shoigu has arrived in Dushanbe to attend a meeting of the Council of CIS Defence Ministers "
         "scheduled for Thursday.", "2017-10-11", {("sergei-shoigu", "TJK", "2017-10-11", "occurred")}),
        # (an arrival's own day still dates it)
        ("Sergei Shoigu arrived in Beijing on Sunday to take part in a meeting of defence ministers on Tuesday.",
         "2018-04-23", {("sergei-shoigu", "CHN", "2018-04-22", "occurred")}),
    ],
)
def test_round_forty_eight(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # round 49 (from news-final33's errors, after its one evaluation): "held discussions in" a place is a meeting
        # there; a ban asked for and an ability are no trip
        ("Presidents Omar al-Bashir and Olusegun Obasanjo of Nigeria held discussions in Abuja today on bilateral "
         "relations.", "2005-12-19", {("omar-al-bashir", "NGA", "2005-12-19", "occurred")}),
        ("Sudanese President Omar al-Bashir should be barred from attending a December summit in Lisbon, rights groups "
         "said Friday.", "2007-10-19", set()),
        ('Senator Ronald "Bato" dela Rosa said he will be able to visit the United States again.', "2024-11-07", set()),
        # (a plan is still a plan)
        ("Senator Ronald dela Rosa will visit the United States next week.", "2024-11-07",
         {("ronald-dela-rosa", "USA", "2024-11", "planned")}),
    ],
)
def test_round_forty_nine(kb, text, published, expected):
    assert read_events(kb, text, published, dated_by_text=True) == expected
