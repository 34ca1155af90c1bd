/**
 * What the page shows of one file, made by the engine the command line runs: the same reading of
 * a Word document, the same lint, the problems grouped as its stylish report groups them.
 */
import { actionRows, renderActionTracker } from '../../server/src/core/action-tracker';
import { decodeDocument } from '../../server/src/core/decode';
import { lint, type LintResult } from '../../server/src/core/engine';
import { sectionInfo } from '../../server/src/core/model/sections';
import { present, type Presented } from '../../server/src/core/present';
import { ruleMetaById } from '../../server/src/core/rules';
import { summariseReport } from '../../server/src/core/summary';
import type { Finding, LintSettings } from '../../server/src/core/types';
import { problemPosition } from '../../server/src/cli/formatters';
import { ParagraphMap, withProfile } from '../../server/src/formats/docx';
import { DocxError } from '../../server/src/formats/docx/errors';
import { reviewWordDocument } from '../../server/src/formats/review';
import { findingSource, isWordFile, readWordFile, type FindingSource, type WordInput } from '../../server/src/formats/docx/word-input';
import { scorecardHtml } from '../../client/src/preview/scorecard';
import { moved, withProfileInFrontMatter, type Edit } from './profile';
import type { DownloadKind, FileReport, ProblemRow } from './protocol';
import { renderReport, type PhraseMark } from './render';

/** Files the page reads as Markdown reports; Word files go through the Word reader. */
const MARKDOWN_FILE = /\.(md|markdown|txt)$/i;

/** A file the engine could not read: the message the command line prints for it. */
export class Refused extends Error {}

type PageFinding = Finding & { source?: FindingSource };

/** A checked file, kept while the page shows it so that its downloads need no second reading. */
export interface Checked {
  name: string;
  /** The Markdown linted: the file's text, or the Word document as `import` converts it. */
  text: string;
  /** The Word document's bytes and its reading. */
  word?: { bytes: Uint8Array; input: WordInput };
  /** The profile was chosen on the page and written into the front matter. */
  chosenProfile: boolean;
  settings: LintSettings;
  result: LintResult;
}

export type Progress = (done: number, stage: string) => void;

/** Read and lint one file; throws Refused with the command line's message for a file it refuses. */
export async function checkFile(name: string, bytes: Uint8Array, settings: LintSettings, profile: string | undefined, progress: Progress): Promise<Checked> {
  if (isWordFile(name)) {
    progress(0.1, 'Reading the Word document');
    const read = await readWordFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if ('error' in read) throw new Refused(read.error);
    const input = profile === undefined ? read.input : wordInputWithProfile(read.input, profile);
    progress(0.5, 'Checking the report');
    const result = lint(input.reading.markdown, settings, input.lintOptions);
    return { name, text: input.reading.markdown, word: { bytes, input }, chosenProfile: profile !== undefined, settings, result };
  }
  if (!MARKDOWN_FILE.test(name)) throw new Refused('is neither a Word document (.docx) nor a Markdown report (.md); save it as one of those to check it');
  const decoded = decodeDocument(bytes);
  if ('error' in decoded) throw new Refused(decoded.error);
  const text = profile === undefined ? decoded.text : withProfileInFrontMatter(decoded.text, profile).text;
  progress(0.3, 'Checking the report');
  return { name, text, chosenProfile: profile !== undefined, settings, result: lint(text, settings) };
}

/** The Word reading with the chosen profile in its front matter, its offsets moved past the edit. */
function wordInputWithProfile(input: WordInput, profile: string): WordInput {
  const { reading } = input;
  const change: Edit = withProfileInFrontMatter(reading.markdown, profile);
  const map = reading.paragraphMap;
  const paragraphMap = new ParagraphMap(map.offsets.map((o) => moved(o, change)), map.numbers, map.paragraphs);
  const hidden = input.hidden.map((h) => ({ ...h, start: moved(h.start, change), end: moved(h.end, change) }));
  return { reading: { ...reading, markdown: change.text, paragraphMap }, hidden, lintOptions: { hidden, parse: input.lintOptions.parse } };
}

