"""Every event extracted from every article the repository holds, as one JSON document: a change meant
to make extraction faster, not different, must leave this output byte for byte the same.

Articles: each item of each tests/data/news*/ set, the news benchmark's full-length articles, and
examples/*.txt. (An untouched evaluation set kept on its own branch is not in the tree, so it is never
read here before its one evaluation.)

    python scripts/dump_events.py OUT.json [N]     # N benchmark articles (default 1,000)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def main(out: Path, n: int) -> None:
    from news_corpus import SEED_PUBLISHED, articles

    from warrantwatch.news.evaluate import load_items
    from warrantwatch.news.extract import extract
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    dump: dict[str, list] = {}
    for folder in sorted((ROOT / "tests" / "data").glob("news*")):
        if not folder.is_dir():
            continue
        for item in load_items(folder):
            dump[f"{folder.name}/{item.id}"] = [e.to_dict() for e in extract(kb, item.text, item.published)]
    for i, (text, published) in enumerate(articles(n)):
        dump[f"corpus/{i:05d}"] = [e.to_dict() for e in extract(kb, text, published)]
    for path in sorted((ROOT / "examples").glob("*.txt")):
        dump[f"examples/{path.name}"] = [e.to_dict() for e in extract(kb, path.read_text(encoding="utf-8"),
                                                                      SEED_PUBLISHED)]
    out.write_text(json.dumps(dump, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{out}: {len(dump)} articles, {sum(map(len, dump.values()))} events")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.partition("\n\n")[0])
    parser.add_argument("out", type=Path, help="the JSON file to write")
    parser.add_argument("n", type=int, nargs="?", default=1000, help="benchmark articles (default 1,000)")
    args = parser.parse_args()
    main(args.out, args.n)
