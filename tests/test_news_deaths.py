"""A trip or an arrest dated after the person's recorded death is not read as theirs (news.extract)."""

from newsread import read_events
from warrantwatch.law.warrants import reported_death

# Reported in 2012 of Abdullah al-Senussi, Muammar Gaddafi's intelligence chief (news-final6 1125, from
# telquel.ma): the dead leader's name stands in the sentence that tells the arrest.
AFTER = ("Gaddafi's former right-hand man was arrested on Sunday, March 18, at Nouakchott airport, coming off "
         "a flight from Casablanca. He was travelling on a forged Malian passport.")
BEFORE = "Muammar Gaddafi arrived in Rome on Sunday for a two-day visit to Italy."


def test_the_record_holds_the_death_the_rule_reads(kb):
    death = reported_death(kb.warrants_of["muammar-gaddafi"])
    assert death is not None and death.since.isoformat() == "2011-10-20"
    assert reported_death(kb.warrants_of["vladimir-putin"]) is None


def test_no_trip_of_a_dead_person(kb):
    assert not {e for e in read_events(kb, AFTER, "2012-03-19") if e[0] == "muammar-gaddafi"}


def test_trips_before_the_death_are_still_read(kb):
    # the same kind of sentence, reported while he lived (Gaddafi in Rome, 29 August 2010)
    assert ("muammar-gaddafi", "ITA", "2010-08-29", "occurred") in read_events(kb, BEFORE, "2010-08-30")
