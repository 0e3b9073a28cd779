"""Source quality: grades come from data/source_rules.yaml, every cited source is graded, no record
rests on weak sources alone, and answers that rest on a weakly sourced fact say so."""

from __future__ import annotations

import json

import pytest
import yaml

from warrantwatch.cli import main
from warrantwatch.records.knowledge import load
from warrantwatch.records.models import SourceGrade, SourceRule
from warrantwatch.records.sources import UNRATED, Evidence, Grader, host_path, source_report

RULES = (
    SourceRule(grade=SourceGrade.primary, domains=["un.org", "pmg.org.za/committee-question"],
               documents=["^ICC-", r"^S/RES/"]),
    SourceRule(grade=SourceGrade.reputable, domains=["reuters.com", "news.un.org"]),
    SourceRule(grade=SourceGrade.reference, domains=["wikipedia.org", "pmg.org.za"]),
    SourceRule(grade=SourceGrade.weak, domains=["sudaress.com"]),
)


@pytest.mark.parametrize(("source", "grade"), [
    ("https://www.un.org/press/en/2017/x.html", "primary"),
    ("https://treaties.un.org/Pages/x", "primary"),  # a subdomain inherits its domain's grade
    ("https://news.un.org/en/story/2008/04/257422", "reputable"),  # unless listed itself
    ("https://pmg.org.za/committee-question/1866/", "primary"),  # host/path rules come first
    ("https://pmg.org.za/committee-meeting/1/", "reference"),
    ("https://EN.Wikipedia.org/wiki/X", "reference"),
    ("http://web.archive.org/web/2007/http:/www.un.org/a.html", "primary"),  # graded as the page kept
    ("ICC-02/05-01/09-302", "primary"),
    ("S/RES/1593 (2005)", "primary"),
    ("https://www.sudaress.com/smc/1", "weak"),
    ("https://example.org/a", UNRATED),
    ("a letter seen by the author", UNRATED),
])
def test_grades_follow_the_rules(source, grade):
    assert Grader(RULES).grade(source) == grade


def test_record_evidence():
    grader = Grader(RULES)
    assert grader.evidence(["https://en.wikipedia.org/a", "https://sudaress.com/b"]) is Evidence.weak
    assert grader.evidence(["https://reuters.com/a"]) is Evidence.single_source
    assert grader.evidence(["ICC-01/04-01/07-1"]) is Evidence.sound  # one primary source is enough
    assert grader.evidence(["https://reuters.com/a", "https://en.wikipedia.org/b"]) is Evidence.sound


def test_host_path_ignores_www_and_case():
    assert host_path("https://www.BBC.co.uk/News/x") == "bbc.co.uk/news/x"
    assert host_path("ICC-02/05") is None
    assert host_path("https://kyivindependent.com./x") == "kyivindependent.com/x"  # a fully qualified name


def test_every_cited_source_is_graded_and_no_record_is_weak_only():
    from warrantwatch.records.knowledge import load

    report = source_report(load(None))
    assert sum(f.grades[UNRATED] for f in report) == 0
    assert sum(f.records["weak"] for f in report) == 0
    kb = load()
    assert all(kb.grader.of(r) is not Evidence.weak for r in (*kb.persons, *kb.withdrawals, *kb.visits))


def test_a_domain_in_two_grades_is_an_error(data_copy):
    path = data_copy / "source_rules.yaml"
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))
    weak = next(r for r in rules if r["grade"] == "weak")
    weak["domains"].append("reuters.com")
    path.write_text(yaml.safe_dump(rules), encoding="utf-8")
    with pytest.raises(Exception, match=r"'reuters\.com' is also listed as reputable"):
        load(data_copy)


