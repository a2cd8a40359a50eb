"""``python -m bpeditor``: the same as the ``bpeditor`` command."""

import sys

from bpeditor.cli import main

sys.exit(main())
