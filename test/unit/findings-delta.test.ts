import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import type { Finding } from '../../server/src/core/types';
import { applyFindingsDelta, findingsDelta, shiftBetween } from '../../server/src/lsp/findingsDelta';
import { LintedText } from '../../server/src/lsp/lintedText';
import { viewOf } from '../../server/src/lsp/lintView';
import { compendium, longSection } from './report-text';

const settings = resolveSettings(undefined, 'delta');

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % below;
  };
}

const INSERTS = [' also', '\n', '\n\n', '## New section\n\n', 'robust and timely ', '- ', '\r\n', 'The ICPC was held. ', ''];

function viewOfText(text: string) {
  return viewOf(lint(text, settings), settings, text.startsWith('\uFEFF') ? 1 : 0);
}

describe('findings sent as a difference from the lint before', () => {
  it.each([
    ['a compendium', compendium(8_000)],
    ['one long section', longSection(8_000)],
    ['a compendium with a byte-order mark and CRLF', `\uFEFF${compendium(6_000).replace(/\n/g, '\r\n')}`],
  ])('equal the full findings over many versions of %s, and most are named instead of sent', (_, start) => {
    const next = random(3);
    let text = start;
    let earlier = viewOfText(text);
    let earlierText = text;
    let kept = 0;
    let total = 0;
    for (let version = 0; version < 12; version++) {
      const at = next(text.length);
      text = text.slice(0, at) + INSERTS[next(INSERTS.length)] + text.slice(Math.min(text.length, at + next(12)));
      const view = viewOfText(text);
      const delta = findingsDelta(earlier.findings, view.findings, shiftBetween(earlierText, earlier.lineStarts, text, view.lineStarts));
      expect(applyFindingsDelta(earlier.findings, delta)).toEqual(view.findings);
      kept += view.findings.length - delta.added.length;
      total += view.findings.length;
      earlier = view;
      earlierText = text;
    }
    expect(kept / total).toBeGreaterThan(0.9);
  });
});

describe('an earlier finding kept for a new one', () => {
  // Ten characters inserted at offset 100 of line 3, after which everything moves.
  const shift = { head: 100, after: 100, offsets: 10, lines: 0, line: 3, columns: 10 };
  const earlier: Finding = {
    ruleId: 'vague-wording', severity: 'warning', message: 'Vague.', start: 120, end: 130, line: 3, column: 40, endLine: 3, endColumn: 50,
    data: { term: 'robust', counts: [1, 2] }, fixes: [{ title: 'Remove', edits: [{ start: 120, end: 130, text: '' }] }], docsUrl: 'https://example.org/vague',
  };
  const movedOn: Finding = { ...earlier, start: 130, end: 140, column: 50, endColumn: 60, fixes: [{ title: 'Remove', edits: [{ start: 130, end: 140, text: '' }] }] };
  const keptFor = (finding: Finding) => findingsDelta([earlier], [finding], shift).kept[0];

  it('is the earlier one moved by the edit', () => {
    expect(keptFor(movedOn)).toBe(0);
    expect(applyFindingsDelta([earlier], findingsDelta([earlier], [movedOn], shift))).toEqual([movedOn]);
  });

  it('is none when any field differs from the earlier one moved', () => {
    for (const changed of [
      { ...movedOn, message: 'Vaguer.' },
      { ...movedOn, severity: 'info' as const },
      { ...movedOn, endColumn: 59 },
      { ...movedOn, line: 4 },
      { ...movedOn, data: { term: 'robust', counts: [1, 3] } },
      { ...movedOn, fixes: [{ title: 'Remove', edits: [{ start: 130, end: 140, text: 'x' }] }] },
      { ...movedOn, fixes: [{ title: 'Remove', edits: [{ start: 120, end: 140, text: '' }] }] },
      { ...movedOn, fixes: [] },
      { ...movedOn, docsUrl: 'https://example.org/other' },
      { ...movedOn, group: { key: 'action@130', headline: 'Action is missing', item: 'owner', detail: 'It names no owner.' } },
    ] as Finding[]) expect(keptFor(changed), JSON.stringify(changed)).toBe(-1);
  });
});

describe('a linted version with the line starts the lint found', () => {
  it('places positions and offsets exactly as TextDocument does', () => {
    const next = random(9);
    const pieces = ['a', 'bc ', '\n', '\r\n', '\r', '\r\r\n', '\uFEFF', 'é', '😀'];
    for (let round = 0; round < 60; round++) {
      const text = Array.from({ length: next(60) }, () => pieces[next(pieces.length)]).join('');
      const bom = text.startsWith('\uFEFF') ? 1 : 0;
      const expected = TextDocument.create('file:///a.md', 'markdown', 3, text);
      const { lineStarts } = viewOfText(text);
      const actual = new LintedText('file:///a.md', 'markdown', 3, text, lineStarts);
      expect(actual.lineCount).toBe(expected.lineCount);
      for (let offset = -1; offset <= text.length + 1; offset++) expect(actual.positionAt(offset)).toEqual(expected.positionAt(offset));
      for (let line = -1; line <= expected.lineCount + 1; line++) {
        expect(actual.getLineRange(line)).toEqual(expected.getLineRange(line));
        expect(actual.getEOLCharacters(line)).toBe(expected.getEOLCharacters(line));
        for (let character = -1; character < 8; character++) expect(actual.offsetAt({ line, character })).toBe(expected.offsetAt({ line, character }));
      }
      const range = { start: expected.positionAt(bom), end: expected.positionAt(text.length - 1) };
      expect(actual.getText(range)).toBe(expected.getText(range));
    }
  });
});
