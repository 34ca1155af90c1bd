import type { Root } from 'mdast';
import { readDirectives } from './disable';
import { bareModel, buildModel } from './model/build';
import { ruleIds, rules } from './rules';
import { docsUrl } from './rules/docs';
import { rule as sizeLimit } from './rules/size-limit';
import { memoByText, type TextFacts } from './memo';
import { movedReport } from './rules/block-rule';
import type { DocumentModel, Finding, HiddenPassage, LintSettings, ProseBlock, Report, Rule, Severity } from './types';
import { utf8Length } from './text';

export interface RuleFailure {
  ruleId: string;
  message: string;
}

export interface LintResult {
  /** Profile the document was linted as. */
  profile: string;
  findings: Finding[];
  model: DocumentModel;
  /** Rules that threw or ran over their time budget; the others still reported. */
  failures: RuleFailure[];
  /** Milliseconds each rule that ran took. */
  timings: Record<string, number>;
  /** False when the document was over `maxDocumentBytes` and its rules did not run. */
  complete: boolean;
}

export interface LintOptions {
  /** Run only these rules (at their configured or default severity). */
  only?: readonly string[];
  /** Time one rule may take on one document before it is stopped, in milliseconds. */
  ruleBudgetMs?: number;
  /** How the text is parsed: an editor passes one that reuses the parts of the last version that did not change. */
  parse?: (text: string) => Root;
  /** Text the source file hides from the Markdown (see HiddenPassage), checked by the privacy rules. */
  hidden?: readonly HiddenPassage[];
  /** Asked between steps; when it answers false (a newer version of the text arrived) the lint stops with LintCancelled. */
  stillWanted?: () => boolean;
}

/** A lint stopped because its result was no longer wanted. */
export class LintCancelled extends Error {
  constructor() {
    super('the lint was cancelled: a newer version of the document arrived');
    this.name = 'LintCancelled';
  }
}

export const DEFAULT_RULE_BUDGET_MS = 5000;

/** Thrown through a rule that reports after its budget ran out; caught by the engine. */
class BudgetExceeded extends Error {}

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' };
const BOM = '\uFEFF';

function optionsFor(rule: Rule, configured: Record<string, unknown> | undefined): Record<string, unknown> {
  const defaults = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([name, schema]) => [name, schema.default]));
  return { ...defaults, ...configured };
}

const blockMemos = new WeakMap<Rule, WeakMap<LintSettings, Map<string, (text: string, facts?: TextFacts) => Report[]>>>();

/**
 * A block-scoped rule's findings in a block of this kind, remembered by the block's text while a
 * document is edited (per settings, from which the rule's options come). Offsets are the block's.
 */
function blockFindings(rule: Rule, settings: LintSettings, options: Record<string, unknown>, block: ProseBlock): (text: string, facts?: TextFacts) => Report[] {
  let bySettings = blockMemos.get(rule);
  if (!bySettings) blockMemos.set(rule, (bySettings = new WeakMap()));
  let byPlace = bySettings.get(settings);
  if (!byPlace) bySettings.set(settings, (byPlace = new Map()));
  const place = `${block.kind}:${block.quoted}`;
  let find = byPlace.get(place);
  if (!find) {
    find = memoByText((text) => {
      const found: Report[] = [];
      rule.checkBlock!({ text, kind: block.kind, quoted: block.quoted, options, settings, report: (r) => found.push(r) });
      return found;
    });
    byPlace.set(place, find);
  }
  return find;
}

/** Lint one document's text: parse once, build the model once, run every enabled rule over it. */
export function lint(source: string, settings: LintSettings, options: LintOptions = {}): LintResult {
  const shift = source.startsWith(BOM) ? BOM.length : 0;
  const text = shift ? source.slice(shift) : source;
  // An oversized document is not parsed: only size-limit runs, over a model with no content.
  const complete = utf8Length(text) <= settings.maxDocumentBytes;
  const stillWanted = options.stillWanted ?? (() => true);
  if (!stillWanted()) throw new LintCancelled();
  const built = complete ? buildModel(text, settings, options.parse) : bareModel(text, settings);
  const model = options.hidden ? { ...built, hidden: options.hidden.map((h) => ({ ...h, start: h.start - shift, end: h.end - shift })) } : built;
  const directives = readDirectives(model, ruleIds);
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  const timings: Record<string, number> = {};
  const budget = options.ruleBudgetMs ?? DEFAULT_RULE_BUDGET_MS;

  for (const rule of rules) {
    const id = rule.meta.id;
    if (!complete && rule !== sizeLimit) continue;
    if (options.only && !options.only.includes(id)) continue;
    const configured = settings.rules[id];
    const severity = configured?.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    if (!stillWanted()) throw new LintCancelled();
    const began = performance.now();
    let stopped = false;
    const overBudget = () => (stopped ||= performance.now() - began > budget);
    const report = (r: Report) => {
      // A rule still reporting after its budget is stopped here; one that checks overBudget() stops itself.
      if (overBudget()) throw new BudgetExceeded();
      const start = Math.max(0, Math.min(r.start, text.length));
      const end = Math.max(start, Math.min(r.end, text.length));
      const from = model.lines.position(start);
      if (directives.isDisabled(id, from.line)) return;
      const to = model.lines.position(end);
      findings.push({
        ruleId: id,
        severity: r.advisory ? 'info' : r.demote ? LOWER[severity] : severity,
        message: r.message,
        start: start + shift,
        end: end + shift,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        data: r.data ?? {},
        fixes: (r.fixes ?? []).map((fix) => ({
          title: fix.title,
          edits: fix.edits.map((e) => ({ start: e.start + shift, end: e.end + shift, text: e.text })),
        })),
        docsUrl: docsUrl(id),
        ...(r.group ? { group: r.group } : {}),
      });
    };
    try {
      const options = optionsFor(rule, configured?.options);
      if (rule.checkBlock) {
        for (const block of model.blocks) {
          if (overBudget()) break;
          const found = blockFindings(rule, settings, options, block)(block.text, block.facts);
          for (const r of found) report(movedReport(r, block.start));
        }
      } else rule.check({ model, options, settings, report, overBudget });
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) failures.push({ ruleId: id, message: error instanceof Error ? error.message : String(error) });
    }
    const elapsed = performance.now() - began;
    timings[id] = elapsed;
    if (overBudget()) {
      failures.push({ ruleId: id, message: `took ${Math.round(elapsed)} ms on this document, over its ${budget} ms budget, and was stopped; its findings may be incomplete` });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { profile: model.profile.definition.id, findings, model, failures, timings, complete };
}
