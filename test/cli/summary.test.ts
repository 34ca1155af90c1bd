import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgrammeSummary } from '../../server/src/core/programme';
import { repoRoot, runCli, temporaryWorkspaces } from './run';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'summary');
const files = () => Object.fromEntries(fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).map((f) => [`reports/${f}`, fs.readFileSync(path.join(FIXTURES, f), 'utf8')]));
const makeWorkspace = temporaryWorkspaces();

describe('audit-lint summary', () => {
  it('prints the programme as JSON with the contract fields, reports and actions relative to the working folder', () => {
    const cwd = makeWorkspace(files());
    const result = runCli(['summary', 'reports', '--today', '2026-12-07', '--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as ProgrammeSummary;
    expect(summary.version).toBe(1);
    expect(summary.today).toBe('2026-12-07');
    expect(summary.reports.map((r) => r.file)).toEqual(['reports/domestic-abuse-briefing.md', 'reports/neglect-maca-2026.md', 'reports/transitions-learning.md']);
    expect(Object.keys(summary.reports[0]).sort()).toEqual(['actions', 'date', 'errors', 'file', 'methodology', 'missingSections', 'profile', 'title', 'warnings']);
    expect(Object.keys(summary.actions[0]).sort()).toEqual(['due', 'dueProblem', 'dueText', 'file', 'line', 'measure', 'missing', 'owner', 'progress', 'reaudit', 'status', 'text']);
    expect(Object.keys(summary.themes[0]).sort()).toEqual(['id', 'label', 'reports', 'years']);
    const q3 = summary.actions.find((a) => a.dueText === 'Q3 2026/27');
    expect(q3).toMatchObject({ file: 'reports/neglect-maca-2026.md', line: 38, due: '2026-12-31', status: 'due-soon', owner: 'Designated Safeguarding Leads' });
  });

  it('gives statuses against --today: the same report is due soon one day and overdue a month later', () => {
    const cwd = makeWorkspace(files());
    const on = (today: string) => (JSON.parse(runCli(['summary', 'reports/neglect-maca-2026.md', '--today', today, '--format', 'json'], { cwd }).stdout) as ProgrammeSummary).actions.find((a) => a.line === 38)!.status;
    expect(on('2026-12-07')).toBe('due-soon');
    expect(on('2027-01-07')).toBe('overdue');
    expect(on('2026-06-01')).toBe('later');
  });

  it('writes CSV of the actions, one row each, to -o', () => {
    const cwd = makeWorkspace(files());
    const result = runCli(['summary', 'reports', '--today', '2026-12-07', '--format', 'csv', '-o', 'actions.csv'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const lines = fs.readFileSync(path.join(cwd, 'actions.csv'), 'utf8').split('\r\n');
    expect(lines[0]).toBe('file,line,text,owner,measure,dueText,due,status,progress,reaudit,dueProblem,missing');
    expect(lines.filter((line) => line.startsWith('reports/'))).toHaveLength(18);
    expect(lines).toContain(
      'reports/neglect-maca-2026.md,46,Brief GP practices on neglect so that children\'s health needs are met,Designated Doctor,40 practices briefed,30 April 2026,2026-04-30,done,Green – complete,false,,',
    );
  });

  it('writes one self-contained web page by default, with no script and nothing fetched', () => {
    const cwd = makeWorkspace(files());
    const result = runCli(['summary', 'reports', '--today', '2026-12-07', '-o', 'programme.html'], { cwd });
    expect(result.status).toBe(0);
    const html = fs.readFileSync(path.join(cwd, 'programme.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('Audit programme on 7 December 2026');
  });

  it('exits 2, writes nothing and names the problem for a bad date, format or report', () => {
    const cwd = makeWorkspace({ ...files(), 'reports/broken.md': Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00]) });
    for (const [args, message] of [
      [['summary', 'reports/neglect-maca-2026.md', '--today', '07/12/2026', '-o', 'out.html'], /--today must be a date written YYYY-MM-DD/],
      [['summary', 'reports/neglect-maca-2026.md', '--format', 'pdf', '-o', 'out.html'], /--format must be one of html, json, csv/],
      [['summary', '-o', 'out.html'], /no reports given/],
      [['summary', 'nowhere', '-o', 'out.html'], /No such file or folder: nowhere/],
      [['summary', 'reports', '--today', '2026-12-07', '-o', 'out.html'], /reports\/broken\.md/],
    ] as const) {
      const result = runCli([...args], { cwd });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(fs.existsSync(path.join(cwd, 'out.html'))).toBe(false);
    }
  });
});
