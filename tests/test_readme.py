"""The README's worked examples are real output: a change that alters them must update the README."""

import re
from pathlib import Path

import pytest

from warrantwatch.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["warrantwatch check putin mongolia --on 2024-09-03",
                                     "warrantwatch world netanyahu --on 2025-04-03",
                                     "warrantwatch world putin --from 2024-01-01 --to 2026-12-31",
                                     "warrantwatch route VKO UBN --person putin --on 2024-09-03"])
def test_readme_example_matches_real_output(command, capsys, monkeypatch):
    match = re.search(r"\$ " + re.escape(command) + r"\n(.*?)```", README, re.S)
    assert match, f"README has no example of {command!r}"
    monkeypatch.setenv("COLUMNS", "100")
    # Asked on the day of the review: the README shows an answer without the review_age caveat.
    from warrantwatch.records.knowledge import bundled

    monkeypatch.setenv("WARRANTWATCH_TODAY", bundled().reviewed.isoformat())
    assert main(command.split()[1:]) == 0
    assert capsys.readouterr().out.strip() == match.group(1).strip()


def test_readme_tracks_example_matches_real_output(capsys, monkeypatch, tmp_path):
    block = README[README.index("$ warrantwatch tracks ingest examples/tracks"):]
    block = block[:block.index("```")]
    steps = re.findall(r"\$ (warrantwatch [^\n]*)\n(.*?)(?=\n\$ |\Z)", block, re.S)
    assert len(steps) == 5
    (tmp_path / "examples").symlink_to(Path(__file__).resolve().parents[1] / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "110")
    for command, expected in steps:
        command = command.split("#")[0]
        assert main(command.split()[1:]) == 0, command
        assert capsys.readouterr().out.strip() == expected.strip(), command


def test_readme_watchlist_example_matches_real_output(capsys, monkeypatch):
    match = re.search(r"\$ warrantwatch tracks watchlist\n(.*?)```", README, re.S)
    assert match, "README has no example of warrantwatch tracks watchlist"
    monkeypatch.setenv("COLUMNS", "110")
    assert main(["tracks", "watchlist"]) == 0
    assert capsys.readouterr().out.strip() == match.group(1).strip()


def test_readme_arrest_at_home_example_is_the_start_of_real_output(capsys, monkeypatch):
    command = "warrantwatch brief examples/duterte-arrest.txt"
    block = README[README.index("$ " + command):]
    block = block[block.index("\n") + 1:block.index("…\n```")]
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    monkeypatch.setenv("COLUMNS", "100")
    from warrantwatch.records.knowledge import bundled

    monkeypatch.setenv("WARRANTWATCH_TODAY", bundled().reviewed.isoformat())
    assert main(command.split()[1:]) == 0
    assert capsys.readouterr().out.startswith(block)


def test_readme_feed_example_matches_real_output(capsys, monkeypatch, tmp_path):
    command = "warrantwatch watch examples/feed.xml --db news.duckdb"
    match = re.search(r"\$ " + re.escape(command) + r"\n(.*?)```", README, re.S)
    assert match, f"README has no example of {command!r}"
    feed = Path(__file__).resolve().parents[1] / "examples" / "feed.xml"
    monkeypatch.chdir(tmp_path)  # (a new store)
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["watch", str(feed), "--db", "news.duckdb"]) == 0
    assert capsys.readouterr().out.strip() == match.group(1).strip()

