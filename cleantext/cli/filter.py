"""``cleantext [FILE ...]``: the filter from files or stdin to stdout."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, BinaryIO

from cleantext._version import __version__
from cleantext.cli import SUBCOMMANDS
from cleantext.cli.io import (
    EXIT_ERROR,
    EXIT_OK,
    STDIN,
    atomic_writer,
    label_of,
    report_error,
    write_atomically,
)
from cleantext.cli.options import add_selection_options, config_from_args
from cleantext.engine import Cleaner
from cleantext.errors import InputError
from cleantext.html import import_trafilatura
from cleantext.model import Report
from cleantext.report import render_json_line, render_text
from cleantext.stream import clean_pieces, decode_blocks, explain_pieces, split_pieces


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext",
        epilog="Subcommands: " + ", ".join(SUBCOMMANDS) + " (cleantext SUBCOMMAND --help).",
        description="Remove web chrome from scraped text and repair its typography. "
        "Reads FILEs (or stdin) and writes the cleaned text to stdout.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files; - or none for stdin")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the cleaned text here")
    parser.add_argument(
        "-i",
        "--in-place",
        action="store_true",
        help="rewrite each FILE with its cleaned text, atomically (unchanged files are left)",
    )
    parser.add_argument(
        "--backup",
        metavar="SUFFIX",
        help="with --in-place, keep each original as FILE+SUFFIX (for example .orig)",
    )
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
    add_html_option(parser)
    parser.add_argument("--version", action="version", version=f"cleantext {__version__}")
    return parser


# --- HTML input (--html) ---------------------------------------------------------------


def add_html_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--html",
        action="store_true",
        help="the inputs are HTML pages: extract the article with trafilatura (the html "
        "extra), then clean it; the page's own charset declaration decides its encoding",
    )


def read_page(name: str) -> bytes:
    """An HTML page as bytes, left for trafilatura to decode from its charset declaration."""
    label = "<stdin>" if name == STDIN else name
    try:
        return sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
    except OSError as error:
        raise InputError(f"{label}: cannot read: {error.strerror}") from None


# ----------------------------------------------------------------------------------------


def _emit_reports(reports: list[Report], args: argparse.Namespace, stderr: IO[str]) -> None:
    if args.report:
        render = render_json_line if args.report == "json" else render_text
        for report in reports:
            stderr.write(render(report))
    if args.report_file:
        render = render_text if args.report == "text" else render_json_line
        body = "".join(render(report) for report in reports)
        write_atomically(Path(args.report_file), body.encode("utf-8"))


def _rewrite_in_place(args: argparse.Namespace, cleaner: Cleaner) -> int:
    from cleantext.cli.inplace import run_in_place

    status, reports = run_in_place(args.files, cleaner, args.encoding, args.backup)
    _emit_reports(reports, args, sys.stderr)
    return status


def run_filter(args: argparse.Namespace) -> int:
    if args.html:
        import_trafilatura()  # a missing extra fails before any input is read
    cleaner = Cleaner(config_from_args(args))
    if args.in_place:
        return _rewrite_in_place(args, cleaner)
    reports: list[Report] = []
    with _output(args.output) as output:
        status = EXIT_OK
        for name in args.files or [STDIN]:
            try:
                report = _clean_one(name, cleaner, args, output.write)
            except InputError as error:
                report_error(str(error))
                status = EXIT_ERROR
                continue
            if report is not None:
                reports.append(report)
        if status != EXIT_OK and args.output:
            # An output file is written whole or not at all: a file that looks complete
            # but lacks an input would be worse than none.
            raise InputError(f"{args.output} was not written, as an input failed")
    _emit_reports(reports, args, sys.stderr)
    return status


@contextmanager
def _output(path: str | None) -> Iterator[BinaryIO]:
    """The output stream: a file replaced atomically at the end, or stdout."""
    if path:
        with atomic_writer(Path(path)) as stream:
            yield stream
    else:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()


def _clean_one(
    name: str, cleaner: Cleaner, args: argparse.Namespace, write: Callable[[bytes], object]
) -> Report | None:
    """Clean one input into ``write``; its report when one was asked for.

    Text is read and cleaned in pieces (`cleantext.stream`), so a huge input needs
    bounded memory unless a report (which holds the whole text) was asked for.
    """
    label = label_of(name)
    wants_report = bool(args.report or args.report_file)
    if args.html:
        report = cleaner.explain(read_page(name), id=label, input="html")
        write(report.cleaned.encode("utf-8"))
        return report
    with _open_binary(name) as stream:
        if stream.seekable():
            # A file can be checked before any output: a bad byte stops nothing halfway.
            for _ in decode_blocks(stream, args.encoding, label):
                pass
            stream.seek(0)
        pieces = split_pieces(decode_blocks(stream, args.encoding, label))
        if wants_report:
            report = explain_pieces(cleaner, pieces, label)
            write(report.cleaned.encode("utf-8"))
            return report
        written = 0

        def write_piece(text: str) -> None:
            nonlocal written
            written += len(text)
            write(text.encode("utf-8"))

        try:
            clean_pieces(cleaner, pieces, write_piece)
        except InputError as error:
            if not written:
                raise
            # A pipe cannot be read twice: say plainly that the output stops short.
            raise InputError(f"{error}; the output above stops short of it") from None
    return None


@contextmanager
def _open_binary(name: str) -> Iterator[BinaryIO]:
    if name == STDIN:
        yield sys.stdin.buffer
        return
    # Opened outside the `with`, so that only a failure to open reads as "cannot read":
    # a write error raised while the stream is in use must not be reported as one.
    try:
        stream = Path(name).open("rb")  # noqa: SIM115
    except OSError as error:
        raise InputError(f"{label_of(name)}: cannot read: {error.strerror}") from None
    with stream:
        yield stream


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.in_place and (not args.files or STDIN in args.files):
        parser.error("--in-place rewrites files: name them (it cannot rewrite stdin)")
    if args.in_place and args.output:
        parser.error("--in-place and --output cannot be used together")
    if args.in_place and args.html:
        parser.error("--in-place rewrites text files; it cannot replace HTML pages (--html)")
    if args.backup is not None and not args.in_place:
        parser.error("--backup only makes sense with --in-place")
    if args.backup is not None and (not args.backup or "/" in args.backup):
        parser.error("--backup SUFFIX: give a suffix such as .orig (no slashes)")
    return run_filter(args)
