"""Entry of the desktop-app executable in the frozen build (no console window on Windows):
the same as ``aktindsigt run``."""

import sys

if __name__ == "__main__":
    if len(sys.argv) == 1:
        sys.argv.append("run")
    from aktindsigt.__main__ import run

    run()
