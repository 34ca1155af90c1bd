import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint, LintCancelled } from '../../server/src/core/engine';
import { IncrementalLinter } from '../../server/src/core/incremental';
import { toDiagnostics } from '../../server/src/lsp/convert';
import { IncrementalDocumentLinter } from '../../server/src/lsp/incrementalLinter';
import { PROBLEMS_PER_PART } from '../../server/src/lsp/lintCache';
import { InThreadLintRunner, type LintOutcome, type LintRunner } from '../../server/src/lsp/lintRunner';
import { WorkerLintRunner } from '../../server/src/lsp/workerLintRunner';
import { compendium } from '../unit/report-text';

const settings = resolveSettings(undefined, 'runner');
const SERVER_BUNDLE = path.join(__dirname, '..', '..', 'dist', 'server.js');
const small = compendium(6_000);
const large = compendium(600_000);

const findingsOf = (outcome: LintOutcome) => (outcome.kind === 'done' ? outcome.view.findings : outcome.kind);

describe('stopping a lint that a newer version made stale', () => {
  it('stops between steps when the lint is no longer wanted, and the next lint is still exact', () => {
    const linter = new IncrementalLinter();
    let asked = 0;
    expect(() => linter.lint(small, settings, { stillWanted: () => ++asked < 4 })).toThrow(LintCancelled);
    // Asked once before parsing and once before each rule: it stopped after two rules.
    expect(asked).toBe(4);
    const edited = small.replace('## ', '## Audit findings: ');
    expect(linter.lint(edited, settings).findings).toEqual(lint(edited, settings).findings);
  });
});

const runners: [string, () => LintRunner][] = [
  ['on a worker thread', () => new WorkerLintRunner(SERVER_BUNDLE)],
  ['on the calling thread', () => new InThreadLintRunner()],
];

describe.each(runners)('lints run %s', (_, create) => {
  let runner: LintRunner;
  afterEach(() => runner.dispose());

  it('finds what a full lint finds, version after version', async () => {
    runner = create();
    const uri = 'file:///report.md';
    expect(findingsOf(await runner.run({ uri, version: 1, text: small, settings }))).toEqual(lint(small, settings).findings);
    const edited = small.replace('cases', 'cases (robust, timely)');
    expect(findingsOf(await runner.run({ uri, version: 2, text: edited, settings }))).toEqual(lint(edited, settings).findings);
    expect(runner.counts).toEqual({ finished: 2, cancelled: 0 });
  });

  it('does not finish a lint whose version was superseded before it ran', async () => {
    runner = create();
    // A long lint of another report runs first; the stale version waits behind it and is stopped.
    const other = runner.run({ uri: 'file:///other.md', version: 1, text: large, settings });
    const uri = 'file:///report.md';
    const stale = runner.run({ uri, version: 1, text: small, settings });
    runner.supersede(uri, 2);
    const edited = `${small}\nA new last line.\n`;
    const fresh = runner.run({ uri, version: 2, text: edited, settings });
    expect((await stale).kind).toBe('cancelled');
    expect(findingsOf(await fresh)).toEqual(lint(edited, settings).findings);
    expect((await other).kind).toBe('done');
    expect(runner.counts).toEqual({ finished: 2, cancelled: 1 });
  });
});

describe('findings from the lint thread', () => {
  let runner: WorkerLintRunner;
  afterEach(() => runner.dispose());

  it('arrive as a difference from the last lint of the document, and equal a full lint version after version', async () => {
    runner = new WorkerLintRunner(SERVER_BUNDLE, 0);
    const uri = 'file:///report.md';
    let text = small;
    expect(findingsOf(await runner.run({ uri, version: 1, text, settings }))).toEqual(lint(text, settings).findings);
    const first = runner.findingsReceived.whole;
    expect(runner.findingsReceived.kept).toBe(0);
    for (let version = 2; version <= 6; version++) {
      const at = Math.floor((text.length * version) / 8);
      text = `${text.slice(0, at)}${version % 2 ? '\n' : ' also'}${text.slice(at)}`;
      expect(findingsOf(await runner.run({ uri, version, text, settings }))).toEqual(lint(text, settings).findings);
    }
    expect(runner.findingsReceived.kept).toBeGreaterThan(4 * first);
    expect(runner.findingsReceived.whole - first).toBeLessThan(first);
    // A document closed and opened again starts from a whole list.
    runner.forget(uri);
    const whole = runner.findingsReceived.whole;
    expect(findingsOf(await runner.run({ uri, version: 1, text, settings }))).toEqual(lint(text, settings).findings);
    expect(runner.findingsReceived.whole - whole).toBe(lint(text, settings).findings.length);
  });
});

