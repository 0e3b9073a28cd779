"""The arrest readings of the ninth issue-11 round ("Round nine: arrests"), one short story each, written for
the test (no test item was written or changed). Each case states the events the rules must read, no more; the
negative cases hold each rule's limits."""

import pytest

from newsread import read_events


def _events(kb, text: str, published: str) -> set[tuple[str, ...]]:
    return read_events(kb, text, published, dated_by_text=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an arrest awaited "until" it happens is not one made
        ("The prosecutor said on Sunday that the crimes in Sudan would not stop until Omar al-Bashir was "
         "arrested.", set()),
        ("Rights groups say the victims will have no justice until Ahmed Haroun is detained in Khartoum.", set()),
        # (read before this round: no place of its own)
        ("Lawyers warned that nothing would change in Sudan unless Ahmed Haroun was arrested.", set()),
        # (limit) an arrest told as made still is one
        ("Ahmed Haroun was arrested in Khartoum on Tuesday, until then a free man.",
         {("ahmad-harun", "SDN", "2019-04-16", "arrest")}),
        ("Ahmed Haroun lived openly in Sudan until he was arrested in Khartoum on Tuesday.",
         {("ahmad-harun", "SDN", "2019-04-16", "arrest")}),
    ],
)
def test_an_arrest_awaited_until_or_unless_is_none(kb, text, expected):
    assert _events(kb, text, "2019-04-18") == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the arrest told as the time reference of another ("came weeks after X had been detained") is not
        # dated by the other's day
        ("His surrender in December came a few weeks after Alfred Yekatom had been detained in the Central "
         "African Republic.", "2019-01-25", {("alfred-yekatom", "CAF", "", "arrest")}),
        # an arrest's own clause dates it, not the clause told after it
        ("In November he was said to have been arrested in Sebha, and in December a militia leader in Tripoli "
         "announced that he held Abdullah al-Senussi.", "2012-03-17", set()),
        ("In November Abdullah al-Senussi was arrested in Sebha, and in December a militia leader in Tripoli "
         "announced that he held him.", "2012-01-17", {("abdullah-al-senussi", "LBY", "2011-11", "arrest")}),
        # (limit) an arrest told just after a dated event still takes its day
        ("Alfred Yekatom had been held in Bangui since October 29, when he fired twice at the ceiling of the "
         "parliament before police detained him.", "2018-11-17", {("alfred-yekatom", "CAF", "2018-10-29", "arrest")}),
        # (limit) a day in the arrest's own clause still dates it
        ("Alfred Yekatom was detained in the Central African Republic on October 29 after he fired a gun in "
         "parliament.", "2018-11-17", {("alfred-yekatom", "CAF", "2018-10-29", "arrest")}),
    ],
)
def test_an_arrest_is_dated_by_its_own_clause(kb, text, published, expected):
    assert _events(kb, text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Among them were X and Y" after an arrest of several: the persons listed, at the arresting
        # authority's state, on that sentence's day
        ("Sudan's authorities detained several leading members of the former ruling party late on Saturday, an "
         "official said. Among them, the source said, were Ahmed Haroun, the party's acting head, and Ali "
         "Kushayb.",
         {("ahmad-harun", "SDN", "2019-04-20", "arrest"), ("ali-kushayb", "SDN", "2019-04-20", "arrest")}),
        # (limit, read before this round) a list that says "arrested" is an arrest of its own
        ("Police detained dozens of officials in Khartoum on Saturday. Among those arrested was Ahmed Haroun.",
         {("ahmad-harun", "SDN", "2019-04-20", "arrest")}),
        # (limit) a person named only in an apposition of a listed one is not listed
        ("Sudan's authorities detained several officials on Saturday. Among them were Ali Osman Taha, once "
         "first deputy to the ousted President Omar al-Bashir, and Ahmed Haroun.",
         {("ahmad-harun", "SDN", "2019-04-20", "arrest")}),
        # (limit) no arrest before the list, or a list of those present: no arrest
        ("Sudan's authorities released several prisoners on Saturday. Among them was Ahmed Haroun.", set()),
        ("Police detained several protesters in Khartoum on Saturday. Among those at the rally was Ahmed "
         "Haroun.", set()),
    ],
)
def test_those_arrested_listed_in_the_next_sentence(kb, text, expected):
    assert _events(kb, text, "2019-04-22") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X was also arrested" without a day of its own: the day of the arrest told before it
        ("Ahmed Haroun was arrested in Khartoum today, an official said. Ali Kushayb was also arrested in "
         "Khartoum, according to the official.",
         {("ahmad-harun", "SDN", "2019-04-11", "arrest"), ("ali-kushayb", "SDN", "2019-04-11", "arrest")}),
        # (limit) without "also", no day is borrowed
        ("Ahmed Haroun was arrested in Khartoum today, an official said. Ali Kushayb was arrested in Khartoum, "
         "according to the official.",
         {("ahmad-harun", "SDN", "2019-04-11", "arrest"), ("ali-kushayb", "SDN", "", "arrest")}),
    ],
)
def test_also_arrested_takes_the_day_of_the_arrest_before(kb, text, expected):
    assert _events(kb, text, "2019-04-11") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day told of the arrest's state in a sentence with no arrest ("A Malian jihadist will appear on
        # Wednesday") is not the arrest's day
        ("A Malian jihadist will make a first appearance on Wednesday before the International Criminal Court, the "
         "tribunal said. Al Hassan Ag Abdoul Aziz was arrested over the weekend and handed over by the Malian "
         "authorities.", {("al-hassan", "MLI", "", "arrest")}),
        # (limit) a sentence that tells a capture or a hand-over with its day still dates it
        ("Al Hassan Ag Abdoul Aziz was arrested by the Malian authorities, the court said. Malian troops seized "
         "the suspect in Timbuktu on Saturday.", {("al-hassan", "MLI", "2018-03-31", "arrest")}),
        # (limit) a sentence that tells the arrest with its day still dates it
        ("Al Hassan Ag Abdoul Aziz was arrested by the Malian authorities, the court said. Malian soldiers detained "
         "the suspect in Timbuktu on Saturday.", {("al-hassan", "MLI", "2018-03-31", "arrest")}),
    ],
)
def test_a_day_of_the_state_without_an_arrest_does_not_date_it(kb, text, expected):
    assert _events(kb, text, "2018-04-04") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "His arrest in December" dates the arrest of the person told before (known to its year), whoever the
        # sentence names after it
        ("Patrice-Edouard Ngaissona was arrested in France last year. His arrest in December came a few weeks "
         "after Alfred Yekatom had been detained in the Central African Republic.",
         {("patrice-edouard-ngaissona", "FRA", "2018-12", "arrest"), ("alfred-yekatom", "CAF", "", "arrest")}),
        # (limit) a day outside what was known changes nothing
        ("Patrice-Edouard Ngaissona was arrested in France in 2017. His arrest in December came a few weeks after "
         "Alfred Yekatom had been detained in the Central African Republic.",
         {("patrice-edouard-ngaissona", "FRA", "2017", "arrest"), ("alfred-yekatom", "CAF", "", "arrest")}),
    ],
)
def test_his_arrest_in_a_month_dates_the_arrest_told_before(kb, text, expected):
    assert _events(kb, text, "2019-01-25") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X, who was taken into custody in ..., and Y, a witness, who was arrested by the French authorities":
        # each arrest is of the person its relative clause is told of
        ("The other two are Fidèle Babala Wandu, a member of parliament, who was taken into custody in Kinshasa, "
         "and Narcisse Arido, a defence witness, who was arrested by the French authorities.",
         {("fidele-babala-wandu", "COD", "", "arrest"), ("narcisse-arido", "FRA", "", "arrest")}),
        # (limit) a place outside any such clause keeps the nearest person before it
        ("Fidèle Babala Wandu was taken into custody in Kinshasa on Friday.",
         {("fidele-babala-wandu", "COD", "2013-11-22", "arrest")}),
    ],
)
def test_an_arrest_told_in_a_relative_clause_is_of_its_antecedent(kb, text, expected):
    assert _events(kb, text, "2013-11-23") == expected
