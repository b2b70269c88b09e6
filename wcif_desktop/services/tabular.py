"""Reading the spreadsheets evaluators receive (.xlsx, .csv) into a clean grid, and parsing their cells.

Real statements and target tables have title rows above the header, headers over two rows, merged cells,
full-width digits (１２，３８３．１３), negatives in parentheses, percentages as text or as percent-formatted
cells, dates such as 2021年12月31日, units 元/万元 written in a title (“单位：万元”) or a header, and formula
cells saved by tools that do not store the computed value. This module turns such a sheet into a
:class:`Table` and offers cell parsers that either return a value or raise :class:`CellError`, whose
:class:`Rejection` names the cell the way Excel shows it (sheet, 1-based row, column letter) and the reason.
It imports no Qt and writes nothing.

API
---
Reading (each file is read once, with python-calamine — the engine of ``pandas.read_excel(engine="calamine")``;
what calamine does not report — percent number formats and formulas saved without a value — is found by regular
expressions in the same pass over the worksheet XML that bounds its size (``styles.xml`` for the formats); openpyxl
only reads a sheet calamine cannot convert):

- ``sheet_names(path) -> list[str]`` — the visible worksheets of an .xlsx/.xlsm/.xls (hidden and very hidden
  sheets left out); a CSV gives its file stem. The kind of file is told from its first bytes, so a file offered
  through “所有文件 (*)” with any name is read for what it is.
- ``read_grid(path, sheet=None, *, formats=True, progress=NO_PROGRESS) -> Grid`` — every cell of one sheet (default:
  the first visible worksheet) as a :class:`Cell`; merged ranges are filled with the top-left value in every cell of
  the range, clipped to the cells holding data (``Cell.merged`` tells a filled cell from the original). Formula
  cells without a cached value keep ``value=None`` and carry ``formula`` (only with ``formats``). CSV files are
  read as UTF-8 (with or without BOM), GB18030 or UTF-16 with BOM, delimiter sniffed among ``, ; tab``; their
  cells are text; ragged rows are padded.
- Size limits (module constants, checked before the cells are loaded, each refused with one sentence naming the
  sheet, and the cell where known): :data:`MAX_FILE_BYTES` (100 MB), :data:`MAX_ROWS` (100,000),
  :data:`MAX_COLUMNS` (1,000), :data:`MAX_CELLS` (2,000,000 in the data rectangle or filled by merged ranges),
  :data:`MAX_CELL_CHARS` (32,767, Excel's own limit). A CSV with NUL bytes is refused.
- ``read_table(path, sheet=None, *, header_keywords=(), header_rows=None, unit=None) -> Table`` — locates the
  header (the first non-title row containing one of ``header_keywords``; otherwise the first row with at least two
  distinct texts that is not a title/metadata row such as “编制单位：…  单位：元”), joins a two-row header
  (detected from merged cells spanning the header rows or a second text-only row; or forced by
  ``header_rows=1|2``) into names like ``"预算数/调整后"``, and returns the data rows below it (empty rows
  dropped). The table's unit is ``unit`` when chosen, else detected from the title rows or header cells
  (``Table.unit_source`` says which: ``"chosen"``, ``"title"``, ``"header"`` or ``""``); a header cell such as
  “预算数（万元）” also sets that column's own unit (``Column.unit``).
- ``table_from_grid(grid, ...)`` — the same on a grid already read (used by previews).

Parsing (each takes a :class:`Cell` and raises :class:`CellError` with a :class:`Rejection`):

- ``parse_decimal(cell) -> Decimal | None`` — numbers with thousands separators, full-width digits and
  punctuation, ``(1,234.00)``/``（1,234）`` and ``−``/``-`` negatives; blanks and placeholders (``""``, ``-``,
  ``—``, ``/``, ``无``) give ``None``.
- ``parse_amount(cell, unit) -> Decimal | None`` — an amount converted to 元 (×10000 for 万元, half-up to
  two decimals); a unit written in the cell itself (“28600万”, “12.5万元”, “300元”) wins over ``unit``.
- ``parse_percent(cell) -> Decimal | None`` — a rate in % (×100 already): ``"51.59%"``, ``"５１．５９％"``,
  a percent-formatted numeric cell holding 0.5159, or a bare number (taken as already in %).
- ``parse_date(cell) -> datetime.date | None`` — date cells, ``2021年12月31日``, ``2021-12-31``,
  ``2021/12/31``, ``2021.12.31``.
- ``parse_text(cell) -> str`` — the text as written with whitespace collapsed (never rejects except for a
  formula cell without a cached value).
- ``attempt(parser, cell, rejections, *args) -> (value, ok)`` — calls a parser and appends the rejection to
  ``rejections`` instead of raising.
- ``detect_unit(text) -> "元" | "万元" | None`` and ``normalize(text) -> str``.

Every parser rejects a formula cell whose cached value is missing (“公式单元格没有计算结果 …”), because the
number Excel would show is unknown; the user opens and saves the file in Excel/WPS, or types the value.

Errors: :class:`~wcif_desktop.domain.errors.WcifError` when the file cannot be read (missing, damaged, not a
spreadsheet, password-protected, unknown sheet, beyond a size limit); :class:`CellError` (a
:class:`ValidationError`) for one cell. Nothing else escapes: the Rust reader's panics are caught too.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import functools
import io
import os
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Callable

from ..domain.errors import QT_TRANSLATE_NOOP, Message, ValidationError, WcifError
from ..domain.progress import NO_PROGRESS, Progress, check

UNITS = ("元", "万元", "亿元")
TEN_THOUSAND = Decimal(10000)
_FACTORS = {"元": Decimal(1), "万元": TEN_THOUSAND, "亿元": Decimal(100_000_000)}
CENT = Decimal("0.01")
_BLANKS = {"", "-", "--", "—", "——", "–", "/", "无", "n/a", "N/A", "NA", "null", "None"}


# --------------------------------------------------------------------------------------------- cells
def column_letter(col: int) -> str:
    """1 → ``A``, 27 → ``AA`` (as Excel names columns)."""
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class Rejection:
    """A cell that could not be used: where (as Excel shows it) and why. ``value`` is the raw text."""

    sheet: str
    row: int
    column: str
    reason: str
    value: str = ""

    @property
    def ref(self) -> str:
        return f"{self.column}{self.row}"

    def __str__(self) -> str:
        # control characters of a damaged cell (some end a line) shown as �: the message stays one line
        value = "".join("\ufffd" if _CONTROL_CHARS.match(ch) else ch for ch in str(self.value))
        shown = f"（原值“{value}”）" if value != "" else ""
        return f"工作表“{self.sheet}”第{self.row}行{self.column}列：{self.reason}{shown}"

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "reason": self.reason,
                "value": self.value}


class CellError(ValidationError):
    """One cell cannot be parsed; ``.rejection`` names it."""

    def __init__(self, rejection: Rejection):
        r = rejection
        if r.value != "":
            super().__init__(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”第{row}行{column}列：{reason}（原值“{value}”）"),
                             sheet=r.sheet, row=r.row, column=r.column, reason=r.reason, value=r.value)
        else:
            super().__init__(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”第{row}行{column}列：{reason}"),
                             sheet=r.sheet, row=r.row, column=r.column, reason=r.reason)
        self.rejection = rejection


@dataclass(slots=True)
class Cell:
    """One cell. ``row`` and ``col`` are 1-based; ``value`` is what Excel shows (cached value for formulas).

    ``value`` is ``str``, ``int``, ``float``, ``datetime``/``date``/``time``, ``bool`` or ``None``; CSV cells
    are ``str``. ``formula`` is set only when the cell holds a formula with no cached value.
    """

    sheet: str
    row: int
    col: int
    value: object = None
    number_format: str = "General"
    formula: str | None = None
    merged: bool = False
    _text: str | None = field(default=None, init=False, repr=False, compare=False)  # ``text``, once computed

    @property
    def column(self) -> str:
        return column_letter(self.col)

    @property
    def ref(self) -> str:
        return f"{self.column}{self.row}"

    @property
    def text(self) -> str:
        """The cell as text with whitespace collapsed ('' when empty); characters as written (not NFKC).
        Computed once (readers ask for it several times per cell; ``value`` is not changed after reading)."""
        t = self._text
        if t is None:
            t = self._text = _display(self.value)
        return t

    @property
    def is_empty(self) -> bool:
        if self.formula is not None:
            return False
        v = self.value
        if v is None:
            return True
        return isinstance(v, str) and _squash(v) == ""  # any other value shows as some text (see _display)

    def reject(self, reason: str) -> CellError:
        """A :class:`CellError` for this cell (to raise)."""
        return CellError(Rejection(self.sheet, self.row, self.column, reason, _raw(self)))


def _raw(cell: Cell) -> str:
    if cell.formula is not None:
        return cell.formula
    if cell.value is None:
        return ""
    return str(cell.value)


def normalize(text) -> str:
    """NFKC (full-width → half-width: １２，３８３．１３ → 12,383.13, （）→ ()), whitespace collapsed, stripped."""
    if text is None:
        return ""
    text = text if type(text) is str else str(text)
    return _normalize(text) if len(text) <= _CACHED_CHARS else _normalize.__wrapped__(text)


_WHITESPACE_RE = re.compile(r"\s+")
_CACHED_CHARS = 200  # texts up to this length are cached (labels, numbers, answers), longer ones computed each time


@functools.lru_cache(maxsize=65536)  # sheets repeat their labels and values; readers normalize a cell many times
def _normalize(text: str) -> str:
    s = unicodedata.normalize("NFKC", text)
    s = s.replace("\u2212", "-").replace("\u3000", " ")
    return _WHITESPACE_RE.sub(" ", s).strip()


def _display(value) -> str:
    if value is None:
        return ""
    t = type(value)
    if t is str:
        return _squash(value) if len(value) <= _CACHED_CHARS else _squash.__wrapped__(value)
    if t is int:
        return str(value)
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    value = str(value)
    return _squash(value) if len(value) <= _CACHED_CHARS else _squash.__wrapped__(value)


@functools.lru_cache(maxsize=65536)  # exports repeat the same answer texts thousands of times
def _squash(text: str) -> str:
    """Whitespace (incl. the ideographic space) collapsed and stripped; the characters themselves kept as
    written (Chinese punctuation stays full-width in names and goals)."""
    return _WHITESPACE_RE.sub(" ", text.replace("\u3000", " ")).strip()


# --------------------------------------------------------------------------------------------- grid
@dataclass
class Grid:
    """All cells of one sheet; ``cells[r-1][c-1]`` is the cell at Excel row ``r`` and column ``c``."""

    path: Path
    sheet: str
    cells: list[list[Cell]]
    merged_ranges: list[tuple[int, int, int, int]] = field(default_factory=list)  # (min_row, min_col, max_row, max_col)
    _n_cols: int | None = field(default=None, repr=False, compare=False)
    _n_cols_rows: int = field(default=-1, repr=False, compare=False)

    @property
    def n_rows(self) -> int:
        return len(self.cells)

    @property
    def n_cols(self) -> int:
        """The widest row's length (computed once: callers loop over it row by row)."""
        if self._n_cols is None or self._n_cols_rows != len(self.cells):
            self._n_cols = max((len(r) for r in self.cells), default=0)
            self._n_cols_rows = len(self.cells)
        return self._n_cols

    def cell(self, row: int, col: int) -> Cell:
        """The cell at 1-based ``row``/``col`` (an empty cell outside the used range)."""
        if 1 <= row <= len(self.cells) and 1 <= col <= len(self.cells[row - 1]):
            return self.cells[row - 1][col - 1]
        return Cell(self.sheet, row, col)

    def row_texts(self, row: int) -> list[str]:
        return [c.text for c in self.cells[row - 1]]


