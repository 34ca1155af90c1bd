import type { Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { memoByText } from '../memo';
import type { FrontMatter } from '../types';
import { endOf, startOf } from './tree';

/** The YAML front matter, parsed; a syntax error is kept with its place, not thrown. */
export function readFrontMatter(tree: Root, text: string): FrontMatter | null {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml') return null;
  const start = startOf(node);
  const end = endOf(node);
  const opening = /\r\n|\r|\n/.exec(text.slice(start, end));
  const bodyStart = opening ? start + opening.index + opening[0].length : 0;
  try {
    // YAML reads a lone CR (old Mac line ends) as part of a line; make it a line end, same length.
    const yaml = node.value.replace(/\r(?!\n)/g, '\n');
    const data = parsedYaml(yaml);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { start, end, data: null, error: { message: 'front matter must be a mapping of keys to values', start, end } };
    }
    return { start, end, data: data as Record<string, unknown> };
  } catch (error) {
    // The YAML error's offset is into the block's value, which starts on the line after the opening "---".
    const pos = (error as { pos?: [number, number] }).pos;
    const errorStart = pos && bodyStart > 0 ? Math.min(end, bodyStart + pos[0]) : start;
    const message = String((error as Error).message).split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { start, end, data: null, error: { message, start: errorStart, end: Math.min(end, errorStart + 1) } };
  }
}

/** Most edits leave the front matter as it was: its data is read once per text (and shared, not changed). */
const parsedYaml = memoByText((yaml: string): unknown => (yaml.trim() === '' ? {} : parseYaml(yaml, { prettyErrors: false })));
