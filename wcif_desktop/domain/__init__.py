"""The domain core: plain dataclasses and rules. Imports neither Qt nor SQL."""