#: Size limits of an input spreadsheet. A file beyond one of them is refused with one sentence naming the limit,
#: instead of filling memory or hanging the import (a crafted or damaged sheet can claim a million rows, a cell
#: in column XFD or a merged range over the whole sheet). Excel's own cell limit is 32,767 characters.
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 1_000
MAX_CELLS = 2_000_000
MAX_CELL_CHARS = 32_767
MAX_SHEET_XML_BYTES = 1024 * 1024 * 1024  # uncompressed worksheet XML (a "zip bomb" is refused before reading)

_EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
_TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _check_path(path) -> Path:
    path = Path(path)
    if not path.is_file():
        raise WcifError(QT_TRANSLATE_NOOP("core", "找不到表格文件：{path}"), path=path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取表格文件：{path}（{reason}）"), path=path, reason=e) from e
    if size > MAX_FILE_BYTES:
        raise WcifError(QT_TRANSLATE_NOOP("core", "表格文件过大（{size} MB，上限 {limit} MB），请只保留需要导入的工作表和数据：{path}"),
                        size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024), path=path)
    return path


def _kind(path: Path) -> str:
    """``"xlsx"``, ``"xls"`` or ``"csv"``, from the file's first bytes (a file offered through “所有文件 (*)” may
    have any name), else from its suffix.

    Raises:
        WcifError: an OpenDocument or other unsupported format.
    """
    try:
        with open(path, "rb") as f:
            start = f.read(4096)
    except OSError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取表格文件：{path}（{reason}）"), path=path, reason=e) from e
    head = start[:8]
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGIC):
        if suffix in (".ods", ".numbers", ".docx", ".pptx", ".zip"):
            raise WcifError(QT_TRANSLATE_NOOP("core", "不支持的表格格式“{suffix}”（支持 .xlsx、.xls 和 .csv），"
                                                      "请在 Excel/WPS 中另存为 .xlsx：{path}"),
                            suffix=path.suffix, path=path)
        return "xlsx"
    if head.startswith(_OLE_MAGIC):
        return "xls"
    if suffix in _EXCEL_SUFFIXES:
        text = start.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if b"urn:schemas-microsoft-com:office:spreadsheet" in text:
            raise WcifError(QT_TRANSLATE_NOOP("core", "文件是 Excel 2003 XML 表格（扩展名为“{suffix}”），不是 Excel 工作簿："
                                                      "请在 Excel/WPS 中打开后另存为 .xlsx：{path}"),
                            suffix=path.suffix, path=path)
        if text.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml", b"<meta")) or b"<table" in text:
            # many systems export a web page named .xls
            raise WcifError(QT_TRANSLATE_NOOP("core", "文件是网页（HTML）格式，只是扩展名为“{suffix}”，不是 Excel 工作簿："
                                                      "请在 Excel/WPS 中打开后另存为 .xlsx：{path}"),
                            suffix=path.suffix, path=path)
        if start.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "csv"  # Excel's “Unicode text” (UTF-16, tab-separated) named .xls
        lines = start.split(b"\n")[:6]  # (a title line may come first)
        if b"\x00" not in start and any(b"\t" in line or b"," in line for line in lines):
            return "csv"  # a table as text (tab- or comma-separated) named .xls/.xlsx: read as such
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取 Excel 文件（文件已损坏或不是 Excel 文件）：{path}"), path=path)
    if suffix in _TEXT_SUFFIXES or b"\x00" not in head[:4] or suffix == "":
        return "csv"
    raise WcifError(QT_TRANSLATE_NOOP("core", "不支持的表格格式“{suffix}”（支持 .xlsx、.xls 和 .csv）：{path}"),
                    suffix=path.suffix, path=path)


def _is_csv(path: Path) -> bool:
    return _kind(path) == "csv"


def _unreadable(path: Path, error: BaseException) -> WcifError:
    return WcifError(QT_TRANSLATE_NOOP("core", "无法读取 Excel 文件（文件已损坏或格式不对）：{path}（{reason}）"),
                     path=path, reason=_short(error))


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text[:200] + ("…" if len(text) > 200 else "") if text else type(error).__name__


