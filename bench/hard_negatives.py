"""Characters each preset removes from the corpus's hard negatives: clean article prose
about cookies, logging in, comments and sharing, where every removal is a loss.

    python3 bench/hard_negatives.py [preset ...]      # default: default strict page

Issue 3's bounds: at most 0.5 % through the default preset, 2 % through the page preset.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cleantext import Cleaner, Config

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def removed_characters(preset: str) -> tuple[int, int, list[tuple[int, str, list[str]]]]:
    """Characters removed, characters in all, and the documents that lost some."""
    cleaner = Cleaner(Config(preset=preset))
    total = removed = 0
    losses = []
    for case in sorted(CORPUS.iterdir()):
        if "hard-negative" not in case.name:
            continue
        text = (case / "input.txt").read_bytes().decode()
        removals = [edit for edit in cleaner.explain(text).edits if edit.action == "remove"]
        lost = sum(len(edit.text) for edit in removals)
        total += len(text)
        removed += lost
        if lost:
            losses.append((lost, case.name, sorted({edit.rule for edit in removals})))
    return removed, total, sorted(losses, reverse=True)


def main() -> None:
    for preset in sys.argv[1:] or ["default", "strict", "page"]:
        removed, total, losses = removed_characters(preset)
        print(f"{preset}: {removed:,} of {total:,} characters removed ({removed / total:.2%})")
        for lost, name, rules in losses[:5]:
            print(f"    {lost:5}  {name}  {', '.join(rules)}")


if __name__ == "__main__":
    main()
