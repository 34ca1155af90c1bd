import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditLog } from '../../server/src/lsp/editLog';
import { SpanIndex } from '../../server/src/lsp/spanIndex';
import { VersionBridge } from '../../server/src/lsp/versionBridge';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % below;
  };
}

const WORDS = ['one ', 'two', '\n', '\r\n', 'three four ', ''];

describe('what the edits between two versions left untouched', () => {
  it('is a start and an end both versions share, and gives the same bridge as comparing whole texts', () => {
    const next = random(11);
    const log = new EditLog();
    const uri = 'file:///report.md';
    let live = TextDocument.create(uri, 'markdown', 1, 'Background\nThe audit looked at six cases.\r\nFindings\n');
    const versions = [TextDocument.create(uri, 'markdown', 1, live.getText())];
    let compared = 0;
    for (let version = 2; version < 200; version++) {
      // Several changes in one notification apply one after another: each range is in the text the one before left.
      const scratch = TextDocument.create(uri, 'markdown', 0, live.getText());
      const changes = Array.from({ length: 1 + next(3) }, (_, i) => {
        const length = scratch.getText().length;
        const start = next(length + 1);
        const change = { range: { start: scratch.positionAt(start), end: scratch.positionAt(Math.min(length, start + next(6))) }, text: WORDS[next(WORDS.length)] };
        TextDocument.update(scratch, [change], i + 1);
        return change;
      });
      live = log.update(live, changes, version);
      expect(live.getText()).toBe(scratch.getText());
      versions.push(TextDocument.create(uri, 'markdown', version, live.getText()));
      const from = versions[Math.max(0, version - 1 - next(5))];
      const known = log.unchanged(uri, from.version, version);
      const a = from.getText();
      const b = live.getText();
      expect(a.slice(0, known.head)).toBe(b.slice(0, known.head));
      expect(known.tail === 0 || a.slice(-known.tail) === b.slice(-known.tail)).toBe(true);
      if (from.version !== version && known.head + known.tail > 0) compared++;
      const hinted = VersionBridge.between(from, live, known);
      const whole = VersionBridge.between(from, live);
      expect(hinted).toEqual(whole);
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('knows nothing across versions it did not see', () => {
    const log = new EditLog();
    const uri = 'file:///report.md';
    let live = TextDocument.create(uri, 'markdown', 1, 'abc\ndef\n');
    live = log.update(live, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' }], 2);
    expect(log.unchanged(uri, 1, 2)).toEqual({ head: 4, tail: 4 });
    expect(log.unchanged(uri, 0, 2)).toEqual({ head: 0, tail: 0 });
    live = log.update(live, [{ text: 'replaced whole\n' }], 3);
    expect(log.unchanged(uri, 1, 3)).toEqual({ head: 0, tail: 0 });
    log.forget(uri);
    expect(log.unchanged(uri, 1, 2)).toEqual({ head: 0, tail: 0 });
  });
});

describe('finding the spans that hold an offset or overlap a stretch', () => {
  it('finds what looking at every span finds, in the order given', () => {
    const next = random(5);
    const spans = Array.from({ length: 3000 }, () => {
      const start = next(200_000);
      return { start, end: start + (next(10) === 0 ? next(50_000) : next(300)) };
    });
    const index = new SpanIndex(spans);
    for (let probe = 0; probe < 2000; probe++) {
      const offset = next(210_000);
      const expected = spans.flatMap((span, i) => (span.start <= offset && offset <= span.end ? [i] : []));
      expect(index.holding(offset)).toEqual(expected);
      const to = offset + next(6000);
      expect(index.overlapping(offset, to)).toEqual(spans.flatMap((span, i) => (span.start <= to && offset <= span.end ? [i] : [])));
    }
  });
});
