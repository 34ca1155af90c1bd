import { ParseCache, parseDocument, type PartOptions } from './chunks';
import { lint, type LintOptions, type LintResult } from './engine';
import { TextMemory, withMemory } from './memo';
import type { LintSettings } from './types';

/**
 * Lints the successive versions of one document, as an editor sends them. The text is parsed
 * heading by heading and the trees of the parts that did not change are reused, as are the
 * analyses of unchanged sentences and blocks; the findings are exactly those of a full lint.
 */
export class IncrementalLinter {
  private readonly parts = new ParseCache();
  private readonly memory = new TextMemory();

  constructor(private readonly partOptions: PartOptions = {}) {}

  lint(text: string, settings: LintSettings, options: Omit<LintOptions, 'parse'> = {}): LintResult {
    return withMemory(this.memory, () => lint(text, settings, { ...options, parse: (body) => parseDocument(body, this.parts, this.partOptions) }));
  }
}
