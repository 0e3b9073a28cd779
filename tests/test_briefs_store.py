"""The page's stored briefs: where they go, and a bounded folder."""

import os
import time

from warrantwatch.api import briefs


def test_briefs_go_under_the_cache_folder_when_no_folder_is_named(monkeypatch, tmp_path):
    monkeypatch.delenv("WARRANTWATCH_BRIEFS", raising=False)
    monkeypatch.setenv("WARRANTWATCH_CACHE", str(tmp_path))
    ident = briefs.save({"text": "Putin will visit Mongolia.", "published": "2024-08-30"})
    assert (tmp_path / "warrantwatch" / "briefs" / f"{ident}.json").is_file()
    assert briefs.load(ident)["text"] == "Putin will visit Mongolia."


def test_the_folder_keeps_only_the_newest_briefs(monkeypatch, tmp_path):
    monkeypatch.setenv("WARRANTWATCH_BRIEFS", str(tmp_path))
    monkeypatch.setattr(briefs, "MAX_KEPT", 3)
    idents = []
    past = time.time_ns() - 100 * 10**9
    for n in range(5):
        idents.append(briefs.save({"text": f"article {n}", "published": "2024-08-30"}))
        newest = tmp_path / f"{idents[-1]}.json"
        os.utime(newest, ns=(past + n * 10**9,) * 2)  # distinct, increasing times on any filesystem
    kept = sorted(p.stem for p in tmp_path.glob("*.json"))
    assert kept == sorted(idents[2:])
