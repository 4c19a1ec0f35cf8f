"""aktindsigt: answer requests for access to documents in a Danish municipality."""

from aktindsigt.offline import keep_out as _keep_out

# before anything can import PyMuPDF: no telemetry client in any aktindsigt process (see offline.py)
_keep_out()

#: the version, written only here: pyproject.toml, the CLI (--version), the app (Hjælp → Om) and every
#: bundle manifest read it from this line
__version__ = "0.1.0"
