import { actionPartRule } from './action-checks';

export const rule = actionPartRule('measure', {
  id: 'smart-measure',
  description: 'Each action says how success will be measured or checked: a number, a target, a re-audit or dip-sample.',
  category: 'actions',
  defaultSeverity: 'warning',
  fixable: true,
  rationale: 'Without a measure nobody can say whether an action worked. Leeds and Manchester safeguarding partnerships list "not evidence based and measurable" among the four common errors in plans; their good example moves attendance from 63% to 85%. Words such as "robust", "effective" or "good communication" are qualities, not measures. A Measure or Success measure column counts. The parts one action lacks are one problem in the editor and the terminal ("Action is missing: owner, measure …"); each part keeps its own rule for configuration and disabling. Where most actions of a list lack it (three or more), the first is a warning that says so and the others are notes at info.',
  bad: '- The Quality Assurance Sub-Group will improve communication between agencies by June 2026.',
  good: '- The Quality Assurance Sub-Group will re-audit 6 cases by June 2026; the target is a shared plan in all 6, so that each child\'s needs are known to every agency.',
});
