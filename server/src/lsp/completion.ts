import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import agencyData from '../core/data/agencies.json';
import { classifyHeading, sectionInfo } from '../core/model/sections';
import { KEY_TYPES } from '../core/rules/front-matter';
import { SECTION_IDS, type LintSettings, type SectionId } from '../core/types';
import type { LintedDocument } from './lintCache';

export const TRIGGER_CHARACTERS = ['#', ' ', ':', '|'];

export const GRADES = ['outstanding', 'good', 'requires improvement to be good', 'inadequate'];

const HEADING = /^(#{1,6})([ \t]*)([^#]*)$/;
const PROFILE_VALUE = /^profile[ \t]*:[ \t]*([\w-]*)$/;
const FRONT_MATTER_KEY = /^([\w-]*)$/;
const AFTER_GRADED = /\b(?:graded|judged|rated)(?:\s+as)?\s+["“]?([\p{L} ]{0,40})$/iu;
/** The start of an action: a bullet, a number ("5.1", "3."), or a table cell. */
const ACTION_START = /(?:^\s*(?:[-*+]|\d+(?:\.\d+)*[.)]?)\s+(?:\*\*)?|\|\s*)([\p{L}'’ ]{0,40})$/u;
const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;

interface LineContext {
  document: TextDocument;
  position: Position;
  /** Text of the line before the cursor. */
  before: string;
}

function rangeBack(context: LineContext, length: number): Range {
  return { start: { line: context.position.line, character: context.position.character - length }, end: context.position };
}

/** Is the cursor inside the front matter (an unclosed block counts: it is being written)? */
function inFrontMatter(document: TextDocument, line: number): boolean {
  if (line === 0 || !/^\uFEFF?---[ \t]*$/.test(document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$|\r$/, ''))) return false;
  for (let l = 1; l < line; l++) {
    const text = document.getText({ start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }).trimEnd();
    if (text === '---' || text === '...') return false;
  }
  return true;
}

/** Front matter keys, and profile names after "profile:". */
export function frontMatterCompletions(document: TextDocument, position: Position, settings: LintSettings): CompletionItem[] | undefined {
  if (!inFrontMatter(document, position.line)) return undefined;
  const context: LineContext = { document, position, before: document.getText({ start: { line: position.line, character: 0 }, end: position }) };
  const profile = PROFILE_VALUE.exec(context.before);
  if (profile) {
    return Object.values(settings.profiles).map((definition) => ({
      label: definition.id,
      kind: CompletionItemKind.EnumMember,
      detail: definition.title,
      textEdit: { range: rangeBack(context, profile[1].length), newText: definition.id },
    }));
  }
  const key = FRONT_MATTER_KEY.exec(context.before);
  if (!key) return [];
  return Object.entries(KEY_TYPES).map(([name, { example }]) => ({
    label: name,
    kind: CompletionItemKind.Property,
    detail: example,
    textEdit: { range: rangeBack(context, key[1].length), newText: `${name}: ` },
    // Choosing "profile" goes straight on to the profile names.
    ...(name === 'profile' ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
  }));
}

/**
 * What the section around a line counts as, read from the text itself (the lint may be a version
 * behind while typing): the nearest heading's ids, else those of the heading it sits under.
 */
function sectionIdsAt(document: TextDocument, line: number): SectionId[] {
  let depth = 7;
  for (let l = line - 1; l >= 0 && depth > 1; l--) {
    const heading = ATX_HEADING.exec(document.getText({ start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }).replace(/\r?\n$|\r$/, ''));
    if (!heading || heading[1].length >= depth) continue;
    const ids = classifyHeading(heading[2]);
    if (ids.length > 0) return ids;
    depth = heading[1].length;
  }
  return [];
}

function sectionCompletions(context: LineContext, linted: LintedDocument, heading: RegExpExecArray): CompletionItem[] {
  const { model } = linted.result;
  const profile = model.profile.definition;
  const present = new Set(model.sections.flatMap((s) => [...s.ids, ...s.impliedIds]));
  // Ids of requirements not yet met: "strengths" is not missing when "findings" is there.
  const required = new Set(profile.required.filter((r) => !r.some((alternative) => alternative.every((id) => present.has(id)))).flat(2));
  const recommended = new Set(profile.recommended);
  const rank = (id: SectionId) => (present.has(id) ? 3 : required.has(id) ? 0 : recommended.has(id) ? 1 : 2);
  const status = (id: SectionId) =>
    present.has(id) ? 'already in the report'
    : required.has(id) ? `missing: the ${profile.title.toLowerCase()} profile requires it`
    : recommended.has(id) ? `missing: recommended for a ${profile.title.toLowerCase()}`
    : 'optional';
  const typed = heading[3];
  const range: Range = {
    start: { line: context.position.line, character: context.position.character - typed.length },
    end: { line: context.position.line, character: context.position.character + context.document.getText({ start: context.position, end: { line: context.position.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '').length },
  };
  const space = heading[2] === '' ? ' ' : '';
  return [...SECTION_IDS].sort((a, b) => rank(a) - rank(b)).map((id, index) => ({
    label: sectionInfo[id].heading,
    kind: CompletionItemKind.Module,
    detail: status(id),
    documentation: `${sectionInfo[id].description[0].toUpperCase()}${sectionInfo[id].description.slice(1)}. ${sectionInfo[id].prompt}`,
    sortText: `${rank(id)}${String(index).padStart(2, '0')}`,
    filterText: sectionInfo[id].heading,
    textEdit: { range, newText: `${space}${sectionInfo[id].heading}` },
  }));
}

function ownerCompletions(context: LineContext, settings: LintSettings, typed: string): CompletionItem[] {
  const range = rangeBack(context, typed.length);
  const item = (label: string, kind: CompletionItemKind, detail: string): CompletionItem => ({ label, kind, detail, textEdit: { range, newText: label } });
  return [
    ...[...agencyData.agencies.map((a) => a.name), ...settings.vocabulary.agencies].map((name) => item(name, CompletionItemKind.Module, 'Agency')),
    ...[...agencyData.roles.map((r) => r.name), ...settings.vocabulary.roles].map((name) => item(name, CompletionItemKind.Property, 'Role')),
  ];
}

function gradeCompletions(context: LineContext, typed: string): CompletionItem[] {
  return GRADES.map((grade, index) => ({
    label: grade,
    kind: CompletionItemKind.EnumMember,
    detail: 'Ofsted grade',
    sortText: String(index),
    textEdit: { range: rangeBack(context, typed.length), newText: grade },
  }));
}

/**
 * Section headings on a heading line, grades after "graded", agencies and roles at the start of an
 * action. The lint may be a version or two old: only its profile, settings and outline are used.
 */
export function reportCompletions(document: TextDocument, position: Position, linted: LintedDocument): CompletionItem[] {
  const context: LineContext = { document, position, before: document.getText({ start: { line: position.line, character: 0 }, end: position }) };
  const heading = HEADING.exec(context.before);
  if (heading) return sectionCompletions(context, linted, heading);
  const grade = AFTER_GRADED.exec(context.before);
  if (grade) return gradeCompletions(context, grade[1]);
  const action = ACTION_START.exec(context.before);
  if (action && sectionIdsAt(document, position.line).includes('actions')) return ownerCompletions(context, linted.settings, action[1]);
  return [];
}
