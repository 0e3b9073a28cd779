"""`data update` proposes changes from the depositary and the ICC, offline on fixture pages the
project wrote (tests/data/update/README.md: their content is partly invented), never editing data/."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from warrantwatch.cli import main
from warrantwatch.records.knowledge import load
from warrantwatch.update import depositary, icc
from warrantwatch.update.depositary import PageMalformed, parse_cell, parse_notes
from warrantwatch.update.fetch import Fetcher
from warrantwatch.update.patch import build_patch
from warrantwatch.update.propose import membership, withdrawals
from warrantwatch.update.run import run

FIXTURES = Path(__file__).parent / "data" / "update"
PAGES = FIXTURES / "pages"


def _changes(report):
    return {(p.status, p.file, p.key): p for p in report.changes}


def test_fixtures_propose_exactly_the_expected_changes(kb):
    with Fetcher(saved=PAGES) as fetch:
        report = run(kb, fetch)
    changes = _changes(report)
    assert set(changes) == {("changed", "membership.yaml", "UZB"), ("new", "persons.yaml", "adam-fixture"),
                            ("new", "warrants.yaml", "adam-fixture-2026")}
    uzb = changes["changed", "membership.yaml", "UZB"].fields
    assert (str(uzb["deposited"]), uzb["deposit_kind"], str(uzb["entry_into_force"])) == \
        ("2026-11-20", "accession", "2027-02-01")  # entry into force by art. 126(2)
    warrant = changes["new", "warrants.yaml", "adam-fixture-2026"]
    assert (str(warrant.fields["issued"]), str(warrant.fields["made_public"]), warrant.fields["situation"]) == \
        ("2026-09-28", "2026-10-02", "libya")
    assert warrant.source.endswith("/news/situation-libya-icc-pre-trial-chamber-i-issues-warrant-arrest-"
                                   "mr-adam-fixture")
    # known facts are matched, not proposed again: AFG, BDI, HUN, MNG memberships; BDI and HUN withdrawals;
    # El Hishri's warrant and custody
    assert len(report.proposals) - len(report.changes) == 8
    assert not any("president-receives" in name for name, _, _ in report.read)  # not a relevant release
    assert [(n, m) for n, _, m in report.problems] == [
        ("icc/situation-darfur-unsealed-warrant-page-unavailable", "malformed: no title (<h1>)")]


def test_the_patch_is_canonical_applies_and_validates(kb, data_copy, tmp_path):
    with Fetcher(saved=PAGES) as fetch:
        report = run(kb, fetch)
    diff, skipped = build_patch(data_copy, report.changes)
    assert skipped == []
    assert "+  deposited: 2026-11-20\n+  deposit_kind: accession\n+  entry_into_force: 2027-02-01\n" in diff
    assert "+- id: adam-fixture-2026\n" in diff
    if shutil.which("git") is None:
        pytest.skip("git is needed to apply the patch")
    (tmp_path / "u.patch").write_text(diff, encoding="utf-8")
    root = data_copy.parent
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "apply", str(tmp_path / "u.patch")], cwd=root, check=True)
    patched = load(data_copy)
    assert str(patched.membership_of["UZB"].deposited) == "2026-11-20"
    assert patched.warrants_of["adam-fixture"][0].situation == "libya"


def test_cli_report_and_write_leave_data_untouched(capsys, tmp_path, monkeypatch, data_copy):
    before = {p: p.read_bytes() for p in data_copy.rglob("*.yaml")}
    patch = tmp_path / "update.patch"
    code = main(["data", "update", "--from", str(PAGES), "--data", str(data_copy), "--write", str(patch), "--json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 0 and patch.read_text(encoding="utf-8").startswith("--- a/data/membership.yaml")
    assert [p["key"] for p in document["proposed"]] == ["UZB", "adam-fixture", "adam-fixture-2026"]
    assert all(p["source"].startswith("https://") for p in document["proposed"])
    assert {p: p.read_bytes() for p in data_copy.rglob("*.yaml")} == before


def test_a_malformed_status_page_is_reported_and_the_rest_still_read(kb, capsys):
    with Fetcher(saved=FIXTURES / "malformed") as fetch:
        report = run(kb, fetch)
    problems = {n: m for n, _, m in report.problems}
    assert problems["untc-status"] == "malformed: no table of participants (a header row naming 'Participant')"
    assert problems["icc-news"].startswith("no saved page")
    assert report.proposals == []
    assert main(["data", "update", "--from", str(FIXTURES / "malformed")]) == 0  # the status page was read
    assert "malformed: no table of participants" in capsys.readouterr().out
    with pytest.raises(PageMalformed, match="unreadable date"):
        parse_cell("sometime in 2003")


def _transport(timeout_hosts: set[str], seen: list[str]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host in timeout_hosts:
            raise httpx.ReadTimeout("read timed out", request=request)
        if request.url.path == "/news":
            return httpx.Response(200, text=(PAGES / "icc-news.html").read_text(encoding="utf-8"))
        slug = request.url.path.rsplit("/", 1)[-1]
        page = PAGES / "icc" / f"{slug}.html"
        if page.is_file():
            return httpx.Response(200, text=page.read_text(encoding="utf-8"))
        return httpx.Response(404)
    return httpx.MockTransport(handler)


def test_a_timeout_is_reported_with_the_rest_still_read_politely_and_cached(kb, tmp_path):
    seen: list[str] = []
    sleeps: list[float] = []
    clock = iter(float(i) / 10 for i in range(1000))  # 0.1 s pass between two readings of the clock
    client = httpx.Client(transport=_transport({"treaties.un.org"}, seen))
    with Fetcher(client=client, cache_dir=tmp_path / "cache", timeout_s=5, delay_s=2.0,
                 clock=lambda: next(clock), sleep=sleeps.append) as fetch:
        report = run(kb, fetch)
    assert ("untc-status", depositary.STATUS_URL, "timed out after 5 s") in report.problems
    assert ("new", "warrants.yaml", "adam-fixture-2026") in _changes(report)
    assert len(seen) == 5 and sleeps and all(s > 1.0 for s in sleeps)  # one request at a time, 2 s apart
    again: list[str] = []
    with Fetcher(client=httpx.Client(transport=_transport({"treaties.un.org"}, again)),
                 cache_dir=tmp_path / "cache", sleep=lambda _s: None) as fetch:
        second = run(kb, fetch)
    assert again == [depositary.STATUS_URL]  # only the page that failed is asked for again
    assert {o for _, _, o in second.read} == {"cache"}


def test_a_confirmed_revocation_changes_an_unconfirmed_one(kb):
    # Invented text in the depositary's wording, to exercise the rule (not a fact about Hungary).
    notes = parse_notes("On 30 May 2026, the Government of Hungary notified the Secretary-General of its "
                        "decision to withdraw its notification of withdrawal. See C.N.9999.2026.TREATIES-XVIII.10.")
    assert [(n.action, str(n.on), n.cn) for n in notes] == [("revocation", "2026-05-30",
                                                             "C.N.9999.2026.TREATIES-XVIII.10")]
    [proposal] = withdrawals(kb, notes, depositary.STATUS_URL)
    assert (proposal.status, proposal.key) == ("changed", "HUN 2025-06-02")
    assert proposal.fields == {"revoked": notes[0].on, "revocation_confirmed": True}
    assert "(unconfirmed)" in proposal.summary and proposal.source.endswith("(C.N.9999.2026.TREATIES-XVIII.10)")


def test_a_release_without_a_warrant_sentence_proposes_nothing():
    page = "<html><body><h1>ICC President receives a delegation</h1><p>On 3 March 2026, Mr A Visitor " \
           "met the President.</p></body></html>"
    assert icc.parse_release(page, "https://www.icc-cpi.int/news/x") == []
    with pytest.raises(PageMalformed, match="no press releases"):
        icc.parse_news("<html><body><p>nothing</p></body></html>")


def test_depositary_names_resolve_to_states(kb):
    page = ("<table><tr><th>Participant</th><th>Signature</th><th>Ratification</th></tr>"
            "<tr><td>Congo<sup>2</sup></td><td>17 Jul 1998</td><td>3 May 2004</td></tr>"
            "<tr><td>Bolivia (Plurinational State of)</td><td>17 Jul 1998</td><td>27 Jun 2002</td></tr></table>")
    participants, _ = depositary.parse_status(page)
    assert [p.name for p in participants] == ["Republic of the Congo", "Bolivia (Plurinational State of)"]
    proposals = {p.key: p.status for p in membership(kb, participants, depositary.STATUS_URL)}
    assert set(proposals) == {"COG", "BOL"} and proposals["COG"] == "known"  # as recorded


def test_notes_in_either_wording_of_the_depositary():
    text = ("On 27 October 2016, the Secretary-General received a notification by the Government of Burundi of "
            "its decision to withdraw from the Statute. The withdrawal took effect on 27 October 2017. "
            "On 10 February 2017, the Government of the Gambia notified the Secretary-General of its decision "
            "to rescind its notification of withdrawal.")
    notes = parse_notes(text)
    assert [(n.state_name, n.action, str(n.on), str(n.effective)) for n in notes] == [
        ("Burundi", "withdrawal", "2016-10-27", "2017-10-27"), ("Gambia", "revocation", "2017-02-10", "None")]
