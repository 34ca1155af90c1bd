import { daysBetween, type IsoDate } from './dates';

export const ACTION_STATUSES = ['overdue', 'due-soon', 'later', 'no-date', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An action due within this many days of today is due soon. */
export const DUE_SOON_DAYS = 30;

/** "Complete", "Completed", "Done", "Closed", "Green – complete"; not "Not complete" or "Partially completed". */
const DONE = /\b(?:complete[d]?|done|closed|achieved|finished|signed off)\b/i;
const NOT_DONE = /\b(?:not|partly|partially|part|nearly|almost|in|un|yet to be|to be|not yet|awaiting|pending)[\s-]+(?:yet\s+)?(?:complete[d]?|done|closed|achieved|finished|signed off)\b|\bincomplete\b/i;

/** A status or progress entry that says the action is finished. */
export function saysDone(progress: string | null): boolean {
  return progress !== null && DONE.test(progress) && !NOT_DONE.test(progress);
}

/** Where an action stands on `today`: done when its progress says so, else by its due date. */
export function actionStatus(due: IsoDate | null, progress: string | null, today: IsoDate): ActionStatus {
  if (saysDone(progress)) return 'done';
  if (due === null) return 'no-date';
  const days = daysBetween(today, due);
  if (days < 0) return 'overdue';
  return days <= DUE_SOON_DAYS ? 'due-soon' : 'later';
}
