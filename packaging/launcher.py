"""The frozen app's entry script: the same as ``python -m bpeditor``.

PyInstaller runs this as ``__main__``; it lives outside the package so that the analysis does not
put ``bpeditor/`` itself on the module path (where ``bpeditor/io`` would shadow the standard
``io`` module).
"""

import sys

from bpeditor.cli import main

if __name__ == "__main__":
    sys.exit(main())
