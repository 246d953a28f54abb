"""``cleantext [FILE ...]``: the filter from files or stdin to stdout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO

from cleantext._version import __version__
from cleantext.cli import SUBCOMMANDS
from cleantext.cli.io import (
    EXIT_ERROR,
    EXIT_OK,
    STDIN,
    read_input,
    report_error,
    write_atomically,
)
from cleantext.cli.options import add_selection_options, config_from_args
from cleantext.engine import Cleaner
from cleantext.errors import InputError
from cleantext.model import Report
from cleantext.report import render_json_line, render_text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext",
        epilog="Subcommands: " + ", ".join(SUBCOMMANDS) + " (cleantext SUBCOMMAND --help).",
        description="Remove web chrome from scraped text and repair its typography. "
        "Reads FILEs (or stdin) and writes the cleaned text to stdout.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files; - or none for stdin")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the cleaned text here")
    add_selection_options(parser)
    parser.add_argument(
        "--report", choices=("text", "json"), help="write a report of every edit to stderr"
    )
    parser.add_argument(
        "--report-file", metavar="FILE", help="write the report here (json unless --report text)"
    )
    parser.add_argument(
        "--encoding", default="utf-8", help="encoding of the inputs (default utf-8)"
    )
    parser.add_argument("--version", action="version", version=f"cleantext {__version__}")
    return parser


def _emit_reports(reports: list[Report], args: argparse.Namespace, stderr: IO[str]) -> None:
    if args.report:
        render = render_json_line if args.report == "json" else render_text
        for report in reports:
            stderr.write(render(report))
    if args.report_file:
        render = render_text if args.report == "text" else render_json_line
        body = "".join(render(report) for report in reports)
        write_atomically(Path(args.report_file), body.encode("utf-8"))


def run_filter(args: argparse.Namespace) -> int:
    cleaner = Cleaner(config_from_args(args))
    names = args.files or [STDIN]
    outputs: list[str] = []
    reports: list[Report] = []
    status = EXIT_OK
    for name in names:
        try:
            text = read_input(name, args.encoding)
        except InputError as error:
            report_error(str(error))
            status = EXIT_ERROR
            continue
        report = cleaner.explain(text, id="<stdin>" if name == STDIN else name)
        reports.append(report)
        outputs.append(report.cleaned)
    cleaned = "".join(outputs).encode("utf-8")
    if args.output:
        write_atomically(Path(args.output), cleaned)
    else:
        sys.stdout.buffer.write(cleaned)
        sys.stdout.buffer.flush()
    _emit_reports(reports, args, sys.stderr)
    return status


def run(argv: list[str]) -> int:
    return run_filter(build_parser().parse_args(argv))