def _open_workbook(path: Path):
    """A python-calamine workbook (.xlsx/.xlsm/.xls).

    Raises:
        WcifError: damaged file, password-protected, or not a workbook.
    """
    import python_calamine as pc

    try:
        return pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "Excel 文件有密码保护，请在 Excel/WPS 中取消密码后再导入：{path}"),
                        path=path) from e
    except Exception as e:  # CalamineError, XmlError, ZipError, OSError, ValueError … from the Rust reader
        raise _unreadable(path, e) from e


def _visible_sheets(wb) -> list[str]:
    """Worksheet names, in workbook order, without hidden and very hidden sheets and chart sheets."""
    import python_calamine as pc

    out = []
    for m in wb.sheets_metadata:
        if m.visible == pc.SheetVisibleEnum.Visible and m.typ == pc.SheetTypeEnum.WorkSheet:
            out.append(m.name)
    return out


def sheet_names(path) -> list[str]:
    """The visible worksheet names of an .xlsx/.xls, in workbook order (hidden and very hidden sheets are left
    out: the form a user sees in Excel); for a CSV the file stem.

    Raises:
        WcifError: the file is missing, too large or not a readable spreadsheet.
    """
    path = _check_path(path)
    if _kind(path) == "csv":
        return [path.stem]
    wb = _open_workbook(path)
    try:
        return _visible_sheets(wb)
    finally:
        wb.close()


def read_grid(path, sheet: str | None = None, *, formats: bool = True, progress: Progress = NO_PROGRESS) -> Grid:
    """Read one sheet of an .xlsx/.xlsm/.xls (default: the first visible worksheet), or a CSV file, into a
    :class:`Grid`; the file is read once, with python-calamine (the engine of ``pandas.read_excel(engine=
    "calamine")``), merged ranges included.

    ``formats`` (default) also finds, only for .xlsx, the two things calamine does not report: percent number
    formats (``Cell.number_format``) and formula cells saved without a computed value (``Cell.formula``), from
    the worksheet XML (see :func:`_xlsx_scan`; no second reading of the file with openpyxl). Survey exports need
    neither and pass ``formats=False``.

    A sheet named explicitly is read even when hidden. Size limits (:data:`MAX_FILE_BYTES`, :data:`MAX_ROWS`,
    :data:`MAX_COLUMNS`, :data:`MAX_CELLS`, :data:`MAX_CELL_CHARS`) are checked before the cells are loaded.

    Raises:
        WcifError: missing/unreadable/too large file, unknown sheet name (the message lists the sheets), a sheet
        or cell beyond a size limit (naming the sheet, and the cell where known).
        Cancelled: ``progress`` was cancelled.
    """
    path = _check_path(path)
    kind = _kind(path)
    if kind == "csv":
        return _read_csv(path, progress)
    name, values, merged_raw, extra = _load_values(path, kind, sheet, progress, formats=formats)
    check(progress)
    n_rows = len(values)
    n_cols = max((len(r) for r in values), default=0)
    if extra:
        n_rows = max(n_rows, max(r for r, _c in extra))
        n_cols = max(n_cols, max(c for _r, c in extra))
    _check_extent(path, name, n_rows, n_cols)
    cells: list[list[Cell]] = []
    inf, ninf = float("inf"), float("-inf")
    for r in range(1, n_rows + 1):
        if r % 2000 == 0:
            progress.set(r, n_rows, Message(QT_TRANSLATE_NOOP("core", "读取表格")))
            check(progress)
        src = values[r - 1] if r <= len(values) else ()
        row: list[Cell] = []
        append = row.append
        c = 0
        for v in src:  # the types calamine (and openpyxl) give, tested exactly: this loop sees every cell
            c += 1
            t = type(v)
            if t is str:
                if not v:
                    v = None
                elif len(v) > MAX_CELL_CHARS:
                    raise _long_cell(path, name, r, c, len(v))
            elif t is float:
                if v != v or v == inf or v == ninf:
                    v = None
                elif v.is_integer() and abs(v) < 1e15:
                    v = int(v)
            elif t is _dt.timedelta:
                v = str(v)
            append(Cell(name, r, c, v))
        for pad in range(c + 1, n_cols + 1):
            append(Cell(name, r, pad))
        cells.append(row)
    for (r, c), (fmt, f) in extra.items():  # percent formats, formulas (those without a value are kept)
        cell = cells[r - 1][c - 1]
        cell.number_format = fmt
        if cell.value is None and f is not None:
            cell.formula = f
    merged = _fill_merges(path, name, cells, n_rows, n_cols, merged_raw)
    _trim(cells)
    return Grid(path, name, cells, merged)


def _load_values(path: Path, kind: str, sheet: str | None, progress: Progress, *, formats: bool):
    """``(sheet name, values, merged ranges as calamine reports them, extra)`` of one sheet of an .xlsx/.xls,
    read once with python-calamine after the size limits were checked (see :func:`read_grid`); ``extra`` is
    ``{(row, col): (number format, formula)}`` found in the sheet XML when ``formats`` (see :func:`_xlsx_scan`)."""
    wb = _open_workbook(path)
    try:
        names = [m.name for m in wb.sheets_metadata]
        visible = _visible_sheets(wb)
        if sheet is None:
            if not visible:
                raise WcifError(QT_TRANSLATE_NOOP("core", "Excel 文件中没有可见的工作表：{path}"), path=path)
            name = visible[0]
        elif sheet in names:
            name = sheet
        else:
            raise WcifError(QT_TRANSLATE_NOOP("core", "Excel 文件中没有工作表“{sheet}”（现有：{sheets}）：{path}"),
                            sheet=sheet, sheets="、".join(visible or names), path=path)
        extent, extra = (_xlsx_scan(path, name, names.index(name), formats=formats) if kind == "xlsx"
                         else (None, {}))
        if extent is not None:
            _check_extent(path, name, *extent)
        check(progress)
        try:
            merged_raw: list = []
            ws = wb.get_sheet_by_name(name)
            with _native_stderr_kept_back():
                merged_raw = _merges(ws)
                values = ws.to_python(skip_empty_area=False)
        except WcifError:
            raise
        except BaseException as e:  # noqa: BLE001 - the Rust reader also panics (pyo3 PanicException, a BaseException)
            if isinstance(e, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                raise
            if kind != "xlsx":
                raise _unreadable(path, e) from e
            # e.g. a date-formatted cell holding 1e30 makes calamine panic: openpyxl reads such a sheet
            values = _openpyxl_values(path, name, _xlsx_extent(path, name, names.index(name)), e)
    finally:
        wb.close()
    check(progress)
    return name, values, merged_raw, extra


def _long_cell(path: Path, sheet: str, row: int, col: int, length: int) -> WcifError:
    return WcifError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”第{row}行{column}列的内容过长（{length} 个字符，上限 {limit}）：{path}"),
                     sheet=sheet, row=row, column=column_letter(col), length=length, limit=MAX_CELL_CHARS, path=path)


def _check_extent(path: Path, sheet: str, rows: int, cols: int) -> None:
    """Raise a one-sentence :class:`WcifError` when a sheet's data extent is beyond the size limits."""
    if rows > MAX_ROWS:
        raise WcifError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”的数据有 {rows} 行，超过上限 {limit} 行"
                                                  "（可能有远处的零散单元格，请删除多余的行后再导入）：{path}"),
                        sheet=sheet, rows=rows, limit=MAX_ROWS, path=path)
    if cols > MAX_COLUMNS:
        raise WcifError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”的数据有 {cols} 列（到 {column} 列），超过上限 {limit} 列"
                                                  "（请删除多余的列后再导入）：{path}"),
                        sheet=sheet, cols=cols, column=column_letter(cols), limit=MAX_COLUMNS, path=path)
    if rows * cols > MAX_CELLS:
        raise WcifError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”的数据区域过大（{rows} 行 × {cols} 列，上限 {limit} 个单元格）：{path}"),
                        sheet=sheet, rows=rows, cols=cols, limit=MAX_CELLS, path=path)


_CELL_REF_RE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br="([A-Z]{1,4})(\d{1,8})"[^>]*?(/?)>')


