#!/usr/bin/env bash
# Renders the README's picture of a reviewed draft: the Word version of examples/maca-report-poor.md
# (as LibreOffice writes it) reviewed, laid out by LibreOffice as PDF with its comments, first page
# as PNG. Needs soffice (libreoffice-writer-nogui) and pdftoppm (poppler-utils). LibreOffice 7.5 and
# later put the comments in the margin; 7.4 (Debian 12) marks each one where it is anchored.
#   bash scripts/review-picture.sh      writes docs/images/review-word.png
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
for tool in soffice pdftoppm node; do
  command -v "$tool" >/dev/null || { echo "review-picture: $tool is not installed" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$root" && npm run build --silent)
cp "$root/test/fixtures/docx/libreoffice/maca-report-poor.docx" "$work/draft.docx"
node "$root/dist/cli.js" review "$work/draft.docx" >/dev/null 2>&1 || [[ $? -eq 1 ]]
soffice --headless --convert-to 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}' \
  --outdir "$work" "$work/draft.reviewed.docx" >/dev/null 2>&1
mkdir -p "$root/docs/images"
# The top of the first page: the title, the introduction, the methodology and the findings.
pdftoppm -png -r 80 -f 1 -l 1 -x 0 -y 0 -W 662 -H 520 -singlefile "$work/draft.reviewed.pdf" "$root/docs/images/review-word" 2>/dev/null
echo "wrote docs/images/review-word.png"
