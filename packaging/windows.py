"""Windows build settings of the PyInstaller spec, importable (and tested) on any platform.

- :func:`project` — name, version, company and description from ``pyproject.toml`` (``[project]`` and
  ``[tool.wcif-desktop.windows]``);
- :func:`version_info_text` — the Windows version resource (``VSVersionInfo``) PyInstaller embeds in the .exe
  (``EXE(version=FILE)``): product and file name, version, company, description, copyright;
- :func:`executables` — the two programs of the bundle: ``wcif-desktop.exe`` (windowed: no console window behind
  the GUI) and ``wcif-desktop-cli.exe`` (console: the command line prints to it); elsewhere one program;
- :data:`ICON_ICO` / :data:`ICON_PNG` — the application icon (drawn by ``packaging/make_icon.py``).

``packaging/wcif-desktop.iss`` (Inno Setup) installs what the spec builds; ``tests/packaging`` checks that its file
list matches :func:`executables` and the bundle's ``_internal`` folder.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_ICO = ROOT / "packaging" / "wcif-desktop.ico"
ICON_PNG = ROOT / "resources" / "icons" / "wcif-desktop.png"
CONTENTS_DIR = "_internal"  # PyInstaller >= 6: the one-folder bundle keeps everything but the programs here


def project(root: Path = ROOT) -> dict:
    """``{"name", "version", "description", "company", "product", "copyright"}`` from pyproject.toml."""
    with open(root / "pyproject.toml", "rb") as fh:
        data = tomllib.load(fh)
    p = data["project"]
    win = data.get("tool", {}).get("wcif-desktop", {}).get("windows", {})
    return {"name": p["name"], "version": p["version"], "description": win.get("description", p["name"]),
            "company": win["company"], "product": win["product"],
            "copyright": win.get("copyright", f"© {win['company']}")}


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"0.1.0"`` → ``(0, 1, 0, 0)`` (Windows versions are four 16-bit numbers; a suffix such as ``rc1`` is cut)."""
    import re

    nums = [int(re.match(r"\d+", part).group()) if re.match(r"\d+", part) else 0 for part in version.split(".")[:4]]
    nums += [0] * (4 - len(nums))
    if any(not 0 <= n <= 0xFFFF for n in nums):
        raise ValueError(f"version {version!r} does not fit a Windows version resource")
    return tuple(nums)  # type: ignore[return-value]


def version_info_text(info: dict | None = None, original_filename: str = "wcif-desktop.exe") -> str:
    """The version resource in PyInstaller's text format (``pyi-grab_version`` output). Language: Chinese (PRC,
    0x0804) with Unicode code page 1200."""
    info = info or project()
    v = version_tuple(info["version"])
    strings = [("CompanyName", info["company"]), ("FileDescription", info["description"]),
               ("FileVersion", info["version"]), ("InternalName", info["name"]),
               ("LegalCopyright", info["copyright"]), ("OriginalFilename", original_filename),
               ("ProductName", info["product"]), ("ProductVersion", info["version"])]
    table = ",\n".join(f"          StringStruct({k!r}, {val!r})" for k, val in strings)
    return f"""# UTF-8
# Windows version resource of {original_filename}, generated from pyproject.toml by packaging/windows.py
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={v},
    prodvers={v},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '080404B0',
        [
{table}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""


def executables(platform: str, name: str = "wcif-desktop") -> list[dict]:
    """The programs to build: ``[{"name", "console"}]``. On Windows a windowed GUI program and a console CLI
    program (a windowed program has no stdout, so the CLI needs its own); elsewhere one program (console=True: a
    terminal is only there when started from one)."""
    if platform == "win32":
        return [{"name": name, "console": False}, {"name": f"{name}-cli", "console": True}]
    return [{"name": name, "console": True}]


def exe_options(platform: str, workdir: Path, name: str = "wcif-desktop") -> list[dict]:
    """Keyword arguments for each ``EXE(...)`` of the spec: name, console, icon and (Windows) version file."""
    out = []
    for exe in executables(platform, name):
        opts = dict(exe, icon=None, version=None)
        if platform in ("win32", "darwin"):
            opts["icon"] = str(ICON_ICO)
        if platform == "win32":
            vf = Path(workdir) / f"version-{exe['name']}.txt"
            vf.parent.mkdir(parents=True, exist_ok=True)
            vf.write_text(version_info_text(original_filename=f"{exe['name']}.exe"), encoding="utf-8")
            opts["version"] = str(vf)
        out.append(opts)
    return out
