// A reviewer's expectations for a report (NAME.expect.yaml beside NAME.md) and how findings are
// matched to them. Shared by the corpus test and `npm run corpus`, so both count the same way.
import { parse } from 'yaml';

/**
 * Reads an expectations file: `must` (what a careful reviewer marks) and `must-not` (what a
 * reviewer would strike out). Each entry has a rule id, optionally the text it concerns and the
 * class of judgement it tests.
 */
export function readExpectations(yamlText, file) {
  const data = parse(yamlText) ?? {};
  const entries = (key) => {
    const list = data[key] ?? [];
    if (!Array.isArray(list)) throw new Error(`${file}: "${key}" must be a list`);
    return list.map((entry, index) => {
      if (!entry || typeof entry.rule !== 'string') throw new Error(`${file}: ${key}[${index}] needs a rule`);
      return { rule: entry.rule, text: entry.text === undefined ? undefined : String(entry.text), class: entry.class };
    });
  };
  return { must: entries('must'), mustNot: entries('must-not') };
}

/** 1-based line and column of an offset, columns in UTF-16 code units as the linter reports them. */
function position(text, offset) {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

const compare = (a, b) => a.line - b.line || a.column - b.column;

/** Where an entry's text first occurs, as a line/column range; an error when it does not occur. */
function rangeOf(report, entry, file) {
  const at = report.indexOf(entry.text);
  if (at < 0) throw new Error(`${file}: the text "${entry.text}" (${entry.rule}) does not occur in the report`);
  return { start: position(report, at), end: position(report, at + entry.text.length) };
}

/** Does a finding match an entry: the same rule and, when the entry names text, a range overlapping its first occurrence? */
function matches(finding, entry, range) {
  if (finding.ruleId !== entry.rule) return false;
  if (!range) return true;
  const start = { line: finding.line, column: finding.column };
  const end = { line: finding.endLine, column: finding.endColumn };
  // A zero-width finding overlaps when it lies inside the range.
  const empty = compare(start, end) === 0;
  return empty
    ? compare(start, range.start) >= 0 && compare(start, range.end) < 0
    : compare(start, range.end) < 0 && compare(range.start, end) < 0;
}

/**
 * Matches a report's findings (ruleId, line, column, endLine, endColumn) against its
 * expectations: which musts were found, which were missed, and which must-nots were hit.
 */
export function judge(report, findings, expectations, file) {
  const check = (entry) => {
    const range = entry.text === undefined ? undefined : rangeOf(report, entry, file);
    return findings.filter((finding) => matches(finding, entry, range));
  };
  const found = [];
  const missed = [];
  for (const entry of expectations.must) (check(entry).length > 0 ? found : missed).push(entry);
  const struck = [];
  for (const entry of expectations.mustNot) {
    for (const finding of check(entry)) struck.push({ entry, finding });
  }
  return { found, missed, struck };
}

/** How an entry is shown: `rule "text"`. */
export const describe = (entry) => (entry.text === undefined ? entry.rule : `${entry.rule} "${entry.text}"`);

/**
 * A batch's expectations (expected.json: `must` and `must_not` entries, each with a file, a rule
 * or rulePrefix, optionally a line, a message regex matched against the message plus its data as
 * JSON, and `min`, how many findings must match).
 */
function matchesJsonEntry(finding, entry) {
  if (entry.rule !== undefined && finding.ruleId !== entry.rule) return false;
  if (entry.rulePrefix !== undefined && !finding.ruleId.startsWith(entry.rulePrefix)) return false;
  if (entry.line !== undefined && finding.line !== entry.line) return false;
  if (entry.message !== undefined) {
    const haystack = `${finding.message} ${JSON.stringify(finding.data ?? {})}`;
    if (!new RegExp(entry.message, 'i').test(haystack)) return false;
  }
  return true;
}

/** Judges one batch: `findingsByFile` maps each file name to its findings. */
export function judgeBatch(expected, findingsByFile) {
  const matching = (entry) => (findingsByFile.get(entry.file) ?? []).filter((finding) => matchesJsonEntry(finding, entry));
  const found = [];
  const missed = [];
  for (const entry of expected.must ?? []) (matching(entry).length >= (entry.min ?? 1) ? found : missed).push(entry);
  const struck = [];
  for (const entry of expected.must_not ?? []) for (const finding of matching(entry)) struck.push({ entry, finding });
  return { found, missed, struck };
}

/** How a batch entry is shown: `file:line rule /message/`. */
export const describeJson = (entry) =>
  `${entry.file}${entry.line === undefined ? '' : `:${entry.line}`} ${entry.rule ?? `${entry.rulePrefix}*`}${entry.message === undefined ? '' : ` /${entry.message}/`}${entry.min === undefined ? '' : ` (at least ${entry.min})`}`;
