#!/bin/sh
# Converts a workbook to PDF with LibreOffice (headless), then each page to
# PNG with pdftoppm, to look at how the report workbook prints.
#
#   scripts/xlsx-to-pdf.sh FILE.xlsx [OUTDIR]     (default OUTDIR: target/xlsx-pdf)
#
# Needs: soffice (Debian: libreoffice-calc), pdftoppm (poppler-utils), and a
# CJK font (fonts-noto-cjk) so that Chinese text renders.
#
# Make the report workbook of the sample first:
#   cargo run --example make_workbook -- --report examples/data/sample.json target/报告.xlsx
set -eu
in=${1:?usage: scripts/xlsx-to-pdf.sh FILE.xlsx [OUTDIR]}
out=${2:-target/xlsx-pdf}
command -v soffice >/dev/null || { echo "soffice not found: apt-get install libreoffice-calc" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install poppler-utils" >&2; exit 2; }
mkdir -p "$out"
# A private profile, so a running LibreOffice (or a stale lock) does not interfere.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --norestore \
    --convert-to pdf --outdir "$out" "$in" >/dev/null 2>&1
base=$(basename "$in")
pdf="$out/${base%.*}.pdf"
[ -s "$pdf" ] || { echo "conversion failed: no $pdf" >&2; exit 1; }
rm -f "$out/${base%.*}"-*.png
pdftoppm -png -r 70 "$pdf" "$out/${base%.*}"
echo "$pdf"
ls "$out/${base%.*}"-*.png
