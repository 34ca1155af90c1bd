import { analyseAction as analyse, notADate, type ActionAnalysis, type DiffuseOwner, type PartAnalysis, type SmartProblem, type Span } from './analysis/smart';
import { findChildNoun } from './analysis/markers';
import { memoByText } from './memo';
import { isPlanForm } from './model/roles';
import { blockSentences, hasValueIn, partitionPoint, SpanIndex } from './model/spans';
import type { ActionCell, ActionItem, ActionPart, DocumentModel, LintSettings, Section, Sentence, SentenceRole } from './types';

const analyses = new WeakMap<LintSettings['vocabulary'], (text: string) => ActionAnalysis>();

/** An action's words analysed once per vocabulary: edits leave most actions as they were. */
function analysisOf(text: string, vocabulary: LintSettings['vocabulary']): ActionAnalysis {
  let analyseText = analyses.get(vocabulary);
  if (!analyseText) {
    analyseText = memoByText((words) => analyse(words, vocabulary));
    analyses.set(vocabulary, analyseText);
  }
  return analyseText(text);
}

/** The four checks of an action, in the order they are reported and tabulated. */
export const ACTION_PARTS: readonly ActionPart[] = ['owner', 'measure', 'deadline', 'outcome'];

/**
 * Where a part was found: a table column, a labelled field ("Owner: …"), the action's own words,
 * or a statement under the actions that covers all of them ("Team managers will check these …").
 */
export type PartSource = 'column' | 'label' | 'text' | 'section';

export interface PartSummary {
  present: boolean;
  source?: PartSource;
  /** The words that satisfy the part, as shown in an action tracker. Offsets are into the document. */
  evidence?: Span & { text: string };
  problem?: SmartProblem;
  /** The words that cause the problem (document offsets), when there are any. */
  problemSpan?: Span;
  /** A deadline relative to a meeting or a cycle ("by the next core group", "quarterly"). */
  relative?: boolean;
  diffuse?: DiffuseOwner;
  /** The part is still a placeholder ("[insert owner]", "TBC"): the placeholder rule reports it. */
  placeholder?: boolean;
}

export interface ActionSummary {
  item: ActionItem;
  /**
   * Found in a learning section by its action-plan wording ("Schools to review …") rather than
   * under an actions heading: the report treats it as an action, so it is scored, at info level.
   */
  soft: boolean;
  /** 1-based line of the action. */
  line: number;
  /** The action's words on one line, markup removed. */
  text: string;
  /** Document offsets of the action's own words (after numbering; the action cell of a table row). */
  body: Span;
  owner: PartSummary;
  measure: PartSummary;
  deadline: PartSummary;
  outcome: PartSummary;
  /** Parts that are missing, in the order of ACTION_PARTS. */
  missing: ActionPart[];
  /** Parts present out of owner, measure, deadline and outcome (0–4). */
  score: number;
  /** Owner, measure and deadline present: weak verbs inside it matter less. */
  smart: boolean;
  /** The analysis of the action's words, offsets relative to `item.start`. */
  analysis: ActionAnalysis;
}

/** A part that is still to be settled: "to be developed", "to be agreed", "being reviewed". */
const UNDECIDED = /^\s*(?:(?:is|are)\s+)?(?:to be|being|not yet)\s+[a-z]+(?:ed|en)?\b/i;

/** A cell or field holding nothing but a placeholder or a dash. */
const PLACEHOLDER_ONLY = /^\s*(?:\[[^\]\n]*\]|\$\{\d+(?::[^}\n]*)?\}|TBC|TBD|TBA|TODO|X{2,})\s*\.?\s*$/i;
const EMPTY = /^\s*(?:[-–—?]+|n\/?a|none|not applicable)?\s*\.?\s*$/i;

/** Labelled fields inside an action item ("**Owner:** …", "By: …", "So that: …"). */
const FIELD_LABEL =
  /(?<![A-Za-z])(owner|lead|responsible|who|measure|success measures?|evidence|target|by when|by|due|deadline|timescale|when|so that|outcome|impact)\s*:\s*/gi;

function labelPart(label: string): ActionPart {
  const l = label.toLowerCase();
  if (/owner|lead|responsible|who/.test(l)) return 'owner';
  if (/measure|evidence|target/.test(l)) return 'measure';
  if (/so that|outcome|impact/.test(l)) return 'outcome';
  return 'deadline';
}

