"""Whether to draw for a person or print for a program, and in colour or not.

Decided here, without rich, so that a piped command never imports it. The order follows
https://no-color.org and https://force-color.org: an explicit ``--color`` wins, then
``NO_COLOR``, then ``FORCE_COLOR``, then whether the stream is a terminal.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from typing import IO

COLOR_CHOICES = ("auto", "always", "never")


def add_color_option(parser: argparse.ArgumentParser, default: str = "auto") -> None:
    parser.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default=default,
        help="colour the output: auto (a terminal, unless NO_COLOR is set), always or never",
    )


def is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or fake stream
        return False


def _forced(environ: Mapping[str, str]) -> bool:
    return environ.get("FORCE_COLOR", "").strip().lower() not in ("", "0", "false", "no")


def wants_color(mode: str, tty: bool, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to emit colour.

    >>> wants_color("auto", True, {"NO_COLOR": "1"})
    False
    >>> wants_color("auto", False, {"FORCE_COLOR": "1"})
    True
    >>> wants_color("always", False, {"NO_COLOR": "1"})
    True
    """
    environ = os.environ if environ is None else environ
    if mode != "auto":
        return mode == "always"
    if environ.get("NO_COLOR", ""):
        return False
    return _forced(environ) or tty


def wants_drawing(mode: str, tty: bool, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to draw the rich view (a terminal, or colour forced) rather than plain text.

    >>> wants_drawing("auto", True, {"NO_COLOR": "1"})
    True
    >>> wants_drawing("auto", False, {})
    False
    """
    environ = os.environ if environ is None else environ
    if mode == "never":
        return tty
    return tty or wants_color(mode, tty, environ)
