"""Full-length articles for the news benchmarks, built from the development items.

The repository holds one real full-length article outside the held-out sets (the seed article,
3.5k characters); the development items (tests/data/news, news-dev2 .. news-dev4) are real
reports cut to a few paragraphs. A benchmark article is the seed article, or development items
joined, in a fixed pseudo-random order, until it is at least as long as the seed article: real
news prose at the length the targets speak of, each article's text distinct (so that `watch`
stores every one), dated by its first item's publication day.

    python benchmarks/news_corpus.py FOLDER [N]     # writes N (1,000) one-line feeds into FOLDER
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_SETS = ("news", "news-dev2", "news-dev3", "news-dev4")  # never a held-out or final set
SEED = ROOT / "examples" / "seed-article.txt"
SEED_PUBLISHED = dt.date(2024, 8, 30)


def articles(n: int = 1000, *, seed: int = 11) -> list[tuple[str, dt.date]]:
    """`n` full-length articles (text, publication day): the seed article first, then joined items."""
    from warrantwatch.news.evaluate import load_items

    items = [i for name in DEV_SETS for i in load_items(ROOT / "tests" / "data" / name)]
    seed_text = SEED.read_text(encoding="utf-8")
    length = len(seed_text)
    rng = random.Random(seed)
    out = [(seed_text, SEED_PUBLISHED)]
    seen = {seed_text}
    while len(out) < n:
        order = rng.sample(items, len(items))
        parts, size = [], 0
        for item in order:
            parts.append(item.text.strip())
            size += len(parts[-1]) + 2
            if size >= length:
                break
        text = "\n\n".join(parts) + "\n"
        if text not in seen:
            seen.add(text)
            out.append((text, order[0].published))
    return out


def write(folder: Path, n: int = 1000) -> Path:
    """One JSON Lines file per article (text and publication day) in `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, (text, published) in enumerate(articles(n)):
        line = json.dumps({"published": published.isoformat(), "text": text}, ensure_ascii=False)
        (folder / f"{i:05d}.jsonl").write_text(line + "\n", encoding="utf-8")
    return folder


if __name__ == "__main__":
    target = write(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
    print(f"wrote {target}")
