/**
 * The exported Word document, read back as its XML parts: heading styles, numbering, table header
 * rows, links, footnotes, images, properties and language.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { exportReport, ReferenceDocxError, type ExportRequest } from '../../server/src/formats/export';
import type { Nodes } from 'mdast';
import { parseForExport } from '../../server/src/formats/export/read';

const fixtures = path.join(__dirname, '..', 'fixtures', 'export');
const FEATURES = path.join(fixtures, 'features.md');
const settings = resolveSettings(undefined, '(defaults)');

async function exportDocx(text: string, extra: Partial<ExportRequest> = {}): Promise<Record<string, string>> {
  const result = await exportReport({ text, file: FEATURES, settings, to: 'docx', ...extra });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.blockers)}`);
  const parts = unzipSync(result.data);
  return Object.fromEntries(Object.entries(parts).map(([name, bytes]) => [name, name.startsWith('word/media/') ? '' : strFromU8(bytes)]));
}

type XmlNode = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false });

/** Element children of an ordered fast-xml-parser node. */
function children(node: XmlNode): XmlNode[] {
  const name = Object.keys(node).find((key) => key !== ':@');
  return name && Array.isArray(node[name]) ? (node[name] as XmlNode[]) : [];
}
const nameOf = (node: XmlNode) => Object.keys(node).find((key) => key !== ':@') ?? '';
const attrs = (node: XmlNode) => (node[':@'] ?? {}) as Record<string, string>;
function find(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const visit = (n: XmlNode) => {
    if (nameOf(n) === name) found.push(n);
    for (const child of children(n)) visit(child);
  };
  visit(node);
  return found;
}
const first = (node: XmlNode, name: string) => find(node, name)[0];
const textIn = (node: XmlNode) => find(node, 'w:t').map((t) => children(t).map((c) => String(c['#text'] ?? '')).join('')).join('');

interface Para {
  style: string | undefined;
  numId: string | undefined;
  level: string | undefined;
  text: string;
}
function paragraphs(xml: string): Para[] {
  const root = { root: parser.parse(xml) } as XmlNode;
  return find(root, 'w:p').map((p) => {
    const style = first(p, 'w:pStyle');
    const numPr = first(p, 'w:numPr');
    return {
      style: style && attrs(style)['w:val'],
      numId: numPr && attrs(first(numPr, 'w:numId'))['w:val'],
      level: numPr && attrs(first(numPr, 'w:ilvl'))['w:val'],
      text: textIn(p),
    };
  });
}

/** Every word of a Markdown tree's text (not its front matter, addresses or alt text). */
function leafText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if ('children' in node) return node.children.map(leafText).join(' ');
  return '';
}

