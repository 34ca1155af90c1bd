import { splitSentences } from '../model/sentences';
import { matchesOf } from '../text';
import { blockRule } from './block-rule';

const CONTEXT = /\b(?:grad(?:e|ed|es|ing)|judg(?:e|ed|ement|ements)|rated|rating|overall)\b/i;
const OUTDATED = /\b(adequate|satisfactory)\b/gi;
const QUOTED = /["'“‘](outstanding|good|requires? improvement(?: to be good)?|inadequate)["'”’]/gi;
// Case-sensitive: a capital mid-sentence is the style problem; "Good practice" opening a sentence is not.
const TITLE_CASE = /\bRequires? Improvement(?: [Tt]o [Bb]e Good)?\b|(?<=[\p{L},;] )(?:Outstanding|Good|Inadequate)\b/gu;

export const rule = blockRule(
  {
    id: 'grading-terms',
    description: 'Grades use the current Ofsted terms, in lower case and without quotation marks.',
    category: 'methodology',
    defaultSeverity: 'info',
    fixable: true,
    rationale: 'Since 2013 the four grades are outstanding, good, requires improvement to be good and inadequate; "adequate" and "satisfactory" belong to the old scale and confuse comparison with inspections. GOV.UK style writes the grades in lower case, without quotation marks.',
    bad: 'Overall the panel judged practice "Good", and two cases were graded adequate.',
    good: 'Overall the panel judged practice good, and two cases were graded requires improvement to be good.',
  },
  ({ text, kind, report }) => {
    if (kind === 'heading') return;
    // Only sentences about grades: "adequate housing" is not a grade.
    for (const sentence of splitSentences(text, 0, text.length)) {
      if (!CONTEXT.test(sentence.text)) continue;
      for (const match of matchesOf(OUTDATED, sentence.text)) {
        const start = sentence.start + (match.index ?? 0);
        const end = start + match[0].length;
        report({
          start,
          end,
          message: `"${match[0]}" is a grade from the scale replaced in 2013. Use the current grades: outstanding, good, requires improvement to be good, inadequate.`,
          data: { term: match[0].toLowerCase() },
          fixes: [{ title: 'Replace with "requires improvement to be good"', edits: [{ start, end, text: 'requires improvement to be good' }] }],
        });
      }
      for (const match of [...matchesOf(QUOTED, sentence.text), ...matchesOf(TITLE_CASE, sentence.text)]) {
        const start = sentence.start + (match.index ?? 0);
        const end = start + match[0].length;
        const grade = (match[1] ?? match[0]).toLowerCase();
        report({
          start,
          end,
          message: `Write the grade as ${grade}: grades are lower case and not in quotation marks.`,
          data: { term: grade },
          fixes: [{ title: `Write "${grade}"`, edits: [{ start, end, text: grade }] }],
        });
      }
    }
  },
);
