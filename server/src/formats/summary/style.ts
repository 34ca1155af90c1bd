/**
 * The summary page's stylesheet, inlined so the page is one file. Colours meet WCAG 2.2 AA contrast
 * on white; status is written in words, and colour only repeats it.
 */
export const SUMMARY_CSS = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 1rem; line-height: 1.45; color: #0b0c0c; background: #ffffff; }
a { color: #1d70b8; }
a:focus-visible { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; box-shadow: 0 4px #0b0c0c; text-decoration: none; }
main:focus-visible { outline: none; }
.skip-link { position: absolute; left: 1rem; top: -10rem; padding: .5rem 1rem; background: #ffdd00; color: #0b0c0c; z-index: 1; }
.skip-link:focus, .skip-link:focus-visible { top: 1rem; }
.masthead { border-bottom: 10px solid #1d70b8; background: #0b0c0c; color: #ffffff; }
.masthead p { margin: 0 auto; max-width: 72rem; padding: .75rem 1rem; font-weight: 700; }
main { display: block; margin: 0 auto; max-width: 72rem; padding: 1rem 1rem 3rem; }
h1, h2, h3 { line-height: 1.25; margin: 1.5em 0 .5em; }
h1 { font-size: 2rem; margin-top: .5em; }
h2 { font-size: 1.5rem; border-top: 2px solid #b1b4b6; padding-top: .75rem; }
h3 { font-size: 1.2rem; }
p, ul, table { margin: 0 0 1rem; }
table { width: 100%; border-collapse: collapse; font-size: .9375rem; }
caption { text-align: left; font-weight: 700; padding: .25rem 0 .5rem; }
th, td { padding: .4rem .5rem; border: 1px solid #505a5f; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: #f3f2f1; }
td.number { text-align: right; white-space: nowrap; }
.counts { display: flex; flex-wrap: wrap; gap: .75rem; padding: 0; list-style: none; }
.counts li { min-width: 8rem; padding: .5rem .75rem; border: 2px solid #1d70b8; border-radius: 4px; }
.counts .count { display: block; font-size: 2rem; font-weight: 700; line-height: 1.1; }
.chart { margin: 0 0 1.5rem; }
.chart figcaption { font-weight: 700; margin-bottom: .5rem; }
.chart-body { display: grid; gap: 1rem; grid-template-columns: 1fr; align-items: start; }
.chart-image svg { max-width: 100%; height: auto; }
@media (min-width: 60rem) { .chart-body { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); } }
.written, .none, .progress { color: #505a5f; }
.status { font-weight: 700; }
.status-overdue { color: #a4200b; }
.status-due-soon { color: #6f4a00; }
.status-done { color: #00703c; }
.tag { display: inline-block; padding: 0 .35rem; border: 1px solid #0b0c0c; border-radius: 3px; font-size: .85em; }
@media print {
  @page { size: A4; margin: 12mm; }
  body { font-size: 9.5pt; }
  .skip-link { display: none; }
  .masthead { background: none; color: #0b0c0c; border-bottom: 2pt solid #0b0c0c; }
  .masthead p, main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  th, td { overflow-wrap: anywhere; padding: .25rem .3rem; }
  thead { display: table-header-group; }
  .chart-body { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
}
`;
