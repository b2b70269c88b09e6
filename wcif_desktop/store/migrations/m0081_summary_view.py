"""A read-only summary view, ``v_evaluation_summary`` (issue 22, docs/rollup.md): one row per evaluation file with
its headline facts, so tools outside the app (plain ``sqlite3``, DuckDB's SQLite scanner, pandas) can scan an
archive of thousands of files with one query each and no knowledge of the tables behind it.

Columns: ``evaluation_id``, ``title``, ``fund_name``, ``region``, ``fiscal_year``, ``agency``, ``report_date``,
``locked`` (0/1); ``leaf_indicators``, ``scored_indicators``, ``total_weight`` and ``total_score`` (points, text with
two decimals: the sum of the live level-3 scores — the app's own roll-up recomputes it exactly with Decimal; the
view's sum goes through SQLite's floating point, exact to the cent for totals of two-decimal scores);
``income_actual``, ``expenditure_actual``, ``year_end_balance`` (元, text as stored, of the evaluated year);
``problems`` (live problem findings); ``reports``, ``signed_reports``, ``final_reports`` (kept report PDFs);
``history_entries`` and ``last_change`` (the audit log; the view does not check its hash chain).

A view holds no data: it changes nothing in the file and costs nothing until read.
"""

VIEW = """
CREATE VIEW IF NOT EXISTS v_evaluation_summary AS
WITH leaves AS (
    SELECT i.weight, i.score FROM indicator i
    WHERE i.deleted = 0
      AND NOT EXISTS (SELECT 1 FROM indicator c WHERE c.parent_id = i.id AND c.deleted = 0)
),
fin AS (
    SELECT f.code, f.actual FROM finance_line f, evaluation e
    WHERE f.deleted = 0 AND e.deleted = 0 AND f.fiscal_year = e.fiscal_year
)
SELECT
    e.id AS evaluation_id, e.title, e.fund_name, e.region, e.fiscal_year, e.agency, e.report_date, e.locked,
    (SELECT count(*) FROM leaves) AS leaf_indicators,
    (SELECT count(*) FROM leaves WHERE score IS NOT NULL AND score <> '') AS scored_indicators,
    (SELECT printf('%.2f', coalesce(sum(CAST(weight AS REAL)), 0)) FROM leaves) AS total_weight,
    (SELECT printf('%.2f', coalesce(sum(CAST(score AS REAL)), 0)) FROM leaves
      WHERE score IS NOT NULL AND score <> '') AS total_score,
    (SELECT actual FROM fin WHERE code = 'income_total') AS income_actual,
    (SELECT actual FROM fin WHERE code = 'expenditure_total') AS expenditure_actual,
    (SELECT actual FROM fin WHERE code = 'year_end_balance') AS year_end_balance,
    (SELECT count(*) FROM finding WHERE deleted = 0 AND kind = 'problem') AS problems,
    (SELECT count(*) FROM generated_report WHERE deleted = 0) AS reports,
    (SELECT count(*) FROM generated_report WHERE deleted = 0 AND signers NOT IN ('', '[]')) AS signed_reports,
    (SELECT count(*) FROM generated_report WHERE deleted = 0 AND final = 1) AS final_reports,
    (SELECT count(*) FROM audit_log) AS history_entries,
    (SELECT max(at) FROM audit_log) AS last_change
FROM evaluation e
WHERE e.deleted = 0
"""


def migrate(db):
    db.execute(VIEW)
