/** `audit-lint export` as a spawned process: what it refuses, what it writes and what it never touches. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { DRAFT, IDENTIFIERS } from '../privacy-draft';
import { GOOD_REPORT, repoRoot, runCli, workspace } from './run';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function folder(files: Record<string, string | Buffer>): string {
  const dir = workspace(files);
  dirs.push(dir);
  return dir;
}
const CHART = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'export', 'chart.png'));
const listing = (dir: string) => fs.readdirSync(dir, { recursive: true }).map(String).sort();
const documentXml = (file: string) => strFromU8(unzipSync(fs.readFileSync(file), { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']);

describe('audit-lint export', () => {
  it('writes the document beside the report and prints its path', () => {
    const dir = folder({ 'report.md': GOOD_REPORT });
    const docx = runCli(['export', 'report.md', '--to', 'docx'], { cwd: dir });
    expect(docx).toMatchObject({ status: 0, stdout: 'report.docx\n', stderr: '' });
    expect(documentXml(path.join(dir, 'report.docx'))).toContain('Multi-agency case audit: neglect in children under five');
    const html = runCli(['export', 'report.md', '-o', 'site/briefing.html'], { cwd: folder({}) });
    expect(html.status).toBe(2);
    fs.mkdirSync(path.join(dir, 'site'));
    const written = runCli(['export', 'report.md', '-o', 'site/briefing.html'], { cwd: dir });
    expect(written).toMatchObject({ status: 0, stdout: 'site/briefing.html\n' });
    expect(fs.readFileSync(path.join(dir, 'site', 'briefing.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('refuses a report with personal data, naming each finding, and writes nothing', () => {
    const dir = folder({ 'draft.md': DRAFT });
    const before = listing(dir);
    const result = runCli(['export', 'draft.md', '--to', 'docx'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^audit-lint: draft\.md was not exported: \d+ problems stop it being published \(--force exports it anyway\):\n/);
    expect(result.stderr).toMatch(/ {2}draft\.md:9:\d+ {2}anonymisation {2}NHS number/);
    expect(result.stderr.match(/ anonymisation /g)!.length).toBeGreaterThanOrEqual(Object.keys(IDENTIFIERS).length - 2);
    expect(listing(dir)).toEqual(before);
  });

  it('refuses a report with placeholders; --force exports it and says what it let through', () => {
    const dir = folder({ 'report.md': GOOD_REPORT.replace('30 June 2025', 'TBC') });
    const refused = runCli(['export', 'report.md', '--to', 'html'], { cwd: dir });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/report\.md:\d+:\d+ {2}placeholder {2}Placeholder "TBC"/);
    expect(fs.existsSync(path.join(dir, 'report.html'))).toBe(false);
    const forced = runCli(['export', 'report.md', '--to', 'html', '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(forced.stderr).toMatch(/^audit-lint: exported with --force despite:\n {2}report\.md:\d+:\d+ {2}placeholder/);
    expect(fs.readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain('<td>TBC</td>');
  });

  it('refuses an image without alt text unless forced', () => {
    const dir = folder({ 'report.md': `${GOOD_REPORT}\n![](chart.png)\n`, 'chart.png': CHART });
    const refused = runCli(['export', 'report.md', '--to', 'docx'], { cwd: dir });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/report\.md:\d+:1 {2}image-alt-text {2}image "chart\.png" has no alt text/);
    expect(fs.existsSync(path.join(dir, 'report.docx'))).toBe(false);
    expect(runCli(['export', 'report.md', '--to', 'docx', '--force'], { cwd: dir }).status).toBe(0);
    expect(documentXml(path.join(dir, 'report.docx'))).toContain('<wp:docPr');
  });

  it('reads images only from inside the report\'s folder and never fetches one, even with --force', () => {
    const outside = folder({ 'secret.png': CHART });
    const cases: [string, RegExp][] = [
      ['![A chart](../secret.png)', /image "\.\.\/secret\.png" is outside the report's folder/],
      [`![A chart](${path.join(outside, 'secret.png')})`, /is outside the report's folder/],
      ['![A chart](linked.png)', /image "linked\.png" is a link to a file outside the report's folder/],
      ['![A chart](https://example.org/chart.png)', /image "https:\/\/example\.org\/chart\.png" is not in the report's folder; images are never fetched from the web/],
      ['![A chart](missing.png)', /image "missing\.png" cannot be read \(ENOENT\)/],
      ['![A chart](report.md)', /image "report\.md" is not a PNG, JPEG or GIF image/],
    ];
    for (const [image, message] of cases) {
      const dir = folder({ 'reports/report.md': `${GOOD_REPORT}\n${image}\n` });
      fs.symlinkSync(path.join(outside, 'secret.png'), path.join(dir, 'reports', 'linked.png'));
      fs.copyFileSync(path.join(outside, 'secret.png'), path.join(dir, 'secret.png'));
      const before = listing(dir);
      for (const to of ['docx', 'html']) {
        const result = runCli(['export', 'reports/report.md', '--to', to, '--force'], { cwd: dir });
        expect(result.status, `${image} → ${to}`).toBe(2);
        expect(result.stderr).toMatch(message);
      }
      expect(listing(dir)).toEqual(before);
    }
  });

  it('replaces a file only when an export wrote it, or with --force; never the report itself', () => {
    const dir = folder({ 'report.md': GOOD_REPORT, 'report.docx': 'my own notes', 'report.html': '<p>my page</p>' });
    for (const to of ['docx', 'html']) {
      const result = runCli(['export', 'report.md', '--to', to], { cwd: dir });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`audit-lint: report.${to} already exists and was not written by audit-lint export; use --force to replace it\n`);
    }
    expect(fs.readFileSync(path.join(dir, 'report.docx'), 'utf8')).toBe('my own notes');
    expect(fs.readFileSync(path.join(dir, 'report.html'), 'utf8')).toBe('<p>my page</p>');

    for (const to of ['docx', 'html']) {
      expect(runCli(['export', 'report.md', '--to', to, '--force'], { cwd: dir }).status).toBe(0);
      // Written by an export now: a second export replaces it without being asked.
      const first = fs.readFileSync(path.join(dir, `report.${to}`));
      fs.writeFileSync(path.join(dir, 'report.md'), GOOD_REPORT.replace('Background', 'Context of the audit'));
      expect(runCli(['export', 'report.md', '--to', to], { cwd: dir }).status).toBe(0);
      expect(fs.readFileSync(path.join(dir, `report.${to}`)).equals(first)).toBe(false);
      fs.writeFileSync(path.join(dir, 'report.md'), GOOD_REPORT);
    }
    const self = runCli(['export', 'report.md', '--to', 'html', '-o', 'report.md', '--force'], { cwd: dir });
    expect(self.status).toBe(2);
    expect(self.stderr).toMatch(/report\.md is the report itself/);
    expect(fs.readFileSync(path.join(dir, 'report.md'), 'utf8')).toBe(GOOD_REPORT);
    expect(listing(dir)).toEqual(['report.docx', 'report.html', 'report.md']);
  });

  it('explains a wrong command line with exit 2', () => {
    const dir = folder({ 'report.md': GOOD_REPORT });
    expect(runCli(['export', 'report.md'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'audit-lint: export needs --to docx|html\n' });
    expect(runCli(['export', 'report.md', '--to', 'pdf'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'audit-lint: export needs --to docx|html; got "pdf"\n' });
    expect(runCli(['export', '--to', 'docx'], { cwd: dir }).stderr).toMatch(/export takes one report/);
    expect(runCli(['export', 'report.md', '--to', 'docx', '--bogus'], { cwd: dir })).toMatchObject({ status: 2 });
    expect(runCli(['export', 'missing.md', '--to', 'docx'], { cwd: dir }).stderr).toBe('audit-lint: missing.md cannot be read (ENOENT)\n');
    expect(runCli(['export', 'report.md', '--to', 'html', '--reference-docx', 'x.docx'], { cwd: dir }).stderr).toMatch(/--reference-docx is for --to docx/);
    expect(runCli(['export', 'report.md', '--to', 'docx', '--reference-docx', 'report.md'], { cwd: dir }).stderr).toMatch(/--reference-docx report\.md is not a Word document/);
    expect(listing(dir)).toEqual(['report.md']);
  });

  it('exports a 5 MB report, all of it', { timeout: 300_000 }, () => {
    const body = GOOD_REPORT.slice(GOOD_REPORT.indexOf('## Background')).replace(/^## /gm, '### ');
    let text = `${GOOD_REPORT.slice(0, GOOD_REPORT.indexOf('# '))}# A long report\n\n`;
    for (let part = 1; Buffer.byteLength(text) < 5 * 1024 * 1024; part++) text += `## Part ${part}\n\n${body}\n`;
    text += '## Closing words\n\nThe last sentence of the long report.\n';
    const dir = folder({ 'long.md': text });
    for (const to of ['html', 'docx']) {
      expect(runCli(['export', 'long.md', '--to', to], { cwd: dir }).status).toBe(0);
    }
    const html = fs.readFileSync(path.join(dir, 'long.html'), 'utf8');
    const parts = text.match(/^## Part \d+$/gm)!.length;
    expect(html.match(/<h2>Part \d+<\/h2>/g)).toHaveLength(parts);
    expect(html).toMatch(/<h2>Closing words<\/h2><p>The last sentence of the long report\.<\/p><\/main>/);
    const xml = documentXml(path.join(dir, 'long.docx'));
    expect(xml.match(/<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t xml:space="preserve">Part \d+</g)).toHaveLength(parts);
    expect(xml).toContain('The last sentence of the long report.');
  });
});
