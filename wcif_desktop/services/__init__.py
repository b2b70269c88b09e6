"""Use cases shared by the UI, the CLI and the tests. Each edit returns a :class:`Changes` record."""
