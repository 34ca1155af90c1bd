/**
 * A profile chosen on the page is written into the report's front matter, as `audit-lint import`
 * writes one: the front matter names the profile the engine then lints the report as.
 */

/** One replacement in the text: [from, to) became `text.slice(from, from + length)`. */
export interface Edit {
  text: string;
  from: number;
  to: number;
  length: number;
}

const FRONT_MATTER = /^---[ \t]*(\r?\n)([\s\S]*?\r?\n)?---[ \t]*(\r?\n|$)/;

/** The text with `profile: <id>` in its front matter, replacing one already there. */
export function withProfileInFrontMatter(text: string, profile: string): Edit {
  const line = `profile: ${profile}`;
  const block = FRONT_MATTER.exec(text);
  if (!block) return edit(text, 0, 0, `---\n${line}\n---\n\n`);
  const bodyStart = 3 + block[0].slice(3).indexOf(block[1]) + block[1].length;
  const body = block[2] ?? '';
  const existing = /^profile:.*$/m.exec(body);
  if (existing) return edit(text, bodyStart + existing.index, bodyStart + existing.index + existing[0].length, line);
  return edit(text, bodyStart, bodyStart, `${line}${block[1]}`);
}

function edit(text: string, from: number, to: number, insert: string): Edit {
  return { text: text.slice(0, from) + insert + text.slice(to), from, to, length: insert.length };
}

/** Where an offset into the text before the edit is after it. */
export function moved(offset: number, change: Edit): number {
  return offset < change.to ? Math.min(offset, change.from + change.length) : offset + change.length - (change.to - change.from);
}
