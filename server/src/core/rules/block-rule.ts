import type { BlockContext, Report, Rule, RuleMeta } from '../types';

/** A report made in a block's text, moved to the block's place in the document. */
export function movedReport(report: Report, offset: number): Report {
  return {
    ...report,
    start: report.start + offset,
    end: report.end + offset,
    ...(report.fixes ? { fixes: report.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })) })) } : {}),
  };
}

/**
 * A rule whose findings in a block depend only on that block: checked block by block. Its `check`
 * runs over every block of a document; the engine calls `checkBlock` instead, and reuses what it
 * found in the blocks an edit did not change.
 */
export function blockRule<Options = Record<string, unknown>>(meta: Omit<RuleMeta, 'scope'>, checkBlock: (context: BlockContext<Options>) => void): Rule<Options> {
  return {
    meta: { ...meta, scope: 'block' },
    checkBlock,
    check({ model, options, settings, report, overBudget }) {
      for (const block of model.blocks) {
        if (overBudget()) return;
        const text = block.text;
        checkBlock({ text, kind: block.kind, quoted: block.quoted, options, settings, report: (r) => report(movedReport(r, block.start)) });
      }
    },
  };
}
