import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import { countBySeverity, present, type Presentable } from '../../server/src/core/present';
import type { FindingGroup, Severity } from '../../server/src/core/types';

const settings = resolveSettings({ rules: { 'smart-deadline': 'error' } }, '(test)');

function finding(ruleId: string, line: number, column: number, endColumn: number, severity: Severity = 'warning', group?: Partial<FindingGroup>): Presentable {
  return {
    ruleId, severity, message: `${ruleId} says so`, line, column, endLine: line, endColumn,
    ...(group ? { group: { key: 'k', headline: 'Action is missing', item: ruleId, detail: '', ...group } } : {}),
  };
}

describe('present: findings as problems for people', () => {
  it('passes findings without a group through unchanged, one problem each', () => {
    const findings = [finding('link-text', 3, 5, 15), finding('empty-link', 3, 5, 15)];
    const problems = present(findings);
    expect(problems.map((p) => [p.ruleIds, p.message, p.members])).toEqual([
      [['link-text'], 'link-text says so', [findings[0]]],
      [['empty-link'], 'empty-link says so', [findings[1]]],
    ]);
  });

  it('makes one problem of a group: every rule id in rule order, the worst severity, the spans joined, one message', () => {
    const findings = [
      finding('outcome-link', 4, 3, 40, 'warning', { item: 'outcome for the child' }),
      finding('smart-owner', 4, 3, 15, 'warning', { item: 'owner', note: '"All agencies" is not an owner' }),
      finding('smart-deadline', 4, 30, 52, 'error', { item: 'deadline', note: '"timely" is not a deadline' }),
      finding('smart-measure', 4, 3, 40, 'info', { item: 'measure' }),
    ];
    const [problem, ...rest] = present(findings);
    expect(rest).toEqual([]);
    expect(problem.ruleIds).toEqual(['smart-owner', 'smart-measure', 'smart-deadline', 'outcome-link']);
    expect(problem.severity).toBe('error');
    expect([problem.line, problem.column, problem.endLine, problem.endColumn]).toEqual([4, 3, 4, 52]);
    expect(problem.message).toBe('Action is missing: owner, measure, deadline, outcome for the child ("All agencies" is not an owner; "timely" is not a deadline).');
  });

  it('keeps groups with different keys apart, and a group of one says what its finding says', () => {
    const problems = present([
      finding('smart-owner', 2, 1, 9, 'warning', { key: 'a' }),
      finding('smart-owner', 5, 1, 9, 'warning', { key: 'b' }),
      finding('smart-measure', 2, 1, 9, 'warning', { key: 'a', item: 'measure' }),
    ]);
    expect(problems.map((p) => [p.line, p.ruleIds.join(' '), p.message])).toEqual([
      [2, 'smart-owner smart-measure', 'Action is missing: smart-owner, measure.'],
      [5, 'smart-owner', 'smart-owner says so'],
    ]);
  });

  it('separates items that carry their own commas with semicolons, and orders problems by where they start', () => {
    const problems = present([
      finding('vague-wording', 9, 1, 4),
      finding('required-section', 1, 1, 20, 'error', { key: 'r', headline: 'Missing sections', item: 'Findings (or Strengths, or Areas for development)' }),
      finding('required-section', 1, 1, 20, 'error', { key: 'r', headline: 'Missing sections', item: 'Actions' }),
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'Missing sections: Findings (or Strengths, or Areas for development); Actions.',
      'vague-wording says so',
    ]);
    expect(countBySeverity(problems)).toEqual({ error: 1, warning: 1, info: 0 });
  });

  it('shows a linted action missing four parts as one problem, while the engine keeps four findings', () => {
    const text = '# Audit\n\n## Actions\n\n- All agencies to ensure timely information sharing.\n';
    const { findings } = lint(text, settings, { only: ['smart-owner', 'smart-measure', 'smart-deadline', 'outcome-link'] });
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['outcome-link', 'smart-deadline', 'smart-measure', 'smart-owner']);
    const problems = present(findings);
    expect(problems).toHaveLength(1);
    expect(problems[0].severity).toBe('error');
    expect(problems[0].message).toBe('Action is missing: owner, measure, deadline, outcome for the child ("All agencies" is not an owner; "timely" is not a deadline).');
  });

  it('shows the facts a methodology leaves out as one problem', () => {
    const text = '# Audit\n\n## Methodology\n\nA multi-agency audit of neglect cases was completed.\n';
    const { findings } = lint(text, settings, { only: ['methodology-detail'] });
    expect(findings.length).toBeGreaterThan(2);
    const problems = present(findings);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^The methodology does not say: how many cases were audited, how the cases were selected, /);
  });
});
