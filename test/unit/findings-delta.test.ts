import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
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
