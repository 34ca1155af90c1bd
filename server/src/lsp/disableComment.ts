import type { Nodes, Parents, Root } from 'mdast';
import type { DocumentModel, TextEdit } from '../core/types';

/** What placing a disable comment reads of a model. */
type CommentModel = Pick<DocumentModel, 'text' | 'lines' | 'frontMatter' | 'comments'> & { tree: Root };

/** Top-level blocks above which a comment line is its own HTML block and changes nothing rendered. */
const STANDALONE_STARTS = new Set(['paragraph', 'heading', 'table', 'list']);
/** Nodes in which an appended comment would show as text or change the meaning. */
const LITERAL = new Set(['code', 'inlineCode', 'html', 'yaml', 'math', 'inlineMath', 'definition']);

/** Below the top-level blocks, the only nodes placing a comment looks at: the tree can be cut down to them. */
export const KEPT_FOR_DISABLE_COMMENTS: ReadonlySet<string> = new Set([...LITERAL, 'table']);

const NEXT_LINE = 'audit-lint-disable-next-line';
const SAME_LINE = 'audit-lint-disable-line';

/** The chain of nodes around an offset, outermost first: those that start at it too when `atStart`. */
function ancestorsAt(tree: Parents, offset: number, atStart: boolean): Nodes[] {
  const chain: Nodes[] = [];
  let node: Nodes | undefined = tree;
  while (node && 'children' in node) {
    node = (node.children as Nodes[]).find((child) => {
      const start = child.position?.start.offset ?? 0;
      return (atStart ? start <= offset : start < offset) && offset < (child.position?.end.offset ?? 0);
    });
    if (node) chain.push(node);
  }
  return chain;
}

/** Add a rule to an existing directive comment, before its closing "-->". */
function extend(model: CommentModel, commentEnd: number, ruleId: string): TextEdit {
  const at = commentEnd - 3;
  const spaced = /\s/.test(model.text[at - 1] ?? '');
  return { start: at, end: at, text: spaced ? `${ruleId} ` : ` ${ruleId} ` };
}

/**
 * The edit that silences one rule on one line (1-based) without changing how the Markdown renders:
 * a `disable-next-line` comment on its own line above a top-level paragraph, heading, table or list,
 * otherwise a `disable-line` comment at the end of the line. Undefined where no comment can go
 * unseen: front matter, code, HTML, blank lines. Offsets are into the model's text.
 */
export function disableEdit(model: CommentModel, line: number, ruleId: string): TextEdit | undefined {
  const { lines, text } = model;
  const lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  if (model.frontMatter && lineStart < model.frontMatter.end) return undefined;
  if (text.slice(lineStart, lineEnd).trim() === '') return undefined;

  const block = model.tree.children.find((node) => node.position?.start.line === line);
  if (block && STANDALONE_STARTS.has(block.type)) {
    const above = model.comments.find((c) => lines.position(c.end).line === line - 1 && c.body.startsWith(NEXT_LINE));
    if (above) return extend(model, above.end, ruleId);
    return { start: lineStart, end: lineStart, text: `<!-- ${NEXT_LINE} ${ruleId} -->${lines.eol}` };
  }

  const sameLine = model.comments.find((c) => lines.position(c.start).line === line && c.body.startsWith(SAME_LINE));
  if (sameLine) return extend(model, sameLine.end, ruleId);

  const content = text.slice(lineStart, lineEnd);
  const lineNodes = ancestorsAt(model.tree, lineStart + content.search(/\S/), true);
  // A code block, HTML block or definition that runs to the end of this line.
  if (lineNodes.some((node) => LITERAL.has(node.type) && (node.position?.end.offset ?? 0) >= lineEnd)) return undefined;
  let at = lineEnd;
  if (lineNodes.some((node) => node.type === 'table') && /\|\s*$/.test(content)) {
    // A comment after the closing pipe would add a cell to the row; put it inside the last cell.
    at = lineStart + content.lastIndexOf('|');
  } else {
    // Keep a hard line break ("  " or "\" at the end of the line) where it is.
    const hardBreak = /(?: {2,}|\\)$/.exec(content);
    if (hardBreak) at = lineEnd - hardBreak[0].length;
  }
  if (ancestorsAt(model.tree, at, false).some((node) => LITERAL.has(node.type))) return undefined;
  const before = /\s/.test(text[at - 1] ?? '') ? '' : ' ';
  const after = text[at] === '|' ? ' ' : '';
  return { start: at, end: at, text: `${before}<!-- ${SAME_LINE} ${ruleId} -->${after}` };
}
