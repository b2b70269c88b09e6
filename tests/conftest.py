"""Shared fixtures. Qt runs offscreen; every test gets fresh files under a folder with Chinese and spaces."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WCIF_USER", "测试员")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory, monkeypatch):
    """Keep settings, logs and libraries out of the real user folder."""
    data = tmp_path_factory.mktemp("用户 数据")
    monkeypatch.setenv("WCIF_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    yield


@pytest.fixture
def workdir(tmp_path) -> Path:
    """A fresh folder whose name has Chinese characters and a space."""
    d = tmp_path / "评价 文件"
    d.mkdir()
    return d


@pytest.fixture(scope="session")
def _sample_master(tmp_path_factory) -> Path:
    from wcif_desktop.services.sample import write_sample

    return write_sample(tmp_path_factory.mktemp("样例 master") / "呼和浩特 2021.wcif")


@pytest.fixture
def sample_path(_sample_master, workdir) -> Path:
    """A fresh copy of the bundled sample evaluation (built once per session, copied per test)."""
    dest = workdir / "呼和浩特 2021.wcif"
    shutil.copy2(_sample_master, dest)
    return dest


@pytest.fixture(scope="session")
def _bare_sample_master(tmp_path_factory) -> Path:
    from wcif_desktop.services.sample import write_sample

    return write_sample(tmp_path_factory.mktemp("样例 bare") / "呼和浩特 2021 基础.wcif", whole=False)


@pytest.fixture
def bare_sample_path(_bare_sample_master, workdir) -> Path:
    """The sample with only the seed report's content (facts, team, totals, targets, framework and scores,
    narratives, findings): no plan, declarations, request list, evidence, papers, interviews, surveys, statement
    detail or business data — for tests that build those from scratch (issue 18)."""
    dest = workdir / "呼和浩特 2021.wcif"
    shutil.copy2(_bare_sample_master, dest)
    return dest


@pytest.fixture
def bare_sample_file(bare_sample_path):
    """The bare sample (:func:`bare_sample_path`), opened; closed after the test."""
    from wcif_desktop.store.db import EvaluationFile

    ef = EvaluationFile.open(bare_sample_path)
    yield ef
    ef.close()


@pytest.fixture
def sample_file(sample_path):
    """The sample evaluation, opened; closed after the test."""
    from wcif_desktop.store.db import EvaluationFile

    ef = EvaluationFile.open(sample_path)
    yield ef
    ef.close()


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    """Record QMessageBox warnings/information/critical texts instead of showing them (GUI tests must not block).

    tests/ui and tests/scoring override it to also answer the lock prompt / questions.
    """
    from PySide6.QtWidgets import QMessageBox

    seen: list[str] = []

    def record(parent, title, text, *a, **k):
        seen.append(str(text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return seen


@pytest.fixture
def shared_dir() -> Path:
    """The project's shared/ folder (seed report, cases). Tests needing it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("shared/ folder not present beside the repository")
    return SHARED


def ready_for_final(path) -> None:
    """Give every level-3 indicator of the evaluation at ``path`` a basis (评价情况) and settle the findings, so
    its readiness check lists no error (the report is no draft and may be signed final)."""
    from wcif_desktop.domain.scoring import sheet_for
    from wcif_desktop.services.evaluation import load_snapshot
    from wcif_desktop.services.report_state import readiness_of
    from wcif_desktop.services.scoring import set_finding
    from wcif_desktop.store.db import EvaluationFile

    with EvaluationFile.open(path) as ef:
        for leaf in sheet_for(load_snapshot(ef)).leaves():
            ind = leaf.indicator
            if not (ind.finding or "").strip():
                set_finding(ef, ind.id, f"评价组核查{ind.name}相关资料，实际完成情况与得分{ind.score}分相符")
        left = [i for i in readiness_of(ef) if i.severity == "错误"]
    assert not left, [str(i.message) for i in left]


@pytest.fixture
def make_ready():
    """:func:`ready_for_final` as a fixture."""
    return ready_for_final
