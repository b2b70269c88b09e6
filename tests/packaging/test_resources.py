"""Resources are read through importlib.resources (issue 9), and an installed wheel carries every one of them."""

from __future__ import annotations

import fnmatch
import importlib.resources
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_resource_is_served_by_importlib_resources():
    from wcif_desktop.paths import resource

    via_package = importlib.resources.files("resources").joinpath("sample", "hohhot-2021.toml")
    assert resource("sample", "hohhot-2021.toml") == Path(str(via_package))
    assert resource("sample", "hohhot-2021.toml").read_bytes() == (ROOT / "resources/sample/hohhot-2021.toml").read_bytes()


def test_package_data_declares_every_resource_file():
    """What `pip install .` puts in the wheel: every file under resources/ must match a package-data pattern."""
    with open(ROOT / "pyproject.toml", "rb") as fh:
        conf = tomllib.load(fh)["tool"]["setuptools"]
    assert any(fnmatch.fnmatch("resources.fonts", pat) for pat in conf["packages"]["find"]["include"])
    data = conf["package-data"]
    files = [p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".py"]
    assert len(files) > 10

    def declared(f) -> bool:  # by the package of its folder (resources, resources.fonts …)
        package = ".".join(("resources", *f.parent.parts))
        return any(fnmatch.fnmatch(f.name, pat) for pat in data.get(package, []))

    assert [f.as_posix() for f in files if not declared(f)] == []


def test_resources_found_from_a_chinese_folder_with_spaces(tmp_path):
    """The package and resources copied under a folder named with Chinese characters and spaces, imported from
    there in a fresh interpreter started elsewhere: the sample loads from that copy."""
    import shutil

    base = tmp_path / "安装 目录 (副本)"
    shutil.copytree(ROOT / "wcif_desktop", base / "wcif_desktop", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources", base / "resources", ignore=shutil.ignore_patterns("__pycache__"))
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from wcif_desktop.paths import resource; "
            "p = resource('sample', 'hohhot-2021.toml'); print(p); assert p.is_file()")
    run = subprocess.run([sys.executable, "-c", code, str(base)], cwd=tmp_path, capture_output=True,
                         text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    assert Path(run.stdout.strip()) == base / "resources" / "sample" / "hohhot-2021.toml"


def test_version_constant_agrees_with_pyproject():
    import wcif_desktop

    with open(ROOT / "pyproject.toml", "rb") as fh:
        assert wcif_desktop.__version__ == tomllib.load(fh)["project"]["version"]
