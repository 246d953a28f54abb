"""Errors a user can act on; the CLI prints them as one line and exits with status 2."""


class CleantextError(Exception):
    """Base class: the message is a full sentence that says what to do next."""


class RuleError(CleantextError):
    """A rule file or pack is invalid; the message names the file, the key and the problem."""


class ConfigError(CleantextError):
    """The configuration or a selector is invalid."""


class InputError(CleantextError):
    """An input cannot be read or decoded."""
