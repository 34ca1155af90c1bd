import { ParseCache, parseDocument } from './chunks';
import { lint, type LintOptions, type LintResult } from './engine';
import type { LintSettings } from './types';

/**
 * Lints the successive versions of one document, as an editor sends them. The text is parsed
 * heading by heading and the trees of the parts that did not change are reused; the findings are
 * exactly those of a full lint of each version.
 */
export class IncrementalLinter {
  private readonly parts = new ParseCache();

  lint(text: string, settings: LintSettings, options: Omit<LintOptions, 'parse'> = {}): LintResult {
    return lint(text, settings, { ...options, parse: (body) => parseDocument(body, this.parts) });
  }
}
