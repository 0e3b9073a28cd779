"""What a dependency parse (spaCy, en_core_web_sm 3.8.0) costs on the news benchmark's articles.

The 1,000 full-length articles of benchmarks/news_corpus.py, one core, CPU time (`time.process_time`,
best of `--rounds` passes; the machine is shared, so wall time is not reported). Four rates, in
articles per second, each over the same articles:

- `extract`: today's rule-based extraction (`news.extract.extract`, learned stage included);
- parse (a): every sentence of every article (`nlp.pipe` over the whole texts);
- parse (b): only the candidate sentences the rules consider, those naming a person of the record, a
  title or a pronoun reference (the gazetteer's person and reference hits) AND a place;
- parse (c): only the sentences with an arrest, surrender or video cue (`news.cues.ARREST`,
  `TRANSFER`, `REMOTE`);
- (d) `extract` and then a parse of the evidence sentence of each planned, occurred or cancelled event
  it found (what the `kind` reading of experiments/parse/evaluate.py costs, the cheapest use measured).

The sentences for (b) and (c) are chosen outside the timing (finding them costs what extraction's own
first stages cost, which `extract` pays anyway). The pipeline runs with only what a parse needs
(tok2vec, tagger, parser, attribute_ruler): ner and lemmatizer are excluded at load.

    python experiments/parse/bench.py [--n 1000] [--rounds 3] [--batch 64]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1] / "benchmarks")]

from news_corpus import articles  # noqa: E402


def _best(fn, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def select(kb, corpus) -> tuple[list[str], list[str], int]:
    """(candidate sentences, cue sentences, sentences in all) of the articles."""
    from warrantwatch.news import cues
    from warrantwatch.news.extract import normalise, sentence_spans
    from warrantwatch.news.gazetteer import gazetteer_for

    gazetteer = gazetteer_for(kb)
    candidates, cued, total = [], [], 0
    for text, published in corpus:
        norm = normalise(text)
        hits = gazetteer.find(norm, published)
        for start, end in sentence_spans(norm):
            total += 1
            sentence = norm[start:end]
            inside = [h for h in hits if start <= h.start and h.end <= end]
            if any(h.kind == "place" for h in inside) and any(h.kind != "place" for h in inside):
                candidates.append(sentence)
            if cues.ARREST.search(sentence) or cues.TRANSFER.search(sentence) or cues.REMOTE.search(sentence):
                cued.append(sentence)
    return candidates, cued, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()

    from readings import load

    from warrantwatch.news.extract import extract
    from warrantwatch.records.knowledge import bundled

    kb = bundled()
    corpus = articles(args.n)
    candidates, cued, total = select(kb, corpus)
    for text, published in corpus[:20]:  # warm the gazetteer and the caches
        extract(kb, text, published)
    load_start = time.process_time()
    nlp = load()
    load_cpu = time.process_time() - load_start
    list(nlp.pipe([t for t, _ in corpus[:20]]))  # warm

    def run_extract():
        for text, published in corpus:
            extract(kb, text, published)

    def parse(texts):
        return lambda: sum(len(doc) for doc in nlp.pipe(texts, batch_size=args.batch))

    def run_extract_and_kind():
        for text, published in corpus:
            events = extract(kb, text, published)
            sentences = list(dict.fromkeys(e.evidence[0] for e in events
                                           if e.evidence and e.kind in ("planned", "occurred", "cancelled")))
            for _ in nlp.pipe(sentences):
                pass

    texts = [t for t, _ in corpus]
    n = len(corpus)
    rows = [
        ("extract (rules + learned stage)", n, run_extract),
        ("parse (a): whole articles", total, parse(texts)),
        ("parse (b): candidate sentences (person or title AND place)", len(candidates), parse(candidates)),
        ("parse (c): arrest, surrender or video cue sentences", len(cued), parse(cued)),
        ("(d) extract + parse of its events' evidence sentences", n, run_extract_and_kind),
    ]
    print(f"{n} articles, {total} sentences, {sum(len(t) for t in texts) / n:.0f} characters an article; "
          f"pipeline {nlp.pipe_names}, loaded in {load_cpu:.2f} s CPU; best of {args.rounds}, "
          f"load average before: {os.getloadavg()[0]:.2f}")
    print("| what | sentences | CPU s | articles/s | sentences/s |")
    print("|---|---|---|---|---|")
    for label, sentences, fn in rows:
        cpu = _best(fn, args.rounds)
        print(f"| {label} | {sentences} | {cpu:.2f} | {n / cpu:.0f} | {sentences / cpu:.0f} |", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
