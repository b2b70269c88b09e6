"""The document kinds of the evaluation (a leaf module: the CLI lists them without importing the builders)."""

KINDS = ("report-brief", "report-full", "work-plan", "letter", "request-list", "problem-list", "summary",
         "research-outline", "site-schedule")
