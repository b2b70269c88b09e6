"""Exact decimals for money (元 / 万元), rates (%) and scores (points). Never floats.

All rounding is ROUND_HALF_UP to two decimals, as Chinese financial statements and score sheets do.
"""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import QT_TRANSLATE_NOOP, ValidationError

CENT = Decimal("0.01")
TEN_THOUSAND = Decimal("10000")
HUNDRED = Decimal("100")


def D(value) -> Decimal:  # noqa: N802 - short constructor name is the point
    """Convert ``value`` (str, int, Decimal) to :class:`Decimal` exactly.

    Accepts thousands separators, full-width digits (１２，３８３．１３), a trailing ``%`` is *not* accepted here.
    Floats are refused because they cannot carry money exactly.

    Raises:
        ValidationError: for floats, empty strings or text that is not a number.
    """
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "不是数值：{value}"), value=repr(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        raise ValidationError(QT_TRANSLATE_NOOP("core", "金额/分值不能使用浮点数：{value}"), value=repr(value))
    if value is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "缺少数值 (missing number)"))
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "").replace(" ", "")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    try:
        result = Decimal(text)
    except InvalidOperation:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "不是有效数值：{value}"), value=repr(value)) from None
    if not result.is_finite():
        raise ValidationError(QT_TRANSLATE_NOOP("core", "不是有效数值：{value}"), value=repr(value))
    return -result if negative else result


def round2(value: Decimal) -> Decimal:
    """Round half-up to two decimals (e.g. 79.995 → 80.00)."""
    return D(value).quantize(CENT, rounding=ROUND_HALF_UP)


def yuan_to_wan(yuan: Decimal) -> Decimal:
    """Convert 元 to 万元, rounded half-up to two decimals."""
    return round2(D(yuan) / TEN_THOUSAND)


def wan_to_yuan(wan) -> Decimal:
    """Convert 万元 to 元 (exact)."""
    return round2(D(wan) * TEN_THOUSAND)


def fmt_amount(value: Decimal, places: int = 2) -> str:
    """Format with thousands separators and fixed decimals: ``Decimal('12383.13')`` → ``'12,383.13'``."""
    q = Decimal(1).scaleb(-places)
    return f"{D(value).quantize(q, rounding=ROUND_HALF_UP):,.{places}f}"


def fmt_wan(yuan: Decimal) -> str:
    """An amount in 元 shown in 万元: ``Decimal('123831300')`` → ``'12,383.13'``."""
    return fmt_amount(yuan_to_wan(yuan))


def fmt_pct(rate: Decimal | None) -> str:
    """A percentage (already ×100) with two decimals and a % sign: ``Decimal('112.3')`` → ``'112.30%'``."""
    if rate is None:
        return "—"
    return f"{round2(rate):.2f}%"


def fmt_score(score: Decimal | None) -> str:
    """A score in points with two decimals (``82.33``); ``—`` when not yet scored."""
    if score is None:
        return "—"
    return f"{round2(score):.2f}"
