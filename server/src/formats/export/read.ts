import type { Definition, FootnoteDefinition, Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument } from '../../core/chunks';
import { limitNesting } from '../../core/parse';
import type { DocumentModel } from '../../core/types';

/**
 * The export reads the report as GitHub-flavoured Markdown in full: footnotes, strikethrough and
 * bare web addresses matter in the published document, though the linter's parse leaves them out.
 */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

const parsePart = (text: string): Root => processor.parse(limitNesting(text));

/** Part by part, as the linter parses, so a long report takes linear time. */
export function parseForExport(text: string): Root {
  return parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, undefined, { parsePart });
}

/** What a published document says about itself. */
export interface ReportMetadata {
  title: string;
  /** The partnership that publishes the report (front matter `partnership:`); never a person. */
  partnership: string;
  profile: string;
  language: string;
}

export const LANGUAGE = 'en-GB';

export function readMetadata(model: DocumentModel): ReportMetadata {
  const data = model.frontMatter?.data ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  return {
    title: text(data.title) || model.title?.text || 'Audit report',
    partnership: text(data.partnership),
    profile: model.profile.definition.id,
    language: LANGUAGE,
  };
}

/** Link and image definitions by their normalised label, and footnotes in order of first reference. */
export interface References {
  definitions: Map<string, Definition>;
  footnotes: Map<string, FootnoteDefinition>;
}

export function collectReferences(tree: Root): References {
  const definitions = new Map<string, Definition>();
  const footnotes = new Map<string, FootnoteDefinition>();
  const visit = (node: Nodes) => {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    if (node.type === 'footnoteDefinition' && !footnotes.has(node.identifier)) footnotes.set(node.identifier, node);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return { definitions, footnotes };
}

/** The plain text of a node, as a reader sees it. */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if (node.type === 'break') return ' ';
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}
