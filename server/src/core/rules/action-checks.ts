import { ACTION_PARTS, summariseActions, type ActionSummary, type PartSummary } from '../actions';
import { findWeakWording } from '../analysis/lexicon';
import { notADate } from '../analysis/smart';
import type { ActionPart, DocumentModel, Fix, Rule, RuleContext, RuleMeta } from '../types';
import { quote } from './util';

const MISSING_NAME: Record<ActionPart, string> = {
  owner: 'no owner',
  measure: 'no measure',
  deadline: 'no deadline',
  outcome: 'no outcome for the child',
};

/** The whole picture, the same in each of the four rules: "Action: no owner, no measure, no deadline." */
export function missingSummary(summary: ActionSummary): string {
  const has = ACTION_PARTS.filter((part) => summary[part].present);
  const missing = summary.missing.map((part) => MISSING_NAME[part]).join(', ');
  return has.length > 0 ? `Action: ${missing} (has ${has.join(', ')}).` : `Action: ${missing}.`;
}

const words = (model: DocumentModel, span: { start: number; end: number }): string =>
  quote(model.prose.slice(span.start, span.end), 40);

/** What the author is told about one missing part: what is wrong, why, and a pattern to follow. */
function explain(part: ActionPart, summary: ActionSummary, model: DocumentModel): string {
  const state: PartSummary = summary[part];
  const span = state.problemSpan;
  const said = span ? words(model, span) : '';
  const lexicon = span ? findWeakWording(model.prose.slice(span.start, span.end), undefined, { inAction: true })[0]?.entry : undefined;
  switch (state.problem) {
    case 'diffuse-owner':
      return `${said} is not an owner: ${state.diffuse?.reason ?? 'nobody in particular is accountable.'} ${state.diffuse?.suggestion ?? ''}`.trim();
    case 'agentless-passive':
      return `${said} says what should happen but not who will do it. Name the agency or role in the active voice: "[Owner] will …".`;
    case 'reader-addressed':
      return `${said} speaks to the reader; an action in a report needs a named agency or role that can be held to it: "The Designated Safeguarding Lead in each school will …".`;
    case 'no-owner': {
      const first = /^\s*([A-Z][a-z]+)\s+(?:to|will|should|must)\b/.exec(summary.text)?.[1];
      const hint = first ? ` If "${first}" is an agency or service, add it to vocabulary.agencies in the configuration.` : '';
      return `Name the agency or role that will do it: "The Quality Assurance Sub-Group will …".${hint}`;
    }
    case 'unmeasured-quality':
      return `${said} is a quality nobody can check${lexicon ? `: ${lexicon.reason}` : '.'} Give a target and how it will be checked: "from 63% to 85%", "dip-sample 10 files", "re-audit in March 2026".`;
    case 'no-measure':
      return 'Say how you will know it was done and worked: a number or target, and the check (dip-sample, re-audit, performance report).';
    case 'vague-time':
      if (span && notADate(model.prose.slice(span.start, span.end))) {
        return `${said} is not a date: it does not say when the action is due, so nobody can tell when it is late. Give a date or a review point: "by 30 June 2026", "by the next core group".`;
      }
      return `${said} is not a deadline${lexicon ? `: ${lexicon.reason}` : '.'} Give a date or a review point: "by 30 June 2026", "within 10 working days of the strategy discussion".`;
    case 'no-deadline':
      return 'Give a date, period or review point: "by 30 June 2026", "Q2 2026/27", "by the next core group".';
    case 'service-outcome':
      return `${said} leads to a result for the service, not for the child or family. Say what will change in the child's daily life: "so that the child …".`;
    default:
      return 'Say what will change for the child or family: "… so that each child\'s plan says what must change in their daily care". An action can be done on time and still change nothing for the child.';
  }
}

/** How the combined problem names each part: "Action is missing: owner, measure". */
const ITEM_NAME: Record<ActionPart, string> = {
  owner: 'owner',
  measure: 'measure',
  deadline: 'deadline',
  outcome: 'outcome for the child',
};

/** The author's own words that stand in for the part, when there are some: '"All agencies" is not an owner'. */
function note(part: ActionPart, summary: ActionSummary, model: DocumentModel): string | undefined {
  const state = summary[part];
  if (!state.problemSpan) return undefined;
  const said = words(model, state.problemSpan);
  switch (state.problem) {
    case 'diffuse-owner': return `${said} is not an owner`;
    case 'agentless-passive': return `${said} does not say who`;
    case 'reader-addressed': return `${said} speaks to the reader`;
    case 'unmeasured-quality': return `${said} cannot be checked`;
    case 'vague-time': return `${said} is not a ${notADate(model.prose.slice(state.problemSpan.start, state.problemSpan.end)) ? 'date' : 'deadline'}`;
    case 'service-outcome': return `${said} is a result for the service`;
    default: return undefined;
  }
}

