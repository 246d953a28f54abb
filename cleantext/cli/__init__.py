"""The ``cleantext`` command and its subcommands.

Only argument parsing, input and output, and exit codes live here; cleaning is the
library's, and reports are drawn by `cleantext.report`. Every failure a user can cause
ends in one line on stderr and exit status 2, never a traceback, and never a half-written
output file.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

from cleantext.cli.io import EXIT_ERROR, report_error
from cleantext.errors import CleantextError

# Subcommand name -> module in this package with ``run(argv) -> int``; imported on use.
SUBCOMMANDS: dict[str, str] = {
    "diff": "diff",
    "check": "check",
    "rules": "rules",
    "explain": "explain",
    "eval": "evaluate",
}


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] in SUBCOMMANDS:
            module = importlib.import_module(f"cleantext.cli.{SUBCOMMANDS[arguments[0]]}")
            status: int = module.run(arguments[1:])
            return status
        from cleantext.cli.filter import run

        return run(arguments)
    except CleantextError as error:
        report_error(str(error))
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`cleantext big.txt | head`): say nothing more, and keep
        # Python from complaining when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except OSError as error:
        report_error(f"{error.filename or 'output'}: {error.strerror}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
