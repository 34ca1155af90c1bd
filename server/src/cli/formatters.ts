import pc from 'picocolors';
import { rules } from '../core/rules';
import { docsUrl, HOMEPAGE } from '../core/rules/docs';
import { countBySeverity, present, type Presented } from '../core/present';
import type { Finding, Severity } from '../core/types';

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];
import type { FindingSource } from '../formats/docx/word-input';

/** What the reports print of a finding; offsets and fixes are not kept once a file is linted. */
export type ReportedFinding = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn' | 'data' | 'group'> & {
  /** On a Word document: its paragraph and a quote, since Word shows no line numbers. */
  source?: FindingSource;
};

export function reported({ ruleId, severity, message, line, column, endLine, endColumn, data, group }: Finding): ReportedFinding {
  return { ruleId, severity, message, line, column, endLine, endColumn, data, ...(group ? { group } : {}) };
}

export interface FileResult {
  /** Relative to the working folder, forward slashes. */
  file: string;
  profile: string;
  findings: ReportedFinding[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface FormatContext {
  version: string;
  colour: boolean;
}

/**
 * A report written a file at a time, so a run need not hold every finding until its end: `start`,
 * then `file` for each file's result in order, then `end`. The texts joined are the whole report.
 */
export interface ReportStream {
  start(): string;
  file(result: FileResult): string;
  /** `fixable`: how many findings --fix could settle. */
  end(summary: Summary, fixable: number): string;
}

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** Count one more file's findings into a summary. */
export function addToSummary(summary: Summary, result: FileResult): void {
  summary.files++;
  for (const f of result.findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
}


function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A Word paragraph and quote, or "document" for what belongs to no paragraph; else line:column. */
function position(f: ReportedFinding): string {
  if (!f.source) return `${f.line}:${f.column}`;
  return f.source.paragraph === undefined ? 'document' : `¶${f.source.paragraph} "${f.source.quote ?? ''}"`;
}

/** Where stylish shows a problem: where its earliest member starts; on a Word document, that member's paragraph. */
export function problemPosition(p: Presented<ReportedFinding>): string {
  return position({ ...(p.members.find((m) => m.line === p.line && m.column === p.column) ?? p.members[0]), line: p.line, column: p.column });
}

/** The message with its Word position in front, for formats that have only line numbers. */
function located(f: ReportedFinding): string {
  return f.source ? `${position(f)}: ${f.message}` : f.message;
}

/** Lines of a report, each ended by a newline. */
function lines(out: string[]): string {
  return out.length > 0 ? out.join('\n') + '\n' : '';
}

function stylish(ctx: FormatContext): ReportStream {
  const c = ctx.colour ? pc : pc.createColors(false);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  return {
    start: () => '',
    file(result) {
      // One row per problem: the parts one action lacks are one row that names every rule.
      const problems = present(result.findings);
      const fileCounts = countBySeverity(problems);
      for (const severity of SEVERITY_ORDER) counts[severity] += fileCounts[severity];
      if (result.findings.length === 0) return '';
      const out = [c.underline(result.file) + c.dim(`  (${result.profile})`)];
      // A problem stands where its earliest member starts; on a Word document, that member's paragraph.
      const positions = problems.map(problemPosition);
      const width = Math.max(...positions.map((where) => where.length));
      problems.forEach((p, row) => {
        const where = positions[row].padEnd(width);
        out.push(`  ${c.dim(where)}  ${paint[p.severity](p.severity.padEnd(7))}  ${p.message}  ${c.dim(p.ruleIds.join(', '))}`);
      });
      out.push('');
      return lines(out);
    },
    end(summary, fixable) {
      const out: string[] = [];
      const total = counts.error + counts.warning + counts.info;
      if (total === 0) {
        out.push(c.green(`✔ ${plural(summary.files, 'file')} checked, no problems`));
      } else {
        const line = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}) in ${plural(summary.files, 'file')}`;
        out.push(counts.error > 0 ? c.red(c.bold(line)) : c.yellow(c.bold(line)));
        const findings = summary.errors + summary.warnings + summary.infos;
        if (findings !== total) out.push(c.dim(`  ${plural(findings, 'finding')} by rule (${plural(summary.warnings, 'warning')}): JSON, SARIF and --max-warnings count these`));
        if (fixable > 0) out.push(c.dim(`  ${plural(fixable, 'problem')} can be fixed with --fix`));
      }
      return lines(out);
    },
  };
}

/** The JSON report's text, built from the parts JSON.stringify would write for the whole object. */
function json(): ReportStream {
  let first = true;
  return {
    start: () => '{"version":1,"results":[',
    file(r) {
      const text = JSON.stringify({
        file: r.file,
        profile: r.profile,
        diagnostics: r.findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          message: f.message,
          line: f.line,
          column: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
          data: f.data,
          ...(f.source ? { source: f.source } : {}),
        })),
      });
      const separator = first ? '' : ',';
      first = false;
      return separator + text;
    },
    end: (summary) => `],"summary":${JSON.stringify(summary)}}\n`,
  };
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function sarif(results: FileResult[], ctx: FormatContext): string {
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'audit-lint',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: HOMEPAGE,
            rules: rules.map((r) => ({
              id: r.meta.id,
              name: r.meta.id.replace(/(^|-)(\w)/g, (_m, _d, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.meta.description },
              fullDescription: { text: r.meta.rationale },
              helpUri: docsUrl(r.meta.id),
              help: { text: `${r.meta.rationale}\n\nInstead of:\n${r.meta.bad}\n\nWrite:\n${r.meta.good}` },
              defaultConfiguration: { level: SARIF_LEVEL[r.meta.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder audit-lint was run from.' } } },
        artifacts: results.map((r) => ({ location: { uri: encodeURI(r.file), uriBaseId: '%SRCROOT%' } })),
        results: results.flatMap((r, artifactIndex) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId),
            level: SARIF_LEVEL[f.severity],
            message: { text: located(f) },
            ...(f.source ? { properties: { wordParagraph: f.source.paragraph, quote: f.source.quote } } : {}),
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(r.file), uriBaseId: '%SRCROOT%', index: artifactIndex },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** One test suite per file; each error or warning a failed test case; a clean file one passing case. */
function junit(results: FileResult[], summary: Summary): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failing = summary.errors + summary.warnings;
  const cases = results.reduce((n, r) => n + Math.max(1, r.findings.filter((f) => f.severity !== 'info').length), 0);
  out.push(`<testsuites name="audit-lint" tests="${cases}" failures="${failing}" errors="0">`);
  for (const r of results) {
    const failures = r.findings.filter((f) => f.severity !== 'info');
    out.push(`  <testsuite name="${xml(r.file)}" tests="${Math.max(1, failures.length)}" failures="${failures.length}" errors="0" skipped="0">`);
    if (failures.length === 0) out.push(`    <testcase classname="${xml(r.file)}" name="audit-lint"/>`);
    for (const f of failures) {
      out.push(`    <testcase classname="${xml(r.file)}" name="${xml(`${f.ruleId} at ${f.line}:${f.column}`)}">`);
      out.push(`      <failure type="${f.severity}" message="${xml(located(f))}">${xml(`${r.file}:${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

function github(): ReportStream {
  return {
    start: () => '',
    file: (r) =>
      lines(r.findings.map(
        (f) =>
          `::${GITHUB_COMMAND[f.severity]} file=${escapeProperty(r.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(`audit-lint ${f.ruleId}`)}::${escapeData(located(f))}`,
      )),
    end: () => '',
  };
}

/** A format whose text needs every file first (SARIF's pretty-printed log, JUnit's totals up front). */
function whole(write: (results: FileResult[], summary: Summary) => string): ReportStream {
  const results: FileResult[] = [];
  return {
    start: () => '',
    file(result) {
      results.push(result);
      return '';
    },
    end: (summary) => write(results, summary),
  };
}

export function reportStream(name: Format, ctx: FormatContext): ReportStream {
  switch (name) {
    case 'stylish': return stylish(ctx);
    case 'json': return json();
    case 'sarif': return whole((results) => sarif(results, ctx));
    case 'junit': return whole(junit);
    case 'github': return github();
  }
}
