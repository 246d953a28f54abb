"""Options shared by every subcommand: which rules run, and with what configuration."""

from __future__ import annotations

import argparse
from pathlib import Path

from cleantext.config import Config, load_config


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


def add_encoding_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding", default="utf-8", help="encoding of the inputs (default utf-8)"
    )


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
