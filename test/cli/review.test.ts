/** `audit-lint review`: the reviewer's copy beside the draft, exit codes as for a lint, files it will not replace. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readComments } from '../review-reading';
import { repoRoot, runCli, temporaryWorkspaces } from './run';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'docx');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));
const ws = temporaryWorkspaces();
const ours = (file: string) => readComments(fs.readFileSync(file)).filter((c) => c.author === 'audit-lint');

describe('audit-lint review', () => {
  it('writes draft.reviewed.docx beside the draft, leaves the draft alone, and exits 1 on errors', () => {
    const dir = ws({ 'draft.docx': fixture('pandoc/maca-report-poor.docx') });
    const { status, stdout, stderr } = runCli(['review', 'draft.docx'], { cwd: dir });
    expect(status).toBe(1);
    expect(stdout).toBe('draft.reviewed.docx\n');
    expect(stderr).toMatch(/^audit-lint: draft\.docx: \d+ comments/);
    expect(fs.readFileSync(path.join(dir, 'draft.docx'))).toEqual(fixture('pandoc/maca-report-poor.docx'));
    // As many comments as the stylish report has rows.
    const rows = /✖ (\d+) problems/.exec(runCli(['draft.docx'], { cwd: dir }).stdout)![1];
    expect(ours(path.join(dir, 'draft.reviewed.docx'))).toHaveLength(Number(rows));
    expect(fs.readdirSync(dir).sort()).toEqual(['draft.docx', 'draft.reviewed.docx']);
  });

  it('exits 0 on a draft without errors, and keeps a .docm a .docm', () => {
    const dir = ws({ 'good.docx': fixture('pandoc/maca-report-good.docx'), 'macros.docm': fixture('ooxml/macros.docm') });
    expect(runCli(['review', 'good.docx'], { cwd: dir }).status).toBe(0);
    const docm = runCli(['review', 'macros.docm'], { cwd: dir });
    expect(docm.stdout).toBe('macros.reviewed.docm\n');
  });

  it('writes -o FILE, with the author and the minimum severity asked for', () => {
    const dir = ws({ 'draft.docx': fixture('ooxml/review.docx') });
    const { status } = runCli(['review', 'draft.docx', '-o', 'out/copy.docx', '--author', 'Quality Assurance Sub-group', '--min-severity', 'error'], { cwd: dir });
    expect(status).toBe(2); // the folder is not there: nothing written
    fs.mkdirSync(path.join(dir, 'out'));
    expect(runCli(['review', 'draft.docx', '-o', 'out/copy.docx', '--author', 'Quality Assurance Sub-group', '--min-severity', 'error'], { cwd: dir }).status).toBe(1);
    const comments = readComments(fs.readFileSync(path.join(dir, 'out', 'copy.docx'))).filter((c) => c.author === 'Quality Assurance Sub-group');
    expect(comments.length).toBeGreaterThan(0);
    expect(comments.every((c) => c.initials === 'QASG' && c.paragraphs[0].startsWith('Error: '))).toBe(true);
  });

  it('replaces its own copy, but not a file it did not write, unless --force', () => {
    const dir = ws({ 'draft.docx': fixture('ooxml/review.docx'), 'other.docx': fixture('ooxml/numbering.docx') });
    expect(runCli(['review', 'draft.docx'], { cwd: dir }).status).toBe(1);
    const first = ours(path.join(dir, 'draft.reviewed.docx'));
    // Its own copy is replaced; a second review of the copy does not double the comments.
    expect(runCli(['review', 'draft.docx'], { cwd: dir }).status).toBe(1);
    const again = runCli(['review', 'draft.reviewed.docx', '-o', 'draft.reviewed.docx'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/is the draft itself/);
    expect(runCli(['review', 'draft.reviewed.docx', '-o', 'twice.docx'], { cwd: dir }).stderr).toMatch(/\(\d+ from an earlier review replaced\)/);
    expect(ours(path.join(dir, 'twice.docx'))).toHaveLength(first.length);

    const refused = runCli(['review', 'draft.docx', '-o', 'other.docx'], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^audit-lint: other\.docx already exists and is not a copy audit-lint reviewed/);
    expect(fs.readFileSync(path.join(dir, 'other.docx'))).toEqual(fixture('ooxml/numbering.docx'));
    expect(runCli(['review', 'draft.docx', '-o', 'other.docx', '--force'], { cwd: dir }).status).toBe(1);
    expect(ours(path.join(dir, 'other.docx'))).toHaveLength(first.length);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['bad/legacy.doc', /legacy Word \.doc file/],
    ['bad/password.docx', /password-protected/],
    ['bad/truncated.docx', /not a valid ZIP file/],
    ['bad/bomb.docx', /zip bomb/],
    ['bad/entities.docx', /entities/],
  ])('refuses %s with exit 2, a message and nothing written', (name, message) => {
    const file = path.basename(name);
    const dir = ws({ [file]: fixture(name) });
    const { status, stderr, stdout } = runCli(['review', file], { cwd: dir });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(fs.readdirSync(dir)).toEqual([file]);
  });

  it('answers a wrong command line with exit 2', () => {
    const dir = ws({ 'draft.docx': fixture('ooxml/review.docx'), 'report.md': '# Report\n' });
    for (const [args, message] of [
      [['review'], /review takes one Word document/],
      [['review', 'draft.docx', '--min-severity', 'serious'], /--min-severity must be one of info, warning, error; got "serious"/],
      [['review', 'report.md'], /report\.md is not a Word document/],
      [['review', 'missing.docx'], /missing\.docx cannot be read \(ENOENT\)/],
      [['review', 'draft.docx', '--colour'], /Unknown option '--colour'/],
    ] as const) {
      const { status, stderr } = runCli([...args], { cwd: dir });
      expect(status, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['draft.docx', 'report.md']);
  });

  it('is in the help', () => {
    expect(runCli(['--help']).stdout).toContain('audit-lint review FILE.docx [-o FILE] [--force] [--author NAME] [--min-severity info|warning|error]');
  });
});
