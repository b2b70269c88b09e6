# Build the Windows bundle and installer (run in PowerShell from the repository root on Windows 10/11 x64).
# Needs Python >= 3.10 (64-bit) and Inno Setup 6 (iscc.exe on PATH or in its default folder). See docs/windows-build.md.
$ErrorActionPreference = "Stop"
py -m venv .venv-win
.\.venv-win\Scripts\python -m pip install --upgrade pip
.\.venv-win\Scripts\pip install -e ".[build]"
.\.venv-win\Scripts\python -m PyInstaller --noconfirm packaging\wcif_desktop.spec
$version = (.\.venv-win\Scripts\python -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])").Trim()
$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\wcif-desktop.iss
Write-Host "dist\wcif-desktop\ (bundle) and dist\wcif-desktop-$version-setup.exe (installer)"
