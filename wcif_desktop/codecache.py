"""Compiled dataclass methods kept between runs (start-up time of a fresh process, e.g. ``wcif-desktop report``).

``@dataclass`` writes the source text of each class's ``__init__``, ``__repr__``, ``__eq__`` … and compiles it
with ``exec`` when the class is created: a signed report's process creates ~250 dataclasses (pyHanko's and the
app's), ~1,200 functions, and compiling them took about a fifth of its run. The compiled code depends only on
that source text and the Python version, so, like Python's own ``__pycache__``, it can be kept: :func:`install`
gives the :mod:`dataclasses` module an ``exec`` that takes the code object compiled earlier for the same text
from the user's cache (:func:`wcif_desktop.paths.user_cache_dir`) and compiles only text it has not seen; what
was compiled is added to the cache when the process exits. Running the code — binding the class's defaults,
types and globals — is unchanged, so the classes are exactly the ones ``@dataclass`` makes without the cache.
A missing, foreign or damaged cache file means compiling as before.

(No ``from __future__ import annotations`` here: ``exec`` of a text would inherit it from this module.)
"""

import builtins
import os
import sys

# Bumped when the file layout changes; the interpreter's bytecode magic number is part of the file name too
# (code objects only load in the Python that wrote them).
_FORMAT = 1
# A cache that grows past this (many versions of the app's classes) is started afresh.
_MAX_ENTRIES = 5_000  # ~1,200 per version of the app (~1.4 MB)

_state: dict | None = None  # {"path", "codes": {source: code}, "new": {source: code}}


def _cache_file():
    import importlib.util

    from .paths import user_cache_dir

    tag = sys.implementation.cache_tag or "py"
    return user_cache_dir() / "python" / f"dataclass-code-{tag}-{importlib.util.MAGIC_NUMBER.hex()}-v{_FORMAT}.marshal"


def _load(path) -> dict:
    import marshal

    try:
        with open(path, "rb") as fh:
            codes = marshal.loads(fh.read())  # not marshal.load(fh): that reads the file object piece by piece
    except Exception:  # noqa: BLE001 - missing, truncated or foreign: compile as usual
        return {}
    code_type = type(_load.__code__)
    if not isinstance(codes, dict) or not all(type(k) is str and type(v) is code_type for k, v in codes.items()):
        return {}
    return codes


def _cached_exec(source, globals=None, locals=None, /, *args, **kwargs):
    """``exec`` for :mod:`dataclasses`: a source text is compiled as ``exec`` would compile it there (no
    ``__future__`` flags: the dataclasses module has none), or its code object is taken from the cache."""
    state = _state
    if state is None or type(source) is not str or args or kwargs:
        if globals is None:  # exec's defaults are the caller's namespaces, not this function's
            frame = sys._getframe(1)  # noqa: SLF001
            globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
        return builtins.exec(source, globals, locals, *args, **kwargs)
    code = state["codes"].get(source)
    if code is None:
        code = compile(source, "<string>", "exec", dont_inherit=True)
        state["codes"][source] = code
        state["new"][source] = code
    if globals is None:
        frame = sys._getframe(1)  # noqa: SLF001
        globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
    return builtins.exec(code, globals, locals)


def _save() -> None:
    """Add this process's newly compiled code to the cache file (atomically; errors leave the cache as it was)."""
    import marshal

    state = _state
    if state is None or not state["new"]:
        return
    path = state["path"]
    try:
        codes = _load(path)  # another process may have added entries meanwhile
        if len(codes) + len(state["new"]) > _MAX_ENTRIES:
            codes = {}
        codes.update(state["new"])
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(marshal.dumps(codes))
            os.replace(tmp, path)
        finally:
            try:
                tmp.unlink()
            except OSError:
                pass
    except Exception:  # noqa: BLE001 - a read-only or full disk: compiled again next time
        pass
    state["new"] = {}


def install() -> bool:
    """Give :mod:`dataclasses` the caching ``exec`` for the rest of this process (once; only for the process's
    own run, see :func:`wcif_desktop.cli.main`). Returns whether the cache is in use (False: no usable cache
    folder, or a :mod:`dataclasses` that does not compile through ``exec``)."""
    global _state
    import dataclasses

    if _state is not None:
        return True
    if getattr(dataclasses, "exec", builtins.exec) is not builtins.exec:
        return False  # someone else's replacement: leave it
    try:
        path = _cache_file()
    except Exception:  # noqa: BLE001 - no cache folder (e.g. read-only home)
        return False
    import atexit

    _state = {"path": path, "codes": _load(path), "new": {}}
    dataclasses.exec = _cached_exec
    atexit.register(_save)
    return True


def uninstall() -> None:
    """Write what is new and give :mod:`dataclasses` the built-in ``exec`` back (tests)."""
    global _state
    import atexit
    import dataclasses

    if _state is None:
        return
    _save()
    atexit.unregister(_save)
    if getattr(dataclasses, "exec", None) is _cached_exec:
        del dataclasses.exec
    _state = None


__all__ = ["install", "uninstall"]
