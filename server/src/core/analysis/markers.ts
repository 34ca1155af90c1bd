import markers from '../data/positive-markers.json';

/** Text that credits a sentence with being about the child's life or backed by evidence. */
export type MarkerKind = 'outcome' | 'childFuture' | 'livedExperience' | 'evidence' | 'findingReference';

export interface Marker {
  kind: MarkerKind;
  start: number;
  end: number;
}

/** How far after an outcome connective the child or family must be named. */
const CONNECTIVE_REACH = 80;

const bounded = (sources: readonly string[]): RegExp =>
  new RegExp(`(?<![A-Za-z0-9_])(?:${sources.join('|')})(?![A-Za-z0-9_])`, 'gi');

const CHILD = bounded(markers.childNouns.patterns);
const CONNECTIVE = bounded(markers.outcomeConnectives.patterns);
const SIMPLE: [MarkerKind, RegExp][] = [
  ['childFuture', bounded(markers.childFuture.patterns)],
  ['livedExperience', bounded(markers.livedExperience.patterns)],
  ['evidence', bounded(markers.evidence.patterns)],
  ['findingReference', bounded(markers.findingReferences.patterns)],
];

function* matches(regex: RegExp, text: string): Generator<RegExpExecArray> {
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) regex.lastIndex++;
    else yield m;
  }
}

/** The first mention of a child, young person or family in a string. */
export function findChildNoun(text: string): { start: number; end: number } | undefined {
  for (const m of matches(CHILD, text)) return { start: m.index, end: m.index + m[0].length };
  return undefined;
}

/**
 * Outcome connectives ("so that", "as a result") followed closely by the child or family,
 * each reported from the connective to the child noun.
 */
export function findOutcomeLinks(text: string): Marker[] {
  const found: Marker[] = [];
  for (const m of matches(CONNECTIVE, text)) {
    const after = m.index + m[0].length;
    const child = findChildNoun(text.slice(after, after + CONNECTIVE_REACH));
    if (child) found.push({ kind: 'outcome', start: m.index, end: after + child.end });
  }
  return found;
}

/** Outcome connectives that lead to no child or family: the outcome is for the service. */
export function findBareConnectives(text: string): { start: number; end: number }[] {
  const linked = new Set(findOutcomeLinks(text).map((link) => link.start));
  return [...matches(CONNECTIVE, text)]
    .filter((m) => !linked.has(m.index))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Every positive marker in a prose string, sorted by position. */
export function findPositiveMarkers(text: string): Marker[] {
  const found = findOutcomeLinks(text);
  for (const [kind, regex] of SIMPLE) {
    for (const m of matches(regex, text)) found.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A sentence with an outcome, lived-experience or evidence marker: weak words in it matter less. */
export function isOutcomeFocused(sentence: string): boolean {
  return findPositiveMarkers(sentence).length > 0;
}
