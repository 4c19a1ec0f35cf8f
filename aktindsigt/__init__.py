"""aktindsigt: answer requests for access to documents in a Danish municipality."""

__version__ = "0.1.0"
