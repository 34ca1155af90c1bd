/**
 * The reviewer's copy of a Word document: one comment per problem row on the words it concerns,
 * the author's text and every other part unchanged, others' comments kept, a second review
 * replacing the first. On Word documents from pandoc, LibreOffice and hand-written OOXML.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import { present } from '../../server/src/core/present';
import { DocxError } from '../../server/src/formats/docx';
import { findingSource, readWordFile } from '../../server/src/formats/docx/word-input';
import { isReviewedCopy, reviewWordDocument } from '../../server/src/formats/review';
import { lintAndReview } from '../../server/src/formats/review/word-file';
import { changedParts, documentText, malformedParts, parts, readComments } from '../review-reading';

const fixtures = path.join(__dirname, '..', 'fixtures', 'docx');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
const settings = resolveSettings(undefined, '(defaults)');
const date = new Date('2026-03-02T10:30:00Z');
/** The parts a review may change. */
const REVIEWED_PARTS = ['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/comments.xml', 'word/document.xml'];

async function review(bytes: Uint8Array, options: Parameters<typeof reviewWordDocument>[2] = {}) {
  const outcome = await lintAndReview(bytes, settings, { date, ...options });
  if ('error' in outcome) throw new Error(outcome.error);
  return outcome;
}

const WORD_FIXTURES = [
  ...['pandoc', 'libreoffice'].flatMap((producer) => fs.readdirSync(path.join(fixtures, producer)).map((name) => `${producer}/${name}`)),
  'ooxml/review.docx',
  'ooxml/hidden.docx',
  'ooxml/structures.docx',
  'ooxml/numbering.docx',
  'ooxml/macros.docm',
];

