"""A 200 MB evidence file is added and extracted in a child process while its peak memory stays far below.

The child's peak is read from ``/proc/self/status`` (VmHWM) where it exists: on Linux ``ru_maxrss`` survives
fork+exec, so a child of the (large) pytest process would report the parent's peak, not its own. Elsewhere
``resource.getrusage(RUSAGE_SELF).ru_maxrss`` is used.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap

import pytest

SIZE = 200 * 1024 * 1024

CHILD = textwrap.dedent("""
    import json, resource, sys, time

    def peak_kib():
        try:
            with open("/proc/self/status") as fh:
                for line in fh:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            pass
        r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return r // 1024 if sys.platform == "darwin" else r  # bytes on macOS, KiB on Linux/BSD

    from wcif_desktop.store.db import EvaluationFile
    from wcif_desktop.services.evidence import add_evidence, extract_evidence

    class Count:
        calls = 0
        def set(self, done, total, label=""):
            Count.calls += 1
        def cancelled(self):
            return False

    wcif, src, out = sys.argv[1:4]
    ef = EvaluationFile.open(wcif)
    baseline = peak_kib()
    t = time.perf_counter()
    r = add_evidence(ef, src, progress=Count())
    t_add = time.perf_counter() - t
    t = time.perf_counter()
    extract_evidence(ef, r.evidence.sha256, out)
    t_extract = time.perf_counter() - t
    ef.close()
    print(json.dumps({"sha256": r.evidence.sha256, "size": r.evidence.size, "peak_kib": peak_kib(),
                      "baseline_kib": baseline, "progress_calls": Count.calls,
                      "add_s": round(t_add, 2), "extract_s": round(t_extract, 2)}))
""")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="resource.getrusage is POSIX only")
def test_200mb_file_streams_with_flat_memory(sample_path, workdir):
    src = workdir / "大 扫描件（200MB）.pdf"
    h = hashlib.sha256()
    block = os.urandom(1 << 20)
    with open(src, "wb") as fh:  # generated streaming: 1 MiB at a time, each block made distinct
        for i in range(SIZE >> 20):
            piece = i.to_bytes(4, "big") + block[4:]
            h.update(piece)
            fh.write(piece)
    out = workdir / "导出.pdf"
    env = dict(os.environ, PYTHONPATH=str(__import__("pathlib").Path(__file__).resolve().parents[2]))
    proc = subprocess.run([sys.executable, "-c", CHILD, str(sample_path), str(src), str(out)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    print(result)
    assert result["sha256"] == h.hexdigest() and result["size"] == SIZE
    assert out.stat().st_size == SIZE
    with open(out, "rb") as fh:
        h2 = hashlib.sha256()
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h2.update(chunk)
    assert h2.hexdigest() == h.hexdigest()
    peak_mib, base_mib = result["peak_kib"] / 1024, result["baseline_kib"] / 1024
    # baseline: Python with sqlite-utils (which imports pandas/numpy), about 75 MiB
    assert peak_mib - base_mib < 32, f"memory grew by {peak_mib - base_mib:.0f} MiB for a 200 MiB file"
    assert peak_mib < 130, f"peak memory {peak_mib:.0f} MiB for a 200 MiB file"
    assert result["progress_calls"] >= 400  # two passes of 200 chunks
