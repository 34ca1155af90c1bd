import { actionPartRule } from './action-checks';

export const rule = actionPartRule('outcome', {
  id: 'outcome-link',
  description: 'Each action says what will change for the child or family, not only what the service will do.',
  category: 'actions',
  defaultSeverity: 'warning',
  fixable: true,
  rationale: 'SMART is necessary, not sufficient: actions can be done on time and change nothing for the child. Guidance asks how the child\'s life is expected to change (Wales Safeguarding Procedures) and what life will look like for the child when the plan ends. "So that the child …", a reference to the finding the action answers, or an Outcome column counts. The parts one action lacks are one problem in the editor and the terminal ("Action is missing: owner, measure …"); each part keeps its own rule for configuration and disabling. Where most actions of a list lack it (three or more), the first is a warning that says so and the others are notes at info.',
  bad: '- Children\'s Social Care will add a chronology section to the plan template by June 2026, checked in 10 plans.',
  good: '- Children\'s Social Care will add a chronology section to the plan template by June 2026, checked in 10 plans, so that patterns of missed health care for the child are visible to the core group.',
});
