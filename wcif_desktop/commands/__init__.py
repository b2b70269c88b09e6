"""Subcommands of ``wcif-desktop``: each module defines ``register(subparsers)``.

A handler receives the parsed args and returns the exit code. Set ``error_exit_code`` with
``parser.set_defaults`` when a command documents a code other than 2 for user errors.
"""

# Which module registers each subcommand. A command's own process builds the parser of that one module only
# (building all ~40 subparsers took ~30 ms of every run); a name missing here still works, through the full
# parser. tests/test_cli_usage.py checks this table against what the modules register.
COMMAND_MODULES = {
    "backups": "backup", "restore-backup": "backup",
    "baseline": "baseline",
    "business": "business", "import-business": "business", "business-template": "business",
    "document": "document", "archive": "document", "review-targets": "document", "library": "document",
    "export": "exchange", "import": "exchange", "verify-history": "exchange",
    "set-facts": "facts",
    "finance": "finance", "import-finance": "finance", "import-targets": "finance", "targets": "finance",
    "new": "new",
    "consensus": "panel",
    "report": "report", "sign": "report", "verify": "report", "identity": "report", "readiness": "report",
    "reports": "report", "reopen": "report",
    "import-requests": "requests_import",
    "request-list": "review", "evidence": "review",
    "rollup": "rollup",
    "sample": "sample",
    "score": "score", "check-sheet": "score", "import-score-sheet": "score", "export-score-sheet": "score",
    "grade-bands": "score",
    "survey": "survey", "import-survey": "survey",
}
