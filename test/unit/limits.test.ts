import fc from 'fast-check';
/**
 * Time and size limits: a document over maxDocumentBytes is not linted, a rule over its time
 * budget is stopped and reported, and no word-list pattern or rule slows down faster than its
 * input grows. CPU times are compared between an input and one ten times longer, never against a
 * fixed figure, so the tests hold on a slow or busy machine.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import { buildModel } from '../../server/src/core/model/build';
import { rules } from '../../server/src/core/rules';
import { utf8Length } from '../../server/src/core/text';
import { checkRule, leastCpuTime } from './cpu-time';

const settings = resolveSettings(undefined, '(defaults)');
const root = path.join(__dirname, '..', '..');
const report = fs.readFileSync(path.join(root, 'examples', 'maca-report-poor.md'), 'utf8');
const GROWTH = 10;
/** Ten times the input may take up to thirty times as long (noise, caches); quadratic would be a hundred. */
const SLACK = 3;
const FLOOR_MS = 40;

describe('document size limit', () => {
  it('does not lint a document over maxDocumentBytes and says so once', () => {
    const small = { ...settings, maxDocumentBytes: 1000 };
    const result = lint(report, small);
    expect(result.complete).toBe(false);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['size-limit']);
    expect(result.findings[0].message).toMatch(/not linted.*maxDocumentBytes/);
    expect(result.findings[0].data).toEqual({ bytes: utf8Length(report), maxDocumentBytes: 1000 });
    expect(result.model.sections).toEqual([]);
    expect(result.failures).toEqual([]);
  });

  it('counts UTF-8 bytes, not characters, and ignores a byte-order mark', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(utf8Length('\uD800x')).toBe(3 + 1);
    const text = '\uFEFF# Audit\n\n€€€\n';
    const limit = utf8Length(text.slice(1));
    expect(lint(text, { ...settings, maxDocumentBytes: limit }).complete).toBe(true);
    expect(lint(text, { ...settings, maxDocumentBytes: limit - 1 }).complete).toBe(false);
  });

  it('counts as many bytes as Node writes, for any UTF-16 text, lone surrogates and pairs included', () => {
    const units = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0xd83d, 0xde00, 0x7ff, 0x800)), { maxLength: 60 });
    fc.assert(fc.property(units, (codes) => {
      const text = String.fromCharCode(...codes);
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }), { numRuns: 3000 });
  });

  it('an oversized document with size-limit turned off gets no findings and is still not linted', () => {
    const off = { ...settings, maxDocumentBytes: 10, rules: { 'size-limit': { severity: 'off' as const, options: {} } } };
    const result = lint(report, off);
    expect(result).toMatchObject({ complete: false, findings: [], failures: [] });
  });
});

describe('rule time budget', () => {
  it('times every rule that runs', () => {
    const result = lint(report, settings);
    expect(Object.keys(result.timings).sort()).toEqual(rules.map((r) => r.meta.id).sort());
    expect(result.failures).toEqual([]);
  });

  it('stops a rule that reports after its budget is spent and reports it, while the others still run', () => {
    // A budget already spent: each rule is stopped at its first report, or noted when it finishes.
    const result = lint(report, settings, { ruleBudgetMs: -1 });
    expect(result.findings).toEqual([]);
    expect(result.failures.map((f) => f.ruleId).sort()).toEqual(rules.map((r) => r.meta.id).sort());
    for (const failure of result.failures) expect(failure.message).toMatch(/over its -1 ms budget, and was stopped/);
  });
});

// ---------------------------------------------------------------------------------------------
// Catastrophic backtracking

