import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { buildModel } from '../../server/src/core/model/build';
import { rules } from '../../server/src/core/rules';
import type { DocumentModel } from '../../server/src/core/types';
import { checkRule, leastCpuTime } from './cpu-time';
import { compendium } from './report-text';

const SMALL = 32_000;
const GROWTH = 8;
const settings = resolveSettings(undefined, 'scaling');
const small = compendium(SMALL);
const large = compendium(SMALL * GROWTH);

/**
 * Eight times the text may take about eight times as long, not sixty-four: a generous bound well
 * under quadratic, with a margin for timer noise. Times are CPU times, so other processes do not add to them.
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

describe('time grows linearly with the report', () => {
  it('to build the model', () => {
    expectLinear((text) => leastCpuTime(() => buildModel(text, settings)), 'model');
  });

  it.each(rules.map((rule) => [rule.meta.id, rule] as const))('for %s', (id, rule) => {
    expectLinear((text) => {
      const model = modelOf(text);
      return leastCpuTime(() => checkRule(rule, model, settings));
    }, id);
  });
});
