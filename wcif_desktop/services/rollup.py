"""Roll-up (汇总分析) of many evaluation files: one workbook comparing regions and years (issue 22).

Each file is read **read-only** (:func:`open_readonly`): no backup, no migration in place, no write, no sidecar
(``-wal``/``-shm``/``-journal``) applied. A file of an older schema version is migrated on a private temporary
copy; a damaged, foreign, newer-version or non-regular file, or one with a sidecar beside it, is listed with its
reason (:class:`RefusedFile`) and never stops the roll-up.

For every readable file (:func:`read_evaluation`):

- the scores are recomputed from the level-3 scores by the scoring rules of ``domain/scoring.py`` (the file's
  own grade bands; subtotals, total rounded half-up to two decimals) — stored subtotals are never summed;
- the history's hash chain is checked (``EvaluationFile.verify_history``, as ``wcif-desktop verify-history``);
- the signatures of every kept report are verified (``report/signing.py`` :func:`verify_pdf`; each distinct PDF,
  by SHA-256, once per roll-up);
- fund figures come from ``domain/finance.py`` (:func:`~wcif_desktop.domain.finance.analyze`), survey rates with
  their 95 % Wilson intervals from ``domain/survey.py``.

:func:`rollup` reads a list of paths (folders expand to their ``*.wcif`` files, recursively) with progress and
cancel; :meth:`Rollup.tables` gives the sheets as rows (Decimal values, Chinese column names) that both
:func:`write_workbook` (pandas, openpyxl engine, numeric cells with number formats) and the GUI show.

Units: amounts in 元, rates in % (two decimals), scores in points, months of coverage in months.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP, Message, NewerSchemaError, NotAnEvaluationFile, WcifError
from ..domain.progress import NO_PROGRESS, Progress, check
from ..domain.scoring import bands_from_rows, build_sheet
from ..store.db import EvaluationFile, check_file, sqlite_uri
from ..store.migrations import all_migrations

SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")
SUFFIX = ".wcif"
HUNDRED = Decimal(100)
CENT = Decimal("0.01")

STATUS_LABELS = {"draft": "草稿", "signed": "已签署", "final": "定稿（最终签署）"}


# ============================================================================================ read-only open
def _refuse(template: str, **params) -> NotAnEvaluationFile:
    return NotAnEvaluationFile(template, **params)


@functools.cache
def _known_migrations() -> frozenset[int]:
    """Numbers of the migrations this build knows (looked up once: the package scan costs ~1 ms per file)."""
    return frozenset(n for n, _name, _fn in all_migrations())


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()



UNSCORED = "未评分"  # the grade of an evaluation with unscored level-3 indicators

@dataclass
class OpenedFile:
    """What :func:`open_readonly` yields: the file (an :class:`EvaluationFile` over a read-only connection),
    its SHA-256 (of the bytes on disk, before reading), the schema version found in the file and whether it was
    migrated on a temporary copy (``migrated_from``: that version, or ``None``)."""

    ef: EvaluationFile
    sha256: str
    size: int
    version: int
    migrated_from: int | None = None


@contextmanager
def open_readonly(path):
    """Open the evaluation file at ``path`` for reading only, yielding an :class:`OpenedFile`.

    Read-only means: no backup, no migration in place, no write, and no sidecar applied. The file is opened with
    the SQLite URI ``mode=ro&immutable=1`` (``store/db.py`` :func:`sqlite_uri`), so SQLite neither locks it nor
    looks at a ``-journal``/``-wal`` beside it; a file with such a sidecar is refused instead (its content may
    not be what SQLite would show after replaying it — open it once in the app, which deals with sidecars). A
    file of an older schema version is copied to a private temporary folder and migrated there (the copy is
    deleted afterwards); the original is never touched. Writing through ``ef`` fails (read-only connection).

    This is the roll-up's own small read-only open (issue 22); the store's general read-only open ([safety],
    issue 15) is meant to replace it.

    Raises:
        NotAnEvaluationFile: missing, not a regular file, a sidecar beside it, not SQLite, not a WCIF file, damaged,
            or an older file whose migration on the copy failed (the sentence names the file and the reason).
        NewerSchemaError: written by a newer version of the app.
    """
    p = Path(path)
    try:
        st = os.stat(p)
    except OSError as e:
        raise _refuse(QT_TRANSLATE_NOOP("core", "找不到评价文件：{path}"), path=p) from e
    if not stat.S_ISREG(st.st_mode):
        raise _refuse(QT_TRANSLATE_NOOP("core", "不是普通文件（文件夹、设备或管道），未读取：{path}"), path=p)
    for suffix in SIDECAR_SUFFIXES:
        side = p.with_name(p.name + suffix)
        if os.path.lexists(side):
            raise _refuse(QT_TRANSLATE_NOOP("core", "旁边有 SQLite 附属文件 {sidecar}，汇总不会应用它；"
                                                    "请先在本程序中正常打开该评价文件处理后再汇总：{path}"),
                          sidecar=side.name, path=p)
    check_file(p, immutable=True)  # SQLite, ours, not newer, intact: the checks of every open (store.db)
    with open(p, "rb") as fh:
        version = int.from_bytes(fh.read(64)[60:64], "big")
    digest = _sha256(p)
    conn = sqlite3.connect(sqlite_uri(p, mode="ro", immutable=1), uri=True, check_same_thread=False)
    tmpdir = None
    try:
        try:
            ef = EvaluationFile(p, conn)
            applied = ef.applied_migrations()
        except sqlite3.DatabaseError as e:
            raise _refuse(QT_TRANSLATE_NOOP("core", "评价文件已损坏：{path}（{reason}）"), path=p, reason=e) from e
        known = _known_migrations()
        unknown = applied - known
        if unknown:
            raise NewerSchemaError(QT_TRANSLATE_NOOP(
                "core", "该评价文件由更新版本的 WCIF Desktop 创建（含本程序不认识的文件结构变更 {unknown}），"
                "请升级软件后再打开：{path}"), unknown=sorted(unknown), path=p)
        migrated_from = None
        if known - applied:
            conn.close()
            tmpdir = Path(tempfile.mkdtemp(prefix="wcif-rollup-"))
            copy = tmpdir / "copy.wcif"
            shutil.copyfile(p, copy)
            try:
                conn = sqlite3.connect(sqlite_uri(copy), uri=True, isolation_level=None, check_same_thread=False)
                ef = EvaluationFile(p, conn)
                with ef.transaction():
                    ef.migrate_pending()
            except (sqlite3.Error, WcifError, ValueError, KeyError) as e:
                raise _refuse(QT_TRANSLATE_NOOP("core", "旧版本评价文件（文件结构版本 {version}）在临时副本上升级失败，"
                                                        "未纳入：{path}（{reason}）"), version=version, path=p,
                              reason=e) from e
            migrated_from = version
        yield OpenedFile(ef, digest, st.st_size, version, migrated_from)
    finally:
        conn.close()
        if tmpdir is not None:
            shutil.rmtree(tmpdir, ignore_errors=True)


# ============================================================================================ one evaluation
@dataclass
class RefusedFile:
    """A file left out of the roll-up, with the one-sentence reason (a translatable Message)."""

    path: Path
    reason: str
    kind: str = "refused"  # damaged | foreign | newer | irregular | sidecar | refused (anything else)


@dataclass
class SignatureCheck:
    """The kept reports of one file and their signatures: ``reports`` kept, ``signed`` with signatures,
    ``ok`` with every signature valid; ``problems`` one sentence each."""

    reports: int = 0
    signed: int = 0
    ok: int = 0
    final: bool = False
    problems: list[str] = field(default_factory=list)

    def sentence(self) -> str:
        if not self.reports:
            return "无留存报告"
        if self.problems:
            return "；".join(self.problems)
        if not self.signed:
            return f"留存报告{self.reports}份，均未签署"
        return f"留存报告{self.reports}份，已签署{self.signed}份，签名均有效"


@dataclass
class EvaluationFacts:
    """Everything the roll-up takes from one evaluation file (amounts in 元, rates in %, scores in points)."""

    path: Path
    sha256: str
    size: int
    version: int
    migrated_from: int | None
    title: str
    fund_name: str
    region: str
    fiscal_year: int
    agency: str
    locked: bool
    total: Decimal | None  # None: no level-3 indicator scored yet
    total_weight: Decimal
    grade: str  # 优/良/中/差 by the file's bands; UNSCORED while any level-3 indicator is unscored
    status: str  # draft | signed | final
    dimensions: list[tuple[str, Decimal, Decimal]]  # (level-1 name, weight, score)
    indicator_rates: dict[str, Decimal | None]  # "code name" of a leaf → score ÷ weight × 100 (None unscored)
    unscored: int
    fund: dict[str, Decimal | None]
    fund_checks: list[str]  # sentences of the failed finance checks
    business: dict[str, Decimal | str | None]
    problems: list[tuple[str, str]]  # (key, label) per problem of the file
    surveys: list[dict]  # results_table rows of services/survey.py
    history_problems: list[str]
    signatures: SignatureCheck

    @property
    def label(self) -> str:
        """Short name of the row: region and year, else the file name."""
        if self.region or self.fiscal_year:
            return f"{self.region}{self.fiscal_year or ''}"
        return self.path.name

    @property
    def history_ok(self) -> bool:
        return not self.history_problems


def _pct(num: Decimal | None, den: Decimal | None) -> Decimal | None:
    if num is None or not den:
        return None
    return (Decimal(num) / Decimal(den) * HUNDRED).quantize(CENT)


def _table_exists(ef: EvaluationFile, name: str) -> bool:
    return ef.conn.execute("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
                           [name]).fetchone() is not None


def _signatures(ef: EvaluationFile, cache: dict | None) -> SignatureCheck:
    """Verify the signatures of the kept reports (each distinct PDF once per ``cache``)."""
    out = SignatureCheck()
    if not _table_exists(ef, "generated_report"):
        return out
    rows = ef.rows("generated_report")
    out.reports = len(rows)
    for r in rows:
        try:
            signers = json.loads(r.get("signers") or "[]")
        except ValueError:
            signers = []
        if not signers:
            continue
        out.signed += 1
        if r.get("final"):
            out.final = True
        digest = r.get("sha256") or ""
        result = None if cache is None else cache.get(digest)
        if result is None:
            result = _verify_blob(ef, digest, r.get("file_name") or "report.pdf")
            if cache is not None:
                cache[digest] = result
        if result:
            out.problems.append(f"{r.get('file_name') or digest[:12]}：{result}")
        else:
            out.ok += 1
    return out


def _verify_blob(ef: EvaluationFile, digest: str, name: str) -> str:
    """'' when the kept PDF matches its SHA-256 and every signature is ok, else one sentence."""
    row = ef.conn.execute("SELECT pdf FROM report_blob WHERE sha256 = ?", [digest]).fetchone()
    if row is None or row[0] is None:
        return "报告文件缺失"
    data = bytes(row[0])
    if hashlib.sha256(data).hexdigest() != digest:
        return "报告文件与其 SHA-256 不符（被改动）"
    from ..render.signing import verify_pdf

    with tempfile.TemporaryDirectory(prefix="wcif-rollup-sig-") as d:
        tmp = Path(d) / "report.pdf"
        tmp.write_bytes(data)
        try:
            statuses = verify_pdf(tmp)
        except WcifError as e:
            return str(e)
    if not statuses:
        return "记录为已签署，但 PDF 中没有签名"
    bad = [s.summary for s in statuses if not s.ok]
    return "；".join(bad)


def _problems(ef: EvaluationFile, findings: list[dict], indicators: dict[str, dict]) -> list[tuple[str, str]]:
    """(key, label) of every problem: the finding-library entry it came from, else the indicators it is linked
    to, else its category, else its title."""
    details: dict[str, dict] = {}
    if _table_exists(ef, "problem_detail"):
        for d in ef.rows("problem_detail"):
            details[d.get("finding_id") or ""] = d
    links: dict[str, list[str]] = {}
    if _table_exists(ef, "finding_link"):
        for ln in ef.rows("finding_link", "target_kind = 'indicator'"):
            links.setdefault(ln.get("finding_id") or "", []).append(ln.get("target_id") or "")
    out = []
    for f in findings:
        if f.get("kind") != "problem":
            continue
        d = details.get(f["id"], {})
        title = (f.get("title") or "").strip()
        if d.get("library_id"):
            out.append((f"问题库:{d['library_id']}", title))
            continue
        ids = list(links.get(f["id"], []))
        ids += [i for i in (d.get("indicator_ids") or "").replace("，", ",").split(",") if i.strip()]
        named = sorted({f"{indicators[i]['code']} {indicators[i]['name']}" for i in ids if i in indicators})
        if named:
            out.extend((f"指标:{n}", n) for n in named)
        elif d.get("category"):
            out.append((f"类别:{d['category']}", d["category"]))
        else:
            out.append((f"标题:{title}", title))
    return out


def _business(ef: EvaluationFile, year: int) -> dict:
    """Business figures (参保人数 …) when the file has business-data tables (names starting ``business``):
    ``{label: value}`` from rows of the evaluated year; values Decimal where numeric."""
    out: dict = {}
    names = [r[0] for r in ef.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'business%' ORDER BY name")]
    from ..domain.money import D

    for name in names:
        cur = ef.conn.execute(f'SELECT * FROM "{name}"')
        cols = [c[0] for c in cur.description]
        key_col = next((c for c in ("name", "label", "code", "key", "item") if c in cols), None)
        val_col = next((c for c in ("actual", "value", "amount", "count") if c in cols), None)
        if key_col is None or val_col is None:
            continue
        for raw in cur:
            row = dict(zip(cols, raw))
            if row.get("deleted"):
                continue
            if "fiscal_year" in row and row["fiscal_year"] not in (None, "", year):
                continue
            v = row[val_col]
            try:
                v = None if v in (None, "") else D(v)
            except (ValueError, ArithmeticError, WcifError):
                v = str(v)
            out[str(row[key_col])] = v
    return out


def read_evaluation(path, *, signature_cache: dict | None = None) -> EvaluationFacts:
    """Read one evaluation file read-only (:func:`open_readonly`) and recompute what the roll-up shows.

    Raises:
        NotAnEvaluationFile, NewerSchemaError: see :func:`open_readonly`; also a file without its evaluation row.
    """
    from ..domain.finance import analyze
    from ..domain.model import FinanceLine, Indicator
    from . import finance as finance_svc
    from . import survey as survey_svc

    p = Path(path)
    with open_readonly(p) as of:
        ef = of.ef
        try:
            evs = ef.rows("evaluation")
            if not evs:
                raise _refuse(QT_TRANSLATE_NOOP("core", "评价文件缺少评价基本信息：{path}"), path=p)
            ev = evs[0]
            year = int(ev.get("fiscal_year") or 0)
            inds = ef.records(Indicator)
            bands = bands_from_rows(ef.rows("scoring_settings")) if _table_exists(ef, "scoring_settings") else ()
            sheet = build_sheet(inds, bands) if bands else build_sheet(inds)
            rates: dict[str, Decimal | None] = {}
            unscored = 0
            for node in sheet.leaves():
                ind = node.indicator
                if ind.score is None:
                    unscored += 1
                rates[f"{ind.code} {ind.name}".strip()] = (None if ind.score is None
                                                           else _pct(ind.score, ind.weight))
            lines = ef.records(FinanceLine)
            settings = finance_svc.load_settings(ef) if _table_exists(ef, "finance_settings") else None
            fa = analyze(lines, year, settings)
            s = fa.summary
            fund = {
                "income_budget": s.income_budget, "income_actual": s.income_actual,
                "expenditure_budget": s.expenditure_budget, "expenditure_actual": s.expenditure_actual,
                "current_year_result": s.current_year_result, "opening_balance": fa.opening_balance,
                "year_end_balance": s.year_end_balance, "coverage_months": s.coverage_months,
                "income_execution_rate": s.income_execution_rate,
                "expenditure_execution_rate": s.expenditure_execution_rate,
                "income_growth_rate": fa.income_growth_rate, "expenditure_growth_rate": fa.expenditure_growth_rate,
            }
            surveys = survey_svc.results_table(ef) if _table_exists(ef, "survey") else []
            ind_rows = {r["id"]: r for r in ef.rows("indicator")}
            problems = _problems(ef, ef.rows("finding"), ind_rows)
            sig = _signatures(ef, signature_cache)
            history = ef.verify_history()
            business = _business(ef, year)
        except sqlite3.DatabaseError as e:
            raise _refuse(QT_TRANSLATE_NOOP("core", "评价文件已损坏：{path}（{reason}）"), path=p, reason=e) from e
        except NotAnEvaluationFile:
            raise
        except (WcifError, ValueError, ArithmeticError, TypeError, KeyError) as e:  # a value no rule can read
            raise _refuse(QT_TRANSLATE_NOOP("core", "评价文件中有无法解读的内容，未纳入：{path}（{reason}）"), path=p,
                          reason=e) from e
    status = "final" if sig.final and sig.ok == sig.signed else "signed" if sig.signed else "draft"
    return EvaluationFacts(
        path=p, sha256=of.sha256, size=of.size, version=of.version, migrated_from=of.migrated_from,
        title=ev.get("title") or "", fund_name=ev.get("fund_name") or "", region=ev.get("region") or "",
        fiscal_year=year, agency=ev.get("agency") or "", locked=bool(ev.get("locked")),
        # unscored means unscored (issue 17): no total before any score, no grade while a score is missing
        total=sheet.total() if unscored < len(rates) else None, total_weight=sheet.total_weight(),
        grade=sheet.grade() if rates and not unscored else UNSCORED, status=status,
        dimensions=sheet.dimension_scores(), indicator_rates=rates, unscored=unscored, fund=fund,
        fund_checks=[str(c.message) for c in fa.problems], business=business, problems=problems,
        surveys=surveys, history_problems=history, signatures=sig,
    )


# ============================================================================================ many
def collect_paths(inputs) -> list[Path]:
    """Expand ``inputs`` (files and folders) to the files to read, in a stable order, each once.

    A folder contributes every ``*.wcif`` below it (recursively, case-insensitive suffix, symlinked folders
    not followed); a file named explicitly is taken whatever its name (so a wrong file gets its reason).

    Raises:
        WcifError: an input does not exist.
    """
    out: list[Path] = []
    seen: set[str] = set()
    for item in inputs:
        p = Path(item)
        if not os.path.lexists(p):
            raise WcifError(QT_TRANSLATE_NOOP("core", "找不到文件或文件夹：{path}"), path=p)
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in files + [d for d in dirs if d.lower().endswith(SUFFIX)]:
                    if name.lower().endswith(SUFFIX):
                        found.append(Path(root) / name)
            found.sort(key=lambda x: str(x))
        else:
            found = [p]
        for f in found:
            key = os.path.normcase(os.path.abspath(f))
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def _kind(e: WcifError) -> str:
    t = getattr(e, "template", "")
    if isinstance(e, NewerSchemaError):
        return "newer"
    if "附属文件" in t:
        return "sidecar"
    if "不是普通文件" in t:
        return "irregular"
    if "已损坏" in t:
        return "damaged"
    if "不是评价文件" in t or "不是 WCIF" in t:
        return "foreign"
    return "refused"


@dataclass
class Rollup:
    """The outcome of :func:`rollup`: the evaluations read (in input order) and the files left out."""

    evaluations: list[EvaluationFacts] = field(default_factory=list)
    refused: list[RefusedFile] = field(default_factory=list)

    def tables(self) -> dict[str, list[dict]]:
        """Sheet name → rows (dicts with Chinese column names in order; Decimal numbers, ``None`` when
        missing). Sheets: 汇总, 排名, 指标得分率, 基金收支, 常见问题, 满意度与知晓率, 来源与核验."""
        return build_tables(self)

    def find(self, sha256: str) -> EvaluationFacts | None:
        return next((e for e in self.evaluations if e.sha256 == sha256), None)


def rollup(inputs, progress: Progress = NO_PROGRESS, *, verify_signatures: bool = True) -> Rollup:
    """Read every evaluation file of ``inputs`` (files and folders, :func:`collect_paths`) read-only.

    A file that cannot be read goes to :attr:`Rollup.refused` with its reason; nothing is ever written.

    Raises:
        WcifError: an input does not exist.
        Cancelled: the user cancelled (``progress.cancelled()``).
    """
    paths = collect_paths(inputs)
    out = Rollup()
    cache: dict | None = {} if verify_signatures else None
    total = len(paths)
    for k, p in enumerate(paths):
        check(progress)
        progress.set(k, total, p.name)
        try:
            out.evaluations.append(read_evaluation(p, signature_cache=cache))
        except WcifError as e:
            out.refused.append(RefusedFile(p, Message(e.template, **e.params) if e.params else str(e), _kind(e)))
        except (OSError, sqlite3.Error) as e:  # e.g. the file vanished or is unreadable mid-way
            out.refused.append(RefusedFile(p, Message(QT_TRANSLATE_NOOP("core", "无法读取文件 {path}：{reason}"),
                                                      path=p, reason=e), "refused"))
    progress.set(total, total, "")
    return out


# ============================================================================================ tables
FUND_COLUMNS = [  # (key in EvaluationFacts.fund, column name, kind: yuan | pct | months)
    ("income_budget", "收入预算（元）", "yuan"),
    ("income_actual", "基金收入（元）", "yuan"),
    ("expenditure_budget", "支出预算（元）", "yuan"),
    ("expenditure_actual", "基金支出（元）", "yuan"),
    ("current_year_result", "本年收支结余（元）", "yuan"),
    ("opening_balance", "期初余额（元）", "yuan"),
    ("year_end_balance", "年末滚存结余（元）", "yuan"),
    ("coverage_months", "可支付月数（月）", "months"),
    ("income_execution_rate", "收入预算执行率（%）", "pct"),
    ("expenditure_execution_rate", "支出预算执行率（%）", "pct"),
    ("income_growth_rate", "收入比上年增长（%）", "pct"),
    ("expenditure_growth_rate", "支出比上年增长（%）", "pct"),
]

#: number format of a column by the end of its name (Excel): amounts with thousands separators, the rest 0.00
NUMBER_FORMATS = {"（元）": "#,##0.00", "（%）": "0.00", "（分）": "0.00", "（月）": "0.00"}


def _q(v: Decimal | None) -> Decimal | None:
    return None if v is None else Decimal(v).quantize(CENT)


def _provenance(e: EvaluationFacts) -> dict:
    return {"文件名": e.path.name, "SHA-256": e.sha256, "历史核验": "完整" if e.history_ok else "不完整或被改动"}


def _rank(values: list[Decimal | None]) -> list[int | None]:
    """Competition ranking (1, 2, 2, 4) of ``values``, highest first; ``None`` (unscored) is not ranked."""
    order = sorted((v for v in values if v is not None), reverse=True)
    return [None if v is None else order.index(v) + 1 for v in values]


def build_tables(r: Rollup) -> dict[str, list[dict]]:
    """The sheets of a roll-up as rows (see :meth:`Rollup.tables`)."""
    evs = r.evaluations
    summary = []
    for e in evs:
        row = {"地区": e.region, "年度": e.fiscal_year or None, "评价机构": e.agency, "评价名称": e.title,
               "综合得分（分）": _q(e.total), "满分（分）": _q(e.total_weight), "等级": e.grade,
               "状态": STATUS_LABELS[e.status], "已锁定": "是" if e.locked else "否", "未评分指标数": e.unscored}
        for name, _w, score in e.dimensions:
            row[f"{name}（分）"] = _q(score)
        row.update(_provenance(e))
        summary.append(row)

    ranking = []
    by_year: dict[int, list[EvaluationFacts]] = {}
    for e in evs:
        by_year.setdefault(e.fiscal_year, []).append(e)
    for year in sorted(by_year, reverse=True):
        group = by_year[year]
        ranks = _rank([e.total for e in group])
        for rank, e in sorted(zip(ranks, group), key=lambda x: (x[0] is None, x[0] or 0, x[1].region)):
            ranking.append({"年度": year or None, "名次": rank, "地区": e.region, "综合得分（分）": _q(e.total),
                            "等级": e.grade, "状态": STATUS_LABELS[e.status], **_provenance(e)})

    keys: list[str] = []
    seen = set()
    for e in evs:
        for k in e.indicator_rates:
            if k not in seen:
                seen.add(k)
                keys.append(k)
    keys.sort(key=_code_key)
    matrix = []
    for e in evs:
        row = {"地区": e.region, "年度": e.fiscal_year or None}
        for k in keys:
            row[f"{k}（%）"] = e.indicator_rates.get(k)
        row["文件名"] = e.path.name
        matrix.append(row)

    fund = []
    business_keys: list[str] = []
    for e in evs:
        for k in e.business:
            if k not in business_keys:
                business_keys.append(k)
    for e in evs:
        row = {"地区": e.region, "年度": e.fiscal_year or None}
        for key, col, _kind in FUND_COLUMNS:
            row[col] = _q(e.fund.get(key))
        row["收支核对"] = "一致" if not e.fund_checks else "；".join(e.fund_checks)
        for k in business_keys:
            row[f"业务：{k}"] = e.business.get(k)
        row["文件名"] = e.path.name
        fund.append(row)

    counts: Counter = Counter()
    labels: dict[str, str] = {}
    where: dict[str, list[str]] = {}
    for e in evs:
        for key, label in dict.fromkeys(e.problems):
            counts[key] += 1
            labels.setdefault(key, label)
            where.setdefault(key, []).append(e.label)
    n = len(evs)
    problems = [{"问题（问题库条目或指标）": labels[k], "归类依据": k.split(":", 1)[0], "出现文件数": c,
                 "占比（%）": _pct(Decimal(c), Decimal(n)), "涉及": "、".join(where[k])}
                for k, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    surveys = []
    for e in evs:
        for s in e.surveys:
            sat, aw = s.get("satisfaction_ci"), s.get("awareness_ci")
            surveys.append({
                "地区": e.region, "年度": e.fiscal_year or None, "调查对象": s.get("group"),
                "有效答卷": s.get("valid_responses"),
                "满意度（%）": s.get("satisfaction_rate"), "满意度区间下限（%）": sat[0] if sat else None,
                "满意度区间上限（%）": sat[1] if sat else None, "满意度样本数": s.get("satisfaction_n"),
                "知晓率（%）": s.get("awareness_rate"), "知晓率区间下限（%）": aw[0] if aw else None,
                "知晓率区间上限（%）": aw[1] if aw else None, "知晓率样本数": s.get("awareness_n"),
                "文件名": e.path.name})

    prov = []
    for e in evs:
        note = f"旧版本（文件结构版本 {e.migrated_from}），已在临时副本上升级后读取" if e.migrated_from is not None else ""
        prov.append({"文件名": e.path.name, "路径": str(e.path), "大小（字节）": e.size, "SHA-256": e.sha256,
                     "文件结构版本": e.version, "结果": "已汇总", "原因或说明": note,
                     "历史核验": "完整" if e.history_ok else "；".join(e.history_problems),
                     "报告签名核验": e.signatures.sentence()})
    for f in r.refused:
        prov.append({"文件名": f.path.name, "路径": str(f.path), "大小（字节）": None, "SHA-256": "",
                     "文件结构版本": None, "结果": "未纳入", "原因或说明": str(f.reason), "历史核验": "",
                     "报告签名核验": ""})
    return {"汇总": summary, "排名": ranking, "指标得分率": matrix, "基金收支": fund, "常见问题": problems,
            "满意度与知晓率": surveys, "来源与核验": prov}


def _code_key(k: str):
    code = k.split(" ", 1)[0]
    parts = []
    for x in code.split("."):
        parts.append((0, int(x), "") if x.isdigit() else (1, 0, x))
    return (parts, k)


def number_format(column: str) -> str | None:
    """Excel number format of a column by its unit suffix (``（元）`` → ``#,##0.00``; %, points, months → 0.00)."""
    for suffix, fmt in NUMBER_FORMATS.items():
        if column.endswith(suffix):
            return fmt
    return None


def write_workbook(r: Rollup, out) -> Path:
    """Write the roll-up to one ``.xlsx`` workbook at ``out`` (pandas, openpyxl engine), one sheet per table of
    :meth:`Rollup.tables`. Numbers are written as numeric cells from their Decimal values (no float sums) with
    number formats (元 ``#,##0.00``; %, points and months ``0.00``). Written to a temporary file beside ``out``
    and moved into place, so a failure leaves no half-written workbook.

    Raises:
        WcifError: the workbook cannot be written (the sentence names the file and the reason).
    """
    import pandas as pd
    from openpyxl.utils import get_column_letter

    out = Path(out)
    tables = r.tables()
    tmp = out.with_name(f".{out.stem}.{os.getpid()}.tmp.xlsx")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            for name, rows in tables.items():
                columns = list(rows[0]) if rows else _EMPTY_COLUMNS.get(name, ["说明"])
                frame = pd.DataFrame(rows, columns=columns, dtype=object)
                frame.to_excel(writer, sheet_name=name, index=False)
                ws = writer.sheets[name]
                ws.freeze_panes = "A2"
                for j, col in enumerate(columns, start=1):
                    letter = get_column_letter(j)
                    ws.column_dimensions[letter].width = max(8, min(40, len(str(col)) * 2 + 2))
                    fmt = number_format(str(col))
                    if fmt:
                        for cell in ws[letter][1:]:
                            cell.number_format = fmt
        os.replace(tmp, out)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法写入汇总表 {path}：{reason}"), path=out,
                        reason=e.strerror or e) from e
    return out


_EMPTY_COLUMNS = {
    "汇总": ["地区", "年度", "评价机构", "综合得分（分）", "等级", "状态", "已锁定", "文件名", "SHA-256", "历史核验"],
    "排名": ["年度", "名次", "地区", "综合得分（分）", "等级"],
    "指标得分率": ["地区", "年度", "文件名"],
    "基金收支": ["地区", "年度"] + [c for _k, c, _t in FUND_COLUMNS] + ["文件名"],
    "常见问题": ["问题（问题库条目或指标）", "归类依据", "出现文件数", "占比（%）", "涉及"],
    "满意度与知晓率": ["地区", "年度", "调查对象", "满意度（%）", "知晓率（%）", "文件名"],
    "来源与核验": ["文件名", "结果", "原因或说明"],
}
