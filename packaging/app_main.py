"""Entry of the desktop-app executable in the frozen build (no console window on Windows):
the same as ``aktindsigt run``."""

from aktindsigt.cli import app

if __name__ == "__main__":
    app(["run"])
