/** The command line on Word documents: lint in every format, folders, import, actions, bad files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, temporaryWorkspaces } from './run';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'docx');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));

const ws = temporaryWorkspaces();

interface JsonDiagnostic {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data: Record<string, unknown>;
  source?: { paragraph?: number; quote?: string; where?: string };
}

describe('linting a Word document', () => {
  it('names the Word paragraph and quotes it in the stylish report', () => {
    const dir = ws({ 'draft.docx': fixture('pandoc/maca-report-poor.docx') });
    const { status, stdout } = runCli(['draft.docx'], { cwd: dir });
    expect(status).toBe(1);
    expect(stdout).toMatch(/^ {2}¶15 "All agencies" +warning +Action is missing: owner/m);
    expect(stdout).toMatch(/^ {2}¶20 "TBC" +error +Placeholder "TBC"/m);
    expect(stdout).not.toMatch(/^ {2}\d+:\d+ /m);
  });

  it('adds the paragraph to JSON and keeps every other field', () => {
    const dir = ws({ 'draft.docx': fixture('pandoc/maca-report-poor.docx') });
    const { stdout } = runCli(['draft.docx', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(stdout) as { results: { file: string; profile: string; diagnostics: JsonDiagnostic[] }[] };
    expect(report.results[0].file).toBe('draft.docx');
    const diagnostics = report.results[0].diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(Object.keys(d)).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'data', 'source']);
      expect(d.source?.paragraph).toBeTypeOf('number');
    }
    expect(diagnostics.find((d) => d.ruleId === 'placeholder')?.source).toEqual({ paragraph: 20, quote: 'TBC' });
  });

  it('carries the quote in SARIF, GitHub and JUnit output', () => {
    const dir = ws({ 'draft.docx': fixture('pandoc/maca-report-poor.docx') });
    const sarif = JSON.parse(runCli(['draft.docx', '--format', 'sarif'], { cwd: dir }).stdout);
    const placeholder = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'placeholder');
    expect(placeholder.message.text).toMatch(/^¶20 "TBC": Placeholder/);
    expect(placeholder.properties).toEqual({ wordParagraph: 20, quote: 'TBC' });
    expect(runCli(['draft.docx', '--format', 'github'], { cwd: dir }).stdout).toMatch(/^::error file=draft\.docx,line=\d+,.*::¶20 "TBC": Placeholder/m);
    expect(runCli(['draft.docx', '--format', 'junit'], { cwd: dir }).stdout).toContain('message="¶20 &quot;TBC&quot;: Placeholder');
  });

  it('reports personal data hidden in the file, saying where, masked', () => {
    const dir = ws({ 'draft.docx': fixture('ooxml/hidden.docx') });
    const { status, stdout } = runCli(['draft.docx', '--format', 'json'], { cwd: dir });
    expect(status).toBe(1);
    const diagnostics = (JSON.parse(stdout).results[0].diagnostics as JsonDiagnostic[]).filter((d) => d.ruleId === 'anonymisation');
    const summary = diagnostics.map((d) => `${d.severity} ${d.data.kind} ${d.source?.where} ¶${d.source?.paragraph ?? '-'}`).sort();
    expect(summary).toEqual([
      'error address in a comment ¶3',
      'error date-of-birth in the alt text of an image ¶6',
      'error email in a footer ¶-',
      'error name in the author of a comment ¶3',
      'error name in the author of a tracked deletion ¶5',
      'error name in the author of a tracked insertion ¶5',
      'error name in the document properties: author ¶-',
      'error name in the document properties: last modified by ¶-',
      'error name in the document properties: manager ¶-',
      'error nhs-number in a tracked deletion ¶5',
      'error phone in a comment ¶3',
    ]);
    expect(stdout).not.toMatch(/943 476 5919|Acacia|Jennings|Raman|Okafor|07912 345678|Tom Baker/);
    expect(diagnostics.find((d) => d.data.kind === 'nhs-number')?.message).toMatch(/^NHS number \(••• ••• •919\) in a tracked deletion\./);
  });

  it('lints the Word documents in a folder, but not Word lock files', () => {
    const dir = ws({
      'reports/a.md': fs.readFileSync(path.join(repoRoot, 'examples', 'maca-report-good.md')),
      'reports/b.docx': fixture('libreoffice/maca-report-good.docx'),
      'reports/~$b.docx': Buffer.from('owner file'),
    });
    const { status, stdout, stderr } = runCli(['reports', '--format', 'json'], { cwd: dir });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout).results.map((r: { file: string }) => r.file)).toEqual(['reports/a.md', 'reports/b.docx']);
  });

  it('lints the text of a .docm and says its macros were ignored', () => {
    const dir = ws({ 'draft.docm': fixture('ooxml/macros.docm') });
    const { stdout, stderr } = runCli(['draft.docm'], { cwd: dir });
    expect(stderr).toContain('draft.docm: has macros; they were ignored (never run) and its text was linted');
    expect(stdout).toContain('draft.docm');
  });

  it('never writes a Word document with --fix', () => {
    const bytes = fixture('pandoc/maca-report-poor.docx');
    const dir = ws({ 'draft.docx': bytes });
    const { stderr } = runCli(['draft.docx', '--fix'], { cwd: dir });
    expect(stderr).toContain('--fix does not change Word documents');
    expect(fs.readFileSync(path.join(dir, 'draft.docx')).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['draft.docx']);
  });

  it.each([
    ['legacy.doc', 'bad/legacy.doc', 'save it as .docx'],
    ['locked.docx', 'bad/password.docx', 'password-protected'],
    ['cut.docx', 'bad/truncated.docx', 'not a valid ZIP file'],
    ['bomb.docx', 'bad/bomb.docx', 'zip bomb'],
    ['sheet.docx', 'bad/workbook.docx', 'Excel workbook'],
    ['xxe.docx', 'bad/entities.docx', 'entities'],
  ])('refuses %s with exit 2 and a clear message, writing nothing', (name, source, message) => {
    const dir = ws({ [name]: fixture(source) });
    const { status, stderr } = runCli([name], { cwd: dir });
    expect(status).toBe(2);
    expect(stderr).toContain(`audit-lint: ${name}: `);
    expect(stderr).toContain(message);
    expect(fs.readdirSync(dir)).toEqual([name]);
    expect(fs.readFileSync(path.join(dir, name)).equals(fixture(source))).toBe(true);
  });
});

describe('audit-lint import', () => {
  it('writes the report beside the document with front matter, and says what was lost', () => {
    const dir = ws({ 'draft.docx': fixture('ooxml/structures.docx') });
    const { status, stderr } = runCli(['import', 'draft.docx'], { cwd: dir });
    expect(status).toBe(0);
    expect(stderr).toContain('wrote draft.md (profile seven-minute-briefing)');
    expect(stderr).toContain('not converted: A chart was left out');
    const markdown = fs.readFileSync(path.join(dir, 'draft.md'), 'utf8');
    expect(markdown).toBe(fs.readFileSync(path.join(fixtures, 'ooxml', 'structures.md'), 'utf8'));
  });

  it('guesses the profile when the document does not state it', () => {
    const dir = ws({ 'draft.docm': fixture('ooxml/macros.docm') });
    expect(runCli(['import', 'draft.docm', '-o', 'report.md'], { cwd: dir }).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'report.md'), 'utf8')).toMatch(/^---\nprofile: maca-report\n---\n\n# Audit\n/);
  });

  it('refuses to overwrite a file without --force', () => {
    const dir = ws({ 'draft.docx': fixture('ooxml/structures.docx'), 'draft.md': 'mine' });
    const refused = runCli(['import', 'draft.docx'], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('draft.md already exists; use --force');
    expect(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8')).toBe('mine');
    expect(runCli(['import', 'draft.docx', '--force'], { cwd: dir }).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'draft.md'), 'utf8')).toContain('# Actions');
  });

  it('prints to standard output with -o - and reports hidden personal data', () => {
    const dir = ws({ 'draft.docx': fixture('ooxml/hidden.docx') });
    const { status, stdout, stderr } = runCli(['import', 'draft.docx', '-o', '-'], { cwd: dir });
    expect(status).toBe(0);
    expect(stdout).toBe(fs.readFileSync(path.join(fixtures, 'ooxml', 'hidden.md'), 'utf8'));
    expect(stderr).toContain('hidden in the Word file (¶3): Phone number');
    expect(fs.readdirSync(dir)).toEqual(['draft.docx']);
  });

  it('writes nothing for a file it cannot read', () => {
    const dir = ws({ 'old.doc': fixture('bad/legacy.doc') });
    const { status, stderr } = runCli(['import', 'old.doc'], { cwd: dir });
    expect(status).toBe(2);
    expect(stderr).toContain('save it as .docx');
    expect(fs.readdirSync(dir)).toEqual(['old.doc']);
  });
});

describe('audit-lint actions', () => {
  it('reads the actions of a Word document', () => {
    const dir = ws({ 'report.docx': fixture('libreoffice/maca-report-good.docx') });
    const { status, stdout } = runCli(['actions', 'report.docx', '--format', 'json'], { cwd: dir });
    expect(status).toBe(0);
    const rows = (JSON.parse(stdout) as { actions: { owner: string }[] }).actions;
    expect(rows.map((r) => r.owner)).toEqual(['Head of Service, Children’s Social Care', 'Child Protection Chairs', 'Core group lead social workers']);
  });
});
