/**
 * The example reports written to Word by two real word processors (pandoc, LibreOffice; made by
 * scripts/make-docx-fixtures.mjs) give the same findings as their Markdown: the same rules on the
 * same text. And every finding on a Word file names a paragraph that holds the text it quotes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingSource, readWordFile } from '../../server/src/formats/docx/word-input';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import type { Finding, DocumentModel } from '../../server/src/core/types';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'docx');
const settings = resolveSettings(undefined, '(defaults)', {});
const examples = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.md')).sort();

/** The text a finding points at, as a reader sees it: markup, spacing and typographic quotes evened out. */
function pointedAt(finding: Finding, model: DocumentModel): string {
  return model.prose
    .slice(finding.start, finding.end)
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function findingsOf(text: string, hidden = undefined as Parameters<typeof lint>[2]): string[] {
  const result = lint(text, settings, hidden);
  return result.findings.map((f) => `${f.ruleId} | ${pointedAt(f, result.model)}`).sort();
}

/**
 * Differences the word processors make, not the conversion: pandoc turns a link to "#" into a link
 * to a bookmark of its own, so the Markdown's empty link is no longer empty.
 */
const PRODUCER_CHANGES: Record<string, string[]> = {
  'pandoc/maca-report-poor': ['empty-link | click here'],
  'pandoc/learning-briefing-poor': ['empty-link | local procedures'],
};

describe.each(['pandoc', 'libreoffice'])('examples written by %s', (producer) => {
  it.each(examples)('%s gives the findings of its Markdown', async (example) => {
    const name = example.replace(/\.md$/, '');
    const markdown = fs.readFileSync(path.join(root, 'examples', example), 'utf8');
    const read = await readWordFile(fs.readFileSync(path.join(fixtures, producer, `${name}.docx`)));
    if ('error' in read) throw new Error(read.error);
    const expected = findingsOf(markdown).filter((f) => !(PRODUCER_CHANGES[`${producer}/${name}`] ?? []).includes(f));
    expect(findingsOf(read.input.reading.markdown, read.input.lintOptions)).toEqual(expected);
  });

  it.each(examples)('every finding on %s names a paragraph holding its quote', async (example) => {
    const name = example.replace(/\.md$/, '');
    const read = await readWordFile(fs.readFileSync(path.join(fixtures, producer, `${name}.docx`)));
    if ('error' in read) throw new Error(read.error);
    const result = lint(read.input.reading.markdown, settings, read.input.lintOptions);
    for (const finding of result.findings) {
      const source = findingSource(finding, read.input, result.model);
      expect(source.paragraph, `${finding.ruleId} at line ${finding.line}`).toBeTypeOf('number');
      const paragraph = read.input.reading.paragraphMap.paragraphs[source.paragraph! - 1];
      expect(paragraph.text.replace(/\s+/g, ' ')).toContain(source.quote!.replace(/…$/, ''));
    }
  });
});
