import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, workspace } from './run';
import type { ActionRow } from '../../server/src/core/action-tracker';

const TABLE_REPORT = `# Neglect audit

## Actions

| Action | Owner | Measure | Due | Outcome for the child |
|---|---|---|---|---|
| Add a "good day" section to the plan template | Head of Service, Children's Social Care | 10 plans dip-sampled | 30 June 2026 | so that each child's plan says what must change |
| Share updated plans with the core group | All agencies | Better sharing | Ongoing | Better working |
`;

const LIST_REPORT = `# Neglect audit

## Key learning

- Schools to review record-keeping.

## Recommendations

1. Consider the use of chronologies.
2. The Quality Assurance Sub-Group will re-audit 6 cases by March 2026, so that each child's plan is known to every agency.
`;

type Row = ActionRow;

const EXPECTED: Row[] = [
  {
    file: 'reports/table.md', line: 7, action: 'Add a "good day" section to the plan template',
    owner: "Head of Service, Children's Social Care", measure: '10 plans dip-sampled', deadline: '30 June 2026',
    outcome: "so that each child's plan says what must change", score: 4, missing: [], learning: false,
  },
  {
    file: 'reports/table.md', line: 8, action: 'Share updated plans with the core group',
    owner: null, measure: null, deadline: null, outcome: null, score: 0, missing: ['owner', 'measure', 'deadline', 'outcome'], learning: false,
  },
  {
    file: 'reports/sub/list.md', line: 5, action: 'Schools to review record-keeping.',
    owner: null, measure: null, deadline: null, outcome: null, score: 0, missing: ['owner', 'measure', 'deadline', 'outcome'], learning: true,
  },
  {
    file: 'reports/sub/list.md', line: 9, action: 'Consider the use of chronologies.',
    owner: null, measure: null, deadline: null, outcome: null, score: 0, missing: ['owner', 'measure', 'deadline', 'outcome'], learning: false,
  },
  {
    file: 'reports/sub/list.md', line: 10,
    action: "The Quality Assurance Sub-Group will re-audit 6 cases by March 2026, so that each child's plan is known to every agency.",
    owner: 'Quality Assurance Sub-Group', measure: 're-audit', deadline: 'by March 2026',
    outcome: "so that each child's plan is known to every agency", score: 4, missing: [], learning: false,
  },
];

/** RFC 4180: quoted fields may hold commas, doubled quotation marks and line breaks; records end CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function setUp(): string {
  dir = workspace({ 'reports/table.md': TABLE_REPORT, 'reports/sub/list.md': LIST_REPORT });
  return dir;
}

describe('actions command', () => {
  it('prints one JSON object with a row per action across a folder of reports', () => {
    const result = runCli(['actions', 'reports', '--format', 'json'], { cwd: setUp() });
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.version).toBe(1);
    const rows = [...report.actions].sort((a: Row, b: Row) => b.file.localeCompare(a.file) || a.line - b.line);
    expect(rows).toEqual(EXPECTED);
  });

  it('writes RFC 4180 CSV: a header, quoted fields with commas and quotation marks, CRLF line ends', () => {
    const result = runCli(['actions', 'reports/table.md', '--format', 'csv'], { cwd: setUp() });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('"Add a ""good day"" section to the plan template"');
    const [header, ...records] = parseCsv(result.stdout);
    expect(header).toEqual(['file', 'line', 'action', 'owner', 'measure', 'deadline', 'outcome', 'score', 'missing', 'learning']);
    const expected = EXPECTED.filter((row) => row.file === 'reports/table.md').map((row) => [
      row.file, String(row.line), row.action, row.owner ?? '', row.measure ?? '', row.deadline ?? '', row.outcome ?? '',
      String(row.score), row.missing.join(' '), String(row.learning),
    ]);
    expect(records).toEqual(expected);
  });

  it('is CSV by default and writes to --output', () => {
    const cwd = setUp();
    const result = runCli(['actions', 'reports/table.md', '--output', 'tracker.csv'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(parseCsv(fs.readFileSync(path.join(cwd, 'tracker.csv'), 'utf8'))).toHaveLength(3);
  });

  it('prints a Markdown table with pipes escaped and the SMART score', () => {
    const result = runCli(['actions', 'reports/sub/list.md', '--format', 'markdown'], { cwd: setUp() });
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('| File | Line | Action | Owner | Measure | Deadline | Outcome | SMART |');
    const rows = lines.slice(2).map((line) => line.slice(2, -2).split(' | '));
    expect(rows.map((cells) => [cells[0], cells[1], cells[7]])).toEqual([
      ['reports/sub/list.md', '5', '0/4'],
      ['reports/sub/list.md', '9', '0/4'],
      ['reports/sub/list.md', '10', '4/4'],
    ]);
    expect(rows[0][2]).toBe('Schools to review record-keeping. (learning point)');
    expect(rows[2][3]).toBe('Quality Assurance Sub-Group');
  });

  it('fails with exit code 2 on a bad format, no paths, or an unreadable file, writing nothing', () => {
    const cwd = setUp();
    for (const args of [['actions', 'reports', '--format', 'sarif'], ['actions'], ['actions', 'missing.md']]) {
      const result = runCli(args, { cwd });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/audit-lint/);
    }
  });
});
