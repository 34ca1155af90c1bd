import type { Rule } from '../types';
import { utf8Length } from '../text';

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}

/**
 * The engine does not parse a document over `maxDocumentBytes` and runs only this rule on it, so
 * a report that was not checked says so instead of passing silently.
 */
export const rule: Rule = {
  meta: {
    id: 'size-limit',
    description: 'A document is small enough to be linted (maxDocumentBytes); a larger one is not linted at all.',
    category: 'document',
    defaultSeverity: 'warning',
    fixable: false,
    rationale:
      'A document over the configured size (10 MB unless `maxDocumentBytes` says otherwise) is not linted, so the editor and CI stay fast whatever file they are given. Only part of a report cannot be linted fairly: sections, acronym definitions and counts later in the text would be reported missing. This finding says the report was not checked, so it does not pass unseen. Split the document, remove pasted images or data, or raise `maxDocumentBytes`.',
    bad: 'A 40 MB Markdown export with embedded base64 images.',
    good: 'The report as text, with images linked rather than embedded.',
  },
  check({ model, settings, report }) {
    const bytes = utf8Length(model.text);
    if (bytes <= settings.maxDocumentBytes) return;
    report({
      start: 0,
      end: model.lines.lineEnd(1),
      message: `This document is ${megabytes(bytes)}, over the ${megabytes(settings.maxDocumentBytes)} limit (maxDocumentBytes), so it was not linted. Split it, remove embedded data, or raise maxDocumentBytes in the configuration.`,
      data: { bytes, maxDocumentBytes: settings.maxDocumentBytes },
    });
  },
};