describe('export to Word', () => {
  let parts: Record<string, string>;
  let paras: Para[];
  beforeAll(async () => {
    parts = await exportDocx(fs.readFileSync(FEATURES, 'utf8'));
    paras = paragraphs(parts['word/document.xml']);
  });

  it('writes headings with Word heading styles, in order, and keeps the numbers readers cite', () => {
    const headings = paras.filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style}: ${p.text}`);
    expect(headings).toEqual([
      'Heading1: Audit of neglect where a parent misuses alcohol',
      'Heading2: 1. Background',
      'Heading2: 2. Methodology',
      'Heading2: 3. Findings',
      'Heading3: 3.1 Voice of the child',
      'Heading2: 4. Actions',
    ]);
    expect(paras.map((p) => p.text)).toContain('1.1 Alcohol misuse by a parent is recorded in half of the neglect plans in Eastvale.');
    for (const id of ['Heading1', 'Heading2', 'Heading3']) expect(parts['word/styles.xml']).toContain(`w:styleId="${id}"`);
  });

  it('numbers a list from where the Markdown starts it, and nests bullets a level down', () => {
    const numbered = paras.filter((p) => p.text.startsWith('Was the child') || p.text.startsWith('Did the plan') || p.text.startsWith('Was the plan'));
    expect(numbered).toHaveLength(3);
    const numId = numbered[0].numId!;
    expect(numbered.every((p) => p.numId === numId && p.level === '0')).toBe(true);
    const numbering = { root: parser.parse(parts['word/numbering.xml']) } as XmlNode;
    const num = find(numbering, 'w:num').find((n) => attrs(n)['w:numId'] === numId)!;
    const abstractId = attrs(first(num, 'w:abstractNumId'))['w:val'];
    const abstract = find(numbering, 'w:abstractNum').find((a) => attrs(a)['w:abstractNumId'] === abstractId)!;
    const level0 = find(abstract, 'w:lvl').find((l) => attrs(l)['w:ilvl'] === '0')!;
    expect(attrs(first(level0, 'w:numFmt'))['w:val']).toBe('decimal');
    expect(attrs(first(level0, 'w:start'))['w:val']).toBe('3');
    expect(attrs(first(level0, 'w:lvlText'))['w:val']).toBe('%1.');

    const police = paras.find((p) => p.text === 'Police')!;
    const team = paras.find((p) => p.text === 'the family support team')!;
    expect(police.numId).toBeDefined();
    expect(police.numId).not.toBe(numId);
    expect([police.level, team.level, team.numId]).toEqual(['0', '1', police.numId]);
    expect(paras.find((p) => p.text.includes('Findings shared with the board'))!.text).toBe('☒ Findings shared with the board');
  });

  it('marks the first table row as a header row that repeats on each page, and only that row', () => {
    const doc = { root: parser.parse(parts['word/document.xml']) } as XmlNode;
    const rows = find(first(doc, 'w:tbl'), 'w:tr');
    expect(rows).toHaveLength(3);
    const repeats = (row: XmlNode) => find(row, 'w:tblHeader').filter((h) => !['off', 'false', '0'].includes(attrs(h)['w:val'])).length;
    expect(rows.map(repeats)).toEqual([1, 0, 0]);
    expect(rows.map((row) => find(row, 'w:tc').map(textIn))).toEqual([
      ['Finding', 'Cases', 'Grade'],
      ['Child seen alone', '4', 'good'],
      ['Plan names what changes', '2', 'requires improvement to be good'],
    ]);
    expect(find(rows[0], 'w:b').length).toBeGreaterThan(0);
    expect(attrs(first(find(rows[1], 'w:tc')[1], 'w:jc'))['w:val']).toBe('right');
  });

  it('writes links with their text and their address', () => {
    const doc = { root: parser.parse(parts['word/document.xml']) } as XmlNode;
    const links = find(doc, 'w:hyperlink');
    expect(links.map(textIn)).toEqual(['Eastvale partnership website']);
    const rid = attrs(links[0])['r:id'];
    expect(parts['word/_rels/document.xml.rels']).toMatch(new RegExp(`Id="${rid}"[^>]*Target="https://example.org/eastvale/guidance"[^>]*TargetMode="External"|Target="https://example.org/eastvale/guidance"[^>]*Id="${rid}"`));
  });

  it('writes footnotes in the order they are referred to', () => {
    const doc = { root: parser.parse(parts['word/document.xml']) } as XmlNode;
    expect(find(doc, 'w:footnoteReference').map((f) => attrs(f)['w:id'])).toEqual(['1', '2']);
    const notes = { root: parser.parse(parts['word/footnotes.xml']) } as XmlNode;
    const byId = Object.fromEntries(find(notes, 'w:footnote').map((f) => [attrs(f)['w:id'], textIn(f).trim()]));
    expect(byId['1']).toBe('Eastvale neglect performance report, March 2025.');
    expect(byId['2']).toBe('The children were aged 9 to 14.');
  });

  it('embeds an image with its alt text and its size', () => {
    const doc = { root: parser.parse(parts['word/document.xml']) } as XmlNode;
    const docPr = find(doc, 'wp:docPr');
    expect(docPr).toHaveLength(1);
    expect(attrs(docPr[0]).descr).toBe('Bar chart of cases graded good in each quarter');
    const extent = attrs(first(doc, 'wp:extent'));
    expect([Number(extent.cx) / 9525, Number(extent.cy) / 9525]).toEqual([120, 60]);
    expect(Object.keys(parts).filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
  });

  it('sets title, author (the partnership), language and the export mark; no comments or tracked changes', () => {
    const core = parts['docProps/core.xml'];
    expect(core).toContain('<dc:title>Learning from an audit of neglect in families where a parent misuses alcohol</dc:title>');
    expect(core).toContain('<dc:creator>Eastvale Safeguarding Children Partnership</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Eastvale Safeguarding Children Partnership</cp:lastModifiedBy>');
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(parts['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="en-GB"/);
    expect(parts['docProps/custom.xml']).toMatch(/name="Generator"><vt:lpwstr>audit-lint /);
    expect(parts['word/comments.xml']).toBeUndefined();
    expect(parts['word/document.xml']).not.toMatch(/<w:(ins|del|commentReference|commentRangeStart)\b/);
    expect(parts['word/settings.xml']).not.toContain('trackRevisions');
  });

  it('leaves the author empty without a partnership: never a person, never a placeholder name', async () => {
    const text = fs.readFileSync(FEATURES, 'utf8').replace(/^partnership:.*\n/m, '');
    const core = (await exportDocx(text))['docProps/core.xml'];
    expect(core).not.toMatch(/<dc:creator>|<cp:lastModifiedBy>[^<]/);
    expect(core).not.toMatch(/Un-named/);
  });

  it('has every word of the report in its text', () => {
    const markdown = fs.readFileSync(FEATURES, 'utf8');
    const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
    const written = new Set(words([parts['word/document.xml'], parts['word/footnotes.xml']].flatMap((xml) => paragraphs(xml).map((p) => p.text)).join(' ')));
    const expected = new Set(words(leafText(parseForExport(markdown))));
    expect(expected.size).toBeGreaterThan(100);
    expect([...expected].filter((w) => !written.has(w))).toEqual([]);
  });

  it('takes the styles of a reference document, keeping the language', async () => {
    const styles = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:color w:val="7A1F5C"/></w:rPr></w:style></w:styles>';
    const reference = zipSync({ 'word/styles.xml': strToU8(styles), 'word/document.xml': strToU8('<w:document/>') });
    const out = await exportDocx(fs.readFileSync(FEATURES, 'utf8'), { referenceDocx: reference });
    expect(out['word/styles.xml']).toContain('<w:color w:val="7A1F5C"/>');
    expect(out['word/styles.xml']).toContain('w:ascii="Georgia"');
    expect(out['word/styles.xml']).not.toContain('en-US');
    expect(out['word/styles.xml']).toContain('<w:lang w:val="en-GB"');
    expect(out['word/styles.xml']).not.toContain('Arial');
  });

  it('refuses a reference document that is not a .docx', async () => {
    await expect(exportReport({ text: '# Report\n', file: FEATURES, settings, to: 'docx', referenceDocx: strToU8('not a zip') })).rejects.toThrow(ReferenceDocxError);
    const noStyles = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    await expect(exportReport({ text: '# Report\n', file: FEATURES, settings, to: 'docx', referenceDocx: noStyles })).rejects.toThrow(/no styles/);
  });
});
