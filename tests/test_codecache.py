"""The cache of compiled dataclass methods (wcif_desktop/codecache.py, start-up time, issue 21): the classes made
with it are the ones ``@dataclass`` makes without it, the second process compiles nothing, and a damaged cache
file is compiled over. Each case runs in its own interpreter (the cache patches the dataclasses module)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# Makes the same dataclasses with and without the cache and prints what they are made of.
SCRIPT = r"""
import dataclasses, json, sys, typing
from wcif_desktop import codecache

def make():
    @dataclasses.dataclass(frozen=True, order=True)
    class Point:
        x: int
        y: float = 0.5
        tags: tuple = dataclasses.field(default_factory=tuple)

    @dataclasses.dataclass(eq=False)
    class Box:
        name: str
        inner: typing.Optional["Point"] = None
    return Point, Box

def described(Point, Box):
    p, q = Point(1, 2.0), Point(1)
    fns = {f"{cls.__name__}.{n}": getattr(cls, n) for cls in (Point, Box)
           for n in ("__init__", "__repr__", "__eq__", "__lt__", "__hash__", "__setattr__") if n in cls.__dict__}
    return {
        "code": {k: [f.__code__.co_code.hex(), list(f.__code__.co_varnames), f.__code__.co_filename]
                 for k, f in fns.items() if f is not None},
        "annotations": {k: repr(f.__annotations__) for k, f in fns.items() if f is not None},
        "behaviour": [repr(p), p < q, q < p, p == Point(1, 2.0), hash(p) == hash(Point(1, 2.0)),
                      repr(Box("a")), Box("a") == Box("a")],
    }

plain = described(*make())
used = codecache.install()
cached = described(*make())
print(json.dumps({"used": used, "plain": plain, "cached": cached, "new": len(codecache._state["new"]) if used else -1}))
"""


def _run(tmp_path, env_extra=None):
    env = dict(os.environ, WCIF_CACHE_DIR=str(tmp_path / "缓存 目录"), WCIF_DATA_DIR=str(tmp_path / "数据"))
    env.update(env_extra or {})
    r = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, encoding="utf-8", env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def _cache_files(tmp_path):
    return sorted((tmp_path / "缓存 目录" / "python").glob("dataclass-code-*.marshal"))


def test_classes_are_the_same_with_the_cache_and_the_next_process_compiles_nothing(tmp_path):
    first = _run(tmp_path)
    assert first["used"] is True
    assert first["cached"] == first["plain"]
    assert first["new"] > 0  # compiled here, written at exit
    # the generated __init__'s annotations are the field types, not strings (no __future__ flag leaked in)
    assert first["plain"]["annotations"]["Point.__init__"] == \
        "{'x': <class 'int'>, 'y': <class 'float'>, 'tags': <class 'tuple'>, 'return': None}"
    [cache] = _cache_files(tmp_path)
    written = cache.read_bytes()

    second = _run(tmp_path)
    assert second["cached"] == second["plain"] == first["plain"]
    assert second["new"] == 0  # everything came from the cache
    assert cache.read_bytes() == written  # nothing new: not rewritten


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", b"\xdb\x00\x00"])
def test_a_damaged_cache_file_is_compiled_over(tmp_path, damage):
    _run(tmp_path)
    [cache] = _cache_files(tmp_path)
    good = cache.read_bytes()
    cache.write_bytes(damage)
    again = _run(tmp_path)
    assert again["cached"] == again["plain"]
    assert again["new"] > 0
    assert cache.read_bytes() != damage and len(cache.read_bytes()) >= len(good) // 2


def test_without_a_cache_folder_classes_are_made_as_usual(tmp_path):
    blocked = tmp_path / "文件"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    out = _run(tmp_path, {"WCIF_CACHE_DIR": str(blocked / "缓存")})
    assert out["cached"] == out["plain"]
    assert not (blocked.parent / "缓存").exists()


@pytest.mark.slow
def test_a_fresh_report_process_uses_the_cache(sample_path, tmp_path):
    """The second ``wcif-desktop report`` compiles no dataclass method: the file written by the first run is not
    rewritten by the second."""
    env = dict(os.environ, WCIF_CACHE_DIR=str(tmp_path / "缓存 目录"), WCIF_DATA_DIR=str(tmp_path / "数据"))
    cmd = [sys.executable, "-m", "wcif_desktop", "report", str(sample_path), "-o", str(tmp_path / "报告 1.pdf"),
           "--no-keep"]
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    [cache] = _cache_files(tmp_path)
    before = (cache.stat().st_mtime_ns, cache.read_bytes())
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    assert (cache.stat().st_mtime_ns, cache.read_bytes()) == before


# A cache file holding other versions' entries, more than the limit: the process that writes keeps what it used.
OVERFLOW = r"""
import dataclasses, json, marshal, sys
from wcif_desktop import codecache
path = codecache._cache_file()
path.parent.mkdir(parents=True, exist_ok=True)
stale = {f"def old{k}(): return {k}": marshal.dumps(compile(f"def old{k}(): return {k}", "<string>", "exec"))
         for k in range(5)}
path.write_bytes(marshal.dumps(stale))
path.with_name(path.name.replace("-v2.", "-v1.")).write_bytes(b"an older layout")
codecache._MAX_ENTRIES = 6
codecache.install()

@dataclasses.dataclass
class Point:
    x: int
    y: int = 0

codecache._save()
kept = marshal.loads(path.read_bytes())
print(json.dumps({"sources": sorted(kept), "values": sorted({type(v).__name__ for v in kept.values()}),
                  "point": repr(Point(1)), "v1": path.with_name(path.name.replace("-v2.", "-v1.")).exists()}))
"""


def test_a_cache_past_its_limit_keeps_what_the_process_used_and_the_older_layout_goes(tmp_path):
    env = dict(os.environ, WCIF_CACHE_DIR=str(tmp_path / "缓存 目录"), WCIF_DATA_DIR=str(tmp_path / "数据"))
    r = subprocess.run([sys.executable, "-c", OVERFLOW], capture_output=True, text=True, encoding="utf-8", env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["point"] == "Point(x=1, y=0)"
    assert out["sources"] and not any(s.startswith("def old") for s in out["sources"])  # the stale entries went
    assert any("__init__" in s for s in out["sources"])  # Point's methods, compiled here, were written
    assert out["values"] == ["bytes"]  # each entry marshalled on its own
    assert out["v1"] is False