const TEMPLATE_FIELDS: Record<ActionPart, string> = {
  owner: 'Owner: [insert agency or role]',
  measure: 'Measure: [insert target and how it is checked]',
  deadline: 'By: [insert date]',
  outcome: 'So that: [insert what will change for the child]',
};

/** How many parts an action must lack before a template is offered. */
const TEMPLATE_THRESHOLD = 3;

/**
 * A line of labelled fields for the missing parts, under the action. It is a replacement of the
 * action's last line, not an insertion, so --fix (insertions only) never fills a report with blank
 * templates: the author chooses it in the editor and fills it in, helped by the placeholder rule.
 */
function templateFix(summary: ActionSummary, model: DocumentModel): Fix | undefined {
  // A commitment written in a finding's sentence is not a plan row: fields under its paragraph would not be its own.
  if (summary.item.kind === 'tableRow' || summary.soft || summary.missing.length < TEMPLATE_THRESHOLD) return undefined;
  const end = summary.item.end;
  const lineStart = model.lines.lineStart(model.lines.position(end).line);
  const indent = summary.item.kind === 'paragraph' ? '' : ' '.repeat(Math.max(0, summary.body.start - model.lines.lineStart(summary.line)));
  const fields = summary.missing.map((part) => TEMPLATE_FIELDS[part]).join('. ');
  const original = model.text.slice(lineStart, end);
  return {
    title: `Add ${summary.missing.join(', ')} to this action (template)`,
    edits: [{ start: lineStart, end, text: `${original}${model.lines.eol}${indent}${fields}.` }],
  };
}

/** A gap this many actions of one list share, at least, is the list's. */
const SHARED_GAP_MIN = 3;
const SHARED_GAP_SHARE = 0.75;

/**
 * Actions that lack a part which most of their list lacks too (an action plan without a date
 * column): the first is the warning, and says so; the others are notes, each still at its place.
 */
function sharedGaps(summaries: readonly ActionSummary[], part: ActionPart): { first: Set<ActionSummary>; rest: Set<ActionSummary>; counts: Map<ActionSummary, number> } {
  const lists = new Map<string, ActionSummary[]>();
  for (const summary of summaries) {
    const key = `${summary.item.section}:${summary.item.kind}:${summary.soft}`;
    const list = lists.get(key) ?? [];
    list.push(summary);
    lists.set(key, list);
  }
  const first = new Set<ActionSummary>();
  const rest = new Set<ActionSummary>();
  const counts = new Map<ActionSummary, number>();
  for (const list of lists.values()) {
    const lacking = list.filter((summary) => !summary[part].present);
    if (lacking.length < SHARED_GAP_MIN || lacking.length < SHARED_GAP_SHARE * list.length) continue;
    first.add(lacking[0]);
    counts.set(lacking[0], lacking.length);
    for (const summary of lacking.slice(1)) rest.add(summary);
  }
  return { first, rest, counts };
}

/** One of the four SMART checks: reports the actions that lack its part, naming every missing part. */
export function actionPartRule(part: ActionPart, meta: RuleMeta): Rule {
  return {
    meta,
    check({ model, settings, report }: RuleContext) {
      const summaries = summariseActions(model, settings);
      const shared = sharedGaps(summaries, part);
      for (const summary of summaries) {
        const state = summary[part];
        if (state.present) continue;
        const span = state.problemSpan ?? summary.body;
        // One template per action, offered by the first of the four checks that reports it.
        const fix = summary.missing[0] === part ? templateFix(summary, model) : undefined;
        const count = shared.counts.get(summary);
        const alike = count === undefined ? '' : ` ${count} actions of this list have no ${ITEM_NAME[part]}: the list needs one for each.`;
        const detail = `${explain(part, summary, model)}${alike}`;
        report({
          start: span.start,
          end: span.end,
          message: `${missingSummary(summary)} ${detail}`,
          // A learning point written as an action is scored, but it is not in the action plan.
          demote: summary.soft,
          advisory: shared.rest.has(summary),
          data: { missing: summary.missing, score: summary.score, problem: state.problem ?? null },
          fixes: fix ? [fix] : undefined,
          // The four checks of one action are one problem to the reader.
          group: {
            key: `action@${summary.item.start}:${summary.body.start}`,
            headline: 'Action is missing',
            item: ITEM_NAME[part],
            note: note(part, summary, model),
            detail,
          },
        });
      }
    },
  };
}