/** Fields found by their labels, each running to the next label, the end of a sentence or the end of the line. */
function labelledFields(text: string): Partial<Record<ActionPart, ActionCell>> {
  const fields: Partial<Record<ActionPart, ActionCell>> = {};
  const labels = [...text.matchAll(FIELD_LABEL)];
  labels.forEach((match, index) => {
    const start = (match.index ?? 0) + match[0].length;
    const limit = index + 1 < labels.length ? labels[index + 1].index ?? text.length : text.length;
    const stop = /\.(?:\s|$)|;|\n/.exec(text.slice(start, limit));
    const end = stop ? start + stop.index : limit;
    const part = labelPart(match[1]);
    if (!fields[part] && end > start) fields[part] = { start, end, text: text.slice(start, end) };
  });
  return fields;
}

const toDocument = (span: Span | undefined, base: number): Span | undefined =>
  span && { start: span.start + base, end: span.end + base };

function fromText(part: PartAnalysis, text: string, base: number, source: PartSource): PartSummary {
  return {
    present: part.present,
    source: part.present ? source : undefined,
    evidence: part.evidence && { start: part.evidence.start + base, end: part.evidence.end + base, text: text.slice(part.evidence.start, part.evidence.end) },
    problem: part.problem,
    problemSpan: toDocument(part.problemSpan, base),
    relative: part.relative,
    diffuse: part.diffuse,
  };
}

const cellEvidence = (cell: ActionCell, source: PartSource): PartSummary => ({
  present: true,
  source,
  evidence: { start: cell.start + (cell.text.length - cell.text.trimStart().length), end: cell.end - (cell.text.length - cell.text.trimEnd().length), text: cell.text.trim() },
});

/**
 * A part given in its own column or field: a placeholder counts (the placeholder rule reports it),
 * an empty one does not; otherwise the words are checked for what the part needs.
 */
function fromCell(part: ActionPart, cell: ActionCell, source: PartSource, settings: LintSettings): PartSummary | undefined {
  // "TBC", "See above", "As per the action plan": a deadline cell that names no date has none.
  const pointsElsewhere = part === 'deadline' ? notADate(cell.text) : undefined;
  if (pointsElsewhere) return { present: false, problem: 'vague-time', problemSpan: { start: cell.start + pointsElsewhere.start, end: cell.start + pointsElsewhere.end } };
  if (PLACEHOLDER_ONLY.test(cell.text)) return { ...cellEvidence(cell, source), placeholder: true };
  if (EMPTY.test(cell.text)) return undefined;
  // The words of a part are analysed on their own, so spans are relative to the cell.
  const fail = (analysed: PartAnalysis): PartSummary => ({
    present: false,
    problem: analysed.problem,
    problemSpan: analysed.problemSpan
      ? { start: cell.start + analysed.problemSpan.start, end: cell.start + analysed.problemSpan.end }
      : { start: cell.start, end: cell.end },
    diffuse: analysed.diffuse,
  });
  switch (part) {
    case 'owner': {
      // "To be developed", "being reviewed": the owner is still to be found.
      if (UNDECIDED.test(cell.text)) return fail({ present: false, problem: 'no-owner' });
      // The column's words as the subject of a sentence, so that a diffuse owner is recognised.
      const analysed = analysisOf(`${cell.text} will act`, settings.vocabulary).owner;
      return analysed.problem === 'diffuse-owner' ? fail(analysed) : cellEvidence(cell, source);
    }
    case 'measure': {
      const analysed = analysisOf(cell.text, settings.vocabulary).measure;
      return analysed.problem === 'unmeasured-quality' ? fail(analysed) : cellEvidence(cell, source);
    }
    case 'deadline': {
      if (UNDECIDED.test(cell.text)) return fail({ present: false, problem: 'no-deadline' });
      const analysed = analysisOf(cell.text, settings.vocabulary).deadline;
      return analysed.problem === 'vague-time' ? fail(analysed) : cellEvidence(cell, source);
    }
    case 'outcome': {
      // "So that:" fields and outcome columns name the result without the connective.
      const probe = /^\s*so that\b/i.test(cell.text) ? cell.text : `so that ${cell.text}`;
      const analysed = analysisOf(probe, settings.vocabulary).outcome;
      if (analysed.present || findChildNoun(cell.text)) return cellEvidence(cell, source);
      return fail({ ...analysed, problemSpan: undefined });
    }
  }
}

/** Statements in an actions section that apply to all its items: "Team managers will check these points …". */
const COVERS_ALL = /\b(?:these|those|(?:the|each|every|all(?: of)?(?: the)?) (?:actions?|points?|steps?|recommendations?) (?:above|listed)?|above)\b/i;