describe('a review of each Word fixture', () => {
  it.each(WORD_FIXTURES)('%s: one comment per problem row, on its words, and nothing else changed', async (name) => {
    const original = fixture(name);
    const { outcome, result, input } = await review(original);
    const rows = present(result.findings);
    const comments = readComments(outcome.bytes).filter((c) => c.author === 'audit-lint');
    expect(outcome.comments).toBe(rows.length);
    expect(comments).toHaveLength(rows.length);

    // The author's words, deleted ones included, are exactly as they were.
    expect(documentText(outcome.bytes)).toBe(documentText(original));
    // Only the document, its relationships, the content types and the comments part may differ.
    expect(changedParts(original, outcome.bytes).filter((part) => !REVIEWED_PARTS.includes(part))).toEqual([]);
    expect(malformedParts(outcome.bytes)).toEqual([]);

    rows.forEach((row, index) => {
      const comment = comments[index];
      expect(comment.paragraphs[0]).toBe(`${row.severity[0].toUpperCase()}${row.severity.slice(1)}: ${row.message.split(' Better: ')[0]}`);
      expect(comment.paragraphs[comment.paragraphs.length - 1]).toBe(`audit-lint: ${row.ruleIds.map((id) => `${id} https://github.com/audit-lint/audit-lint/blob/main/docs/rules/${id}.md`).join(' · ')}`);
      expect(comment).toMatchObject({ initials: 'AL', date: '2026-03-02T10:30:00Z', referenced: true });
      expect(comment.range).toBeDefined();
      // Where the paragraph holds the flagged words as written, the range holds them.
      const first = row.members.find((m) => m.line === row.line && m.column === row.column) ?? row.members[0];
      const paragraph = input.reading.paragraphMap.paragraphAt(first.start);
      const label = paragraph?.label ? `${paragraph.label.text} ` : '';
      const flagged = result.model.prose.slice(first.start, first.end).replace(/\s+/g, ' ').trim();
      const words = label && flagged.startsWith(label) ? flagged.slice(label.length) : flagged;
      if (typeof first.data.hidden !== 'number' && words.length >= 3 && paragraph?.text.slice(label.length).includes(words) && !/^\[\^/.test(input.reading.markdown.slice(first.start, first.start + 2))) {
        expect(comment.range!.replace(/\s+/g, ' '), `${row.ruleIds.join(',')} on ¶${paragraph.number}`).toContain(words);
      }
    });
    const ids = readComments(outcome.bytes).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(WORD_FIXTURES)('%s: a second review replaces the first, comment for comment', async (name) => {
    const once = (await review(fixture(name))).outcome;
    const twice = (await review(once.bytes)).outcome;
    expect(twice.replaced).toBe(once.comments);
    expect(twice.comments).toBe(once.comments);
    // The same copy: audit-lint's marks and divided runs are taken out before the new ones go in.
    expect(changedParts(once.bytes, twice.bytes)).toEqual([]);
  });
});

describe('the hand-written draft', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'ooxml', 'review.json'), 'utf8')) as { rules: string[]; range: string; wholeParagraph?: boolean }[];

  it('anchors each comment on the words of its finding, across split runs, in a cell (in any of its paragraphs), at a note or text box', async () => {
    const { outcome } = await review(fixture('ooxml/review.docx'));
    const ours = readComments(outcome.bytes).filter((c) => c.author === 'audit-lint');
    const found = ours.map((c) => ({ rules: [...c.paragraphs[c.paragraphs.length - 1].matchAll(/([a-z-]+) https:/g)].map((m) => m[1]), range: c.range }));
    expect(found).toEqual(expected.map(({ rules, range }) => ({ rules, range })));
    expect(outcome.onWords).toBe(expected.filter((e) => !e.wholeParagraph).length);
  });

  it('anchors a finding in a footnote at the footnote reference, and names its paragraph in the lint', async () => {
    const { outcome, input, result } = await review(fixture('ooxml/review.docx'));
    const inNote = result.findings.find((f) => f.ruleId === 'placeholder' && input.reading.markdown.slice(f.start - 32, f.start).includes('[^1]:'))!;
    expect(findingSource(inNote, input, result.model).paragraph).toBe(7);
    const comment = readComments(outcome.bytes).filter((c) => c.paragraphs[0].startsWith('Error: Placeholder "TBC"') && c.range === '');
    expect(comment).toHaveLength(1);
    const id = comment[0].id;
    // Only the ends of the whole-paragraph comments may come between the reference and the range's end.
    expect(Buffer.from(parts(outcome.bytes)['word/document.xml']).toString()).toMatch(
      new RegExp(`<w:commentRangeStart w:id="${id}"/><w:r><w:footnoteReference w:id="1"/></w:r>(<w:commentRangeEnd w:id="\\d+"/><w:r><w:commentReference w:id="\\d+"/></w:r>)*<w:commentRangeEnd w:id="${id}"/>`),
    );
  });

  it('keeps the comment already there, its range, and the tracked deletion', async () => {
    const original = fixture('ooxml/review.docx');
    const { outcome } = await review(original);
    const before = readComments(original);
    const after = readComments(outcome.bytes).filter((c) => c.author !== 'audit-lint');
    expect(after).toEqual(before);
    expect(outcome.kept).toBe(1);
    expect(documentText(outcome.bytes)).toContain('(ring 07912 345678)');
  });

  it('says where hidden personal data is and never repeats it', async () => {
    const { outcome } = await review(fixture('ooxml/review.docx'));
    const texts = readComments(outcome.bytes).filter((c) => c.author === 'audit-lint').map((c) => c.paragraphs.join('\n'));
    const hidden = texts.filter((t) => t.includes('anonymisation'));
    expect(hidden.map((t) => /in (a tracked deletion|the author of a comment|the author of a tracked deletion|the document properties: author)/.exec(t)?.[1]).sort()).toEqual([
      'a tracked deletion', 'the author of a comment', 'the author of a tracked deletion', 'the document properties: author',
    ]);
    for (const secret of ['07912 345678', '07912345678', '07700 900123', 'Sam Whitfield', 'Whitfield', 'Priya', 'Raman']) {
      expect(texts.join('\n')).not.toContain(secret);
    }
  });

  it('writes the author, initials and date given, and leaves out problems below the minimum severity', async () => {
    const { outcome, result } = await review(fixture('ooxml/review.docx'), { author: 'Jo Bloggs', minSeverity: 'error' });
    const ours = readComments(outcome.bytes).filter((c) => c.author === 'Jo Bloggs');
    expect(ours.length).toBe(present(result.findings).filter((r) => r.severity === 'error').length);
    expect(ours.length).toBeGreaterThan(0);
    expect(new Set(ours.map((c) => `${c.initials} ${c.date}`))).toEqual(new Set(['JB 2026-03-02T10:30:00Z']));
    expect(ours.every((c) => c.paragraphs[0].startsWith('Error: '))).toBe(true);
    // The comments by another name are still told apart from the reviewer's own on the next review.
    const again = (await review(outcome.bytes)).outcome;
    expect(again.replaced).toBe(ours.length);
  });

  it('writes the comments part, its content type and relationship as Word does, with ids no other annotation uses', async () => {
    const { outcome } = await review(fixture('ooxml/numbering.docx'));
    const files = parts(outcome.bytes);
    const text = (name: string) => Buffer.from(files[name]).toString('utf8');
    expect(text('[Content_Types].xml')).toContain('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    expect(text('word/_rels/document.xml.rels')).toMatch(/<Relationship Id="rId\d+" Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/comments" Target="comments.xml"\/>/);
    expect(text('word/comments.xml')).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>\n<!-- written by audit-lint review(; runs divided at: [se\d ]+)? -->\n<w:comments xmlns:w="http:\/\/schemas.openxmlformats.org\/wordprocessingml\/2006\/main"><w:comment w:id="\d+" w:author="audit-lint" w:date="2026-03-02T10:30:00Z" w:initials="AL"><w:p><w:r><w:annotationRef\/><\/w:r>/);
    expect(text('word/document.xml').match(/<w:commentRangeStart /g)).toHaveLength(readComments(outcome.bytes).length);
  });

  it('numbers its comments after every annotation id the draft uses (comments, tracked changes, bookmarks)', async () => {
    const { outcome } = await review(fixture('ooxml/review.docx'));
    const used = [...fixtureText('ooxml/review.docx').matchAll(/w:id="(\d+)"/g)].map((m) => Number(m[1]));
    const ours = readComments(outcome.bytes).filter((c) => c.author === 'audit-lint').map((c) => Number(c.id));
    expect(Math.min(...ours)).toBe(Math.max(...used) + 1);
    expect(new Set(ours).size).toBe(ours.length);
  });

  it('keeps the macros of a .docm byte for byte', async () => {
    const original = fixture('ooxml/macros.docm');
    const { outcome } = await review(original);
    expect(Buffer.from(parts(outcome.bytes)['word/vbaProject.bin'])).toEqual(Buffer.from(parts(original)['word/vbaProject.bin']));
    expect(Buffer.from(parts(outcome.bytes)['[Content_Types].xml']).toString()).toContain('application/vnd.ms-word.document.macroEnabled.main+xml');
  });

  it('marks its copy so that it can tell its own copy from the draft and from a copy saved in Word', async () => {
    const original = fixture('ooxml/review.docx');
    const { outcome } = await review(original);
    expect(isReviewedCopy(outcome.bytes)).toBe(true);
    expect(isReviewedCopy(original)).toBe(false);
    expect(isReviewedCopy(fixture('bad/truncated.docx'))).toBe(false);
  });
});