def _sheet_part(zf: zipfile.ZipFile, index: int, name: str) -> str | None:
    """The zip member of worksheet ``name`` (the ``index``-th sheet) of an .xlsx, from the workbook relations."""
    try:
        wb_xml = zf.read("xl/workbook.xml")
        rels = zf.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return None
    sheets = re.findall(rb'<(?:\w+:)?sheet\b[^>]*?>', wb_xml)
    if index >= len(sheets):
        return None
    m = re.search(rb'\br:id="([^"]+)"|\b\w+:id="([^"]+)"', sheets[index])
    if not m:
        return None
    rid = m.group(1) or m.group(2)
    for rel in re.findall(rb"<(?:\w+:)?Relationship\b[^>]*?>", rels):
        if re.search(rb'\bId="' + re.escape(rid) + rb'"', rel):
            t = re.search(rb'\bTarget="([^"]+)"', rel)
            if not t:
                return None
            target = t.group(1).decode("utf-8", "replace")
            return target.lstrip("/") if target.startswith("/") else "xl/" + target
    return None


def _xlsx_extent(path: Path, name: str, index: int) -> tuple[int, int] | None:
    """(rows, columns) up to the last cell holding something (see :func:`_xlsx_scan`)."""
    return _xlsx_scan(path, name, index, formats=False, exact=True)[0]


_ROW_END = b"</row>"
_ROW_END_RE = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?row>")
_R_ATTR_RE = re.compile(rb'\br="([A-Z]{1,4})(\d{1,8})"')
_FORMULA_RE = re.compile(rb'<((?:[A-Za-z_][\w.-]*:)?)f(?:\s([^>]*?))?(/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?f>)', re.S)
_SCAN_CHUNK = 1 << 22
_SCAN_MAX_TAIL = 64 << 20  # a "row" longer than this is scanned as it comes (cells cut at the border are rare)


def _xlsx_scan(path: Path, name: str, index: int, *, formats: bool, exact: bool = False
               ) -> tuple[tuple[int, int] | None, dict[tuple[int, int], tuple[str, str | None]]]:
    """One streaming pass over the worksheet XML of an .xlsx, before calamine loads it, giving:

    - the extent ``(rows, columns)`` up to the last cell holding something: calamine allocates the whole
      rectangle up to the farthest cell, so one stray cell at XFD1048576 would take hundreds of GiB and abort
      the process (``None`` when the part cannot be located: calamine then reports the damage). Unless
      ``exact``, a worksheet part of at most one read chunk (4 MB) in which no cell reference reaches row 1000
      or column AAA gives the bound ``(999, 702)`` instead (that rectangle is within the limits, and found by one
      search instead of a match per cell; the exact size is known once calamine has read the values);
    - with ``formats``, ``{(row, col): (number_format, formula)}`` for the two things calamine does not report:
      cells whose number format shows a percent (format code from ``styles.xml``: built-in 9 ``0%`` and
      10 ``0.00%``, or a custom code containing ``%``), and formula cells (``"=…"``, the text Excel shows in the
      formula bar; shared formulas translated to the cell) — ``number_format`` is ``"General"`` for any other
      format. Only percent-styled cells and formula cells are looked at in Python; the rest of the sheet is
      matched by compiled regular expressions, so this costs a fraction of the calamine read (openpyxl, used
      before, took 5–10× the whole read for these two facts).

    Raises :class:`WcifError` for a worksheet beyond :data:`MAX_SHEET_XML_BYTES` uncompressed, or a damaged zip.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            part = _sheet_part(zf, index, name)
            if part is None or part not in zf.NameToInfo:
                return None, {}
            info = zf.getinfo(part)
            if info.file_size > MAX_SHEET_XML_BYTES:
                raise WcifError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”过大（解压后 {size} MB），无法导入：{path}"),
                                sheet=name, size=info.file_size // (1024 * 1024), path=path)
            percent = _percent_styles(zf) if formats else {}
            percent_re = _percent_cell_re(percent) if percent else None
            extra: dict[tuple[int, int], tuple[str, str | None]] = {}
            shared: dict[bytes, tuple[str, str]] = {}
            rows = cols = 0
            tail = b""
            with zf.open(info) as f:
                if (not exact and info.file_size <= _SCAN_CHUNK and _NEAR_ROWS <= MAX_ROWS
                        and _NEAR_COLS <= MAX_COLUMNS and _NEAR_ROWS * _NEAR_COLS <= MAX_CELLS):
                    body = f.read(_SCAN_CHUNK + 1)
                    if len(body) <= _SCAN_CHUNK and not _FAR_REF_RE.search(body):
                        if formats:
                            if percent_re is not None:
                                _collect_percent(body, percent_re, percent, extra)
                            if b"<f" in body or b":f" in body:
                                _collect_formulas(body, extra, shared)
                        return (_NEAR_ROWS, _NEAR_COLS), extra
                    tail = body  # scanned cell by cell below
                while True:
                    chunk = f.read(_SCAN_CHUNK)
                    buf = tail + chunk
                    if not buf:
                        break
                    if chunk:
                        cut = _row_cut(buf)
                        if cut <= 0:
                            if len(buf) < _SCAN_MAX_TAIL:
                                tail = buf
                                continue
                            cut = buf.rfind(b"<")
                            cut = cut if cut > 0 and len(buf) - cut < 4096 else len(buf)
                        body, tail = buf[:cut], buf[cut:]
                    else:
                        body, tail = buf, b""
                    r, c = _body_extent(body)
                    rows, cols = max(rows, r), max(cols, c)
                    if formats and rows <= MAX_ROWS and cols <= MAX_COLUMNS:  # else refused: nothing to collect
                        if percent_re is not None:
                            _collect_percent(body, percent_re, percent, extra)
                        if b"<f" in body or b":f" in body:
                            _collect_formulas(body, extra, shared)
                    if not chunk:
                        break
            if rows > MAX_ROWS or cols > MAX_COLUMNS:
                extra = {}
            return (rows, cols), extra
    except WcifError:
        raise
    except Exception as e:  # noqa: BLE001 - BadZipFile, zlib.error, EOFError, …: a damaged file, in one sentence
        raise _unreadable(path, e) from e


_NEAR_ROWS, _NEAR_COLS = 999, 702  # rows with up to 3 digits, columns with up to 2 letters (ZZ)
_FAR_REF_RE = re.compile(rb'r="(?:[A-Z]{3}|[A-Z]{1,2}\d{4})')
_FAST_CELL_RE = re.compile(rb'<(?:c|row) r="([A-Z]{0,4})(\d{1,8})"[^>]*?(/?)>')


def _body_extent(body: bytes) -> tuple[int, int]:
    """(last row, last column) of the cells holding something in a piece of worksheet XML (0, 0 without any).

    Cells written as Excel writes them (``<c r="B7" …>``) are matched by a regular expression that starts with a
    literal (3× faster than the general one); it is trusted only when it accounts for every ``r="`` in the
    piece's ``sheetData`` (cells and rows are the only elements there with such an attribute), so a cell written
    otherwise (a prefixed ``<x:c>``, attributes in another order, a tab before ``r``) sends the piece through
    the general expression."""
    found = _FAST_CELL_RE.findall(body)
    start = body.find(b"<sheetData")
    end = body.find(b"</sheetData>")
    if len(found) != body.count(b'r="', max(start, 0), end if end >= 0 else len(body)):
        found = _CELL_REF_RE.findall(body)
    # rows (no letters) and empty cells (<c r="AD60000" s="1"/>: formatting only) are left out
    cells = [(lt, d) for lt, d, empty in found if lt and not empty]
    if not cells:
        return 0, 0
    return (max(map(int, {d for _lt, d in cells})),
            _column_index(max({lt for lt, _d in cells}, key=lambda x: (len(x), x))))


def _row_cut(buf: bytes) -> int:
    """The offset just after the last complete ``</row>`` in ``buf`` (0 when there is none): a cell element never
    straddles it, so formula cells are matched whole."""
    cut = buf.rfind(_ROW_END)
    if cut >= 0:
        return cut + len(_ROW_END)
    ends = [m.end() for m in _ROW_END_RE.finditer(buf)]  # prefixed tags (<x:row>) are rare
    return ends[-1] if ends else 0


_NUMFMT_RE = re.compile(rb'<(?:[\w.-]+:)?numFmt\s[^>]*?>')
_XF_RE = re.compile(rb'<(?:[\w.-]+:)?xf\b([^>]*?)/?>')
_CELLXFS_RE = re.compile(rb'<(?:[\w.-]+:)?cellXfs\b[^>]*?>(.*?)</(?:[\w.-]+:)?cellXfs>', re.S)


def _attr(tag: bytes, name: bytes) -> bytes | None:
    m = re.search(rb'\b' + name + rb'\s*=\s*"([^"]*)"', tag) or re.search(rb"\b" + name + rb"\s*=\s*'([^']*)'", tag)
    return m.group(1) if m else None


def _percent_styles(zf: zipfile.ZipFile) -> dict[bytes, str]:
    """``{style index as written in s="…": format code}`` for the cell formats (``cellXfs``) of ``styles.xml``
    whose number format shows a percent (built-in 9 ``0%``, 10 ``0.00%``, or a custom code with an unquoted ``%``:
    :func:`_shows_percent`). Best
    effort: ``{}`` when the part is missing, too large or damaged."""
    import html

    part = "xl/styles.xml"
    try:
        rels = zf.read("xl/_rels/workbook.xml.rels")
        for rel in re.findall(rb"<(?:\w+:)?Relationship\b[^>]*?>", rels):
            if re.search(rb'\bType="[^"]*/styles"', rel):
                t = re.search(rb'\bTarget="([^"]+)"', rel)
                if t:
                    target = t.group(1).decode("utf-8", "replace")
                    part = target.lstrip("/") if target.startswith("/") else "xl/" + target
                break
    except KeyError:
        pass
    info = zf.NameToInfo.get(part)
    if info is None or info.file_size > 64 * 1024 * 1024:
        return {}
    try:
        data = zf.read(info)
    except Exception:  # noqa: BLE001 - formats are an extra; calamine reads the values
        return {}
    codes = {b"9": "0%", b"10": "0.00%"}
    if b"%" in data:
        for tag in _NUMFMT_RE.findall(data):
            fid, code = _attr(tag, b"numFmtId"), _attr(tag, b"formatCode")
            if fid is not None and code is not None:
                codes[fid.strip()] = html.unescape(code.decode("utf-8", "replace"))
    wanted = {fid for fid, code in codes.items() if _shows_percent(code)}
    m = _CELLXFS_RE.search(data)
    if m is None or not any(b'"' + fid + b'"' in m.group(1) for fid in wanted):
        return {}
    out = {}
    for i, attrs in enumerate(_XF_RE.findall(m.group(1))):
        fid = (_attr(attrs, b"numFmtId") or b"0").strip()
        if fid in wanted:
            out[str(i).encode()] = codes[fid]
    return out


_FORMAT_LITERAL_RE = re.compile(r'"[^"]*"?|\\.|\[[^\]]*\]?')


def _shows_percent(code: str) -> bool:
    """Whether a number format code multiplies by 100 and shows ``%`` (``0%``, ``0.00%``, ``[Red]0.0%``): a ``%``
    in quotes (``0.00"%"``), escaped (``0.0\\%``) or in brackets is text shown as written, the number already in %."""
    return "%" in _FORMAT_LITERAL_RE.sub("", code)


def _percent_cell_re(percent: dict[bytes, str]) -> re.Pattern:
    ids = b"|".join(sorted(percent, key=len, reverse=True))
    return re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\bs="(' + ids + rb')"[^>]*?(/?)>')


def _collect_percent(body: bytes, percent_re: re.Pattern, percent: dict[bytes, str], extra: dict) -> None:
    for m in percent_re.finditer(body):
        if m.group(2):
            continue  # an empty styled cell
        ref = _R_ATTR_RE.search(m.group(0))
        if ref is None:
            continue
        key = (int(ref.group(2)), _column_index(ref.group(1)))
        extra[key] = (percent[m.group(1)], extra.get(key, ("", None))[1])


def _collect_formulas(body: bytes, extra: dict, shared: dict[bytes, tuple[str, str]]) -> None:
    """Formula cells of ``body`` into ``extra`` as openpyxl shows them: ``"=" + text``; a shared formula's
    dependent cells get the master's formula translated to them; a data table ``=TABLE(r1,r2)``."""
    import html

    for m in _FORMULA_RE.finditer(body):
        prefix, attrs, text = m.group(1), m.group(2) or b"", m.group(4)
        start = body.rfind(b"<" + prefix + b"c", 0, m.start())
        if start < 0:
            continue
        ref = _R_ATTR_RE.search(body, start, body.find(b">", start) + 1)
        if ref is None:
            continue
        coord = (ref.group(1) + ref.group(2)).decode()
        formula = "=" + html.unescape(text.decode("utf-8", "replace")) if text else "="
        kind = re.search(rb'\bt="(\w+)"', attrs)
        kind = kind.group(1) if kind else b""
        if kind == b"shared":
            si = re.search(rb'\bsi="(\d+)"', attrs)
            si = si.group(1) if si else b""
            if formula != "=":
                shared.setdefault(si, (formula, coord))
            elif si in shared:
                try:
                    from openpyxl.formula.translate import Translator

                    formula = Translator(*shared[si]).translate_formula(coord)
                except Exception:  # noqa: BLE001 - the text is only shown in a message
                    formula = shared[si][0]
        elif kind == b"dataTable":
            args = [a.decode() for a in re.findall(rb'\br[12]="([^"]*)"', attrs)]
            formula = "=TABLE(" + ",".join(args) + ")"
        key = (int(ref.group(2)), _column_index(ref.group(1)))
        extra[key] = (extra.get(key, ("General", None))[0], formula)


