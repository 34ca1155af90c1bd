import type { Rule, RuleContext } from '../types';
import { memoByText } from '../memo';
import { NUMBER_PATTERN, parseCount } from '../model/numbers';

const N = `(${NUMBER_PATTERN})`;
const TOTAL_STATEMENTS = [
  new RegExp(`\\b${N}\\s+(?:multi[- ]agency\\s+)?cases\\s+(?:were|have been|had been)\\s+(?:audited|reviewed|selected|examined|chosen|included|sampled)`, 'giu'),
  new RegExp(`\\b(?:audit(?:ed)?|review(?:ed)?|sample|total)\\s+of\\s+${N}\\s+(?:multi[- ]agency\\s+)?cases\\b`, 'giu'),
];
const GRADE = '(outstanding|good|requires? improvement(?: to be good)?|inadequate)';
const GRADE_COUNT = new RegExp(`\\b${N}\\s+(?:of the cases\\s+|cases?\\s+)?(?:were\\s+|was\\s+)?(?:graded\\s+|judged\\s+|rated\\s+|assessed\\s+)?(?:as\\s+)?${GRADE}\\b`, 'giu');
const SEVERAL_GRADES_PER_CASE = /\b(?:two|2|three|3)\s+(?:grades|gradings|judgements)\s+(?:per|for each|for every)\s+case\b/i;

const PART_OF_WHOLE: readonly { pattern: RegExp; part: number; whole: number; percent: number }[] = [
  // "44 (7%) of 325 cases"
  { pattern: /(?<![\d.,])(\d{1,6})\s*\((\d{1,3}(?:\.\d+)?)\s?%\)\s+(?:of|out of)\s+(?:the\s+)?(\d{1,6})(?![\d.,]*\d)/g, part: 1, percent: 2, whole: 3 },
  // "9 of 12 cases (75%)"
  { pattern: /(?<![\d.,])(\d{1,6})\s+(?:of|out of)\s+(?:the\s+)?(\d{1,6})\b[^.;:()\d]{0,40}\((\d{1,3}(?:\.\d+)?)\s?%\)/g, part: 1, whole: 2, percent: 3 },
  // "75% (9 of 12)"
  { pattern: /(?<![\d.,])(\d{1,3}(?:\.\d+)?)\s?%\s*\((\d{1,6})\s+(?:of|out of)\s+(?:the\s+)?(\d{1,6})\)/g, percent: 1, part: 2, whole: 3 },
];

/** A count stated in a section: where, its number as written, how long the statement is, and the grade it gives. */
interface CountMatch {
  index: number;
  number: string;
  length: number;
  grade: string;
}

const matchOf = (match: RegExpMatchArray): CountMatch => ({ index: match.index ?? 0, number: match[1], length: match[0].length, grade: match[2]?.toLowerCase() ?? '' });

/** The totals a section's prose states, remembered by the prose while a report is edited: the patterns are slow over long sections. */
const totalsIn = memoByText((prose: string) => TOTAL_STATEMENTS.flatMap((pattern) => [...prose.matchAll(pattern)].map(matchOf)));

/** The grades a section's prose counts, read only in a report that states its total; undefined when it gives several grades a case. */
const gradesIn = memoByText((prose: string) => (SEVERAL_GRADES_PER_CASE.test(prose) ? undefined : [...prose.matchAll(GRADE_COUNT)].map(matchOf)));

/** A share given as a count of a whole and as a percentage that do not agree: "44 (7%) of 325" (44 is 13.5%). */
function checkPercentages(model: RuleContext['model'], report: RuleContext['report']): void {
  for (const block of model.blocks) {
    const prose = block.text;
    if (!prose.includes('%')) continue;
    for (const { pattern, part, whole, percent } of PART_OF_WHOLE) {
      for (const match of prose.matchAll(pattern)) {
        const count = Number(match[part]);
        const total = Number(match[whole]);
        const stated = Number(match[percent]);
        if (total === 0 || count > total) continue;
        const actual = (100 * count) / total;
        // Rounded to whole numbers, or to the places given: anything further out is a slip.
        const places = match[percent].split('.')[1]?.length ?? 0;
        if (Math.abs(actual - stated) <= Math.max(1, 0.5 * 10 ** -places)) continue;
        const start = block.start + (match.index ?? 0);
        report({
          start,
          end: start + match[0].length,
          message: `${count} of ${total} is ${actual.toFixed(actual < 10 ? 1 : 0)}%, not ${stated}%. Correct the count, the total or the percentage.`,
          data: { count, total, stated, actual: Math.round(actual * 10) / 10 },
        });
      }
    }
  }
}

export const rule: Rule = {
  meta: {
    id: 'count-consistency',
    description: 'Numbers of cases agree: front matter, methodology text and the grades given; a count given with its percentage agrees with it.',
    category: 'methodology',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'When the front matter says six cases, the text says five, and the grades add up to four, the reader cannot tell which is right, and trust in the whole report drops. Likewise "44 (7%) of 325 cases": 44 of 325 is 13.5%.',
    bad: '---\ncases: 6\n---\n…Five cases were audited. Three were graded good and one requires improvement.',
    good: '---\ncases: 6\n---\n…Six cases were audited. Three were graded good and three requires improvement.',
  },
  check({ model, report }) {
    checkPercentages(model, report);
    const scope = model.sections.filter((s) => s.effectiveIds.some((id) => id === 'method' || id === 'grading' || id === 'context'));
    const ranges = scope.map((s) => [s.headingEnd, s.end] as const);
    let total: { count: number; where: string } | undefined;
    const fmCases = model.frontMatter?.data?.cases;
    if (Number.isInteger(fmCases)) total = { count: fmCases as number, where: 'the front matter' };

    const proses = ranges.map(([from, to]) => model.prose.slice(from, to));
    for (const [index, [from]] of ranges.entries()) {
      for (const match of totalsIn(proses[index])) {
        const count = parseCount(match.number);
        if (count === undefined) continue;
        const start = from + match.index;
        if (!total) {
          total = { count, where: `line ${model.lines.position(start).line}` };
        } else if (count !== total.count) {
          report({
            start,
            end: start + match.length,
            message: `This says ${count} cases, but ${total.where} says ${total.count}. Make the numbers agree, or explain the difference (for example, cases audited against cases discussed at panel).`,
            data: { stated: count, expected: total.count },
          });
        }
      }
    }

    if (!total) return;
    const gradeCounts: { count: number; grade: string; start: number; end: number }[] = [];
    for (const [index, [from]] of ranges.entries()) {
      const grades = gradesIn(proses[index]);
      if (!grades) return;
      for (const match of grades) {
        const count = parseCount(match.number);
        if (count === undefined) continue;
        const start = from + match.index;
        gradeCounts.push({ count, grade: match.grade, start, end: start + match.length });
      }
    }
    const distinct = new Set(gradeCounts.map((g) => g.grade));
    const sum = gradeCounts.reduce((acc, g) => acc + g.count, 0);
    if (gradeCounts.length > 0 && (sum > total.count || (distinct.size >= 2 && sum !== total.count))) {
      const first = gradeCounts[0];
      const last = gradeCounts[gradeCounts.length - 1];
      report({
        start: first.start,
        end: last.end,
        message: `The grades given add up to ${sum} cases (${gradeCounts.map((g) => `${g.count} ${g.grade}`).join(', ')}), but ${total.where} says ${total.count} cases were audited. Give a grade for every case, or say why some were not graded.`,
        data: { graded: sum, expected: total.count },
      });
    }
  },
};
