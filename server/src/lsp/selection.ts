import * as path from 'node:path';
import picomatch from 'picomatch';

const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;
/** How far into a document the front matter may reach; beyond it the block is not front matter anyway. */
const FRONT_MATTER_SCAN = 8192;

export function isMarkdown(languageId: string, file: string | undefined): boolean {
  return languageId === 'markdown' || (file !== undefined && MARKDOWN_EXTENSIONS.includes(path.extname(file).toLowerCase()));
}

/** Does the front matter say `profile: …`? An unclosed block counts: the author is still writing it. */
export function namesProfile(text: string): boolean {
  const open = FRONT_MATTER_OPEN.exec(text);
  if (!open) return false;
  const block = text.slice(open[0].length, FRONT_MATTER_SCAN);
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(block);
  return /^profile[ \t]*:[ \t]*\S/m.test(close ? block.slice(0, close.index) : block);
}

const matchers = new Map<string, picomatch.Matcher>();

function matcherFor(globs: readonly string[]): picomatch.Matcher {
  const key = JSON.stringify(globs);
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = picomatch([...globs], { dot: true });
    matchers.set(key, matcher);
  }
  return matcher;
}

/** Does the file match any glob, taken relative to the base folder? Files outside the folder never match. */
export function matchesGlobs(file: string, globs: readonly string[], base: string): boolean {
  if (globs.length === 0) return false;
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return matcherFor(globs)(relative.split(path.sep).join('/'));
}

export interface Candidate {
  languageId: string;
  text: string;
  /** Path on disk; undefined for untitled documents. */
  file: string | undefined;
}

export interface IncludeRules {
  /** `include` of the nearest configuration file, relative to its folder. */
  configInclude: readonly string[];
  configDir: string | undefined;
  /** The `auditLint.include` setting, relative to a workspace folder. */
  editorInclude: readonly string[];
  workspaceFolders: readonly string[];
}

/** A Markdown document is an audit report when its front matter names a profile or an include glob matches it. */
export function isAuditReport(candidate: Candidate, rules: IncludeRules): boolean {
  const { file } = candidate;
  if (!isMarkdown(candidate.languageId, file)) return false;
  if (namesProfile(candidate.text)) return true;
  if (file === undefined) return false;
  if (rules.configDir !== undefined && matchesGlobs(file, rules.configInclude, rules.configDir)) return true;
  const bases = rules.workspaceFolders.length > 0 ? rules.workspaceFolders : [path.parse(file).root];
  return bases.some((base) => matchesGlobs(file, rules.editorInclude, base));
}
