"""Synthetic demo cases: files of every supported format with known personal data."""
