"""Finance: per-evaluation finance settings (工伤预防费 cap rate and its basis, tolerance of the roll-forward and
sum checks), and an index on the statement lines by year and code."""

COMMON = {"id": str, "modified_at": str, "modified_by": str, "deleted": int}


def migrate(db):
    cols = dict(COMMON)
    cols.update({"prevention_cap_rate": str, "prevention_cap_basis": str, "roll_forward_tolerance": str})
    db["finance_settings"].create(cols, pk="id", not_null={"id"}, defaults={"deleted": 0})
    db["finance_line"].create_index(["fiscal_year", "code"], if_not_exists=True)