describe('findings in the title', () => {
  it('name the Title paragraph even where the document properties word the title differently', async () => {
    const files = unzipSync(fixture('ooxml/review.docx'));
    files['docProps/core.xml'] = strToU8(strFromU8(files['docProps/core.xml']).replace('Neglect audit for the LSCP', 'The LSCP neglect audit, 2025'));
    // Headings one level down: the Title paragraph is then the report's title only, in its front matter.
    files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']).replace(/Heading1/g, 'Heading2'));
    const { input, result, outcome } = await review(zipSync(files));
    const acronym = result.findings.find((f) => f.ruleId === 'acronym-undefined' && f.message.startsWith('LSCP'))!;
    expect(input.reading.markdown.slice(0, acronym.start)).toBe('---\ntitle: The ');
    expect(findingSource(acronym, input, result.model)).toEqual({ paragraph: 1, quote: 'Neglect audit for the LSCP' });
    const comment = readComments(outcome.bytes).find((c) => c.paragraphs[0].startsWith('Warning: LSCP'))!;
    expect(comment.range).toBe(' LSCP');
  });
});

describe('the reviewer in a browser', () => {
  it('bundles for the browser with no Node.js module', async () => {
    const built = await build({ entryPoints: [path.join(__dirname, '..', '..', 'server', 'src', 'formats', 'review', 'index.ts')], bundle: true, platform: 'browser', write: false, metafile: true, logLevel: 'silent' });
    expect(Object.keys(built.metafile.inputs).filter((input) => /^node:|node_modules\/(mammoth|yaml)\//.test(input))).toEqual([]);
  });
});

function fixtureText(name: string): string {
  return Buffer.from(parts(fixture(name))['word/document.xml']).toString('utf8');
}

describe('what a review refuses', () => {
  it.each(fs.readdirSync(path.join(fixtures, 'bad')))('bad/%s is not reviewed, with a message', async (name) => {
    const outcome = await lintAndReview(fixture(`bad/${name}`), settings, { date });
    expect('error' in outcome && outcome.error).toMatch(/^(is|has|would|declares|uses)\b/);
  });

  it('refuses a lint of another document', async () => {
    const read = await readWordFile(Buffer.from(fixture('ooxml/numbering.docx')));
    if ('error' in read) throw new Error(read.error);
    const result = lint(read.input.reading.markdown, settings, read.input.lintOptions);
    expect(() => reviewWordDocument(fixture('ooxml/review.docx'), { reading: read.input.reading, result })).toThrow(DocxError);
    expect(() => reviewWordDocument(fixture('ooxml/review.docx'), { reading: read.input.reading, result })).toThrow(/does not match the lint given for it/);
  });
});
