#!/usr/bin/env bash
# Install the system libraries Qt (PySide6) needs, plus Xvfb and poppler-utils, on Debian/Ubuntu.
# Does nothing when they are present already or when apt-get is not available (e.g. Windows, macOS).
set -euo pipefail
command -v apt-get >/dev/null 2>&1 || exit 0
PKGS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 libnss3 xvfb xauth poppler-utils
 icu-devtools binutils"
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
[ -z "$missing" ] && exit 0
SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
echo "Installing system libraries for Qt:$missing"
$SUDO apt-get update -qq || true
# libasound2 was renamed libasound2t64 on newer releases; neither is essential.
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
