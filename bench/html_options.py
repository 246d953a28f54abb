"""Which trafilatura options `--html` should use: each variant scored on a snippet set.

    python3 bench/html_options.py ../shared/devset/trafilatura-eval [--preset default]

For every variant of `cleantext.html.EXTRACTION_OPTIONS` below, prints the snippet scores
of the extraction alone and of the extraction followed by cleantext's rules. The chosen
options, and why, are in cleantext/html.py; the figures are in bench/accuracy.md. It is
not a test: the numbers are for reading.
"""

from __future__ import annotations

import argparse
import logging
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from cleantext import Cleaner, Config
from cleantext.evaluation.scores import Confusion
from cleantext.evaluation.snippets import SnippetPage, load_snippet_set, score_text
from cleantext.html import extract_text

# Each variant changes the chosen options (the empty one) in one respect.
VARIANTS: dict[str, dict[str, Any]] = {
    "chosen": {},
    "favor_recall": {"favor_recall": True},
    "favor_precision": {"favor_precision": True},
    "fast (no fallback)": {"fast": True},
    "no tables": {"include_tables": False},
    "with comments": {"include_comments": True},
    "deduplicate": {"deduplicate": True},
    "formatting": {"include_formatting": True},
}

_STATE: dict[str, Any] = {}


def _start(root: Path, preset: str) -> None:
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    _STATE.update(root=root, cleaner=Cleaner(Config(preset=preset)))


def _score(page: SnippetPage) -> dict[str, tuple[Confusion, Confusion]]:
    html = page.read_html(_STATE["root"])
    scores = {}
    for name, options in VARIANTS.items():
        text = extract_text(html, options).text
        cleaned = _STATE["cleaner"].clean(text)
        scores[name] = (score_text(page, text).counts, score_text(page, cleaned).counts)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--preset", default="default")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    pages = load_snippet_set(args.directory)
    with Pool(args.jobs, initializer=_start, initargs=(args.directory, args.preset)) as pool:
        results = pool.map(_score, pages, chunksize=8)
    print(f"{len(pages)} pages, preset {args.preset}")
    print(f"{'variant':20} {'alone P/R/F1':>20}   {'+cleantext P/R/F1':>20}     fp    fn")
    for name in VARIANTS:
        alone = Confusion.total(result[name][0] for result in results)
        cleaned = Confusion.total(result[name][1] for result in results)
        print(
            f"{name:20} {alone.precision:.3f} {alone.recall:.3f} {alone.f1:.3f}"
            f"      {cleaned.precision:.3f} {cleaned.recall:.3f} {cleaned.f1:.3f}"
            f"  {cleaned.fp:5} {cleaned.fn:5}"
        )


if __name__ == "__main__":
    main()
