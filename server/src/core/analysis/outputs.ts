/**
 * Sentences that report only outputs: an event held, material circulated, an audit completed, staff
 * trained, a session found helpful. Each is something done, not something changed for a child.
 */

const DELIVERED =
  'held|set aside|arranged|organised|delivered|circulated|distributed|shared|disseminated|cascaded|run|provided|offered|published|sent|launched|presented|rolled out|attended';

const OUTPUTS: readonly RegExp[] = [
  // "A series of workshops and training events was held", "the learning was circulated to all agencies".
  new RegExp(
    `\\b(?:workshops?|training(?: events?| sessions?| courses?)?|events?|sessions?|(?:meeting )?time|briefings?|seminars?|conferences?|learning(?: from [^.;]{1,60}?)?|guidance|leaflets?|newsletters?|bulletins?|toolkits?|the findings|(?:the|this) report)\\s+(?:(?:has|have|had)\\s+been|was|were)\\s+(?:(?:then|also|subsequently|widely|regularly)\\s+)?(?:${DELIVERED})\\b`,
    'i',
  ),
  // "100% of schools completed the audits", "all agencies returned the self-assessment".
  /\b(?:\d+(?:\.\d+)?\s?%|\d[\d,]*|all|every|each)\b[^.;]{0,40}?(?<!\bwho\s|\bthat\s)\b(?:completed|completing|attended|attending|returned|returning|received|submitted)\s+(?:the\s+|their\s+)?(?:audits?|training|self[- ]assessments?|sessions?|surveys?|courses?)\b/i,
  // "all staff being trained in this area".
  /\b(?:staff|practitioners|professionals|workers|volunteers|managers|we|everyone)\s+(?:(?:have|has|had)\s+|(?:should|must|need to|will)\s+(?:all\s+)?)?(?:being|been|were|was|are|is|be)\s+(?:fully\s+|all\s+)?trained\b/i,
  // "The outcome of this group was the production of a report": an output called an outcome.
  /\b(?:outcomes?|impact|results?)\b[^.;]{0,40}?\b(?:was|were|has been|is)\s+(?:the\s+)?(?:production|development|creation|publication|establishment|launch|delivery|completion|writing)\s+of\b/i,
  // "The unit have met with the managers", "a meeting was held": a meeting is the response, not the change.
  /\b(?:(?:have|has|had)\s+(?:now\s+|since\s+)?met\s+with|meetings?\s+(?:(?:has|have|had)\s+been|was|were)\s+held)\b/i,
  // "All schools have adopted the model policy", "the procedure has been updated".
  /\b(?:(?:all|every|each|\d+(?:\.\d+)?\s?%)\b[^.;]{0,60}?\b(?:have|has|had)\s+(?:now\s+)?adopted|(?:policy|policies|procedures?|guidance|protocols?|toolkits?)\s+(?:(?:has|have|had)\s+been|was|were)\s+(?:adopted|updated|revised|rewritten|produced|launched|published))\b/i,
  // "found the audit helpful": satisfaction with a session is not a change in practice.
  /\bfound\s+(?:the|this|it|these)\s*(?:audits?|training|sessions?|briefings?|workshops?|tool(?:kit)?)?\s+(?:very\s+)?(?:helpful|useful|informative|valuable|beneficial)\b/i,
];

/** The verbs every pattern above turns on: a sentence without one is passed over in one test. */
const OUTPUT_VERB = /\b(?:held|set|arranged|organised|completing|attending|returning|trained|production|development|creation|publication|establishment|launch|delivery|completion|writing|delivered|circulated|distributed|shared|disseminated|cascaded|run|provided|offered|published|sent|launched|presented|rolled|attended|completed|returned|received|submitted|trained|met|adopted|updated|revised|rewritten|produced|found)\b/i;

/** Where a sentence reports an output, as offsets into it; the first such place, if any. */
export function findOutput(sentence: string): { start: number; end: number } | undefined {
  if (!OUTPUT_VERB.test(sentence)) return undefined;
  let first: { start: number; end: number } | undefined;
  for (const pattern of OUTPUTS) {
    const match = pattern.exec(sentence);
    if (match && (!first || match.index < first.start)) first = { start: match.index, end: match.index + match[0].length };
  }
  return first;
}
