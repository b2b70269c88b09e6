"""PyInstaller entry point: the same CLI/GUI dispatcher as the ``wcif-desktop`` console script.

A windowed Windows program (wcif-desktop.exe) has no standard streams (``sys.stdout is None``): they go to
``os.devnull`` so that a stray ``print`` cannot fail; the command line is ``wcif-desktop-cli.exe``.
"""

import os
import sys

from wcif_desktop.cli import main

if __name__ == "__main__":
    for _name in ("stdout", "stderr"):
        if getattr(sys, _name) is None:
            setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    sys.exit(main())
