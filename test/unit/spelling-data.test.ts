/**
 * The American → British pairs in server/src/core/data/uk-spelling.json are derived from the
 * en-US and en-GB Hunspell dictionaries (devDependencies) by scripts/spelling-pairs.mjs: the file
 * must be what the script derives today (run `npm run spelling` after updating a dictionary).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without type declarations.
import { spellingData } from '../../scripts/spelling-pairs.mjs';
import { britishSpelling, undoubled, withCaseOf } from '../../server/src/core/analysis/spelling';

const dataFile = path.join(__dirname, '..', '..', 'server', 'src', 'core', 'data', 'uk-spelling.json');

describe('UK spelling data', () => {
  it('is what the script derives from the dictionaries', () => {
    expect(JSON.parse(fs.readFileSync(dataFile, 'utf8'))).toEqual(spellingData());
  });

  it('pairs regular American spellings with British ones', () => {
    const pairs = Object.fromEntries(['behavior', 'organizations', 'center', 'analyzed', 'pediatric', 'traveled', 'fulfill', 'enrollment', 'aging', 'defense', 'practiced', 'gray', 'catalog', 'skeptical', 'counselor']
      .map((word) => [word, britishSpelling(word)?.british]));
    expect(pairs).toEqual({
      behavior: 'behaviour', organizations: 'organisations', center: 'centre', analyzed: 'analysed', pediatric: 'paediatric',
      traveled: 'travelled', fulfill: 'fulfil', enrollment: 'enrolment', aging: 'ageing', defense: 'defence', practiced: 'practised',
      gray: 'grey', catalog: 'catalogue', skeptical: 'sceptical', counselor: 'counsellor',
    });
    expect(britishSpelling('organize')?.oxford).toBe(true);
    // "program" is right for software in both: reported unless the paragraph says so.
    expect(britishSpelling('programs')?.british).toBe('programmes');
    expect(britishSpelling('program')?.unlessNear?.test('the case management system')).toBe(true);
    expect(britishSpelling('program')?.unlessNear?.test('a parenting group for fathers')).toBe(false);
    expect(britishSpelling('analyze')?.oxford).toBe(false);
  });

  it('leaves out words that are right in British English too, and words that only look like pairs', () => {
    for (const word of ['judgment', 'judgments', 'license', 'licensed', 'fetus', 'meter', 'prized', 'prize', 'perv', 'behaviour', 'dialog', 'disk']) {
      expect(britishSpelling(word), word).toBeUndefined();
    }
  });

  it('keys doubled and single s and t alike, and writes a fix in the case of the word it replaces', () => {
    expect(undoubled('focussed')).toBe('focused');
    expect(undoubled('benefitting')).toBe('benefiting');
    expect(undoubled('passed')).toBe('passed');
    expect(withCaseOf('Multi Agency', 'multi-agency')).toBe('Multi-Agency');
    expect(withCaseOf('Behavior', 'behaviour')).toBe('Behaviour');
    expect(withCaseOf('behavior', 'behaviour')).toBe('behaviour');
  });
});
