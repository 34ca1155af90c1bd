/**
 * The web page's stylesheet, inlined so the page is one self-contained file. Colours meet WCAG 2.2
 * AA contrast on white; focus is a thick yellow and black outline that shows on any background.
 */
export const PAGE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 1.1875rem; line-height: 1.5; color: #0b0c0c; background: #ffffff; }
a { color: #1d70b8; text-decoration-thickness: max(1px, .0625rem); text-underline-offset: .15em; }
a:visited { color: #4c2c92; }
a:hover { color: #003078; text-decoration-thickness: max(3px, .1875rem); }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; background: #ffdd00; color: #0b0c0c; box-shadow: 0 4px #0b0c0c; text-decoration: none; }
main:focus-visible { background: none; box-shadow: none; outline: none; }
.skip-link { position: absolute; left: 1rem; top: -10rem; padding: .5rem 1rem; background: #ffdd00; color: #0b0c0c; z-index: 1; }
.skip-link:focus, .skip-link:focus-visible { top: 1rem; }
.masthead { border-bottom: 10px solid #1d70b8; background: #0b0c0c; color: #ffffff; }
.masthead p { margin: 0 auto; max-width: 44rem; padding: .75rem 1rem; font-weight: 700; }
main { display: block; margin: 0 auto; max-width: 44rem; padding: 1rem 1rem 3rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.5em 0 .5em; }
h1 { font-size: 2.25rem; margin-top: .5em; }
h2 { font-size: 1.6rem; }
h3 { font-size: 1.3rem; }
h4, h5, h6 { font-size: 1.1875rem; }
p, ul, ol, table, pre, blockquote { margin: 0 0 1rem; }
li { margin-bottom: .35rem; }
li > p { margin-bottom: .35rem; }
blockquote { margin-left: 0; padding: .25rem 0 .25rem 1rem; border-left: 5px solid #b1b4b6; }
code, pre { font-family: Consolas, "Courier New", monospace; font-size: .9em; }
pre { padding: .75rem; overflow-x: auto; background: #f3f2f1; white-space: pre-wrap; }
hr { border: 0; border-top: 1px solid #b1b4b6; margin: 2rem 0; }
img { max-width: 100%; height: auto; }
table { width: 100%; border-collapse: collapse; font-size: 1rem; }
th, td { padding: .5rem; border: 1px solid #505a5f; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #f3f2f1; }
.footnotes { margin-top: 2rem; border-top: 1px solid #b1b4b6; font-size: 1rem; }
.footnotes h2 { font-size: 1.3rem; }
sup a { padding: 0 .1em; }

/* The seven-minute briefing: the title and one panel per part, in reading order. */
.briefing main, .briefing .masthead p { max-width: 80rem; }
.panels { display: grid; gap: 1rem; grid-template-columns: 1fr; }
.panel, .briefing-title { padding: 1rem; border: 2px solid #1d70b8; border-radius: 4px; min-width: 0; }
.briefing-title { background: #1d70b8; color: #ffffff; border-color: #1d70b8; }
.briefing-title a { color: #ffffff; }
.briefing-title h1 { margin: 0 0 .5rem; font-size: 1.75rem; }
.panel h2 { display: flex; gap: .6rem; align-items: baseline; margin: 0 0 .75rem; font-size: 1.3rem; }
.panel-number { flex: none; display: inline-block; min-width: 2.2rem; padding: .15rem .5rem; border-radius: 1.1rem; background: #1d70b8; color: #ffffff; text-align: center; }
.panel h3 { font-size: 1.1875rem; margin-top: 1rem; }
.panel > :last-child, .briefing-title > :last-child { margin-bottom: 0; }
@media (min-width: 40rem) { .panels { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media (min-width: 70rem) { .panels { grid-template-columns: repeat(4, minmax(0, 1fr)); } }

@media print {
  @page { size: A4; margin: 15mm; }
  body { font-size: 11pt; }
  .skip-link { display: none; }
  .masthead { background: none; color: #0b0c0c; border-bottom: 3pt solid #0b0c0c; }
  main { max-width: none; padding: 0; }
  a, a:visited { color: #0b0c0c; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; overflow-wrap: anywhere; }
  h1, h2, h3, h4 { break-after: avoid; }
  table, tr, img, blockquote, pre { break-inside: avoid; }
  thead { display: table-header-group; }
  .briefing body, body.briefing { font-size: 8.5pt; line-height: 1.3; }
  .briefing .masthead p { padding: 0 0 2pt; }
  .briefing main { padding: 0; }
  .briefing .panels { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 3mm; }
  .briefing .panel, .briefing .briefing-title { padding: 2.5mm 3mm; break-inside: avoid; }
  .briefing .briefing-title { background: none; color: #0b0c0c; border-color: #0b0c0c; }
  .briefing .briefing-title h1 { font-size: 15pt; }
  .briefing .panel h2 { font-size: 10.5pt; margin-bottom: 1.5mm; }
  .briefing .panel-number { background: none; color: #0b0c0c; border: 1.5pt solid #0b0c0c; min-width: 0; padding: 0 .4em; }
  .briefing p, .briefing ul, .briefing ol { margin-bottom: 1.5mm; }
  .briefing li { margin-bottom: .5mm; }
  .briefing .footnotes { margin-top: 3mm; font-size: 7.5pt; }
}
`;
