"""While a worker task runs, Python's cyclic garbage collector runs on the UI thread only: a collection that
starts in the worker could destroy Qt objects of the UI thread there and crash (seen in CI as a segfault
"Garbage-collecting" inside a report worker)."""

from __future__ import annotations

import gc
import threading

from wcif_desktop.ui.workers import Task


class _Cycle:
    finalized_in: list[str] = []

    def __init__(self):
        self.me = self

    def __del__(self):
        _Cycle.finalized_in.append(threading.current_thread().name)


def test_cyclic_garbage_of_a_worker_is_collected_on_the_ui_thread(qtbot):
    assert gc.isenabled()
    seen = {}

    def work(progress):
        seen["gc_enabled_in_worker"] = gc.isenabled()
        _Cycle()  # unreachable at once, but only the cyclic collector can free it
        junk = [[] for _ in range(50_000)]  # enough allocations to trigger an automatic collection here
        del junk
        return "ok"

    _Cycle.finalized_in.clear()
    task = Task(work)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.start()
    qtbot.waitUntil(lambda: gc.isenabled(), timeout=5_000)  # re-enabled once the task has ended
    assert task.result == "ok" and seen["gc_enabled_in_worker"] is False
    assert _Cycle.finalized_in == [threading.main_thread().name]
