"""Regular expressions that reportlab and cryptography compile when they are imported, at a cost of tens of
milliseconds each, though the app never uses them: reportlab's URL pattern of ``Paragraph`` (case-insensitive
over ``\\xa1-\\uffff``: ~40 ms, the biggest single cost of importing reportlab; the app lays text out with its own
flowables), cryptography's RFC 4514 name parser (``Name.from_rfc4514_string``: ~20 ms) and reportlab's Python
syntax colouring (``PyFontify``, for ``XPreformatted``).

:func:`defer` puts a stand-in for each into the cache of :mod:`re` before those libraries are imported, so their
``re.compile(...)`` returns the stand-in at once; the stand-in compiles the real pattern the first time anything
uses it and then behaves exactly as it (every attribute is the compiled pattern's). Without ``re``'s cache (another
Python) or with another pattern text (another library version) nothing is deferred and the libraries compile as
before. ``tests/report/test_lazy_patterns.py`` checks both that the stand-ins are taken and that they match as the
real patterns do.
"""

from __future__ import annotations

import re
import sys

_PATTERNS = (
    # reportlab.platypus.paragraph.uri_pat
    ('reportlab.platypus.paragraph', '(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?(?:(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)){3}|\\[[0-9a-f:\\.]+\\]|([a-z¡-\uffff0-9](?:[a-z¡-\uffff0-9-]{0,61}[a-z¡-\uffff0-9])?(?:\\.(?!-)[a-z¡-\uffff0-9-]{1,63}(?<!-))*\\.(?!-)(?:[a-z¡-\uffff-]{2,63}|xn--[a-z0-9]{1,59})(?<!-)\\.?|localhost))(?::\\d{2,5})?(?:[/?#][^\\s]*)?\\Z',
     re.IGNORECASE),
    # cryptography.x509.name._RFC4514NameParser._STRING_RE
    ('cryptography.x509.name', '\n        (\n            ([\\x01-\\x1f\\x21\\x24-\\x2A\\x2D-\\x3A\\x3D\\x3F-\\x5B\\x5D-\\x7F]|[\\x80-\U0010ffff]|\\\\([\\\\ #=\\"\\+,;<>]|[\\da-zA-Z]{2}))\n            (\n                ([\\x01-\\x21\\x23-\\x2A\\x2D-\\x3A\\x3D\\x3F-\\x5B\\x5D-\\x7F]|[\\x80-\U0010ffff]|\\\\([\\\\ #=\\"\\+,;<>]|[\\da-zA-Z]{2}))*\n                ([\\x01-\\x1F\\x21\\x23-\\x2A\\x2D-\\x3A\\x3D\\x3F-\\x5B\\x5D-\\x7F]|[\\x80-\U0010ffff]|\\\\([\\\\ #=\\"\\+,;<>]|[\\da-zA-Z]{2}))\n            )?\n        )?\n        ',
     re.VERBOSE),
    # reportlab.lib.PyFontify.matchRE
    ('reportlab.lib.PyFontify', '#[^\\n]*|(^|[^a-zA-Z0-9_.\\"\'])(as|assert|exec|del|from|lambda|return|and|elif|global|not|try|break|else|if|or|while|class|except|import|pass|continue|finally|in|print|def|for|is|raise|yield|with)(^|[^a-zA-Z0-9_.\\"\'])|\'\'\'[^\\\\\']*((\\\\[\\000-\\377]|\'(\\\\[\\000-\\377]|[^\\\']|\'(\\\\[\\000-\\377]|[^\\\\\'])))[^\\\\\']*)*\'\'\'|"""[^\\\\"]*((\\\\[\\000-\\377]|"(\\\\[\\000-\\377]|[^\\"]|"(\\\\[\\000-\\377]|[^\\\\"])))[^\\\\"]*)*"""|\'[^\\\\\'\\n]*(\\\\[\\000-\\377][^\\\\\'\\n]*)*\'|"[^\\\\"\\n]*(\\\\[\\000-\\377][^\\\\"\\n]*)*"',
     0),
)


class LazyPattern:
    """A compiled pattern made on first use (see module text)."""

    __slots__ = ("_key", "_compiled")

    def __init__(self, key: tuple):
        self._key = key
        self._compiled = None

    def compiled(self) -> re.Pattern:
        p = self._compiled
        if p is None:
            for name in ("_cache", "_cache2"):  # out of re's caches, so that re.compile makes the real one
                cache = getattr(re, name, None)
                if isinstance(cache, dict) and cache.get(self._key) is self:
                    del cache[self._key]
            p = self._compiled = re.compile(self._key[1], self._key[2])
        return p

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._key[1][:40]!r}…)"


def defer() -> None:
    """Seed :mod:`re`'s cache with a :class:`LazyPattern` for each pattern above whose module is not imported
    yet (idempotent)."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return
    for module, pattern, flags in _PATTERNS:
        if module in sys.modules:
            continue
        key = (str, pattern, int(flags))
        if key not in cache:
            cache[key] = LazyPattern(key)


__all__ = ["LazyPattern", "defer"]
