#!/usr/bin/env bash
# Checks the exported Word documents with real readers, which npm test does not need: LibreOffice
# converts each to PDF (pages as PNG, to look at), and pandoc reads each back with every word of the
# report present. Needs soffice (libreoffice-writer-nogui), pdftoppm (poppler-utils) and pandoc.
#   bash scripts/check-export.sh [OUT_DIR]      (default: test/artifacts/export-check)
#   SCREENSHOTS=1 also refreshes the README's pictures in docs/images/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/test/artifacts/export-check}"
for tool in soffice pdftoppm pandoc node; do
  command -v "$tool" >/dev/null || { echo "check-export: $tool is not installed" >&2; exit 2; }
done
mkdir -p "$out"
(cd "$root" && npm run build --silent)

reports=("$root"/examples/*.md "$root"/test/fixtures/export/*.md)
failed=0
for report in "${reports[@]}"; do
  name="$(basename "$report" .md)"
  # Reports beside their images; the poor examples are forced past their placeholders.
  node "$root/dist/cli.js" export "$report" --to docx -o "$out/$name.docx" --force >/dev/null 2>&1
  node "$root/dist/cli.js" export "$report" --to html -o "$out/$name.html" --force >/dev/null 2>&1
  # A word processor opens it: LibreOffice lays it out as PDF, the first page as a picture.
  soffice --headless --convert-to pdf --outdir "$out" "$out/$name.docx" >/dev/null 2>&1
  pages="$(pdfinfo "$out/$name.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
  pdftoppm -png -r 60 -f 1 -l 1 "$out/$name.pdf" "$out/$name-page"
  # pandoc reads it back: every word of the report's text is there.
  missing="$(node "$root/scripts/missing-words.mjs" "$report" <(pandoc -f docx -t plain --wrap=none "$out/$name.docx"))"
  if [[ -n "$missing" ]]; then
    echo "FAIL $name: words missing in pandoc's reading: $missing"
    failed=1
  else
    echo "ok   $name: ${pages:-?} page(s) in LibreOffice, every word read back by pandoc"
  fi
done

if [[ "${SCREENSHOTS:-}" == 1 ]]; then
  mkdir -p "$root/docs/images"
  pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$out/maca-report-good.pdf" "$root/docs/images/export-word"
  node "$root/scripts/screenshot-page.mjs" "$out/seven-minute-briefing.html" "$root/docs/images/export-web-page.png"
  echo "README pictures written to docs/images/"
fi
exit "$failed"
