"""cleantext: clean scraped web text and say exactly what was removed and why.

>>> from cleantext import clean_text
>>> clean_text("Prices rose\\u00a0again , the bank said.")
'Prices rose again, the bank said.'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cleantext._version import __version__
from cleantext.config import Config, load_config
from cleantext.engine import Cleaner, InputKind, RuleSet, cached_cleaner, load_ruleset
from cleantext.errors import CleantextError, ConfigError, InputError, RuleError
from cleantext.model import Edit, Report, Skip

__all__ = [
    "Cleaner",
    "CleantextError",
    "Config",
    "ConfigError",
    "Edit",
    "InputError",
    "Report",
    "RuleError",
    "RuleSet",
    "Skip",
    "__version__",
    "clean_and_explain",
    "clean_text",
    "load_config",
    "load_ruleset",
]


def _cleaner(options: dict[str, Any]) -> Cleaner:
    """The cached cleaner for keyword options: lists become tuples, so configs hash."""
    config = options.pop("config", None) or Config()
    if isinstance(config, str | Path):
        config = load_config(Path(config))
    for key in ("select", "extend_select", "ignore", "languages"):
        if isinstance(options.get(key), str):
            options[key] = (options[key],)
        elif options.get(key) is not None:
            options[key] = tuple(options[key])
    if options.get("rule_dirs") is not None:
        options["rule_dirs"] = tuple(Path(p) for p in options["rule_dirs"])
    try:
        config = config.merged(**options)
    except TypeError as error:
        raise ConfigError(f"unknown option: {error}") from None
    return cached_cleaner(config)


def clean_text(text: str | bytes, *, input: InputKind = "text", **options: Any) -> str:
    """Clean one document with the default rules, or those the options select.

    Options are the `Config` fields: ``preset``, ``select``, ``extend_select``, ``ignore``,
    ``languages``, ``rule_dirs``, ``preview``, ``repair``, and ``config`` (a `Config`).
    The compiled rule set is cached per distinct options. ``input="html"`` extracts the
    article from an HTML page (str or bytes) with trafilatura first (the ``html`` extra).
    """
    return _cleaner(dict(options)).clean(text, input=input)


def clean_and_explain(text: str | bytes, *, input: InputKind = "text", **options: Any) -> Report:
    """Clean one document and return the `Report` of every edit (same options)."""
    return _cleaner(dict(options)).explain(text, input=input)
