"""Confusion counts and the scores derived from them, shared by both evaluations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Confusion:
    """True and false positives and negatives; scores are 0.0 when undefined.

    What is "positive" is the evaluation's to say: a kept ``with`` snippet for snippet
    sets (as trafilatura scores itself), a removed line for the corpus.

    >>> counts = Confusion(tp=8, fp=2, fn=2, tn=8)
    >>> (counts.precision, counts.recall, counts.f1, counts.accuracy)
    (0.8, 0.8, 0.8, 0.8)
    >>> Confusion().f1
    0.0
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: Confusion) -> Confusion:
        return Confusion(
            self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn
        )

    @classmethod
    def total(cls, counts: Iterable[Confusion]) -> Confusion:
        result = cls()
        for count in counts:
            result = result + count
        return result

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def accuracy(self) -> float:
        return _ratio(self.tp + self.tn, self.tp + self.fp + self.fn + self.tn)

    def to_dict(self) -> dict[str, Any]:
        """Counts and scores, rounded to four places as they are reported."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "accuracy": round(self.accuracy, 4),
        }


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0