def _column_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


@contextlib.contextmanager
def _native_stderr_kept_back():
    """Hold back what native code writes to file descriptor 2 while calamine reads: when the Rust reader panics
    (a date cell holding 1e30 …), its panic hook prints "thread … panicked at …" straight to the process's stderr,
    past Python, and the user would see that above the one-sentence error. On success whatever was written is
    passed on; on a panic it is dropped (the error names the problem). Where fd 2 cannot be redirected (no
    console, e.g. the windowed app), nothing is done."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    failed = True
    with tempfile.TemporaryFile() as held:
        try:
            os.dup2(held.fileno(), 2)
            yield
            failed = False
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            if not failed:
                held.seek(0)
                data = held.read()
                if data:
                    os.write(2, data)


def _merges(ws) -> list:
    """The sheet's merged ranges as calamine reports them (``((r0, c0), (r1, c1))``, 0-based)."""
    try:
        return list(ws.merged_cell_ranges or ())
    except Exception:  # noqa: BLE001 - a format without merge information has none
        return []


def _openpyxl_values(path: Path, name: str, extent: tuple[int, int] | None, cause: BaseException) -> list[list]:
    """The values of one sheet read with openpyxl in read-only mode (merged ranges are not loaded: openpyxl
    would create an object per covered cell), for the rare sheet calamine cannot convert (it panics on a date
    cell out of range); bounded by ``extent`` (checked against the limits already).

    Raises:
        WcifError: openpyxl cannot read it either.
    """
    import warnings

    import openpyxl

    rows, cols = extent or (0, 0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                ws = wb[name]
                return [list(r) for r in ws.iter_rows(min_row=1, max_row=rows, min_col=1, max_col=cols,
                                                       values_only=True)] if rows and cols else []
            finally:
                wb.close()
    except Exception as e:  # noqa: BLE001 - reported as one sentence
        raise _unreadable(path, cause) from e


def _merge_plan(path: Path, sheet: str, n_rows: int, n_cols: int, raw) -> tuple[list, list]:
    """``(merged ranges, fills)``: the 1-based merged ranges, and each one clipped to the data as
    ``(r0, c0, last row, last column)`` to fill with its top-left value.

    Raises:
        WcifError: the merged ranges would fill more than :data:`MAX_CELLS` cells (overlapping or crafted
        ranges), naming the sheet.
    """
    merged, fills = [], []
    budget = MAX_CELLS
    for rng in raw:
        try:
            (r0, c0), (r1, c1) = rng
            r0, c0, r1, c1 = int(r0) + 1, int(c0) + 1, int(r1) + 1, int(c1) + 1
        except (TypeError, ValueError):
            continue
        if r1 < r0 or c1 < c0:
            continue
        merged.append((r0, c0, r1, c1))
        if r0 > n_rows or c0 > n_cols:
            continue
        rr, cc = min(r1, n_rows), min(c1, n_cols)
        budget -= (rr - r0 + 1) * (cc - c0 + 1)
        if budget < 0:
            raise WcifError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”的合并单元格异常（范围重叠或过大），请取消合并后再导入：{path}"),
                            sheet=sheet, path=path)
        fills.append((r0, c0, rr, cc))
    return merged, fills


