import type { TextFacts } from './memo';
import type { Root, Heading, RootContent } from 'mdast';
import type { LineIndex } from './text';
import type { ProseWord } from './model/words';

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

/** Canonical section ids of an audit report (SPEC §3). */
export const SECTION_IDS = [
  'context', 'method', 'grading', 'findings', 'strengths', 'development',
  'learning', 'actions', 'reflection', 'voice', 'resources', 'glossary',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** A replacement of the text between two offsets. An insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A fix is data: a title for the editor and the edits it makes. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/**
 * Findings that say one thing about one place (the parts an action lacks, the facts a methodology
 * leaves out) share a key: editors and the terminal show them as one problem listing each item,
 * while each keeps its rule id for configuration, disabling and machine-readable output.
 */
export interface FindingGroup {
  /** Findings with the same key are one problem: "action@1200". */
  key: string;
  /** The opening words of the combined message: "Action is missing". */
  headline: string;
  /** What this finding adds to the list: "owner". */
  item: string;
  /** A short remark in the author's words, kept in the combined message: '"All agencies" is not an owner'. */
  note?: string;
  /** What this finding says beyond the shared opening, for the hover. */
  detail: string;
}

/** What a rule reports. Offsets are into `DocumentModel.text`. */
export interface Report {
  start: number;
  end: number;
  message: string;
  /** Lower the configured severity by one step (e.g. a wording finding outside the actions). */
  demote?: boolean;
  /** A note rather than a fault: reported as info whatever the rule's severity. */
  advisory?: boolean;
  data?: Record<string, unknown>;
  fixes?: Fix[];
  group?: FindingGroup;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Offsets into the text as given (a byte-order mark counts); line and column ignore it, as editors do. */
  start: number;
  end: number;
  /** 1-based, columns in UTF-16 code units. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data: Record<string, unknown>;
  fixes: Fix[];
  docsUrl: string;
  group?: FindingGroup;
}

export type RuleCategory = 'structure' | 'methodology' | 'actions' | 'wording' | 'privacy' | 'document';

/** A JSON-schema fragment describing one rule option; `default` is required. */
export interface OptionSchema {
  type: 'integer' | 'number' | 'string' | 'boolean' | 'array';
  items?: { type: 'string' };
  enum?: readonly (string | number)[];
  minimum?: number;
  maximum?: number;
  default: unknown;
  description: string;
}

export interface RuleMeta {
  id: string;
  description: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** True when the rule's findings may carry fixes. */
  fixable: boolean;
  /** Why the rule exists, shown in hover and docs. */
  rationale: string;
  /** A short passage the rule flags … */
  bad: string;
  /** … and how it reads when written well. */
  good: string;
  options?: Record<string, OptionSchema>;
  /**
   * 'block': what the rule finds in a block depends only on that block's prose and kind, the
   * settings and the rule's options. The engine then calls `checkBlock` once per block text and
   * reuses those findings, moved to where the block now is, while a document is edited.
   */
  scope?: 'document' | 'block';
}

export interface RuleContext<Options = Record<string, unknown>> {
  model: DocumentModel;
  options: Options;
  settings: LintSettings;
  report(report: Report): void;
  /**
   * True once this rule has used up its time budget on this document. Rules with loops that can
   * grow with the document (sentences, blocks, actions) check it and return early; a report made
   * after the budget stops the rule. The engine reports a stopped rule as a failure.
   */
  overBudget(): boolean;
}

/** What a block-scoped rule reads: one block's prose, offsets from its start, and how to report in it. */
export interface BlockContext<Options = Record<string, unknown>> {
  /** The block's prose (markup and code blanked with spaces); reports are offsets into it. */
  text: string;
  kind: BlockKind;
  /** Inside a block quote. */
  quoted: boolean;
  options: Options;
  settings: LintSettings;
  report(report: Report): void;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  check(context: RuleContext<Options>): void;
  /** For a rule with `scope: 'block'`: its findings in one block. */
  checkBlock?(context: BlockContext<Options>): void;
}

/** A profile requirement: any one alternative satisfies it; an alternative needs all its ids. */
export type Requirement = SectionId[][];

export interface ProfileDefinition {
  id: string;
  title: string;
  required: Requirement[];
  /** Order slots: a section whose ids fall in an earlier slot must come before later ones. */
  order: SectionId[][];
  recommended: SectionId[];
}

export interface Vocabulary {
  agencies: string[];
  roles: string[];
  acronyms: Record<string, string>;
  /** Terms never flagged by wording rules. */
  allow: string[];
  /** Extra terms flagged by vague-wording, with a reason and a suggestion. */
  forbid: { term: string; reason: string; suggestion: string }[];
  /** The form of a term to write, with the forms consistent-terms reports ("multi-agency": ["multi agency"]). */
  preferred: Record<string, string[]>;
}

export interface ReadabilitySettings {
  maxSentenceWords: number;
  /** Flesch reading ease below which a section is reported. */
  minReadingEase: number;
  audience: 'public' | 'practitioners' | 'board';
}

/** Everything the engine needs from configuration, already validated and merged with defaults. */
export interface LintSettings {
  defaultProfile: string | undefined;
  profiles: Record<string, ProfileDefinition>;
  rules: Record<string, { severity: SeverityOrOff; options: Record<string, unknown> }>;
  vocabulary: Vocabulary;
  readability: ReadabilitySettings;
  include: string[];
  /** Documents larger than this many bytes are not linted in full. */
  maxDocumentBytes: number;
}

export interface FrontMatter {
  start: number;
  end: number;
  /** Parsed mapping, or null when the YAML did not parse. */
  data: Record<string, unknown> | null;
  error?: { message: string; start: number; end: number };
}

export interface Section {
  index: number;
  heading: Heading | null;
  depth: number;
  /** Heading text as written (inline markup removed). */
  title: string;
  /** Leading number of the heading ("4", "4.0", "5.1") if any. */
  number: string | undefined;
  /** The heading is a plain line standing alone, as in text from a PDF or Word, not Markdown heading syntax. */
  plain: boolean;
  /** Canonical ids from this heading alone. */
  ids: SectionId[];
  /** Ids the content satisfies without a heading saying so (a methodology told in the introduction). */
  impliedIds: SectionId[];
  /** Own ids, else the nearest ancestor's: what the content counts as. */
  effectiveIds: SectionId[];
  parent: number | undefined;
  /** Heading start … end of the last content before the next heading of any depth. */
  start: number;
  end: number;
  headingEnd: number;
  /** End of this section including its subsections. */
  subtreeEnd: number;
  /** Block nodes between this heading and the next heading. */
  nodes: RootContent[];
}

export type BlockKind = 'paragraph' | 'heading' | 'listItem' | 'tableCell';

/** A run of prose: a paragraph, heading, list-item paragraph or table cell. */
export interface ProseBlock {
  kind: BlockKind;
  start: number;
  end: number;
  section: number;
  /** Inside a block quote (quoted audit questions are not the author's wording). */
  quoted: boolean;
  /** The block's prose, cut once for every analysis: each keys its memory by this same string. */
  text: string;
  /** What the memory knows of the text, while an edited document is linted: analyses keep their results there. */
  facts?: TextFacts;
}

/**
 * What a sentence does: states a finding, commits to an action, describes the audit's scope,
 * defines a term, quotes, reports a child's or family's words, schedules a meeting, states a
 * lesson, asks, or describes.
 */
export type SentenceRole =
  | 'finding' | 'commitment' | 'scope' | 'definition' | 'quotation' | 'speech' | 'schedule' | 'learning' | 'question' | 'description';

export interface Sentence {
  start: number;
  end: number;
  role: SentenceRole;
  /** The prose text of the sentence (markup and code blanked out, same length as the source span). */
  text: string;
  /** What the memory knows of the text, while an edited document is linted. */
  facts?: TextFacts;
  block: number;
  section: number;
}

export interface NumberedParagraph {
  /** "5.1" */
  id: string;
  parts: number[];
  start: number;
  end: number;
  /** Offset range of the number itself. */
  numberEnd: number;
  section: number;
}

export type ActionKind = 'listItem' | 'numbered' | 'tableRow' | 'paragraph';

export type ActionPart = 'owner' | 'measure' | 'deadline' | 'outcome';

export interface ActionCell {
  start: number;
  end: number;
  text: string;
}

export interface ActionItem {
  kind: ActionKind;
  start: number;
  end: number;
  /** Prose of the whole item (same length as the source span). */
  text: string;
  section: number;
  /** For table rows: cells under recognised column headers. */
  cells: Partial<Record<ActionPart | 'action', ActionCell>>;
  /** Introduced as an action by a lead-in ("The following recommendations were made:") outside an actions section. */
  introduced?: boolean;
}

export interface HtmlComment {
  start: number;
  end: number;
  body: string;
}

export interface ResolvedProfile {
  definition: ProfileDefinition;
  source: 'front-matter' | 'title' | 'config' | 'default';
}

/** A report of an audit, or a page about audits (a programme, framework or tool). */
export type DocumentKind = 'report' | 'about-audits';

/** The prose of one part of an edited report, where the part starts, its text, and what the memory knows of its prose. */
export interface PartProse {
  start: number;
  text: string;
  prose: string;
  facts?: TextFacts;
}

export interface DocumentModel {
  /** Text as linted (BOM removed). */
  text: string;
  /** Same length as text: prose kept, code, HTML, URLs, front matter and markup blanked with spaces. */
  prose: string;
  /** The prose part by part, in order, while an edited report is linted: texts cut from it are found through their part. */
  proseParts?: readonly PartProse[];
  lines: LineIndex;
  tree: Root;
  frontMatter: FrontMatter | null;
  title: { text: string; start: number; end: number } | null;
  profile: ResolvedProfile;
  kind: DocumentKind;
  sections: Section[];
  /** What a document without headings shows by its content (a methodology, findings) in place of sections. */
  contentIds: SectionId[];
  blocks: ProseBlock[];
  /** Each block's words, by block index, offsets in the block's text: the one reading of words the rules share. */
  words: readonly (readonly ProseWord[])[];
  sentences: Sentence[];
  numbered: NumberedParagraph[];
  actions: ActionItem[];
  comments: HtmlComment[];
  /** Text the source file carries but the Markdown does not show (a Word file's comments, tracked deletions, properties). */
  hidden?: readonly HiddenPassage[];
}

/**
 * Text a reader of the original file can recover that is not part of the report's Markdown, with
 * where it is ("in a comment") and the Markdown range it is attached to. Only privacy rules read it.
 */
export interface HiddenPassage {
  /** Completes a sentence: "in a comment", "in the document properties: author". */
  where: string;
  text: string;
  start: number;
  end: number;
  /** The whole text is a person-name field (an author), not prose. */
  personField: boolean;
}
