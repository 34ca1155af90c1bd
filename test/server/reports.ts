/** Audit reports the server tests open. */

export const POOR_REPORT = `# Neglect multi-agency case audit

## Background

The LSCP asked the MASH to look at neglect. CAMHS were involved in some cases.

## Findings

Plans were not shared. Overall practice was graded "Good" and in one case "adequate".
For more detail [click here](https://example.org/report).

## Actions

- All agencies to ensure timely information sharing.
- Consider the use of chronologies where possible.
`;

/** Lines of POOR_REPORT, 0-based, for positions. */
export const LINE = {
  title: 0,
  background: 2,
  acronyms: 4,
  findings: 6,
  graded: 8,
  clickHere: 9,
  actions: 11,
  firstAction: 13,
  secondAction: 14,
};

export function lineAndColumn(text: string, needle: string, from = 0): { line: number; character: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}