def _fill_merges(path: Path, sheet: str, cells: list[list[Cell]], n_rows: int, n_cols: int, raw) -> list:
    """Fill each merged range (clipped to the data) with its top-left value; returns the 1-based ranges.

    Raises:
        WcifError: as :func:`_merge_plan`.
    """
    merged, fills = _merge_plan(path, sheet, n_rows, n_cols, raw)
    for r0, c0, rr, cc in fills:
        top = cells[r0 - 1][c0 - 1]
        for r in range(r0, rr + 1):
            row = cells[r - 1]
            for c in range(c0, cc + 1):
                if (r, c) != (r0, c0):
                    row[c - 1] = Cell(sheet, r, c, top.value, top.number_format, top.formula, True)
    return merged


@dataclass
class SheetTexts:
    """One sheet read for its texts only (:func:`read_sheet_texts`): ``texts[r-1][c-1]`` is
    :attr:`Cell.text` of the cell at row ``r``, column ``c`` of the grid :func:`read_grid` (``formats=False``)
    would give — merged ranges filled, trailing empty rows and columns dropped, every row as wide as the
    widest — and ``head`` that grid's first rows as cells (to find the header)."""

    path: Path
    sheet: str
    head: Grid
    texts: list[list[str]]

    @property
    def n_rows(self) -> int:
        return len(self.texts)


def _clean_value(v):
    """A calamine value as :func:`read_grid` keeps it (NaN/∞ → None, whole floats → int, a duration → text);
    strings are handled by the callers."""
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            return None
        if v.is_integer() and abs(v) < 1e15:
            return int(v)
    elif isinstance(v, _dt.timedelta):
        return str(v)
    return v


def read_sheet_texts(path, sheet: str | None = None, *, head_rows: int = 30,
                     progress: Progress = NO_PROGRESS) -> SheetTexts:
    """Read one sheet as :func:`read_grid` with ``formats=False`` does (same checks, limits and errors), but
    keep only each cell's text and, as cells, the first ``head_rows`` rows: no cell object per cell, for large
    plain-data sheets such as survey exports (10,000 rows × 20 columns read in about the time of
    ``pandas.read_excel(engine="calamine")``).

    Raises:
        as :func:`read_grid`.
    """
    path = _check_path(path)
    kind = _kind(path)
    if kind == "csv":
        grid = _read_csv(path, progress)
        texts = [[c.text for c in row] for row in grid.cells]
        return SheetTexts(path, grid.sheet, Grid(path, grid.sheet, grid.cells[:head_rows], []), texts)
    name, values, merged_raw, _extra = _load_values(path, kind, sheet, progress, formats=False)
    n_rows = len(values)
    n_cols = max((len(r) for r in values), default=0)
    _check_extent(path, name, n_rows, n_cols)
    cache: dict = {None: ""}  # text of each distinct string (and of None): answers repeat thousands of times
    get = cache.get
    texts: list[list[str]] = []
    for r, src in enumerate(values, start=1):
        if r % 5000 == 0:
            progress.set(r, n_rows, Message(QT_TRANSLATE_NOOP("core", "读取表格")))
            check(progress)
        row = list(map(get, src))  # only strings and None are keys: 1, 1.0 and True never meet there
        if None in row:
            for c, t in enumerate(row):
                if t is None:
                    v = src[c]
                    if type(v) is str:
                        if len(v) > MAX_CELL_CHARS:
                            raise _long_cell(path, name, r, c + 1, len(v))
                        row[c] = cache[v] = _squash(v)
                    else:
                        row[c] = _display(_clean_value(v))
        texts.append(row)
    merged, fills = _merge_plan(path, name, n_rows, n_cols, merged_raw)
    for row in texts:
        if len(row) < n_cols:
            row.extend([""] * (n_cols - len(row)))
    for r0, c0, rr, cc in fills:
        top = texts[r0 - 1][c0 - 1]
        for r in range(r0, rr + 1):
            texts[r - 1][c0 - 1:cc] = [top] * (cc - c0 + 1)
    while texts and not any(texts[-1]):
        texts.pop()
    width = 0
    for row in texts:
        for c in range(len(row), width, -1):
            if row[c - 1]:
                width = c
                break
    for row in texts:
        del row[width:]
    head_cells: list[list[Cell]] = []
    filled = {(r, c): (r0, c0) for r0, c0, rr, cc in fills for r in range(r0, min(rr, head_rows) + 1)
              for c in range(c0, cc + 1) if (r, c) != (r0, c0)}
    for r in range(1, min(head_rows, len(texts)) + 1):
        row = []
        for c in range(1, width + 1):
            at = filled.get((r, c))
            rr_, cc_ = at if at else (r, c)
            s_ = values[rr_ - 1]
            v = s_[cc_ - 1] if cc_ <= len(s_) else None
            v = (None if v == "" else v) if isinstance(v, str) else _clean_value(v)
            row.append(Cell(name, r, c, v, "General", None, at is not None))
        head_cells.append(row)
    return SheetTexts(path, name, Grid(path, name, head_cells, merged), texts)


def _decode_csv(path: Path, raw: bytes) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    raise WcifError(QT_TRANSLATE_NOOP("core", "无法识别 CSV 文件的编码（请另存为 UTF-8）：{path}"), path=path)


def _csv_dialect(text: str):
    """The delimiter found on most of the first lines (tab, comma or semicolon; a title line above the table
    holds none, and would mislead csv.Sniffer); csv.Sniffer decides when none is found on two lines."""
    lines = [line for line in text[:16384].splitlines() if line.strip()][:30]
    counts = {d: sum(1 for line in lines if d in line) for d in ("\t", ",", ";")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] >= 2:
        class Found(csv.excel):
            delimiter = best
        return Found
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _read_csv(path: Path, progress: Progress = NO_PROGRESS) -> Grid:
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM (Excel's “Unicode text”)
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            text = _decode_csv(path, raw)
    else:
        text = _decode_csv(path, raw)
    if "\x00" in text:
        raise WcifError(QT_TRANSLATE_NOOP("core", "CSV 文件中含有空字符（NUL），不是纯文本表格，请在 Excel/WPS 中另存为 CSV：{path}"),
                        path=path)
    dialect = _csv_dialect(text)
    name = path.stem
    cells = []
    width = 0
    reader = csv.reader(io.StringIO(text), dialect)
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, MAX_CELL_CHARS * 4))
    try:
        r = 0
        while True:
            try:
                rec = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                raise WcifError(QT_TRANSLATE_NOOP("core", "CSV 文件第{row}行无法解析（{reason}）：{path}"),
                                row=reader.line_num, reason=_short(e), path=path) from e
            r += 1
            if r > MAX_ROWS:
                _check_extent(path, name, r, width)
            if len(rec) > width:
                width = len(rec)
                if width > MAX_COLUMNS:
                    _check_extent(path, name, r, width)
            if r % 5000 == 0:
                check(progress)
            row = []
            for c, v in enumerate(rec, start=1):
                if len(v) > MAX_CELL_CHARS:
                    raise _long_cell(path, name, r, c, len(v))
                row.append(Cell(name, r, c, v if v != "" else None, "General"))
            cells.append(row)
    finally:
        csv.field_size_limit(old_limit)
    _check_extent(path, name, len(cells), width)
    _trim(cells)
    return Grid(path, name, cells, [])


