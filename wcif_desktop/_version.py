"""The version of WCIF Desktop. Must equal ``[project] version`` in ``pyproject.toml`` (the source of truth the
PyInstaller spec reads; ``tests/packaging/test_resources.py`` and the spec check that both agree). A constant
rather than ``importlib.metadata``, which costs about 20 ms of every start-up (issue 9)."""

__version__ = "0.1.0"
