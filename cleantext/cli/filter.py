"""The ``cleantext`` command: a filter from files or stdin to stdout.

Only argument parsing, input and output, and exit codes live here; cleaning is the
library's, and reports are drawn by `cleantext.report`. Every failure a user can cause
ends in one line on stderr and exit status 2, never a traceback, and never a half-written
output file.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from cleantext._version import __version__
from cleantext.config import Config, load_config
from cleantext.engine import Cleaner
from cleantext.errors import CleantextError, InputError
from cleantext.model import Report
from cleantext.report import render_json_line, render_text

EXIT_OK, EXIT_ERROR = 0, 2
STDIN = "-"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleantext",
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


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    """The options that decide which rules run; shared with every subcommand."""
    group = parser.add_argument_group("rule selection")
    group.add_argument("--preset", help="rule preset: default or strict")
    group.add_argument("--select", action="append", metavar="SEL", help="run only these rules")
    group.add_argument("--extend-select", action="append", metavar="SEL", help="add rules")
    group.add_argument("--ignore", action="append", metavar="SEL", help="turn rules off")
    group.add_argument("--rules", action="append", metavar="PATH", help="extra rule files or packs")
    group.add_argument("--config", metavar="FILE", help="config file (default: found from cwd)")
    group.add_argument("--lang", action="append", metavar="CODE", help="documents' language(s)")
    group.add_argument("--no-repair", action="store_true", help="skip the typography repairs")


def _selectors(values: list[str] | None) -> tuple[str, ...] | None:
    """``--select a,b --select c`` -> ("a", "b", "c"), as ruff reads them."""
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def config_from_args(args: argparse.Namespace) -> Config:
    base = load_config(Path(args.config) if args.config else None)
    extra_dirs = tuple(Path(p) for p in args.rules or ())
    return base.merged(
        preset=args.preset,
        select=_selectors(args.select),
        extend_select=(base.extend_select + (_selectors(args.extend_select) or ())),
        ignore=(base.ignore + (_selectors(args.ignore) or ())),
        languages=_selectors(args.lang),
        rule_dirs=base.rule_dirs + extra_dirs,
        repair=False if args.no_repair else None,
    )


def read_input(name: str, encoding: str) -> str:
    """Read and decode one input, naming the byte offset of any undecodable byte."""
    label = "<stdin>" if name == STDIN else name
    try:
        data = sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
    except OSError as error:
        raise InputError(f"{label}: cannot read: {error.strerror}") from None
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}; try utf-8, cp1252 or latin-1") from None
    except UnicodeDecodeError as error:
        raise InputError(
            f"{label}: invalid {encoding} at byte offset {error.start}; "
            "pass the real encoding with --encoding (for example --encoding cp1252)"
        ) from None


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename over it, so a failure leaves no half file."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
            _error(str(error))
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


def _error(message: str) -> None:
    print(f"cleantext: error: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run_filter(args)
    except CleantextError as error:
        _error(str(error))
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`cleantext big.txt | head`): not our error, but say nothing
        # more and keep Python from complaining while it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except OSError as error:
        _error(f"{error.filename or 'output'}: {error.strerror}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
