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
Reading:

- ``sheet_names(path) -> list[str]`` — the worksheets of an .xlsx (``["csv"]``-style single name for a CSV).
- ``read_grid(path, sheet=None) -> Grid`` — every cell of one sheet as a :class:`Cell`; merged ranges are
  filled with the top-left value in every cell of the range (fill-down for vertical merges, fill-right for
  horizontal ones; ``Cell.merged`` tells a filled cell from the original). Formula cells without a cached value
  keep ``value=None`` and carry ``formula`` (the formula text). CSV files are read as UTF-8 (with or without
  BOM) or GB18030, delimiter sniffed among ``, ; tab``; their cells are text.
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

Errors: :class:`~wcif_desktop.domain.errors.WcifError` when the file cannot be read (missing, not a
spreadsheet, unknown sheet, .xls); :class:`CellError` (a :class:`ValidationError`) for one cell.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Callable

from ..domain.errors import QT_TRANSLATE_NOOP, ValidationError, WcifError

UNITS = ("元", "万元")
TEN_THOUSAND = Decimal(10000)
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
        shown = f"（原值“{self.value}”）" if self.value != "" else ""
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


@dataclass
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

    @property
    def column(self) -> str:
        return column_letter(self.col)

    @property
    def ref(self) -> str:
        return f"{self.column}{self.row}"

    @property
    def text(self) -> str:
        """The cell as text with whitespace collapsed ('' when empty); characters as written (not NFKC)."""
        return _display(self.value)

    @property
    def is_empty(self) -> bool:
        return self.formula is None and self.text == ""

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
    s = unicodedata.normalize("NFKC", str(text))
    s = s.replace("\u2212", "-").replace("\u3000", " ")
    return re.sub(r"\s+", " ", s).strip()


def _display(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return _squash(str(value))


def _squash(text: str) -> str:
    """Whitespace (incl. the ideographic space) collapsed and stripped; the characters themselves kept as
    written (Chinese punctuation stays full-width in names and goals)."""
    return re.sub(r"\s+", " ", text.replace("\u3000", " ")).strip()


# --------------------------------------------------------------------------------------------- grid
@dataclass
class Grid:
    """All cells of one sheet; ``cells[r-1][c-1]`` is the cell at Excel row ``r`` and column ``c``."""

    path: Path
    sheet: str
    cells: list[list[Cell]]
    merged_ranges: list[tuple[int, int, int, int]] = field(default_factory=list)  # (min_row, min_col, max_row, max_col)

    @property
    def n_rows(self) -> int:
        return len(self.cells)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.cells), default=0)

    def cell(self, row: int, col: int) -> Cell:
        """The cell at 1-based ``row``/``col`` (an empty cell outside the used range)."""
        if 1 <= row <= len(self.cells) and 1 <= col <= len(self.cells[row - 1]):
            return self.cells[row - 1][col - 1]
        return Cell(self.sheet, row, col)

    def row_texts(self, row: int) -> list[str]:
        return [c.text for c in self.cells[row - 1]]


def _check_path(path) -> Path:
    path = Path(path)
    if not path.is_file():
        raise WcifError(QT_TRANSLATE_NOOP("core", "找不到表格文件：{path}"), path=path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise WcifError(QT_TRANSLATE_NOOP("core", "不支持旧版 .xls 文件，请在 Excel/WPS 中另存为 .xlsx 后再导入：{path}"),
                        path=path)
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise WcifError(QT_TRANSLATE_NOOP("core", "不支持的表格格式“{suffix}”（支持 .xlsx 和 .csv）：{path}"),
                        suffix=path.suffix, path=path)
    return path


def _is_csv(path: Path) -> bool:
    return path.suffix.lower() in (".csv", ".txt")


def _load_workbook(path: Path, data_only: bool):
    import openpyxl

    try:
        return openpyxl.load_workbook(path, data_only=data_only)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as e:
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取 Excel 文件（文件已损坏或不是 .xlsx）：{path}（{reason}）"),
                        path=path, reason=e) from e
    except Exception as e:  # openpyxl.utils.exceptions.InvalidFileException and friends
        if type(e).__module__.startswith("openpyxl"):
            raise WcifError(QT_TRANSLATE_NOOP("core", "无法读取 Excel 文件：{path}（{reason}）"), path=path, reason=e) from e
        raise


