/** The exported web page's markup (its rendering and accessibility are checked in Chromium by the browser suite). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { exportReport } from '../../server/src/formats/export';

const root = path.join(__dirname, '..', '..');
const FEATURES = path.join(root, 'test', 'fixtures', 'export', 'features.md');
const settings = resolveSettings(undefined, '(defaults)');

async function exportHtml(file: string, text = fs.readFileSync(file, 'utf8')): Promise<string> {
  const result = await exportReport({ text, file, settings, to: 'html' });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.blockers)}`);
  return new TextDecoder().decode(result.data);
}

describe('export to a web page', () => {
  it('sets language and title, marks its generator, skips to the main landmark', async () => {
    const html = await exportHtml(FEATURES);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).toContain('<title>Learning from an audit of neglect in families where a parent misuses alcohol</title>');
    expect(html).toMatch(/<meta name="generator" content="audit-lint [^"]+">/);
    expect(html).toContain('<meta name="author" content="Eastvale Safeguarding Children Partnership">');
    expect(html).toMatch(/<body[^>]*><a class="skip-link" href="#content">Skip to main content<\/a><header class="masthead"><p>Eastvale Safeguarding Children Partnership<\/p><\/header><main id="content" tabindex="-1">/);
    expect(html.match(/<h[1-6]/g)).toEqual(['<h1', '<h2', '<h2', '<h2', '<h3', '<h2', '<h2']);
  });

  it('gives table header cells their scope and keeps the columns\' alignment', async () => {
    const html = await exportHtml(FEATURES);
    expect(html.match(/<th[ >][^>]*>/g)).toEqual(['<th align="left" scope="col">', '<th align="right" scope="col">', '<th align="center" scope="col">']);
  });

  it('is self-contained: images as data, footnotes at the end, no raw HTML or scripts from the report', async () => {
    const text = `${fs.readFileSync(FEATURES, 'utf8')}\n<script>alert(1)</script>\n\n<img src="https://example.org/track.gif" alt="">\n`;
    const html = await exportHtml(FEATURES, text);
    const png = fs.readFileSync(path.join(root, 'test', 'fixtures', 'export', 'chart.png')).toString('base64');
    expect(html).toContain(`<img src="data:image/png;base64,${png}" alt="Bar chart of cases graded good in each quarter" title="Cases graded good">`);
    expect(html).not.toMatch(/<script|<link|https:\/\/example\.org\/track/);
    expect(html).toContain('<a href="https://example.org/eastvale/guidance">Eastvale partnership website</a>');
    expect(html).toMatch(/<section data-footnotes class="footnotes"><h2 id="footnote-label">Notes<\/h2>/);
    expect(html).toMatch(/aria-label="Back to reference 1"/);
  });

  it('lays out a seven-minute briefing as numbered panels in source order', async () => {
    const html = await exportHtml(path.join(root, 'examples', 'seven-minute-briefing-good.md'));
    expect(html).toContain('<body class="briefing">');
    const panels = [...html.matchAll(/<section class="panel" aria-labelledby="(part-\d)"><h2 id="(part-\d)"><span class="panel-number">(\d)<\/span> ([^<]+)<\/h2>/g)];
    expect(panels.map((m) => [m[1], m[2], m[3], m[4]])).toEqual([
      ['part-1', 'part-1', '1', 'Background'],
      ['part-2', 'part-2', '2', 'Case selection and grade'],
      ['part-3', 'part-3', '3', 'Good practice'],
      ['part-4', 'part-4', '4', 'Areas for development'],
      ['part-5', 'part-5', '5', 'What can you do now?'],
      ['part-6', 'part-6', '6', 'Questions for your team'],
    ]);
    expect(html.indexOf('class="briefing-title"')).toBeLessThan(html.indexOf('class="panel"'));
    expect(html).not.toMatch(/tabindex="[1-9]/);
  });

  it('shows a part\'s own number once, in its badge', async () => {
    const html = await exportHtml(FEATURES, '---\nprofile: seven-minute-briefing\n---\n\n# Briefing\n\n## 1. Background\n\nText.\n\n## 2. Why it matters\n\nText.\n');
    expect(html).toContain('<span class="panel-number">1</span> Background</h2>');
    expect(html).toContain('<span class="panel-number">2</span> Why it matters</h2>');
  });

  it('lays out other reports as one column of text', async () => {
    const html = await exportHtml(path.join(root, 'examples', 'maca-report-good.md'));
    expect(html).not.toContain('class="panel');
    expect(html).toContain('<body><a class="skip-link"');
  });
});
