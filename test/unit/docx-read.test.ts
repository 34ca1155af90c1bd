/**
 * The Word reader on hand-written OOXML (scripts/make-docx-fixtures.mjs): numbering as Word shows
 * it, tables, notes, text boxes and images, hidden data, and files it must refuse.
 * ooxml/*.md beside each document is its expected Markdown, checked by reading it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocxError, readDocx } from '../../server/src/formats/docx';
import { formatNumber } from '../../server/src/formats/docx/numbering';
import { ZIP_LIMITS } from '../../server/src/formats/docx/zip';

const fixtures = path.join(__dirname, '..', 'fixtures', 'docx');
const read = (name: string) => readDocx(fs.readFileSync(path.join(fixtures, name)));

describe('conversion to Markdown', () => {
  it.each(['numbering', 'structures', 'hidden'])('ooxml/%s.docx converts to its expected Markdown', async (name) => {
    const reading = await read(`ooxml/${name}.docx`);
    const expected = fs.readFileSync(path.join(fixtures, 'ooxml', `${name}.md`), 'utf8');
    // The expected files were written by import, which adds the guessed profile; these state theirs.
    expect(reading.markdown).toBe(expected);
  });

  it('writes Word numbering as the reader sees it', async () => {
    const { markdown } = await read('ooxml/numbering.docx');
    for (const line of [
      '## 1 Introduction', // heading numbered by its style
      '1.1 The partnership audited six cases.', // paragraph style carrying level 2 of the headings' list
      '2.1 Cases were chosen at random.', // restarted under the next heading
      'a) was the child seen;',
      '(ii) with a parent;',
      'b) was the plan followed.', // the letter continues after the deeper level
      '3. Third finding, the list continues.', // the counter continues across other text
      '1) A new list restarts.', // a num with a start override restarts the same definition
      'g) A lettered list starting at g.',
      '### Deep numbering', // a direct outline level makes a heading
      'IV. Part four.', // start 4, upper roman
      'IV.A.1 Item one.',
      'IV.B.2 Item two: level 3 does not restart.', // lvlRestart 0
    ]) {
      expect(markdown.split('\n')).toContain(line);
    }
  });

  it('maps each Markdown block to its Word paragraph', async () => {
    const { markdown, paragraphMap } = await read('ooxml/numbering.docx');
    const at = (text: string) => paragraphMap.paragraphAt(markdown.indexOf(text));
    expect(at('Each case was graded')?.text).toBe('1.2 Each case was graded by the panel.');
    expect(at('Each case was graded')?.number).toBe(4);
    expect(at('IV.B.2 Item two')?.text).toBe('IV.B.2 Item two: level 3 does not restart.');
    expect(at('# Audit of neglect')?.isTitle).toBe(true);
  });

  it('lists what it could not convert', async () => {
    expect((await read('ooxml/structures.docx')).lossy).toEqual([
      'Text boxes are written as ordinary paragraphs where they stand.',
      'A chart was left out: it cannot be written as Markdown.',
      'A shape was left out: it cannot be written as Markdown.',
      '1 image is written as its alt text only.',
    ]);
    expect((await read('ooxml/numbering.docx')).lossy).toEqual([]);
  });

  it('formats numbers as Word does', () => {
    expect(['lowerLetter', 'upperLetter', 'lowerRoman', 'upperRoman', 'decimalZero', 'ordinal'].map((f) => formatNumber(27, f))).toEqual(['aa', 'AA', 'xxvii', 'XXVII', '27', '27th']);
    expect(formatNumber(1994, 'upperRoman')).toBe('MCMXCIV');
    expect(formatNumber(4, 'decimalZero')).toBe('04');
    expect(formatNumber(12, 'ordinal')).toBe('12th');
  });
});

describe('hidden data', () => {
  it('collects what a reader of the file can recover, with where it is and its paragraph', async () => {
    const { hidden } = await read('ooxml/hidden.docx');
    expect(hidden.map((h) => [h.where, h.paragraph, h.personField])).toEqual([
      ['in a tracked deletion', 5, false],
      ['in the author of a tracked deletion', 5, true],
      ['in the author of a tracked insertion', 5, true],
      ['in the alt text of an image', 6, false],
      ['in a comment', 3, false],
      ['in the author of a comment', 3, true],
      ['in a header', undefined, false],
      ['in a footer', undefined, false],
      ['in the document properties: author', undefined, true],
      ['in the document properties: last modified by', undefined, true],
      ['in the document properties: manager', undefined, true],
      ['in the document properties: company', undefined, false],
    ]);
    expect(hidden[0].text).toContain('NHS number 943 476 5919');
  });

  it('keeps hidden text out of the Markdown', async () => {
    const { markdown } = await read('ooxml/hidden.docx');
    expect(markdown).not.toMatch(/943 476|Acacia|Jennings|Raman|Okafor|Tom Baker/);
  });
});

describe('files it refuses', () => {
  it.each([
    ['bad/legacy.doc', 'legacy-or-encrypted', /save it as \.docx/],
    ['bad/password.docx', 'legacy-or-encrypted', /password-protected/],
    ['bad/truncated.docx', 'corrupt', /not a valid ZIP file/],
    ['bad/not-a-zip.docx', 'corrupt', /not a Word \.docx document/],
    ['bad/bomb.docx', 'too-large', /zip bomb/],
    ['bad/understated.docx', 'corrupt', /"word\/document\.xml" unpacks to more than its table of contents declares/],
    ['bad/many-parts.docx', 'too-large', /2500 parts/],
    ['bad/workbook.docx', 'not-word', /Excel workbook with a \.docx name/],
    ['bad/entities.docx', 'unsafe-xml', /entities/],
  ])('%s', async (name, kind, message) => {
    const error = await read(name).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DocxError);
    expect((error as DocxError).kind).toBe(kind);
    expect((error as DocxError).message).toMatch(message);
  });

  it('caps what a zip may unpack to before inflating anything', () => {
    expect(ZIP_LIMITS.maxTotalUncompressed).toBeLessThanOrEqual(256 * 1024 * 1024);
  });

  it('reads a macro-enabled document without running anything, and says so', async () => {
    const reading = await read('ooxml/macros.docm');
    expect(reading.macros).toBe(true);
    expect(reading.markdown).toContain('Six cases were audited.');
    expect(reading.lossy).toContain('The document contains macros; they were ignored and never run.');
  });
});
