import { descendants, elements, textOf, type XmlElement } from '../docx/xml';

/**
 * The comments part: comments as Word writes them, how audit-lint's own are told apart from
 * everyone else's, and taking those out again before a copy is reviewed once more.
 */

export const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
export const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const W_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * Put in the comments part of every copy audit-lint writes. Word drops XML comments when it saves,
 * so a copy someone has saved in Word (perhaps with comments of their own) is no longer taken for
 * audit-lint's, and is not replaced without --force.
 */
export const REVIEW_MARK = '<!-- written by audit-lint review -->';

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
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${REVIEW_MARK}\n<w:comments xmlns:w="${W_NAMESPACE}">${comments}</w:comments>`;
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

/** audit-lint's comments in the comments part. */
export function ourComments(root: XmlElement, ours: Set<string>): Cut[] {
  return descendants(root, 'w:comment').filter((c) => ours.has(c.attrs['w:id'] ?? '')).map((c) => ({ start: c.start, end: c.end }));
}

/**
 * audit-lint's range marks and references in the document: the marks themselves, and the run that
 * holds a reference when the run holds nothing else (as audit-lint writes it).
 */
export function ourMarks(body: XmlElement, ours: Set<string>): Cut[] {
  const cuts: Cut[] = [];
  const visit = (node: XmlElement) => {
    for (const c of elements(node)) {
      if ((c.name === 'w:commentRangeStart' || c.name === 'w:commentRangeEnd' || c.name === 'w:commentReference') && ours.has(c.attrs['w:id'] ?? '')) {
        cuts.push({ start: c.start, end: c.end });
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