describe('prose from the lint thread', () => {
  it('arrives as the stretch that changed, even where an edit changes the prose far past itself', async () => {
    const runner = new WorkerLintRunner(SERVER_BUNDLE);
    const uri = 'file:///report.md';
    const proseOf = (outcome: LintOutcome) => (outcome.kind === 'done' ? outcome.view.model.prose : outcome.kind);
    expect(proseOf(await runner.run({ uri, version: 1, text: small, settings }))).toBe(lint(small, settings).model.prose);
    expect(runner.proseReceived).toEqual({ whole: small.length, kept: 0 });
    // Opening fenced code blanks the prose to the end; closing it brings the prose back.
    const inserts = [' also', '\n\n```\n', '\n```\n\n', '\r\n', '<!-- a note -->'];
    let version = 1;
    for (let count = 1; count <= inserts.length; count++) {
      let edited = small;
      inserts.slice(0, count).forEach((insert, index) => {
        const at = Math.floor((edited.length * (index + 2)) / 8);
        edited = `${edited.slice(0, at)}${insert}${edited.slice(at)}`;
      });
      expect(proseOf(await runner.run({ uri, version: ++version, text: edited, settings }))).toBe(lint(edited, settings).model.prose);
    }
    const sent = runner.proseReceived.whole - small.length;
    expect(sent).toBeGreaterThan(0);
    expect(runner.proseReceived.kept).toBeGreaterThan(sent);
    runner.dispose();
  });
});

describe('a long text sent to the lint thread', () => {
  it('goes as an edit of the text sent before, and is linted exactly as the whole', async () => {
    const runner = new WorkerLintRunner(SERVER_BUNDLE);
    const uri = 'file:///long.md';
    let text = large;
    expect(findingsOf(await runner.run({ uri, version: 1, text, settings }))).toEqual(lint(text, settings).findings);
    for (const [version, insert] of [[2, ' robust and timely'], [3, '\n\n## New heading\n\n']] as const) {
      const at = Math.floor((text.length * version) / 5);
      text = `${text.slice(0, at)}${insert}${text.slice(at)}`;
      expect(findingsOf(await runner.run({ uri, version, text, settings }))).toEqual(lint(text, settings).findings);
    }
    expect(runner.textsSent).toEqual({ whole: 1, asEdits: 2 });
    // Closed and opened again, the text goes whole.
    runner.forget(uri);
    expect(findingsOf(await runner.run({ uri, version: 1, text: small, settings }))).toEqual(lint(small, settings).findings);
    expect(runner.textsSent).toEqual({ whole: 2, asEdits: 2 });
    runner.dispose();
  }, 60_000);
});

describe('a short list of findings', () => {
  it('crosses whole, as naming its kept findings would cost more than copying them', async () => {
    const runner = new WorkerLintRunner(SERVER_BUNDLE);
    const uri = 'file:///report.md';
    expect(findingsOf(await runner.run({ uri, version: 1, text: small, settings }))).toEqual(lint(small, settings).findings);
    const edited = `${small} also`;
    expect(findingsOf(await runner.run({ uri, version: 2, text: edited, settings }))).toEqual(lint(edited, settings).findings);
    expect(runner.findingsReceived).toEqual({ whole: lint(small, settings).findings.length + lint(edited, settings).findings.length, kept: 0 });
    runner.dispose();
  });
});

describe('diagnostics of a lint that came as a difference', () => {
  let runner: WorkerLintRunner;
  afterEach(() => runner.dispose());

  it('reuse the earlier diagnostics of findings before the edit, and equal diagnostics made afresh', async () => {
    runner = new WorkerLintRunner(SERVER_BUNDLE, 0);
    const linter = new IncrementalDocumentLinter(runner);
    let text = `\uFEFF${small.replace(/\n/g, '\r\n')}`;
    let earlier: Diagnostic[] = [];
    let reused = 0;
    for (let version = 1; version <= 5; version++) {
      if (version > 1) {
        const at = Math.floor((text.length * (7 - version)) / 7);
        // Insertions, and a stretch replaced by a line break.
        text = `${text.slice(0, at)}${version % 2 ? '\r\n' : ' also'}${text.slice(version === 4 ? at + 30 : at)}`;
      }
      const linted = await linter.lint(TextDocument.create('file:///report.md', 'markdown', version, text), settings);
      const { diagnostics } = linted.diagnostics;
      expect(diagnostics).toEqual(toDiagnostics(TextDocument.create('file:///report.md', 'markdown', version, text), linted.result.findings).diagnostics);
      reused += diagnostics.filter((diagnostic) => earlier.includes(diagnostic)).length;
      earlier = diagnostics;
    }
    expect(reused).toBeGreaterThan(earlier.length);
  });
});

describe('diagnostics worked out a part at a time', () => {
  it('let other work run between the parts, and equal the diagnostics worked out at once', async () => {
    const runner = new InThreadLintRunner();
    const linter = new IncrementalDocumentLinter(runner);
    const document = TextDocument.create('file:///large.md', 'markdown', 1, large);
    const linted = await linter.lint(document, settings);
    let turns = 0;
    const shown = await linted.diagnosticsInParts(async () => {
      turns++;
    });
    expect(shown.diagnostics).toEqual(toDiagnostics(document, linted.result.findings).diagnostics);
    expect(turns).toBe(Math.ceil(linted.presented.length / PROBLEMS_PER_PART) - 1);
    expect(turns).toBeGreaterThan(0);
    expect(linted.diagnostics).toBe(shown);
    runner.dispose();
  });
});