/** Every pattern in the word lists: strings under "pattern", and in "patterns", "synonyms" or "keywords" lists. */
function dataPatterns(): { file: string; source: string }[] {
  const found: { file: string; source: string }[] = [];
  const dataDir = path.join(root, 'server', 'src', 'core', 'data');
  for (const file of fs.readdirSync(dataDir).filter((f) => f.endsWith('.json'))) {
    const visit = (value: unknown, key: string) => {
      if (typeof value === 'string' && key === 'pattern') found.push({ file, source: value });
      else if (Array.isArray(value)) value.forEach((v) => (typeof v === 'string' && (key === 'patterns' || key === 'synonyms' || key === 'keywords') ? found.push({ file, source: v }) : visit(v, key)));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
    };
    visit(JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')), '');
  }
  return found;
}

/** Near misses of a pattern: its literal words, each one letter short, over and over. */
function nearMiss(source: string, length: number): string {
  const words = source.replace(/\\[a-z]|\(\?[:!=<]+|[()[\]?*+|{}^$\\]/gi, ' ').split(/\s+/).filter((w) => w.length > 1);
  const unit = `${words.map((w) => w.slice(0, -1)).join(' ')} ${words.join('')} `;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const patterns = dataPatterns();

describe('no catastrophic backtracking', () => {
  it('the word lists hold patterns to test', () => {
    expect(patterns.length).toBeGreaterThan(50);
  });

  it('each word-list pattern takes time in proportion to its input', () => {
    const slow: string[] = [];
    for (const { file, source } of patterns) {
      const regex = new RegExp(`(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`, 'gi');
      for (const make of [(n: number) => nearMiss(source, n), (n: number) => 'a '.repeat(n / 2), (n: number) => `${'-'.repeat(n / 2)}${"'".repeat(n / 2)}`]) {
        const run = (n: number) => leastCpuTime(() => void make(n).match(regex), 2);
        const small = run(2000);
        const large = run(2000 * GROWTH);
        if (large > small * GROWTH * SLACK + FLOOR_MS / 4) slow.push(`${file}: /${source}/ ${small.toFixed(2)} ms -> ${large.toFixed(2)} ms`);
      }
    }
    expect(slow).toEqual([]);
  });

  /** Text built to trip regexes: long runs of what rule patterns look for, without the match. */
  const adversarial: Record<string, (n: number) => string> = {
    'near misses of every word-list pattern': (n) => patterns.map((p) => nearMiss(p.source, 40)).join(' ').repeat(Math.ceil(n / 4000)).slice(0, n),
    'one long word': (n) => 'a'.repeat(n),
    'capitals': (n) => 'ABC '.repeat(n / 4),
    'open brackets before capitals': (n) => '(Local A '.repeat(n / 9),
    'digits and spaces': (n) => '0 1 2 3 4 '.repeat(n / 10),
    'digits': (n) => '7'.repeat(n),
    'address-like': (n) => '12 a@b. Road, '.repeat(n / 14),
    'titles and names': (n) => 'Mr Mrs Dr Smith mum of '.repeat(n / 23),
    'dates and periods': (n) => '1/2/ by March within 6 '.repeat(n / 23),
    'dots and hyphens': (n) => '.-'.repeat(n / 2),
  };

  for (const [name, make] of Object.entries(adversarial)) {
    it(`every rule takes time in proportion to its input: ${name}`, () => {
      const doc = (n: number) => `# Neglect audit\n\n## Actions\n\n- ${make(n)}\n\n${make(n)}\n`;
      // The model and each rule are timed on their own, so one slow step cannot hide in the others.
      const timings = (n: number) => {
        const text = doc(n);
        const model = buildModel(text, settings);
        return {
          model: leastCpuTime(() => buildModel(text, settings), 2),
          ...Object.fromEntries(rules.map((rule) => [rule.meta.id, leastCpuTime(() => checkRule(rule, model, settings), 2)])),
        } as Record<string, number>;
      };
      const small = timings(1000);
      const large = timings(1000 * GROWTH);
      const slow = Object.keys(small)
        .filter((id) => large[id] > small[id] * GROWTH * SLACK + FLOOR_MS)
        .map((id) => `${id}: ${small[id].toFixed(1)} ms -> ${large[id].toFixed(1)} ms`);
      expect(slow).toEqual([]);
    }, 60000);
  }
});
