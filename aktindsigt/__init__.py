"""aktindsigt: answer requests for access to documents in a Danish municipality."""

#: the version, written only here: pyproject.toml, the CLI (--version), the app (Hjælp → Om) and every
#: bundle manifest read it from this line
__version__ = "0.1.0"
