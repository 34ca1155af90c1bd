import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { buildModel } from '../../server/src/core/model/build';
import { rules } from '../../server/src/core/rules';
import type { DocumentModel, Rule } from '../../server/src/core/types';
import { compendium } from './report-text';

const SMALL = 32_000;
const GROWTH = 8;
const settings = resolveSettings(undefined, 'scaling');
const small = compendium(SMALL);
const large = compendium(SMALL * GROWTH);

/** The fastest of three: a collector pause or another process only ever adds time. */
function fastest(run: () => void): number {
  const times = [0, 1, 2].map(() => {
    const began = performance.now();
    run();
    return performance.now() - began;
  });
  return Math.min(...times);
}

/**
 * Eight times the text may take about eight times as long, not sixty-four: a generous bound well
 * under quadratic, with a margin for timer noise and for other tests running alongside.
 */
function expectLinear(time: (text: string) => number, what: string): void {
  time(small);
  const smallMs = time(small);
  const largeMs = time(large);
  expect(largeMs, `${what}: ${smallMs.toFixed(1)} ms at ${small.length} characters, ${largeMs.toFixed(1)} ms at ${large.length}`).toBeLessThan(smallMs * GROWTH * 4 + 30);
}

const models = new Map<string, DocumentModel>();
const modelOf = (text: string): DocumentModel => {
  if (!models.has(text)) models.set(text, buildModel(text, settings));
  return models.get(text)!;
};

function check(rule: Rule, model: DocumentModel): void {
  const options = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([name, schema]) => [name, schema.default]));
  // A copy of the settings: summaries remembered per model and settings are worked out again on every run.
  const context = { model, options, settings: { ...settings }, report: () => undefined, overBudget: () => false };
  rule.check(context);
}

describe('time grows linearly with the report', () => {
  it('to build the model', () => {
    expectLinear((text) => fastest(() => buildModel(text, settings)), 'model');
  });

  it.each(rules.map((rule) => [rule.meta.id, rule] as const))('for %s', (id, rule) => {
    expectLinear((text) => {
      const model = modelOf(text);
      return fastest(() => check(rule, model));
    }, id);
  });
});
