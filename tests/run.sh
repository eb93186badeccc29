#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine and run it.
# System libraries for Qt's offscreen platform come from apt-get (when run as
# root, or with sudo); Python packages go into .venv beside the project.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-arphic-*/fonts-wqy-microhei (TrueType CJK, which reportlab embeds) and poppler-utils
# (pdftotext) are for the typeset test pages (tests/corpus/typeset.py)
QT_DEBS="libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-noto-cjk
    fonts-arphic-uming fonts-arphic-ukai fonts-wqy-microhei poppler-utils"
missing=""
for p in $QT_DEBS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "installing system libraries:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
