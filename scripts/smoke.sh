#!/usr/bin/env bash
# Headless smoke run of an installed WCIF Desktop: write the sample evaluation, a signing identity, the signed
# brief report, verify it, and a screenshot of the main window. Usage: bash scripts/smoke.sh APP OUTDIR
# (APP: the wcif-desktop executable; OUTDIR is created; files already there are reused).
# Exit non-zero when any step fails or the report's signature does not verify.
set -euo pipefail
APP=$1
OUT=$2
mkdir -p "$OUT"
EVAL="$OUT/呼和浩特 2021.wcif"
[ -f "$EVAL" ] || "$APP" sample "$EVAL"
PASS="$OUT/passphrase.txt"
# a demo identity for the sample only; its passphrase file is readable by its owner alone
[ -f "$PASS" ] || (umask 077 && printf 'sample-passphrase' > "$PASS")
[ -f "$OUT/signer.p12" ] || "$APP" identity "$OUT/signer.p12" --name "王建国" --org "内蒙古鑫方圆会计师事务有限公司" --passphrase-file "$PASS"
"$APP" report "$EVAL" -o "$OUT/简版报告.pdf" --template brief --sign "$OUT/signer.p12" --passphrase-file "$PASS"
"$APP" verify "$OUT/简版报告.pdf"
QT_QPA_PLATFORM=offscreen "$APP" "$EVAL" --screenshot "$OUT/main-window.png" --step 指标评分
# the screenshot is a real PNG of a real window, not an empty file
head -c 8 "$OUT/main-window.png" | od -An -tx1 | tr -d ' \n' | grep -q '^89504e470d0a1a0a$'
[ "$(wc -c < "$OUT/main-window.png")" -gt 20000 ]
echo "完成（Done）：$OUT"