def sheet_names(path) -> list[str]:
    """Worksheet names of an .xlsx, in workbook order; for a CSV the file stem.

    Raises:
        WcifError: the file is missing or not a readable spreadsheet.
    """
    path = _check_path(path)
    if _is_csv(path):
        return [path.stem]
    wb = _load_workbook(path, data_only=True)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def read_grid(path, sheet: str | None = None) -> Grid:
    """Read one sheet (default: the active one) of an .xlsx, or a CSV file, into a :class:`Grid`.

    Raises:
        WcifError: missing/unreadable file, unknown sheet name (the message lists the sheets).
    """
    path = _check_path(path)
    if _is_csv(path):
        return _read_csv(path)
    values_wb = _load_workbook(path, data_only=True)
    formulas_wb = _load_workbook(path, data_only=False)
    try:
        if sheet is None:
            ws = values_wb.active
        elif sheet in values_wb.sheetnames:
            ws = values_wb[sheet]
        else:
            raise WcifError(QT_TRANSLATE_NOOP("core", "Excel 文件中没有工作表“{sheet}”（现有：{sheets}）：{path}"),
                            sheet=sheet, sheets="、".join(values_wb.sheetnames), path=path)
        name = ws.title
        fws = formulas_wb[name]
        (r1, c1), (r2, c2) = _used_range(ws), _used_range(fws)  # fws: formulas without a cached value
        n_rows, n_cols = max(r1, r2), max(c1, c2)
        cells: list[list[Cell]] = []
        for r in range(1, n_rows + 1):
            row = []
            for c in range(1, n_cols + 1):
                vc = ws.cell(row=r, column=c)
                fc = fws.cell(row=r, column=c)
                value = vc.value
                formula = None
                if value is None and fc.data_type == "f":
                    formula = fc.value if isinstance(fc.value, str) else str(getattr(fc.value, "text", fc.value))
                row.append(Cell(name, r, c, value, vc.number_format or "General", formula))
            cells.append(row)
        merged = []
        for rng in ws.merged_cells.ranges:
            r0, c0, r1, c1 = rng.min_row, rng.min_col, rng.max_row, rng.max_col
            merged.append((r0, c0, r1, c1))
            top = cells[r0 - 1][c0 - 1] if r0 <= n_rows and c0 <= n_cols else None
            if top is None:
                continue
            for r in range(r0, min(r1, n_rows) + 1):
                for c in range(c0, min(c1, n_cols) + 1):
                    if (r, c) != (r0, c0):
                        cells[r - 1][c - 1] = Cell(name, r, c, top.value, top.number_format, top.formula, True)
    finally:
        values_wb.close()
        formulas_wb.close()
    _trim(cells)
    return Grid(path, name, cells, merged)


def _used_range(ws) -> tuple[int, int]:
    """(rows, columns) holding a value or a merged range. Sheets formatted down to row 1,048,576 report that
    as ``max_row``; only cells that exist with a value count here."""
    cells = getattr(ws, "_cells", None)
    if cells is None:  # pragma: no cover - other openpyxl internals
        return ws.max_row, ws.max_column
    rows = cols = 0
    for (r, c), cell in cells.items():
        if cell.value is not None:
            rows, cols = max(rows, r), max(cols, c)
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= rows and rng.min_col <= cols:
            rows, cols = max(rows, rng.max_row), max(cols, rng.max_col)
    return rows, cols


def _read_csv(path: Path) -> Grid:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes nearly everything
        raise WcifError(QT_TRANSLATE_NOOP("core", "无法识别 CSV 文件的编码（请另存为 UTF-8）：{path}"), path=path)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    name = path.stem
    cells = []
    for r, rec in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        cells.append([Cell(name, r, c, v if v != "" else None, "General") for c, v in enumerate(rec, start=1)])
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
_UNIT_RE = re.compile(r"(?:单位|金额单位|计量单位)\s*[:：]?\s*(万元|元)")
_PAREN_UNIT_RE = re.compile(r"[(（\[【]\s*(万元|元)\s*[)）\]】]")


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
        raise WcifError(QT_TRANSLATE_NOOP("core", "金额单位只能是“元”或“万元”，而不是“{unit}”"), unit=unit)
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
    for r in range(hdr[-1] + 1, grid.n_rows + 1):
        row = Row(r, [grid.cell(r, c) for c in range(1, grid.n_cols + 1)])
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
               unit: str | None = None) -> Table:
    """:func:`read_grid` followed by :func:`table_from_grid`."""
    grid = read_grid(path, sheet)
    return table_from_grid(grid, header_keywords=header_keywords, header_rows=header_rows, unit=unit)


# --------------------------------------------------------------------------------------------- parsers
def _check_formula(cell: Cell) -> None:
    if cell.formula is not None:
        raise cell.reject("公式单元格没有保存计算结果，请在 Excel/WPS 中打开并保存后再导入，或直接填写数值")


def _float_to_decimal(value: float) -> Decimal:
    return Decimal(repr(value))


_NUM_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def _text_to_decimal(cell: Cell, text: str) -> Decimal:
    s = text.replace(",", "").replace(" ", "").replace("'", "")
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
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


def parse_decimal(cell: Cell) -> Decimal | None:
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


_AMOUNT_UNIT_RE = re.compile(r"^(.*?)(万元|万|元)$")


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
            own_unit = "万元" if m.group(2).startswith("万") else "元"
            cell = Cell(cell.sheet, cell.row, cell.col, m.group(1).strip(), cell.number_format, None, cell.merged)
    number = parse_decimal(cell)
    if number is None:
        return None
    u = own_unit or unit
    if u is None:
        raise cell.reject("不知道金额单位（元或万元），请选择单位")
    if u == "万元":
        number = number * TEN_THOUSAND
    return number.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_percent(cell: Cell) -> Decimal | None:
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
)


def parse_date(cell: Cell) -> _dt.date | None:
    """A date: a date cell, or text ``2021年12月31日`` / ``2021-12-31`` / ``2021/12/31`` / ``2021.12.31``.

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
    if not isinstance(v, str):
        raise cell.reject("不是日期")
    text = normalize(v)
    if text in _BLANKS:
        return None
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