def test_data_sources_prints_the_breakdown(capsys):
    assert main(["data", "sources", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    summary = document["summary"]
    assert summary["entries"] == sum(summary["sources"].values())
    assert set(summary["sources"]) == {"primary", "reputable", "reference", "weak", "unrated"}
    assert summary["records"]["weak"] == 0
    assert {f["file"] for f in document["files"]} >= {"persons.yaml", "withdrawals.yaml",
                                                       "visits/vladimir-putin.yaml"}
    assert main(["data", "sources", "--flagged"]) == 0
    out = capsys.readouterr().out
    assert "records resting only on weak or reference sources: 0" in out
    assert "single_source: visits/omar-al-bashir.yaml" in out


def test_an_answer_resting_on_a_single_source_says_so(capsys, kb):
    single = next(v for v in kb.visits if kb.grader.of(v) is Evidence.single_source)
    assert main(["check", single.person, single.host, "--on", single.start.last_day.isoformat(),
                 "--json"]) == 0
    caveats = json.loads(capsys.readouterr().out)["caveats"]
    quality = next(c for c in caveats if c["kind"] == "source_quality")
    person, host = kb.person_by_id[single.person].name, kb.state_by_code[single.host].name
    assert f"{person} to {host} ({single.start})" in quality["text"]  # names, not ids
    assert single.person not in quality["text"]
    assert "single_source" in quality["text"]


def test_an_answer_on_well_sourced_facts_has_no_source_caveat(capsys):
    assert main(["check", "putin", "mongolia", "--on", "2024-09-03", "--json"]) == 0
    caveats = json.loads(capsys.readouterr().out)["caveats"]
    assert "source_quality" not in {c["kind"] for c in caveats}


def _resource(data_copy, name: str, match, sources: list[str]) -> None:
    path = data_copy / name
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    target = next(r for r in records if match(r))
    target["sources"] = sources
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_law_kinds_weakly_sourced_are_named_in_the_answer(data_copy):
    """A stated position, a request under a sealed warrant, an occupied place and a territory each
    count among the facts an answer rests on, named (not by id) in its source_quality caveat."""
    import datetime as dt

    from warrantwatch.law.obligation import assess

    weak, one_press = ["https://www.devdiscourse.com/x"], ["https://www.reuters.com/x"]
    _resource(data_copy, "positions.yaml", lambda r: r["state"] == "MNG", weak)
    _resource(data_copy, "requests.yaml", lambda r: r["state"] == "ITA", one_press)
    _resource(data_copy, "places.yaml", lambda r: r["id"] == "crimea", one_press)
    _resource(data_copy, "territories.yaml", lambda r: r["code"] == "BMU", one_press)
    kb = load(data_copy)

    def quality(person, state, on, place=None):
        a = assess(kb, person, state, dt.date.fromisoformat(on), place=place)
        return next((c.text for c in a.caveats if c.kind == "source_quality"), "")

    assert "Mongolia's stated position of 2024-09-03 on Vladimir Putin (weak" in quality(
        "vladimir-putin", "MNG", "2024-09-03")
    assert "stated position" in quality("vladimir-putin", "MNG", "2024-09-01")  # shown as later
    assert "the Court's request to Italy to arrest Osama Elmasry Njeem (single_source" in quality(
        "osama-elmasry-njeem", "ITA", "2025-01-19")
    assert "the status and control of Crimea (single_source" in quality(
        "vladimir-putin", "UKR", "2024-09-03", "crimea")
    assert "the Statute's territorial reach to Bermuda (United Kingdom) (single_source" in quality(
        "omar-al-bashir", "GBR", "2010-03-11", "BMU")
    assert quality("vladimir-putin", "UKR", "2024-09-03") == ""  # Ukraine itself: Crimea not asked about


def test_association_sources_are_graded_and_counted(data_copy):
    """An aircraft's associations with persons cite their own sources: `data sources` grades them too,
    so an ungraded site cited only there shows as unrated."""
    path = data_copy / "aircraft.yaml"
    text = path.read_text(encoding="utf-8")
    before = next(f for f in source_report(load(data_copy)) if f.file == "aircraft.yaml")
    records = yaml.safe_load(text)
    target = next(r for r in records if r["registration"] == "4X-ISR")
    target["persons"][0]["sources"].append("https://unrated-example.invalid/netanyahu-plane")
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    after = next(f for f in source_report(load(data_copy)) if f.file == "aircraft.yaml")
    assert after.grades[UNRATED] == before.grades[UNRATED] + 1
    assert sum(after.grades.values()) == sum(before.grades.values()) + 1
