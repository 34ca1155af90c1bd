/**
 * Reviewed copies read by real word processors: LibreOffice opens each one, lays it out as PDF and
 * keeps every comment (its flat ODF has one annotation per comment, with the comment's text); pandoc
 * (--track-changes=all) reads each comment back with the text it is anchored on. Needs soffice
 * (Debian libreoffice-writer-nogui) and pandoc: `npm run test:readers`, which CI runs after npm test.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lintAndReview } from '../../server/src/formats/review/word-file';
import { readComments, type ReadComment } from '../review-reading';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'docx');
const DRAFTS = [
  ...['pandoc', 'libreoffice'].flatMap((producer) => fs.readdirSync(path.join(fixtures, producer)).map((name) => `${producer}/${name}`)),
  'ooxml/review.docx',
  'ooxml/hidden.docx',
  'ooxml/numbering.docx',
];
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-lint-readers-'));
const copyName = (draft: string) => draft.replace(/\//g, '-').replace(/\.docx$/, '.reviewed.docx');
const comments = new Map<string, ReadComment[]>();

beforeAll(async () => {
  const settings = resolveSettings(undefined, '(defaults)');
  for (const draft of DRAFTS) {
    const review = await lintAndReview(new Uint8Array(fs.readFileSync(path.join(fixtures, draft))), settings);
    if ('error' in review) throw new Error(`${draft}: ${review.error}`);
    fs.writeFileSync(path.join(out, copyName(draft)), review.outcome.bytes);
    comments.set(draft, readComments(review.outcome.bytes, { textBoxes: false, deletedText: true }));
  }
  // One LibreOffice for every copy: to PDF, and to flat ODF to read its annotations.
  const copies = DRAFTS.map((draft) => path.join(out, copyName(draft)));
  for (const format of ['pdf', 'fodt']) execFileSync('soffice', ['--headless', '--convert-to', format, '--outdir', out, ...copies], { stdio: 'ignore', timeout: 300_000 });
}, 600_000);

const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

describe.each(DRAFTS)('the reviewed copy of %s', (draft) => {
  const base = path.join(out, copyName(draft).replace(/\.docx$/, ''));

  it('is laid out by LibreOffice as PDF', () => {
    const pdf = fs.readFileSync(`${base}.pdf`);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1])).toBeGreaterThan(0);
  });

  it('keeps every comment in LibreOffice, with its author and text', () => {
    const fodt = fs.readFileSync(`${base}.fodt`, 'utf8');
    const annotations = [...fodt.matchAll(/<office:annotation(?:\s[^>]*)?>([\s\S]*?)<\/office:annotation>/g)].map((m) => ({
      author: unescape(/<dc:creator>([^<]*)<\/dc:creator>/.exec(m[1])?.[1] ?? ''),
      text: normal(unescape(m[1].replace(/<dc:creator>[^<]*<\/dc:creator>|<dc:date>[^<]*<\/dc:date>|<meta:[^>]*>[^<]*<\/meta:[^>]*>/g, '').replace(/<text:s\/>/g, ' ').replace(/<\/text:p>/g, ' ').replace(/<[^>]+>/g, ''))),
    }));
    const expected = comments.get(draft)!.map((c) => ({ author: c.author, text: normal(c.paragraphs.join(' ')) }));
    expect(annotations.sort((a, b) => a.text.localeCompare(b.text))).toEqual(expected.sort((a, b) => a.text.localeCompare(b.text)));
  });

  it('is read back by pandoc: each comment with its text and the words it is anchored on', () => {
    const ast = JSON.parse(execFileSync('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'json', `${base}.docx`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    const read = pandocComments(ast);
    for (const comment of comments.get(draft)!) {
      const found = read.get(comment.id);
      expect(found, `comment ${comment.id}`).toBeDefined();
      expect(found!.author).toBe(comment.author);
      expect(found!.text).toBe(normal(comment.paragraphs.join(' ¶ ')));
      expect(found!.anchored, `the words under comment ${comment.id}`).toBe(normal(comment.range ?? ''));
    }
    expect(read.size).toBe(comments.get(draft)!.length);
  });
});

interface PandocComment {
  author: string;
  text: string;
  anchored: string;
}

/** Comments in pandoc's JSON, in reading order (the title first): their text and what lies between their start and end. */
function pandocComments(ast: { meta: unknown; blocks: unknown }): Map<string, PandocComment> {
  const found = new Map<string, PandocComment>();
  const open = new Set<string>();
  const text = (node: unknown): string => {
    const parts: string[] = [];
    walk(node, (t) => parts.push(t), false);
    return normal(parts.join(''));
  };
  const walk = (node: unknown, emit: (text: string) => void, comments: boolean): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, emit, comments);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const { t, c } = node as { t?: string; c?: unknown };
    if (t === 'Str') return emit(c as string);
    if (t === 'Space' || t === 'SoftBreak' || t === 'LineBreak') return emit(' ');
    // A note's text is not the words it is anchored on.
    if (t === 'Note') return walk(c, () => undefined, comments);
    if (t === 'Span' && comments) {
      const [[, classes, attributes], content] = c as [[string, string[], [string, string][]], unknown];
      const id = attributes.find(([key]) => key === 'id')?.[1];
      if (id !== undefined && classes.includes('comment-start')) {
        found.set(id, { author: attributes.find(([key]) => key === 'author')?.[1] ?? '', text: text(content), anchored: '' });
        open.add(id);
        return;
      }
      if (id !== undefined && classes.includes('comment-end')) {
        open.delete(id);
        // pandoc nests the ends of comments that end together.
        return walk(content, emit, comments);
      }
    }
    if (t === 'Para' || t === 'Plain' || t === 'Header') {
      walk(c, emit, comments);
      return emit(' ');
    }
    for (const value of Object.values(node)) walk(value, emit, comments);
  };
  const collect = (piece: string) => {
    for (const id of open) found.get(id)!.anchored += piece;
  };
  walk(ast.meta, collect, true);
  walk(ast.blocks, collect, true);
  for (const comment of found.values()) comment.anchored = normal(comment.anchored);
  return found;
}