function sectionStatements(model: DocumentModel, settings: LintSettings): Map<number, { text: string; start: number; analysis: ActionAnalysis }[]> {
  const bySection = new Map<number, { text: string; start: number; analysis: ActionAnalysis }[]>();
  const actionSpans = new SpanIndex(model.actions);
  const sections = new Set(model.actions.map((a) => a.section));
  for (const index of sections) {
    const section = model.sections[index];
    if (!section?.effectiveIds.includes('actions')) continue;
    for (const node of section.nodes) {
      if (node.type !== 'paragraph') continue;
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? 0;
      if (actionSpans.covering(start, end)) continue;
      const text = model.prose.slice(start, end);
      if (!COVERS_ALL.test(text)) continue;
      const list = bySection.get(index) ?? [];
      list.push({ text, start, analysis: analysisOf(text, settings.vocabulary) });
      bySection.set(index, list);
    }
  }
  return bySection;
}

/** A heading that speaks to the reader: "What can you do now?", "Practice points". */
const READER_HEADING = /\b(?:you|your|what to do|practice (?:points|tips|expectations)|top tips)\b/i;
/** A heading that states a need without anyone to meet it: "What needs to happen?". */
const NEED_HEADING = /\b(?:needs? to (?:happen|change)|should (?:happen|change))\b/i;

/**
 * An instruction ("Ask the child …") is the reader's to carry out under a heading that speaks to
 * the reader, and anywhere in a briefing except under a heading that only states a need.
 */
function readerOwns(model: DocumentModel, item: ActionItem): boolean {
  // Recommendations a panel agreed are not addressed to the reader.
  if (item.introduced) return false;
  const heading = model.sections[item.section]?.title ?? '';
  if (READER_HEADING.test(heading)) return true;
  return model.profile.definition.id !== 'maca-report' && !NEED_HEADING.test(heading);
}

/** Where the action's own words start: after list numbering, or the action column of a table row. */
function bodyOf(item: ActionItem, model: DocumentModel): Span {
  if (item.cells.action) {
    const cell = item.cells.action;
    const lead = cell.text.length - cell.text.trimStart().length;
    return { start: cell.start + lead, end: cell.end - (cell.text.length - cell.text.trimEnd().length) };
  }
  const text = item.text;
  let start = 0;
  while (start < text.length && /\s/.test(text[start])) start++;
  const numbered = /^\d+(?:\.\d+)*[.)]?\s+/.exec(text.slice(start));
  if (numbered) start += numbered[0].length;
  const lineEnd = model.lines.lineEnd(model.lines.position(item.start + start).line);
  return { start: item.start + start, end: Math.max(item.start + start, Math.min(item.end, lineEnd)) };
}

