import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import { summariseProgramme } from '../../server/src/core/programme';
import { programmeCsv, renderProgrammeHtml } from '../../server/src/formats/summary';

const settings = resolveSettings(undefined, '(defaults)');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'summary');
const summary = summariseProgramme(
  fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => ({ file, result: lint(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), settings), settings })),
  { today: '2026-12-07' },
);
const page = fromHtml(renderProgrammeHtml(summary));

function elements(root: Root | Element, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(root, 'element', (node: Element) => {
    if (test(node)) found.push(node);
  });
  return found;
}

/** The section whose heading has this id, and the text of each row of its tables' bodies. */
function sectionRows(id: string): string[][] {
  const [section] = elements(page, (e) => e.tagName === 'section' && e.properties.ariaLabelledBy?.toString() === id);
  expect(section, `section ${id}`).toBeDefined();
  const bodies = elements(section, (e) => e.tagName === 'tbody');
  return bodies.flatMap((body) => elements(body, (e) => e.tagName === 'tr').map((row) => elements(row, (e) => e.tagName === 'td' || e.tagName === 'th').map((cell) => toText(cell).trim())));
}

describe('the programme page', () => {
  it('lists the overdue actions by owner, each once, and no other', () => {
    const rows = sectionRows('glance').filter((row) => row.length === 4);
    const overdue = summary.actions.filter((a) => a.status === 'overdue');
    expect(rows.map((row) => row[1]).sort()).toEqual(overdue.map((a) => a.text).sort());
    // Owners with the most overdue actions first; among equals, in the order of the reports.
    expect(rows.map((row) => row[0])).toEqual(['Midwifery', 'Health Visiting Service', "Head of Service, Children's Social Care"]);
  });

  it('counts actions by status in its chart data', () => {
    const counts = Object.fromEntries(sectionRows('glance').filter((row) => row.length === 2).map(([status, n]) => [status, Number(n)]));
    expect(counts).toEqual({ Overdue: 3, 'Due soon': 3, Later: 3, 'No date': 5, Done: 4 });
  });

  it('lists re-audits apart, and the deadlines it could not read with the reason', () => {
    expect(sectionRows('reaudits').map((row) => row[0])).toEqual(summary.actions.filter((a) => a.reaudit).map((a) => a.text));
    const unread = sectionRows('unread');
    expect(unread.map((row) => row[2])).toEqual([
      '"31/13/2026" is not a day of the calendar (UK dates are day/month/year)',
      '"by March" has no year',
      '"Q3 2026" could be a calendar or a financial quarter',
      '"within 6 months" counts from the report\'s date, and the report has none',
    ]);
  });

  it('shows every action once by owner and once by report, with its status in words and its progress as written', () => {
    for (const id of ['by-owner', 'by-report']) {
      const rows = sectionRows(id);
      expect(rows).toHaveLength(summary.actions.length);
      expect(rows.map((row) => row.find((cell) => /^(Overdue|Due soon|Later|No date|Done)/.test(cell))).sort()).toEqual(
        summary.actions
          .map((a) => ({ overdue: 'Overdue', 'due-soon': 'Due soon', later: 'Later', 'no-date': 'No date', done: 'Done' })[a.status] + (a.progress && a.status !== 'done' ? ` (${a.progress})` : ''))
          .sort(),
      );
    }
  });

  it('has each theme with its audits and years', () => {
    expect(sectionRows('themes').filter((row) => row.length === 4).map((row) => row.slice(0, 3))).toEqual(
      summary.themes.map((t) => [t.label, String(t.reports.length), t.years.length === 0 ? 'no dated report' : t.years.length === 1 ? String(t.years[0]) : `${t.years[0]}–${t.years[t.years.length - 1]}`]),
    );
  });

  it("escapes a report's words, in the page and in CSV", () => {
    const text = '# Audit of 5 < 10 & more\n\n## Actions\n\n- The Police will check 10 "<5" cases & more by 31 March 2027, so that children are safer.\n';
    const one = summariseProgramme([{ file: 'a&b.md', result: lint(text, settings), settings }], { today: '2026-12-07' });
    const html = renderProgrammeHtml(one);
    expect(html).toContain('<h3>Audit of 5 &lt; 10 &amp; more</h3>');
    expect(html).toContain('<td>The Police will check 10 &quot;&lt;5&quot; cases &amp; more by 31 March 2027, so that children are safer.</td>');
    expect(programmeCsv(one).split('\r\n')[1]).toMatch(/^a&b\.md,5,"The Police will check 10 ""<5"" cases & more by 31 March 2027, so that children are safer\.",/);
  });
});
