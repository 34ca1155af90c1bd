import { actionPartRule } from './action-checks';

export const rule = actionPartRule('deadline', {
  id: 'smart-deadline',
  description: 'Each action has a date, period or review point; "timely", "ongoing" or "as soon as possible" is not a deadline.',
  category: 'actions',
  defaultSeverity: 'warning',
  fixable: true,
  rationale: 'Nearly three-quarters of the actions in child in need plans reviewed by the Children\'s Commissioner (2024) had no timeframe, and progress could not be judged. A date ("by 30 June 2026"), a period ("within 10 working days of …") or a review point ("by the next core group") makes an action trackable. A Due, By when or Deadline column counts. The parts one action lacks are one problem in the editor and the terminal ("Action is missing: owner, measure …"); each part keeps its own rule for configuration and disabling. Where most actions of a list lack it (three or more), the first is a warning that says so and the others are notes at info.',
  bad: '- Children\'s Social Care to share updated plans with the core group in a timely manner.',
  good: '- Children\'s Social Care will share each updated plan with every core-group agency within 5 working days, so that the child\'s school and GP work to the same goals.',
});
