"""Entry script for the frozen app (PyInstaller needs a file, not `-m annotator`)."""

import sys

from annotator.cli import main

if __name__ == "__main__":
    sys.exit(main())
