import { descendants, elements, textOf, type XmlElement } from '../docx/xml';

/**
 * The comments part: comments as Word writes them, how audit-lint's own are told apart from
 * everyone else's, and taking those out again before a copy is reviewed once more.
 */

export const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
export const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const W_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * Put in the comments part of every copy audit-lint writes, with the range marks that divided a
 * run (so the next review can make the run whole again). Word drops XML comments when it saves,
 * so a copy someone has saved in Word (perhaps with comments of their own) is no longer taken for
 * audit-lint's, and is not replaced without --force.
 */
export const REVIEW_MARK = '<!-- written by audit-lint review';
const REVIEW_NOTE = /<!-- written by audit-lint review(?:; runs divided at: ([se\d ]*))? -->\n?/;

export function reviewNote(divided: string[]): string {
  return `${REVIEW_MARK}${divided.length > 0 ? `; runs divided at: ${divided.join(' ')}` : ''} -->\n`;
}

/** The marks ("s12" starts comment 12, "e12" ends it) that divided a run in an earlier review. */
export function dividedAt(comments: string): Set<string> {
  return new Set(REVIEW_NOTE.exec(comments)?.[1]?.split(' ').filter(Boolean) ?? []);
}

/** The comments part with the note of this review in place of any earlier one. */
export function withReviewNote(comments: string, divided: string[]): string {
  if (REVIEW_NOTE.test(comments)) return comments.replace(REVIEW_NOTE, reviewNote(divided));
  return comments.replace(/^(<\?xml[^>]*\?>\s*)?/, (declaration) => `${declaration}${reviewNote(divided)}`);
}

/** The last paragraph of each comment audit-lint writes names the rules by their pages. */
const RULE_LINE = /^audit-lint: .*\/docs\/rules\/[a-z-]+\.md/;

export interface CommentText {
  id: number;
  author: string;
  initials: string;
  date: Date;
  paragraphs: string[];
}

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot hold are dropped; the rest escaped.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Word writes dates without fractions of a second. */
export function wordDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function initialsOf(author: string): string {
  const initials = author.split(/[\s\-_.]+/).filter(Boolean).map((word) => [...word][0].toUpperCase()).join('');
  return initials.slice(0, 4) || 'AL';
}

export function commentXml(comment: CommentText): string {
  const paragraphs = comment.paragraphs.map((text, index) => {
    // Word starts a comment's first paragraph with the mark that ties it to its reference.
    const mark = index === 0 ? '<w:r><w:annotationRef/></w:r>' : '';
    return `<w:p>${mark}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
  });
  return `<w:comment w:id="${comment.id}" w:author="${escapeXml(comment.author)}" w:date="${wordDate(comment.date)}" w:initials="${escapeXml(comment.initials)}">${paragraphs.join('')}</w:comment>`;
}

export function newCommentsPart(comments: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NAMESPACE}">${comments}</w:comments>`;
}

/** Whether a comment is one audit-lint wrote: its last paragraph names the rules by their pages. */
export function isReviewComment(comment: XmlElement): boolean {
  const paragraphs = descendants(comment, 'w:p');
  const last = paragraphs[paragraphs.length - 1];
  return last !== undefined && RULE_LINE.test(textOf(last).trim());
}

/** The ids of the comments in a comments part (all, and audit-lint's). */
export function commentIds(root: XmlElement): { all: string[]; ours: Set<string> } {
  const all: string[] = [];
  const ours = new Set<string>();
  for (const comment of descendants(root, 'w:comment')) {
    const id = comment.attrs['w:id'];
    if (id === undefined) continue;
    all.push(id);
    if (isReviewComment(comment)) ours.add(id);
  }
  return { all, ours };
}

export interface Cut {
  start: number;
  end: number;
}

interface MarkCut extends Cut {
  /** "s12", "e12" for range marks. */
  key?: string;
}

/** audit-lint's comments in the comments part. */
export function ourComments(root: XmlElement, ours: Set<string>): Cut[] {
  return descendants(root, 'w:comment').filter((c) => ours.has(c.attrs['w:id'] ?? '')).map((c) => ({ start: c.start, end: c.end }));
}

const CLOSE_RUN = '</w:t></w:r>';
const OPEN_TEXT = '<w:t xml:space="preserve">';

/**
 * audit-lint's range marks and references in the document: the marks themselves, the run that
 * holds a reference when the run holds nothing else (as audit-lint writes it), and where marks
 * divided a run, the division, so the run is whole again.
 */
export function ourMarks(xml: string, body: XmlElement, ours: Set<string>, divided: Set<string>): Cut[] {
  const marks = markElements(body, ours).sort((a, b) => a.start - b.start);
  const runsByEnd = new Map(descendants(body, 'w:r').map((run) => [run.end, run]));
  // Adjacent marks are one cut.
  const groups: (Cut & { divided: boolean })[] = [];
  for (const mark of marks) {
    const last = groups[groups.length - 1];
    const divides = mark.key !== undefined && divided.has(mark.key);
    if (last && last.end === mark.start) {
      last.end = mark.end;
      last.divided ||= divides;
    } else {
      groups.push({ start: mark.start, end: mark.end, divided: divides });
    }
  }
  return groups.map((group) => {
    const before = group.divided ? runsByEnd.get(group.start) : undefined;
    if (!before || xml.slice(group.start - CLOSE_RUN.length, group.start) !== CLOSE_RUN) return group;
    const properties = elements(before, 'w:rPr')[0];
    const reopen = xml.slice(before.start, before.openEnd) + (properties ? xml.slice(properties.start, properties.end) : '') + OPEN_TEXT;
    return xml.startsWith(reopen, group.end) ? { start: group.start - CLOSE_RUN.length, end: group.end + reopen.length } : group;
  });
}

function markElements(body: XmlElement, ours: Set<string>): MarkCut[] {
  const cuts: MarkCut[] = [];
  const visit = (node: XmlElement) => {
    for (const c of elements(node)) {
      const id = c.attrs['w:id'] ?? '';
      if ((c.name === 'w:commentRangeStart' || c.name === 'w:commentRangeEnd' || c.name === 'w:commentReference') && ours.has(id)) {
        const side = c.name === 'w:commentRangeStart' ? 's' : c.name === 'w:commentRangeEnd' ? 'e' : undefined;
        cuts.push({ start: c.start, end: c.end, key: side && `${side}${id}` });
      } else if (c.name === 'w:r' && isOurReferenceRun(c, ours)) {
        cuts.push({ start: c.start, end: c.end });
      } else {
        visit(c);
      }
    }
  };
  visit(body);
  return cuts;
}

function isOurReferenceRun(run: XmlElement, ours: Set<string>): boolean {
  const content = elements(run).filter((c) => c.name !== 'w:rPr');
  return content.length === 1 && content[0].name === 'w:commentReference' && ours.has(content[0].attrs['w:id'] ?? '') && textOf(run).trim() === '';
}

/** Text with the cut spans taken out. */
export function cut(text: string, cuts: Cut[]): string {
  const sorted = [...cuts].sort((a, b) => a.start - b.start);
  let out = '';
  let done = 0;
  for (const c of sorted) {
    if (c.start < done) continue;
    out += text.slice(done, c.start);
    done = c.end;
  }
  return out + text.slice(done);
}
