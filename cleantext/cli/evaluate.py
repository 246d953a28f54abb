"""``cleantext eval corpus|snippets``: measure what the rules remove, and what they should.

Parsing, output and exit codes only; the scoring is `cleantext.evaluation`'s.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cleantext.cli.io import EXIT_OK, write_atomically
from cleantext.cli.options import add_selection_options, config_from_args


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext eval",
        description="Measure cleaning accuracy on a labelled corpus or on a snippet set.",
    )
    commands = parser.add_subparsers(dest="target", required=True, metavar="corpus|snippets")

    corpus = commands.add_parser(
        "corpus",
        help="precision and recall of removed lines on a labelled corpus",
        description="Score the lines cleaning removes against each case's expected output "
        "(input.txt, expected.txt, case.toml), by language, kind, category and rule.",
    )
    corpus.add_argument(
        "directory", nargs="?", default="corpus", metavar="DIR", help="default: ./corpus"
    )
    _add_common(corpus, "per case: lines removed wrongly and lines missed")

    snippets = commands.add_parser(
        "snippets",
        help="keep/remove snippet scores on HTML pages (expectations.json + pages/)",
        description="Score kept and removed snippets on a snippet set in three input modes: "
        "extracted (trafilatura's default extraction, then cleantext), naive (the whole "
        "page as a crude scraper renders it, then cleantext) and html (cleantext --html).",
    )
    snippets.add_argument(
        "directory", metavar="DIR", help="a snippet set: expectations.json and its pages"
    )
    snippets.add_argument(
        "--mode",
        action="append",
        choices=("extracted", "naive", "html"),
        help="input mode; repeat for several (default: all three)",
    )
    snippets.add_argument(
        "--baseline",
        action="store_true",
        help="also score each mode's input unchanged, without cleantext",
    )
    snippets.add_argument(
        "--jobs",
        type=_positive,
        default=min(2, os.cpu_count() or 1),
        help="worker processes (default: 2, or 1 on one core)",
    )
    snippets.add_argument("--limit", type=_positive, metavar="N", help="only the first N pages")
    _add_common(snippets, "per page and mode: missed `with` and surviving `without` snippets")
    return parser


def _add_common(parser: argparse.ArgumentParser, dump_help: str) -> None:
    add_selection_options(parser)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="a table (default) or JSON"
    )
    parser.add_argument("--dump", metavar="FILE", help=f"write JSON Lines: {dump_help}")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, not {value}")
    return number


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    config = config_from_args(args)
    if args.target == "corpus":
        from cleantext.evaluation.corpus import evaluate_corpus
        from cleantext.evaluation.tables import render_corpus

        corpus = evaluate_corpus(Path(args.directory), config)
        _write_dump(args.dump, (r.to_dict() for r in corpus.results if r.wrong))
        _print(corpus.to_dict() if args.format == "json" else render_corpus(corpus))
        return EXIT_OK

    from cleantext.evaluation.snippet_run import MODES, evaluate_snippet_set
    from cleantext.evaluation.tables import render_snippets

    evaluation = evaluate_snippet_set(
        Path(args.directory), config, modes=args.mode or MODES, jobs=args.jobs, limit=args.limit
    )
    records = (
        r.to_dict() for r in evaluation.results if r.wrong and (args.baseline or not r.baseline)
    )
    _write_dump(args.dump, records)
    if args.format == "json":
        _print(evaluation.to_dict(args.baseline))
    else:
        _print(render_snippets(evaluation, args.baseline))
    return EXIT_OK


def _write_dump(path: str | None, records: Iterable[dict[str, Any]]) -> None:
    if path:
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        write_atomically(Path(path), body.encode("utf-8"))


def _print(result: str | dict[str, Any]) -> None:
    text = result if isinstance(result, str) else json.dumps(result, indent=2) + "\n"
    sys.stdout.write(text)