/** A named role found inside a longer name ("Sub-Group" in "The Quality Assurance Sub-Group") is shown whole. */
function withWholeName(summary: PartSummary, model: DocumentModel, body: Span): PartSummary {
  const evidence = summary.evidence;
  if (!evidence || evidence.start < body.start) return summary;
  const before = model.prose.slice(body.start, evidence.start);
  const article = /^(?:the|a|an)\s+/i.exec(before)?.[0].length ?? 0;
  if (!/^(?:[A-Z][\w'’&-]*\s+){1,4}$/.test(before.slice(article))) return summary;
  const start = body.start + article;
  return { ...summary, evidence: { start, end: evidence.end, text: model.prose.slice(start, evidence.end) } };
}

/** An outcome marker ends at the child ("so that the child"); the tracker shows the clause it begins. */
function toClauseEnd(summary: PartSummary, model: DocumentModel, item: ActionItem): PartSummary {
  const evidence = summary.evidence;
  if (!evidence) return summary;
  const rest = model.prose.slice(evidence.end, item.end);
  const stop = /[.;!?](?:\s|$)|\n\s*\n/.exec(rest);
  const end = evidence.end + (stop ? stop.index : rest.trimEnd().length);
  return { ...summary, evidence: { ...evidence, end, text: model.prose.slice(evidence.start, end).replace(/\s+/g, ' ').trim() } };
}

/** Says that something is to be done: a modal, "X to do", or an instruction to the reader. */
const DIRECTIVE = /\b(?:will|shall|should|must|needs? to|is to|are to|to be|(?:is|are) (?:now |currently )?being [a-z]+(?:ed|en))\b/i;

/** An offer to the reader, not a task: "If you would like to book on the training, click here". */
const OFFER = /^[\s\d.)•·-]*(?:if|should|when) you (?:would like|require|want|wish|need|are interested)\b/i;

/** A paragraph under an actions heading is an action only if it asks for something to be done; an offer never is. */
function isDirective(item: ActionItem, analysis: ActionAnalysis): boolean {
  if (OFFER.test(item.text)) return false;
  return item.kind !== 'paragraph' || item.introduced === true || DIRECTIVE.test(item.text) || analysis.weakImperative || analysis.owner.problem === 'reader-addressed';
}

/** Sentences that never hold an action, wherever they stand. */
const NEVER_ACTIONS: ReadonlySet<SentenceRole> = new Set(['schedule', 'scope', 'definition', 'quotation', 'speech']);

/** Sections whose sentences describe the audit or point elsewhere, not what will be done. */
const NOT_COMMITTING = new Set(['context', 'method', 'resources', 'glossary', 'reflection', 'actions']);
/** Sections that state what an audit found or learned, where a commitment is a soft action. */
const STATES_RESULTS = new Set(['findings', 'strengths', 'development', 'learning', 'voice', 'grading']);

/**
 * Where commitments are soft actions: sections that state what the audit found or learned, when
 * the report has any (not its news or background); anywhere in a report without such sections.
 */
function resultSections(model: DocumentModel): ((section: number) => boolean) | undefined {
  const states = (section: Section | undefined) => section !== undefined && [...section.effectiveIds, ...section.impliedIds].some((id) => STATES_RESULTS.has(id));
  if (!model.sections.some(states)) return undefined;
  return (index) => states(model.sections[index]);
}

/**
 * Actions written outside the action plan, scored as soft actions: numbered paragraphs and list
 * items of learning sections written as actions ("Schools to review …"), and sentences of
 * finding and learning paragraphs that commit to future work.
 */
function softActions(model: DocumentModel): ActionItem[] {
  const items: ActionItem[] = [];
  // A page about audits describes how audits are run: its "will"s are the process, not actions.
  if (model.kind === 'about-audits') return items;
  const numberStarts = model.numbered.map((n) => n.start).sort((a, b) => a - b);
  const sentencesOf = blockSentences(model);
  const planned = new SpanIndex(model.actions);
  const statesResults = resultSections(model);
  model.blocks.forEach((block, index) => {
    // Blocks under an actions heading are the action plan's own items.
    if (block.quoted || (block.kind !== 'paragraph' && block.kind !== 'listItem')) return;
    const ids = model.sections[block.section]?.effectiveIds ?? [];
    const text = block.text;
    const numbered = hasValueIn(numberStarts, block.start, block.end);
    const kind = numbered ? 'numbered' : block.kind === 'listItem' ? 'listItem' : 'paragraph';
    if (ids.includes('learning') && !ids.includes('actions') && isPlanForm(text)) {
      items.push({ kind, start: block.start, end: block.end, text, section: block.section, cells: {} });
      return;
    }
    if (ids.some((id) => NOT_COMMITTING.has(id)) || planned.covering(block.start, block.end)) return;
    // Commitments count where the report states what it found or learned, not in news or background.
    if (statesResults && !statesResults(block.section)) return;
    for (const sentence of sentencesOf[index]) {
      if (sentence.role !== 'commitment') continue;
      items.push({ kind: 'paragraph', start: sentence.start, end: sentence.end, text: model.prose.slice(sentence.start, sentence.end), section: block.section, cells: {} });
    }
  });
  return items;
}

function summarise(item: ActionItem, model: DocumentModel, settings: LintSettings, shared: { text: string; start: number; analysis: ActionAnalysis }[], soft = false): ActionSummary | undefined {
  const analysis = analysisOf(item.text, settings.vocabulary);
  if (!soft && !isDirective(item, analysis)) return undefined;
  const fields = item.kind === 'tableRow' ? {} : labelledFields(item.text);
  const parts = {} as Record<ActionPart, PartSummary>;
  for (const part of ACTION_PARTS) {
    const cell = item.cells[part];
    const field = fields[part];
    const given = cell
      ? fromCell(part, cell, 'column', settings)
      : field && fromCell(part, { ...field, start: field.start + item.start, end: field.end + item.start }, 'label', settings);
    let summary = given ?? fromText(analysis[part], item.text, item.start, 'text');
    if (!summary.present && (part === 'measure' || part === 'deadline')) {
      const statement = shared.find((s) => s.analysis[part].present);
      if (statement) summary = fromText(statement.analysis[part], statement.text, statement.start, 'section');
    }
    if (part === 'owner' && summary.problem === 'reader-addressed' && readerOwns(model, item)) {
      summary = { present: true, source: 'text', evidence: summary.problemSpan && { ...summary.problemSpan, text: 'the reader' } };
    }
    parts[part] = summary;
  }
  const body = bodyOf(item, model);
  if (parts.owner.source === 'text') parts.owner = withWholeName(parts.owner, model, body);
  if (parts.outcome.source === 'text') parts.outcome = toClauseEnd(parts.outcome, model, item);
  const missing = ACTION_PARTS.filter((part) => !parts[part].present);
  return {
    item,
    soft,
    line: model.lines.position(item.start).line,
    text: model.prose.slice(body.start, item.cells.action ? body.end : item.end).replace(/\s+/g, ' ').trim(),
    body,
    ...parts,
    missing,
    score: ACTION_PARTS.length - missing.length,
    smart: parts.owner.present && parts.measure.present && parts.deadline.present,
    analysis,
  };
}

/** The sentences of the last block that starts at an offset, found by halves: blocks are in document order. */
function sentencesOfBlockAt(model: DocumentModel, offset: number): Sentence[] | undefined {
  const { blocks } = model;
  const after = partitionPoint(blocks.length, (index) => blocks[index].start <= offset);
  return after > 0 && blocks[after - 1].start === offset ? blockSentences(model)[after - 1] : undefined;
}

/**
 * A paragraph under an actions heading that makes several commitments ("The Partnership will run
 * workshops … A new screening tool is being developed.") holds several actions: one per committing
 * sentence, with the sentences that follow it up to the next.
 */
function separateCommitments(item: ActionItem, sentences: Sentence[], model: DocumentModel): ActionItem[] {
  if (item.kind !== 'paragraph') return [item];
  // "The next audit will take place in March": a paragraph that only schedules or describes the audit asks for nothing.
  if (sentences.length > 0 && sentences.every((sentence) => NEVER_ACTIONS.has(sentence.role))) return [];
  const starts = sentences.filter((sentence) => sentence.role === 'commitment').map((sentence) => sentence.start);
  if (starts.length < 2) return [item];
  return starts.map((start, i) => {
    const from = i === 0 ? item.start : start;
    const to = i + 1 < starts.length ? starts[i + 1] : item.end;
    return { ...item, start: from, end: to, text: model.prose.slice(from, to) };
  });
}

const cache = new WeakMap<DocumentModel, WeakMap<LintSettings, ActionSummary[]>>();

/**
 * Every action of a report with its owner, measure, deadline and outcome: from table columns and
 * labelled fields where the report gives them, else from the action's words. A paragraph under an
 * actions heading that asks for nothing to be done ("Further actions are TBC.") is not an action;
 * a learning point written as one ("Schools to review …") is, marked `soft`. Computed once per
 * model and settings.
 */
export function summariseActions(model: DocumentModel, settings: LintSettings): ActionSummary[] {
  let bySettings = cache.get(model);
  if (!bySettings) {
    bySettings = new WeakMap();
    cache.set(model, bySettings);
  }
  let summaries = bySettings.get(settings);
  if (!summaries) {
    const statements = sectionStatements(model, settings);
    summaries = [
      ...model.actions
        .flatMap((item) => separateCommitments(item, sentencesOfBlockAt(model, item.start) ?? [], model))
        .flatMap((item) => summarise(item, model, settings, statements.get(item.section) ?? []) ?? []),
      ...softActions(model).flatMap((item) => summarise(item, model, settings, [], true) ?? []),
    ].sort((a, b) => a.item.start - b.item.start);
    bySettings.set(settings, summaries);
  }
  return summaries;
}

type SummarySpan = { start: number; end: number; summary: ActionSummary };
const indexes = new WeakMap<readonly ActionSummary[], SpanIndex<SummarySpan>>();

/** The action a document offset falls in, if any; the earliest-starting one where actions nest. */
export function actionAt(summaries: readonly ActionSummary[], offset: number): ActionSummary | undefined {
  let index = indexes.get(summaries);
  if (!index) {
    index = new SpanIndex(summaries.map((summary) => ({ start: summary.item.start, end: summary.item.end, summary })));
    indexes.set(summaries, index);
  }
  return index.containing(offset)?.summary;
}
