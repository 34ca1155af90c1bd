import { readDirectives } from './disable';
import { buildModel } from './model/build';
import { ruleIds, rules } from './rules';
import { docsUrl } from './rules/docs';
import type { DocumentModel, Finding, LintSettings, Report, Rule, Severity } from './types';

export interface RuleFailure {
  ruleId: string;
  message: string;
}

export interface LintResult {
  /** Profile the document was linted as. */
  profile: string;
  findings: Finding[];
  model: DocumentModel;
  /** Rules that threw; the others still reported. */
  failures: RuleFailure[];
}

export interface LintOptions {
  /** Run only these rules (at their configured or default severity). */
  only?: readonly string[];
}

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' };
const BOM = '\uFEFF';

function optionsFor(rule: Rule, configured: Record<string, unknown> | undefined): Record<string, unknown> {
  const defaults = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([name, schema]) => [name, schema.default]));
  return { ...defaults, ...configured };
}

/** Lint one document's text: parse once, build the model once, run every enabled rule over it. */
export function lint(source: string, settings: LintSettings, options: LintOptions = {}): LintResult {
  const shift = source.startsWith(BOM) ? BOM.length : 0;
  const text = shift ? source.slice(shift) : source;
  const model = buildModel(text, settings);
  const directives = readDirectives(model, ruleIds);
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];

  for (const rule of rules) {
    const id = rule.meta.id;
    if (options.only && !options.only.includes(id)) continue;
    const configured = settings.rules[id];
    const severity = configured?.severity ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const report = (r: Report) => {
      const start = Math.max(0, Math.min(r.start, text.length));
      const end = Math.max(start, Math.min(r.end, text.length));
      const from = model.lines.position(start);
      if (directives.isDisabled(id, from.line)) return;
      const to = model.lines.position(end);
      findings.push({
        ruleId: id,
        severity: r.demote ? LOWER[severity] : severity,
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
      });
    };
    try {
      rule.check({ model, options: optionsFor(rule, configured?.options), settings, report });
    } catch (error) {
      failures.push({ ruleId: id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { profile: model.profile.definition.id, findings, model, failures };
}
