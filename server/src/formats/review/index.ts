import { present, type Presented } from '../../core/present';
import { docsUrl } from '../../core/rules/docs';
import type { DocumentModel, Finding, Severity } from '../../core/types';
import type { DocxReading } from '../docx';
import { ownText } from '../docx/body';
import { DocxError } from '../docx/errors';
import { attr, child, descendants, parseXml, type XmlElement } from '../docx/xml';
import { anchorAround, anchorOnWords, bodyParagraphs, hostParagraphAt, noteReference, wholeParagraph, type Anchor, type BodyParagraph } from './anchors';
import {
  COMMENTS_CONTENT_TYPE, COMMENTS_TYPE, REVIEW_MARK, commentIds, commentXml, cut, escapeXml, initialsOf, newCommentsPart, ourComments, ourMarks,
} from './comments';
import { PackageParts, relationshipsPart, resolveTarget } from './parts';

/**
 * The reviewer's copy of a Word document: each problem the lint found, as the stylish report and the
 * Problems panel group them, is a Word comment on the words it concerns. Bytes in, bytes out, with
 * no file system, so the same code runs in the command line, the extension and a browser.
 *
 * Only word/document.xml (the comment marks), the comments part, [Content_Types].xml and the
 * document's relationships can change; every other part keeps its bytes.
 */

export interface ReviewOptions {
  /** The comments' author; "audit-lint" by default. */
  author?: string;
  /** Leave out problems below this severity. */
  minSeverity?: Severity;
  /** The comments' date; now by default. */
  date?: Date;
}

/** A Word document's lint: the reading the lint was run on and its result. */
export interface WordLint {
  reading: Pick<DocxReading, 'paragraphMap' | 'hidden' | 'markdown'>;
  result: { findings: readonly Finding[]; model: Pick<DocumentModel, 'prose'> };
}

