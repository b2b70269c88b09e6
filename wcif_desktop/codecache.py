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

The file holds each code object marshalled on its own (source text → bytes): opening it reads the texts and
bytes only, and a code object is unmarshalled when its class is made. A GUI start makes a few hundred of the
~1,400 classes a file may hold (the app's and pyHanko's, several versions of the app): unmarshalling them all
took ~5 ms of the start.

(No ``from __future__ import annotations`` here: ``exec`` of a text would inherit it from this module.)
"""

import builtins
import os
import sys

# Bumped when the file layout changes; the interpreter's bytecode magic number is part of the file name too
# (code objects only load in the Python that wrote them).
_FORMAT = 2  # 1: {source: code object}; 2: {source: marshalled code object}
# A cache that grows past this (many versions of the app's classes) keeps only what the writing process used.
_MAX_ENTRIES = 3_000  # ~1,200 per version of the app (~1.5 MB)

# {"path", "codes": {source: marshalled code} as read, "loaded": {source: code} used or compiled here,
#  "new": {source: code} compiled here}
_state: dict | None = None


def _cache_file():
    import importlib.util

    from .paths import user_cache_dir

    tag = sys.implementation.cache_tag or "py"
    return user_cache_dir() / "python" / f"dataclass-code-{tag}-{importlib.util.MAGIC_NUMBER.hex()}-v{_FORMAT}.marshal"


def _load(path) -> dict:
    """{source text: marshalled code object} of the cache file; empty when missing, foreign or damaged."""
    import marshal

    try:
        with open(path, "rb") as fh:
            codes = marshal.loads(fh.read())  # not marshal.load(fh): that reads the file object piece by piece
    except Exception:  # noqa: BLE001 - missing, truncated or foreign: compile as usual
        return {}
    if not isinstance(codes, dict) or not all(type(k) is str and type(v) is bytes for k, v in codes.items()):
        return {}
    return codes


def _code_for(state: dict, source: str):
    """The code object of ``source``: this process's, the cache file's (unmarshalled now), or compiled now."""
    code = state["loaded"].get(source)
    if code is not None:
        return code
    data = state["codes"].get(source)
    if data is not None:
        import marshal

        try:
            code = marshal.loads(data)
        except Exception:  # noqa: BLE001 - a damaged entry: compiled below
            code = None
        if type(code) is not type(_code_for.__code__):
            code = None
    if code is None:
        code = compile(source, "<string>", "exec", dont_inherit=True)
        state["new"][source] = code
    state["loaded"][source] = code
    return code


def _cached_exec(source, globals=None, locals=None, /, *args, **kwargs):
    """``exec`` for :mod:`dataclasses`: a source text is compiled as ``exec`` would compile it there (no
    ``__future__`` flags: the dataclasses module has none), or its code object is taken from the cache."""
    state = _state
    if state is None or type(source) is not str or args or kwargs:
        if globals is None:  # exec's defaults are the caller's namespaces, not this function's
            frame = sys._getframe(1)  # noqa: SLF001
            globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
        return builtins.exec(source, globals, locals, *args, **kwargs)
    code = _code_for(state, source)
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
        if len(codes) + len(state["new"]) > _MAX_ENTRIES:  # keep what this process used (older versions go)
            codes = {source: data for source, data in codes.items() if source in state["loaded"]}
        codes.update((source, marshal.dumps(code)) for source, code in state["new"].items())
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(marshal.dumps(codes))
            os.replace(tmp, path)
            for old in range(1, _FORMAT):  # the same interpreter's cache in an older layout is never read again
                path.with_name(path.name.replace(f"-v{_FORMAT}.", f"-v{old}.")).unlink(missing_ok=True)
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

    _state = {"path": path, "codes": _load(path), "loaded": {}, "new": {}}
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
