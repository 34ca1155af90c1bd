import { actionPartRule } from './action-checks';

export const rule = actionPartRule('owner', {
  id: 'smart-owner',
  description: 'Each action names the agency or role that owns it; "all agencies", "partners" or a passive with no agent is not an owner.',
  category: 'actions',
  defaultSeverity: 'warning',
  fixable: true,
  rationale: 'An action owned by everyone is owned by no one: it cannot be followed up or reported on. Safeguarding plans must say who will do the work (Working Together; local CP plan procedures), and the same holds for an audit\'s actions. In a briefing, an instruction to the reader ("Ask the child …") has an owner: the practitioner reading it. Owner or Lead columns of an action table count. The parts one action lacks are one problem in the editor and the terminal ("Action is missing: owner, measure …"); each part keeps its own rule for configuration and disabling. Where most actions of a list lack it (three or more), the first is a warning that says so and the others are notes at info.',
  bad: '1. All agencies to ensure that information is shared in a timely manner.',
  good: '1. The Designated Safeguarding Lead in each school will share the child\'s attendance with the social worker within 2 days of a third absence, checked in a dip-sample of 10 records by March 2026, so that missed schooling is acted on.',
});
