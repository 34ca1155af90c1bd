import { memoByText, remembering, type TextFacts } from '../memo';
import { proseFacts } from './prose';
import type { DocumentModel } from '../types';

/** A piece of the prose between two of the report's empty lines, with its offset in the document. */
export interface ProseStretch {
  start: number;
  text: string;
  /** What the memory knows of the text, while an edited report is linted. */
  facts?: TextFacts;
}

/** Empty lines of the source: no paragraph, heading or table runs across one, so no phrase of the prose does. */
const EMPTY_LINES = /\n(?:[ \t\r]*\n)+/g;

const stretchesOf = new WeakMap<DocumentModel, ProseStretch[]>();

/** Where each run of empty lines in a text ends; an edited report's parts are read once each. */
const emptyLineEnds = memoByText((text: string): readonly number[] => {
  const ends: number[] = [];
  EMPTY_LINES.lastIndex = 0;
  for (let m = EMPTY_LINES.exec(text); m; m = EMPTY_LINES.exec(text)) ends.push(m.index + m[0].length);
  return ends;
});

/**
 * The prose cut after each empty line of the source, in order, together the whole prose. Searches
 * of the whole document for things that never cross a block run stretch by stretch, so an edit
 * leaves all but one stretch, and what was found in it, as it was.
 */
export function proseStretches(model: DocumentModel): ProseStretch[] {
  let stretches = stretchesOf.get(model);
  if (stretches) return stretches;
  stretches = [];
  const factsOfStretch = proseFacts(model.prose, model.proseParts);
  const add = (start: number, end: number) => {
    const facts = factsOfStretch(start, end);
    stretches!.push({ start, text: facts?.text ?? model.prose.slice(start, end), facts });
  };
  let start = 0;
  // A part starts with a line at the margin that opens a block, so no run of empty lines crosses into it.
  for (const { start: from, text } of model.proseParts ?? [{ start: 0, text: model.text }]) {
    for (const end of emptyLineEnds(text)) {
      add(start, from + end);
      start = from + end;
    }
  }
  if (start < model.prose.length || stretches.length === 0) add(start, model.prose.length);
  stretchesOf.set(model, stretches);
  return stretches;
}

/**
 * The prose as it is searched for what never crosses an empty line: stretch by stretch while a
 * report is edited, so an edit searches one stretch again; whole when it is read once (the command
 * line), where no stretch is met again and one search costs less than many.
 */
export function proseToSearch(model: DocumentModel): readonly ProseStretch[] {
  return remembering() ? proseStretches(model) : [{ start: 0, text: model.prose }];
}
