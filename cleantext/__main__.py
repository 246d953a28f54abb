"""``python -m cleantext`` runs the command."""

import sys

from cleantext.cli import main

sys.exit(main())