def _trim(cells: list[list[Cell]]) -> None:
    """Drop trailing empty rows and trailing empty columns (formatting often extends the used range)."""
    while cells and all(c.is_empty for c in cells[-1]):
        cells.pop()
    width = 0
    for row in cells:
        for c in reversed(row):
            if not c.is_empty:
                width = max(width, c.col)
                break
    for i, row in enumerate(cells):
        del row[width:]
        while len(row) < width:
            row.append(Cell(row[0].sheet if row else "", i + 1, len(row) + 1))


# --------------------------------------------------------------------------------------------- units
_UNIT_RE = re.compile(r"(?:单位|金额单位|计量单位)\s*[:：]?\s*(亿元|万元|元)")
_PAREN_UNIT_RE = re.compile(r"[(（\[【]\s*(亿元|万元|元)\s*[)）\]】]")


def detect_unit(text) -> str | None:
    """``"万元"``/``"元"`` when ``text`` states a unit (“单位：万元”, “金额单位:元”, “预算数（万元）”), else ``None``."""
    s = normalize(text)
    m = _UNIT_RE.search(s) or _PAREN_UNIT_RE.search(s)
    return m.group(1) if m else None


# --------------------------------------------------------------------------------------------- table
@dataclass
class Column:
    """A data column: 1-based index, Excel letter, joined header name, its own unit if its header gives one."""

    index: int
    letter: str
    name: str
    unit: str | None = None


@dataclass
class Row:
    """A data row: its Excel row number and its cells (one per table column)."""

    number: int
    cells: list[Cell]

    def cell(self, col: int) -> Cell:
        return self.cells[col - 1]

    def text(self, col: int) -> str:
        return self.cells[col - 1].text

    @property
    def is_empty(self) -> bool:
        return all(c.is_empty for c in self.cells)


@dataclass
class Table:
    """A sheet read as title lines + header + data rows.

    ``unit`` is the chosen or detected amount unit (``"元"``/``"万元"``/``None``), ``unit_source`` where it
    came from (``"chosen"``, ``"title"``, ``"header"`` or ``""``). ``header_rows`` are Excel row numbers.
    """

    path: Path
    sheet: str
    title_lines: list[str]
    header_rows: tuple[int, ...]
    columns: list[Column]
    rows: list[Row]
    unit: str | None = None
    unit_source: str = ""
    grid: Grid | None = None

    def find_column(self, *keywords: str, exclude: tuple[str, ...] = ()) -> Column | None:
        """The first column whose name contains any keyword (in keyword order) and none of ``exclude``."""
        for kw in keywords:
            for col in self.columns:
                if kw in col.name and not any(x in col.name for x in exclude):
                    return col
        return None

    def unit_of(self, col: Column) -> str | None:
        """The unit of amounts in ``col``: its header's unit, else the table's."""
        return col.unit or self.unit


def _is_number_like(cell: Cell) -> bool:
    """A numeric cell (a year such as 2021 written as a number is not: headers often are years)."""
    if isinstance(cell.value, int) and not isinstance(cell.value, bool) and 1990 <= cell.value <= 2100:
        return False
    if isinstance(cell.value, (int, float, Decimal)) and not isinstance(cell.value, bool):
        return True
    if cell.formula is not None:
        return True
    t = normalize(cell.text)
    if not t:
        return False
    t = t.replace(",", "").replace("%", "").strip("()")
    try:
        Decimal(t)
        return True
    except InvalidOperation:
        return False


def _is_title_row(texts: list[str]) -> bool:
    distinct = {t for t in texts if t}
    if len(distinct) <= 1:
        return True
    return all((":" in t or "：" in t) for t in distinct)  # metadata: “编制单位：…”, “单位：元”, “填报日期：…”


def table_from_grid(grid: Grid, *, header_keywords=(), header_rows: int | None = None,
                    unit: str | None = None) -> Table:
    """Split a :class:`Grid` into title lines, header and data rows (see the module docstring).

    Raises:
        WcifError: no header row found, ``unit`` not 元/万元, or ``header_rows`` not 1 or 2.
    """
    if unit is not None and unit not in UNITS:
        raise WcifError(QT_TRANSLATE_NOOP("core", "金额单位只能是“元”“万元”或“亿元”，而不是“{unit}”"), unit=unit)
    if header_rows not in (None, 1, 2):
        raise WcifError(QT_TRANSLATE_NOOP("core", "表头行数只能是 1 或 2"))
    if grid.n_rows == 0:
        raise WcifError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”是空的：{path}"), sheet=grid.sheet, path=grid.path)
    keywords = [_squash(k) for k in header_keywords]
    header = None
    for r in range(1, grid.n_rows + 1):
        texts = grid.row_texts(r)
        if keywords:
            if not _is_title_row(texts) and any(k and k in t for t in texts for k in keywords):
                header = r
                break
        elif not _is_title_row(texts) and not any(_is_number_like(c) for c in grid.cells[r - 1]):
            header = r
            break
    if header is None:
        if keywords:
            raise WcifError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”中找不到表头行（含“{keywords}”）：{path}"),
                            sheet=grid.sheet, keywords="”或“".join(header_keywords), path=grid.path)
        raise WcifError(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”中找不到表头行：{path}"),
                        sheet=grid.sheet, path=grid.path)

    n_header = header_rows or (2 if _second_header_row(grid, header) else 1)
    hdr = list(range(header, header + n_header))
    title_lines = []
    for r in range(1, header):
        texts = []
        for t in grid.row_texts(r):
            if t and t not in texts:
                texts.append(t)
        if texts:
            title_lines.append("  ".join(texts))

    columns = []
    for c in range(1, grid.n_cols + 1):
        parts: list[str] = []
        for r in hdr:
            t = grid.cell(r, c).text
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        name = "/".join(parts)
        columns.append(Column(c, column_letter(c), name, detect_unit(name)))

    chosen_source = ""
    table_unit = unit
    if unit is not None:
        chosen_source = "chosen"
    else:
        for line in title_lines:
            found = detect_unit(line)
            if found:
                table_unit, chosen_source = found, "title"
                break
        if table_unit is None:
            units = {col.unit for col in columns if col.unit}
            if len(units) == 1:
                table_unit, chosen_source = units.pop(), "header"
    rows = []
    n_cols = grid.n_cols
    for r in range(hdr[-1] + 1, grid.n_rows + 1):
        src = grid.cells[r - 1]
        row = Row(r, src[:] if len(src) == n_cols else [grid.cell(r, c) for c in range(1, n_cols + 1)])
        if not row.is_empty:
            rows.append(row)
    return Table(grid.path, grid.sheet, title_lines, tuple(hdr), columns, rows, table_unit, chosen_source, grid)


def _second_header_row(grid: Grid, header: int) -> bool:
    nxt = header + 1
    if nxt > grid.n_rows:
        return False
    cells = grid.cells[nxt - 1]
    if any(_is_number_like(c) for c in cells) or all(c.is_empty for c in cells):
        return False
    for r0, c0, r1, c1 in grid.merged_ranges:
        if r0 == header and (c1 > c0 or r1 >= nxt):
            return True
    # Without merge information (CSV): a text-only row whose first cell is empty continues the header.
    return not grid.merged_ranges and cells[0].is_empty


def read_table(path, sheet: str | None = None, *, header_keywords=(), header_rows: int | None = None,
               unit: str | None = None, progress: Progress = NO_PROGRESS) -> Table:
    """:func:`read_grid` followed by :func:`table_from_grid`."""
    grid = read_grid(path, sheet, progress=progress)
    return table_from_grid(grid, header_keywords=header_keywords, header_rows=header_rows, unit=unit)


