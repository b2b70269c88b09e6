"""Fixtures for the review tests: the sample evaluation with the fund's request list."""

from __future__ import annotations

import pytest


@pytest.fixture
def ef(bare_sample_file):
    """The sample evaluation without its review records (4 team members, indicator tree) with the request list
    built on 2022-04-01."""
    from wcif_desktop.services.review import add_request_list_from_template

    add_request_list_from_template(bare_sample_file, "2022-04-01")
    return bare_sample_file


@pytest.fixture
def members(ef):
    """name → TeamMember of the sample team (王建国 组长, 李晓梅 成员, 张志强 专家, 赵丽 复核人)."""
    from wcif_desktop.services.plan import team

    return {m.name: m for m in team(ef)}


class Recorder:
    """A Progress that records calls and cancels after ``cancel_after`` calls (None: never)."""

    def __init__(self, cancel_after=None, on_set=None):
        self.calls = []
        self.cancel_after = cancel_after
        self.on_set = on_set

    def set(self, done, total, label=""):
        self.calls.append((done, total, label))
        if self.on_set:
            self.on_set(done, total, label)

    def cancelled(self):
        return self.cancel_after is not None and len(self.calls) >= self.cancel_after


@pytest.fixture
def recorder():
    return Recorder
