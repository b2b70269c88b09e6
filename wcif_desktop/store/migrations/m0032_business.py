"""The fund's business data (issue 18): one ``fund_business`` record per fiscal year — insured units and
persons, target population, work-injury recognitions and appraisals with their on-time counts, beneficiaries by
kind, prevention projects and spending, premium due and collected (domain/business.py). A record table like the
others (``id``/``modified_at``/``modified_by``/``deleted``), so merge and exchange take it by introspection."""

COMMON = {"id": str, "modified_at": str, "modified_by": str, "deleted": int}


def migrate(db):
    cols = dict(COMMON)
    cols["fiscal_year"] = int
    for name in ("insured_units", "insured_persons", "target_population", "insured_persons_previous",
                 "injury_applications", "injury_accepted", "injury_recognised", "injury_on_time", "appraisals",
                 "appraisals_on_time", "beneficiaries_lump_sum", "beneficiaries_long_term", "prevention_projects"):
        cols[name] = int
    for name in ("prevention_spend", "premium_previous_year", "collection_due", "collection_actual"):
        cols[name] = str  # 元, exact decimal text
    cols["source"] = str
    cols["illustrative"] = str
    db["fund_business"].create(cols, pk="id", not_null={"id"}, defaults={"deleted": 0})
    db["fund_business"].create_index(["fiscal_year"])
