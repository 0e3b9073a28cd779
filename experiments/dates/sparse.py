"""The feature matrix both learned experiments fit on (`experiments/dates`, `experiments/events`)."""

from __future__ import annotations

from collections import Counter

from sklearn.feature_extraction import DictVectorizer


def sparse_rows(features: list[dict[str, float]], min_count: int):
    """A vectorizer and the sparse matrix of `features`, keeping a feature only when at least `min_count` rows
    have it (a rarer one would be a weight learned from an anecdote)."""
    counts = Counter(k for row in features for k in row)
    keep = {k for k, n in counts.items() if n >= min_count}
    vectorizer = DictVectorizer(sparse=True, sort=True)
    return vectorizer, vectorizer.fit_transform([{k: v for k, v in row.items() if k in keep} for row in features])
