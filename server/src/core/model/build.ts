import type { Root } from 'mdast';
import { parseDocument } from '../chunks';
import { LineIndex } from '../text';
import type { DocumentModel, LintSettings } from '../types';
import { findActions } from './action-items';
import { documentKind } from './document-kind';
import { collectBlocks } from './blocks';
import { inferSectionsByContent } from './content-sections';
import { readFrontMatter } from './front-matter';
import { numberedParagraphs } from './numbered';
import { plainHeadings } from './plain-headings';
import { resolveProfile } from './profiles';
import { assignRoles, refineRoles } from './roles';
import { readProse } from './prose';
import { buildSections } from './section-tree';
import { readSentences } from './sentences';
import { findTitle } from './title';
import { readWords } from './words';

/**
 * Parse once (or take the tree an editor assembled from cached parts), then read the document in
 * steps, each its own function: the prose, the front matter, the sections by heading, the title
 * and profile, the prose blocks, their words, their sentences and what each does, the sections by
 * content, the numbered paragraphs, the actions, and what kind of document it is.
 */
export function buildModel(text: string, settings: LintSettings, parse: (text: string) => Root = parseDocument): DocumentModel {
  const tree = parse(text);
  const { prose, comments, parts } = readProse(tree, text);
  const frontMatter = readFrontMatter(tree, text);
  const plain = plainHeadings(tree, prose);
  const { sections, preamble } = buildSections(tree, prose, plain);
  const title = findTitle(tree, sections, frontMatter, plain);
  const profile = resolveProfile(frontMatter, title?.text, settings);
  const blocks = collectBlocks(sections, preamble, prose, parts);
  const words = readWords(blocks);
  const sentences = readSentences(blocks);
  assignRoles(sentences, blocks, sections, settings.vocabulary);
  const contentIds = inferSectionsByContent(sections, prose, blocks, sentences);
  refineRoles(sentences, sections, contentIds);
  const numbered = numberedParagraphs(blocks);
  const actions = findActions(sections, preamble, numbered, prose);
  const kind = documentKind(sections, contentIds, prose, actions);
  return { text, prose, proseParts: parts, lines: new LineIndex(text), tree, frontMatter, title, profile, kind, sections, contentIds, blocks, words, sentences, numbered, actions, comments };
}

/**
 * The model of a document that is not parsed (it is over the size limit): its text and lines,
 * no content, the configured profile. Rules that read it find nothing to report.
 */
export function bareModel(text: string, settings: LintSettings): DocumentModel {
  return {
    text,
    prose: text.replace(/[^\n\r]/g, ' '),
    lines: new LineIndex(text),
    tree: { type: 'root', children: [] },
    frontMatter: null,
    title: null,
    profile: resolveProfile(null, undefined, settings),
    kind: 'report',
    contentIds: [],
    sections: [],
    blocks: [],
    words: [],
    sentences: [],
    numbered: [],
    actions: [],
    comments: [],
  };
}
