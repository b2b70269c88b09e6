"""PyInstaller entry point: the same CLI/GUI dispatcher as the ``wcif-desktop`` console script."""

import sys

from wcif_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