/** The page's view of a checked file; `id` keeps its marks' ids apart from other files'. */
export function describe(checked: Checked, id: number): FileReport {
  const { result, settings, word } = checked;
  const findings: PageFinding[] = word ? result.findings.map((f) => ({ ...f, source: findingSource(f, word.input, result.model) })) : result.findings;
  const problems = present(findings);
  const marks: PhraseMark[] = [];
  const rows = problems.map((problem, index) => {
    const row = problemRow(problem, checked);
    const first = problem.members.find((m) => m.line === problem.line && m.column === problem.column) ?? problem.members[0];
    const phrase = checked.text.slice(first.start, first.end);
    if (!row.hidden && first.line === first.endLine && phrase.trim().length >= 2 && !phrase.includes('\n')) {
      row.markId = `file-${id}-finding-${index + 1}`;
      marks.push({ line: first.line, phrase, id: row.markId, severity: problem.severity, title: `${problem.message} (${problem.ruleIds.join(', ')})` });
    }
    return row;
  });
  const rendered = renderReport(checked.text, marks);
  for (const row of rows) if (row.markId && !rendered.marked.has(row.markId)) delete row.markId;
  // Hidden data comes first: it is what a published Word file gives away without anyone seeing it.
  const ordered = [...rows.filter((row) => row.hidden), ...rows.filter((row) => !row.hidden)];
  const notes = word ? [...(word.input.reading.macros ? ['has macros; they were ignored (never run) and its text was linted'] : []), ...word.input.reading.lossy.map((l) => `not converted: ${l}`)] : [];
  const downloads: DownloadKind[] = word ? ['reviewed', 'actions', 'markdown'] : ['actions', 'docx', 'html'];
  return {
    name: checked.name,
    profile: result.profile,
    profileSource: checked.chosenProfile ? 'chosen on this page' : sourceOf(result),
    profiles: Object.keys(settings.profiles),
    problems: ordered,
    notes: [...notes, ...result.failures.map((f) => `rule ${f.ruleId} failed: ${f.message}`)],
    scorecardHtml: scorecardHtml(summariseReport(result, settings)),
    reportHtml: rendered.html,
    downloads,
  };
}

function sourceOf(result: LintResult): string {
  const source = result.model.profile.source;
  if (source === 'front-matter') return 'named in its front matter';
  if (source === 'title') return 'guessed from its title';
  if (source === 'config') return 'the default in the settings';
  return 'the built-in default';
}

function problemRow(problem: Presented<PageFinding>, checked: Checked): ProblemRow {
  const meta = ruleMetaById.get(problem.ruleIds[0]);
  const hidden = problem.members.some((m) => typeof m.data.hidden === 'number');
  return {
    ruleIds: problem.ruleIds,
    severity: problem.severity,
    message: problem.message,
    where: problemPosition(problem),
    hidden,
    section: hidden ? 'Hidden in the Word file' : sectionTitle(checked.result, problem.line),
    explanation: meta?.rationale ?? '',
    better: meta?.good ?? '',
  };
}

/** The heading of the section holding a line; findings before any heading are the report's opening. */
function sectionTitle(result: LintResult, line: number): string {
  const { sections, lines } = result.model;
  let title = 'Opening';
  for (const section of sections) {
    if (lines.position(section.start).line > line) break;
    if (section.heading) title = section.title || sectionInfo[section.effectiveIds[0]]?.heading || title;
  }
  return title;
}

/** The base name a download is named after: draft.docx → draft. */
function stem(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}

export interface Download {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** The action tracker as CSV, as `audit-lint actions --format csv` writes it. */
export function actionTracker(checked: Checked): Download {
  const rows = actionRows(checked.name, checked.result.model, checked.settings);
  return { name: `${stem(checked.name)}.actions.csv`, mime: 'text/csv', bytes: new TextEncoder().encode(renderActionTracker('csv', rows)) };
}

/** A Word draft as Markdown, as `audit-lint import` writes it. */
export function importedMarkdown(checked: Checked): Download {
  const reading = checked.word!.input.reading;
  const markdown = checked.chosenProfile ? checked.text : withProfile(reading, checked.result.profile);
  return { name: `${stem(checked.name)}.md`, mime: 'text/markdown', bytes: new TextEncoder().encode(markdown) };
}

/** The Word draft with each problem as a comment on its words, as `audit-lint review` writes it; or why not. */
export function reviewedCopy(checked: Checked): Download | string {
  const { bytes, input } = checked.word!;
  try {
    const outcome = reviewWordDocument(bytes, { reading: input.reading, result: checked.result });
    const name = checked.name.replace(/\.(\w+)$/, '.reviewed.$1');
    return { name, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: outcome.bytes };
  } catch (error) {
    if (error instanceof DocxError) return `${checked.name} ${error.message}`;
    throw error;
  }
}