export interface ReviewOutcome {
  bytes: Uint8Array;
  /** Comments written: one per problem at or above the minimum severity. */
  comments: number;
  /** Of those, comments whose range is the quoted words (the rest cover a whole paragraph). */
  onWords: number;
  /** Comments from an earlier review that were taken out. */
  replaced: number;
  /** Comments by anyone else, kept. */
  kept: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
const MAIN_TYPES = /wordprocessingml\.(document|template)\.main\+xml$|ms-word\.(document|template)\.macroEnabled(\.main)?\+xml$/;

/** The reviewed copy of a Word document: the given lint's problem rows as comments. */
export function reviewWordDocument(docx: Uint8Array, lint: WordLint, options: ReviewOptions = {}): ReviewOutcome {
  const author = options.author?.trim() || 'audit-lint';
  const date = options.date ?? new Date();
  const minimum = RANK[options.minSeverity ?? 'info'];
  const parts = new PackageParts(docx);

  const contentTypes = parts.text('[Content_Types].xml');
  if (contentTypes === undefined) throw new DocxError('not-word', 'is a ZIP file but not a Word document (it has no [Content_Types].xml)');
  const types = parseXml(contentTypes, '[Content_Types].xml');
  const mainPart = descendants(types, 'Override').map((o) => ({ part: (attr(o, 'PartName') ?? '').replace(/^\//, ''), type: attr(o, 'ContentType') ?? '' })).find((o) => MAIN_TYPES.test(o.type))?.part;
  const documentText = mainPart === undefined ? undefined : parts.text(mainPart);
  if (mainPart === undefined || documentText === undefined) throw new DocxError('not-word', 'is a ZIP file but not a Word document (no document body)');

  // Comments from an earlier review go first, from the comments part and from the document.
  const comments = commentsPart(parts, mainPart);
  let commentsText = comments.text ?? '';
  let previous = { all: [] as string[], ours: new Set<string>() };
  if (comments.text !== undefined) {
    const root = parseXml(comments.text, comments.name);
    previous = commentIds(root);
    commentsText = cut(comments.text, ourComments(root, previous.ours));
  }
  let document = documentText;
  let root = parseXml(document, mainPart);
  if (previous.ours.size > 0) {
    document = cut(document, ourMarks(bodyOf(root, mainPart), previous.ours));
    root = parseXml(document, mainPart);
  }
  const body = bodyOf(root, mainPart);
  const paragraphs = bodyParagraphs(body);
  checkSameParagraphs(paragraphs, lint);

  const rows = present(lint.result.findings).filter((row) => RANK[row.severity] <= minimum);
  let nextId = highestId([commentsText, document]) + 1;
  const written: string[] = [];
  const marks: { at: number; order: number; xml: string }[] = [];
  let onWords = 0;
  rows.forEach((row, order) => {
    const anchor = anchorFor(row, lint, body, paragraphs);
    if (!anchor) return;
    const id = nextId++;
    if (anchor.onWords) onWords++;
    marks.push({ at: anchor.start, order, xml: `<w:commentRangeStart w:id="${id}"/>` });
    marks.push({ at: anchor.end, order, xml: `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>` });
    written.push(commentXml({ id, author, initials: initialsOf(author), date, paragraphs: commentParagraphs(row) }));
  });

  parts.setText(mainPart, insertAt(document, marks));
  parts.setText(comments.name, withComments(commentsText, written.join('')));
  if (!comments.related) addRelationship(parts, mainPart, comments.name);
  addContentType(parts, contentTypes, comments.name);
  return { bytes: parts.toZip(date), comments: written.length, onWords, replaced: previous.ours.size, kept: previous.all.length - previous.ours.size };
}

function bodyOf(root: XmlElement, part: string): XmlElement {
  const body = child(child(root, 'w:document'), 'w:body');
  if (!body) throw new DocxError('corrupt', `is damaged: ${part} has no document body`);
  return body;
}

/** The lint must be of this very document: its paragraphs are how findings are placed. */
function checkSameParagraphs(paragraphs: BodyParagraph[], lint: WordLint): void {
  const linted = lint.reading.paragraphMap.paragraphs;
  const same = linted.length === paragraphs.length && linted.every((p, i) => p.text.replace(/\s+/g, ' ').endsWith(ownText(paragraphs[i].element)));
  if (!same) throw new DocxError('corrupt', 'does not match the lint given for it (its paragraphs differ); lint and review the same file');
}

/** Where a problem's comment goes: its words, its paragraph, a note's reference, or the first paragraph. */
function anchorFor(row: Presented<Finding>, lint: WordLint, body: XmlElement, paragraphs: BodyParagraph[]): Anchor | undefined {
  const { reading, result } = lint;
  const first = row.members.find((m) => m.line === row.line && m.column === row.column) ?? row.members[0];
  const documentLevel = () => (paragraphs[0] ? wholeParagraph(paragraphs[0].host) : undefined);
  const hidden = first.data.hidden;
  if (typeof hidden === 'number') {
    const number = reading.hidden[hidden]?.paragraph;
    const paragraph = number === undefined ? undefined : paragraphs[number - 1];
    return paragraph ? wholeParagraph(paragraph.host) : documentLevel();
  }
  const note = noteAt(reading.markdown, first.start);
  if (note) {
    const reference = noteReference(body, note.kind, note.id);
    const host = reference && hostParagraphAt(body, reference.start);
    if (reference && host) return anchorAround(host, reference);
  }
  const number = reading.paragraphMap.paragraphAt(first.start)?.number;
  const paragraph = number === undefined ? undefined : paragraphs[number - 1];
  if (!paragraph) return documentLevel();
  return anchorOnWords(paragraph, result.model.prose.slice(first.start, first.end));
}

/** A footnote or endnote definition ("[^3]: …", "[^e2]: …") on the Markdown line at an offset. */
function noteAt(markdown: string, offset: number): { kind: 'footnote' | 'endnote'; id: string } | undefined {
  const lineStart = markdown.lastIndexOf('\n', offset - 1) + 1;
  const match = /^\[\^(e?)(\d+)\]:/.exec(markdown.slice(lineStart, lineStart + 16));
  return match ? { kind: match[1] ? 'endnote' : 'footnote', id: match[2] } : undefined;
}

/** The message, its "Better: …" suggestion apart, and the rules with their pages. */
function commentParagraphs(row: Presented<Finding>): string[] {
  const better = row.message.indexOf(' Better: ');
  const message = better < 0 ? row.message : row.message.slice(0, better);
  const paragraphs = [`${SEVERITY_WORD[row.severity]}: ${message}`];
  if (better >= 0) paragraphs.push(row.message.slice(better + 1));
  paragraphs.push(`audit-lint: ${row.ruleIds.map((id) => `${id} ${docsUrl(id)}`).join(' · ')}`);
  return paragraphs;
}

function highestId(texts: string[]): number {
  let highest = -1;
  for (const text of texts) {
    for (const match of text.matchAll(/<w:comment(?:RangeStart|RangeEnd|Reference)?\s[^>]*?w:id="(\d+)"/g)) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

/** Insert the marks, in order; at one offset, in the order of their problems. */
function insertAt(text: string, marks: { at: number; order: number; xml: string }[]): string {
  const sorted = [...marks].sort((a, b) => a.at - b.at || a.order - b.order);
  let out = '';
  let done = 0;
  for (const mark of sorted) {
    out += text.slice(done, mark.at) + mark.xml;
    done = mark.at;
  }
  return out + text.slice(done);
}

/** The document's comments part: its name, its text when it has one, and whether the document already relates to it. */
function commentsPart(parts: PackageParts, mainPart: string): { name: string; text: string | undefined; related: boolean } {
  const relsName = relationshipsPart(mainPart);
  const rels = parts.text(relsName);
  if (rels !== undefined) {
    const relation = descendants(parseXml(rels, relsName), 'Relationship').find((r) => attr(r, 'Type') === COMMENTS_TYPE && attr(r, 'TargetMode') !== 'External');
    if (relation) {
      const name = resolveTarget(mainPart, attr(relation, 'Target') ?? '');
      return { name, text: parts.text(name), related: true };
    }
  }
  const folder = mainPart.slice(0, mainPart.lastIndexOf('/') + 1);
  let name = `${folder}comments.xml`;
  for (let n = 2; parts.has(name); n++) name = `${folder}comments${n}.xml`;
  return { name, text: undefined, related: false };
}

function withComments(text: string, comments: string): string {
  if (text === '') return newCommentsPart(comments);
  const root = child(parseXml(text, 'comments'), 'w:comments');
  if (!root) throw new DocxError('corrupt', 'is damaged: its comments part holds no comments element');
  const marked = (t: string) => (t.includes(REVIEW_MARK) ? t : t.replace(/^(<\?xml[^>]*\?>\s*)?/, (declaration) => `${declaration}${REVIEW_MARK}\n`));
  if (root.closeStart === root.openEnd) {
    // <w:comments …/>: opened up to hold the comments.
    const open = text.slice(root.start, root.openEnd).replace(/\s*\/>$/, '>');
    return marked(`${text.slice(0, root.start)}${open}${comments}</w:comments>${text.slice(root.end)}`);
  }
  return marked(`${text.slice(0, root.closeStart)}${comments}${text.slice(root.closeStart)}`);
}

function addRelationship(parts: PackageParts, mainPart: string, commentsName: string): void {
  const relsName = relationshipsPart(mainPart);
  const rels = parts.text(relsName) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const used = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const target = commentsName.slice(mainPart.lastIndexOf('/') + 1);
  const relation = `<Relationship Id="rId${n}" Type="${COMMENTS_TYPE}" Target="${escapeXml(target)}"/>`;
  const close = rels.lastIndexOf('</Relationships>');
  if (close < 0) throw new DocxError('corrupt', `is damaged: ${relsName} holds no relationships`);
  parts.setText(relsName, `${rels.slice(0, close)}${relation}${rels.slice(close)}`);
}

function addContentType(parts: PackageParts, contentTypes: string, commentsName: string): void {
  if (contentTypes.includes(`PartName="/${commentsName}"`)) return;
  const close = contentTypes.lastIndexOf('</Types>');
  if (close < 0) throw new DocxError('corrupt', 'is damaged: [Content_Types].xml holds no types');
  parts.setText('[Content_Types].xml', `${contentTypes.slice(0, close)}<Override PartName="/${escapeXml(commentsName)}" ContentType="${COMMENTS_CONTENT_TYPE}"/>${contentTypes.slice(close)}`);
}

/** Whether a Word document is a copy audit-lint reviewed and nobody has saved since (see REVIEW_MARK). */
export function isReviewedCopy(docx: Uint8Array): boolean {
  try {
    const parts = new PackageParts(docx);
    return parts.names().some((name) => /comments\d*\.xml$/.test(name) && (parts.text(name) ?? '').includes(REVIEW_MARK));
  } catch {
    return false;
  }
}