# --------------------------------------------------------------------------------------------- parsers
def _check_formula(cell: Cell) -> None:
    if cell.formula is not None:
        raise cell.reject("公式单元格没有保存计算结果，请在 Excel/WPS 中打开并保存后再导入，或直接填写数值")


def _float_to_decimal(value: float) -> Decimal:
    return Decimal(repr(value))


_NUM_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED_RE = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


def _text_to_decimal(cell: Cell, text: str) -> Decimal:
    s = text.replace(" ", "").replace("'", "")
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    if "," in s:  # thousands separators only where they belong: “12,38” is a decimal comma or a typo, not 1238
        if not _GROUPED_RE.match(s):
            raise cell.reject("千位分隔符的位置不对，无法确定数值")
        s = s.replace(",", "")
    if not _NUM_RE.match(s):
        raise cell.reject("不是有效数值")
    d = Decimal(s)
    if negative:
        if d < 0:
            raise cell.reject("不是有效数值（括号内又有负号）")
        d = -d
    return d


def parse_text(cell: Cell) -> str:
    """The cell's text as written (whitespace collapsed). Raises :class:`CellError` for a formula cell without cached value."""
    _check_formula(cell)
    return cell.text


_MAX_MAGNITUDE = Decimal(10) ** 15  # larger numbers are no amounts, rates or points (and overflow the rounding)


def _bounded(cell: Cell, d: Decimal) -> Decimal:
    if not d.is_finite() or abs(d) >= _MAX_MAGNITUDE:
        raise cell.reject("数值超出范围")
    return d


def parse_decimal(cell: Cell) -> Decimal | None:
    """See :func:`_parse_decimal`; numbers of 10¹⁵ or more (or not finite) are rejected as out of range."""
    d = _parse_decimal(cell)
    return None if d is None else _bounded(cell, d)


def _parse_decimal(cell: Cell) -> Decimal | None:
    """The cell as an exact :class:`Decimal` (see the module docstring); ``None`` for blanks.

    Raises:
        CellError: not a number, a percentage where a plain number is expected, a date, or a formula without
        cached value.
    """
    _check_formula(cell)
    v = cell.value
    if v is None:
        return None
    if isinstance(v, bool):
        raise cell.reject("不是数值（是逻辑值）")
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, float):
        if "%" in cell.number_format:
            raise cell.reject("是百分比，不是金额/数值")
        return _float_to_decimal(v)
    if isinstance(v, Decimal):
        return v
    if isinstance(v, (_dt.date, _dt.time)):
        raise cell.reject("是日期，不是数值")
    text = normalize(v)
    if text in _BLANKS:
        return None
    if text.endswith("%"):
        raise cell.reject("是百分比，不是金额/数值")
    return _text_to_decimal(cell, text)


_AMOUNT_UNIT_RE = re.compile(r"^(.*?)(亿元|亿|万元|万|元)$")


def parse_amount(cell: Cell, unit: str | None) -> Decimal | None:
    """An amount in 元 (half-up to two decimals); ``unit`` is the column's unit (``"元"``/``"万元"``).

    A unit written in the cell (“28600万”, “12.5万元”, “300元”) overrides ``unit``.

    Raises:
        CellError: not an amount, or no unit known for it (``unit`` is ``None`` and the cell gives none).
    """
    _check_formula(cell)
    v = cell.value
    own_unit = None
    if isinstance(v, str):
        text = normalize(v)
        m = _AMOUNT_UNIT_RE.match(text)
        if m and m.group(1):
            own_unit = {"万": "万元", "亿": "亿元"}.get(m.group(2)[0], "元")
            cell = Cell(cell.sheet, cell.row, cell.col, m.group(1).strip(), cell.number_format, None, cell.merged)
    number = parse_decimal(cell)
    if number is None:
        return None
    u = own_unit or unit
    if u is None:
        raise cell.reject("不知道金额单位（元或万元），请选择单位")
    number = number * _FACTORS.get(u, Decimal(1))
    return number.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_percent(cell: Cell) -> Decimal | None:
    """See :func:`_parse_percent`; rates of 10¹⁵ % or more (or not finite) are rejected as out of range."""
    d = _parse_percent(cell)
    return None if d is None else _bounded(cell, d)


def _parse_percent(cell: Cell) -> Decimal | None:
    """A rate in % (×100): ``"51.59%"`` → 51.59; a percent-formatted cell holding 0.5159 → 51.59;
    a bare number is taken as already in % (``51.59`` → 51.59). ``None`` for blanks.

    Raises:
        CellError: not a percentage, or a formula without cached value.
    """
    _check_formula(cell)
    v = cell.value
    if v is None:
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        d = Decimal(v) if isinstance(v, int) else _float_to_decimal(v)
        return d * 100 if "%" in cell.number_format else d
    text = normalize(v) if isinstance(v, str) else ""
    if not isinstance(v, str):
        raise cell.reject("不是百分比")
    if text in _BLANKS:
        return None
    s = text.replace(" ", "")
    if s.endswith("%"):
        s = s[:-1]
    try:
        return _text_to_decimal(cell, s)
    except CellError:
        raise cell.reject("不是有效百分比") from None


_DATE_RES = (
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$"),
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),  # 20211231
)
_TIME_TAIL_RE = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")  # “2021/12/31 0:00:00”
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_DATE_RE = re.compile(r"^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,4})[日号]?$")
_EXCEL_EPOCH = _dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's 1900 leap-year bug makes 61 = 1900-03-01)


def _cn_number(text: str) -> int:
    """十二 → 12, 三十一 → 31, 十 → 10, 二十 → 20, 九 → 9."""
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else -1
    tens, _sep, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, -1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, -1) if ones else 0)


def parse_date(cell: Cell) -> _dt.date | None:
    """A date: a date cell; text ``2021年12月31日`` / ``2021-12-31`` / ``2021/12/31`` / ``2021.12.31`` /
    ``20211231`` / ``2021/12/31 0:00:00`` (a midnight time is dropped; another time too: the date is what
    counts) / ``二〇二一年十二月三十一日``; a number: an 8-digit ``20211231`` or an Excel serial date between
    1954 and 2119 (20000–80000, a date cell saved without its format).

    Raises:
        CellError: not a date or an impossible date (2021年2月30日).
    """
    _check_formula(cell)
    v = cell.value
    if v is None:
        return None
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, _dt.date):
        return v
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if 19000101 <= v <= 21001231 and float(v).is_integer():
            v = str(int(v))
        elif 20000 <= v <= 80000:
            return _EXCEL_EPOCH + _dt.timedelta(days=int(v))
        else:
            raise cell.reject("不是日期")
    if not isinstance(v, str):
        raise cell.reject("不是日期")
    text = normalize(v)
    if text in _BLANKS:
        return None
    text = _TIME_TAIL_RE.sub("", text)
    m = _CN_DATE_RE.match(text.replace(" ", ""))
    if m:
        year = int("".join(str(_CN_DIGITS[ch]) for ch in m.group(1)))
        month, day = _cn_number(m.group(2)), _cn_number(m.group(3))
        try:
            return _dt.date(year, month, day)
        except ValueError:
            raise cell.reject("日期不存在") from None
    for rx in _DATE_RES:
        m = rx.match(text)
        if m:
            try:
                return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise cell.reject("日期不存在") from None
    raise cell.reject("不是日期（应为 2021年12月31日 或 2021-12-31）")


def attempt(parser: Callable, cell: Cell, rejections: list[Rejection], *args):
    """``(parser(cell, *args), True)``, or ``(None, False)`` with the rejection appended to ``rejections``."""
    try:
        return parser(cell, *args), True
    except CellError as e:
        rejections.append(e.rejection)
        return None, False


__all__ = [
    "Cell", "CellError", "Column", "Grid", "Rejection", "Row", "Table", "UNITS", "attempt", "column_letter",
    "detect_unit", "normalize", "parse_amount", "parse_date", "parse_decimal", "parse_percent", "parse_text",
    "read_grid", "read_table", "sheet_names", "table_from_grid",
]
