"""Issue 20: the Windows build, checked on Linux — spec options (windowed GUI program, console CLI program, icon,
version resource), the Inno Setup script (per user, .wcif association, Start menu, clean uninstall, file list
matching the bundle layout), the icon and the version resource."""

from __future__ import annotations

import re
import struct
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import windows  # noqa: E402  (packaging/windows.py)

ISS = ROOT / "packaging" / "wcif-desktop.iss"


def _iss_sections() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    cur = ""
    for line in ISS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            cur = m.group(1)
            continue
        out.setdefault(cur, []).append(line)
    return out


def _defines() -> dict[str, str]:
    return dict(re.findall(r'#define (\w+) "([^"]*)"', ISS.read_text(encoding="utf-8")))


def _expand(text: str) -> str:
    d = _defines()
    return re.sub(r"\{#(\w+)\}", lambda m: d[m.group(1)], text)


def _unquote(v: str) -> str:
    """Inno Setup's quoting: "…" around a value, "" for one quote inside."""
    return v[1:-1].replace('""', '"') if len(v) >= 2 and v[0] == v[-1] == '"' else v


def _entries(section: str) -> list[dict[str, str]]:
    rows = []
    for line in _iss_sections()[section]:
        parts = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]+)', line)
        rows.append({k: _expand(_unquote(v.strip())) for k, v in parts})
    return rows


def test_spec_builds_a_windowed_program_and_a_console_cli_on_windows(tmp_path):
    win = windows.exe_options("win32", tmp_path)
    assert [(o["name"], o["console"]) for o in win] == [("wcif-desktop", False), ("wcif-desktop-cli", True)]
    assert all(o["icon"] == str(windows.ICON_ICO) and Path(o["version"]).is_file() for o in win)
    linux = windows.exe_options("linux", tmp_path)
    assert [(o["name"], o["console"], o["icon"], o["version"]) for o in linux] == [("wcif-desktop", True, None, None)]
    spec = (ROOT / "packaging" / "wcif_desktop.spec").read_text(encoding="utf-8")
    assert "exe_options(sys.platform" in spec and "console=opts[\"console\"]" in spec
    assert "icon=opts[\"icon\"]" in spec and "version=opts[\"version\"]" in spec
    assert "console=True" not in spec


def test_version_resource_comes_from_pyproject(tmp_path):
    with open(ROOT / "pyproject.toml", "rb") as fh:
        data = tomllib.load(fh)
    text = windows.version_info_text(original_filename="wcif-desktop.exe")

    class Rec:  # the constructors PyInstaller's load_version_info_from_text_file evaluates the text with
        def __init__(self, *args, **kwargs):
            self.args, self.kwargs = args, kwargs

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct")
    info = eval(text, {n: type(n, (Rec,), {}) for n in names})  # noqa: S307 - our own generated text
    version = data["project"]["version"]
    assert info.kwargs["ffi"].kwargs["filevers"] == windows.version_tuple(version) == (0, 1, 0, 0)
    table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductName"] == data["tool"]["wcif-desktop"]["windows"]["product"] == "WCIF Desktop"
    assert strings["CompanyName"] == data["tool"]["wcif-desktop"]["windows"]["company"]
    assert strings["FileVersion"] == strings["ProductVersion"] == version
    assert strings["OriginalFilename"] == "wcif-desktop.exe"
    with pytest.raises(ValueError):
        windows.version_tuple("1.70000.0")


def test_icon_files_are_valid():
    ico = windows.ICON_ICO.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = set()
    for i in range(count):
        w, h, _c, _r, _planes, _bpp, size, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i: 22 + 16 * i])
        assert ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + size <= len(ico)
        sizes.add(w or 256)
    assert {16, 32, 48, 256} <= sizes
    from PySide6.QtGui import QImage

    png = QImage(str(windows.ICON_PNG))
    assert (png.width(), png.height()) == (256, 256) and png.hasAlphaChannel()
    assert png.pixelColor(0, 0).alpha() == 0 and png.pixelColor(128, 128).alpha() == 255


def test_installer_is_per_user_and_registers_wcif():
    setup = dict(line.split("=", 1) for line in _iss_sections()["Setup"])
    assert setup["PrivilegesRequired"] == "lowest" and "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith("{autopf}") and setup["ChangesAssociations"] == "yes"
    assert setup["SetupIconFile"] == "wcif-desktop.ico" and (ISS.parent / setup["SetupIconFile"]).is_file()
    assert (ISS.parent / setup["LicenseFile"].replace("\\", "/")).is_file()
    reg = _entries("Registry")
    assert all(r["Root"] == "HKA" for r in reg)  # HKCU when installed without admin rights
    by_key = {(r["Subkey"], r["ValueName"]): r for r in reg}
    assert by_key[("Software\\Classes\\.wcif", "")]["ValueData"] == "WCIFDesktop.Evaluation"
    cmd = by_key[("Software\\Classes\\WCIFDesktop.Evaluation\\shell\\open\\command", "")]["ValueData"]
    assert cmd == '"{app}\\wcif-desktop.exe" "%1"'  # double-click: the program gets the file's path
    assert "uninsdeletekey" in by_key[("Software\\Classes\\WCIFDesktop.Evaluation", "")]["Flags"]
    assert "uninsdeletevalue" in by_key[("Software\\Classes\\.wcif", "")]["Flags"]
    icons = _entries("Icons")
    assert icons[0]["Name"] == "{autoprograms}\\WCIF Desktop" and icons[0]["Filename"] == "{app}\\wcif-desktop.exe"
    assert any(r["Name"] == "{app}\\_internal" for r in _entries("UninstallDelete"))


def iss_files(platform_exe_suffix: str = ".exe") -> tuple[list[str], list[str]]:
    """(programs, folders) the installer copies, relative to the bundle folder."""
    exes, dirs = [], []
    for row in _entries("Files"):
        src = row["Source"]
        assert src.startswith("..\\dist\\wcif-desktop\\"), src
        rel = src[len("..\\dist\\wcif-desktop\\"):]
        if rel.endswith("\\*"):
            assert "recursesubdirs" in row["Flags"]
            dirs.append(rel[:-2])
        else:
            exes.append(rel)
    return exes, dirs


def test_installer_file_list_matches_the_spec():
    exes, dirs = iss_files()
    assert exes == [f"{o['name']}.exe" for o in windows.executables("win32")]
    assert dirs == [windows.CONTENTS_DIR]


@pytest.mark.slow
def test_installer_file_list_matches_the_built_bundle(bundle_exe):
    """The Linux bundle has the layout the Windows one has (one program per executables() entry, everything else
    in _internal/): what the installer copies exists, and nothing else is at the top level."""
    folder = bundle_exe.parent
    exes, dirs = iss_files()
    linux_exes = {o["name"] for o in windows.executables(sys.platform)}
    top = {p.name for p in folder.iterdir()}
    assert top == linux_exes | set(dirs)
    assert {e.removesuffix(".exe") for e in exes} >= linux_exes
    internal = folder / windows.CONTENTS_DIR
    for must in ("resources/licenses/THIRD-PARTY-NOTICES.md", "resources/fonts/LICENSE-ARPHIC.txt",
                 "resources/fonts/CHANGES-uming.txt", "resources/icons/wcif-desktop.png", "resources/user-guide.md",
                 "docxtpl/__init__.py", "docxtpl/template.py"):
        assert (internal / must).is_file(), must
    from fontTools.ttLib import TTCollection

    face = TTCollection(str(internal / "resources/fonts/uming.ttc")).fonts[0]
    assert "Modified" in str(face["name"].getName(10, 3, 1, 0x409))
