import { describe, expect, it } from 'vitest';
import { classifyHeading } from '../../server/src/core/model/sections';
import { guessProfileFromTitle } from '../../server/src/core/model/profiles';

describe('heading classification by the words that carry the meaning', () => {
  const cases: [string, string[]][] = [
    ['Background', ['context']],
    ['The audit process (2)', ['method']],
    ['2. Audit process (cases and grading)', ['method', 'grading']],
    ['Themes for learning: exploitation and neglect', ['findings', 'learning']],
    ['Key learning from the audits :', ['learning']],
    ['Case selection & grading', ['method', 'grading']],
    ['Our findings – what worked well', ['findings', 'strengths']],
    ['4. Our findings — what needs to improve', ['findings', 'development']],
    ['Step 1: Themes and cases', ['context']],
    ['Step 2: The process', ['method']],
    ['Step 5: What needs to happen?', ['actions']],
    ['Strengths & good practice', ['strengths']],
    ['What the audit found', ['findings']],
    ['What happens next', ['actions']],
    ['Purpose of the report', ['context']],
    ['1.0 INTRODUCTION', ['context']],
  ];
  for (const [heading, ids] of cases) {
    it(`"${heading}" → ${ids.join(', ')}`, () => expect(classifyHeading(heading)).toEqual(ids));
  }

  const none = ['Early Help Learning Briefing', 'Neglect learning briefing', 'Audit report', 'What is harmful sexual behaviour?', 'Case A', 'Walsall Early Help'];
  for (const heading of none) {
    it(`"${heading}" is no section`, () => expect(classifyHeading(heading)).toEqual([]));
  }
});

describe('profile from the title', () => {
  it('prefers the specific kind of briefing to the audit it names', () => {
    expect(guessProfileFromTitle('Learning from Multi-Agency Case Audit: 5-step briefing')).toBe('learning-briefing');
    expect(guessProfileFromTitle('7 Minute Briefing: Multi-Agency Case Audit of Neglect')).toBe('seven-minute-briefing');
    expect(guessProfileFromTitle('Multi-Agency Case Audit: Neglect')).toBe('maca-report');
  });
});
