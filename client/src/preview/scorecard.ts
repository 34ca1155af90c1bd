import { sectionInfo } from '../../../server/src/core/model/sections';
import { ruleMetaById } from '../../../server/src/core/rules';
import type { ReportSummaryData } from '../../../server/src/core/summary';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function mark(ok: boolean, yes: string, no: string): string {
  return ok
    ? `<span class="audit-lint-yes" role="img" aria-label="${escapeHtml(yes)}" title="${escapeHtml(yes)}">✓</span>`
    : `<span class="audit-lint-no" role="img" aria-label="${escapeHtml(no)}" title="${escapeHtml(no)}">✗</span>`;
}

function shorten(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The scorecard shown above an audit report in the Markdown preview. */
export function scorecardHtml(summary: ReportSummaryData): string {
  const { error, warning, info } = summary.counts.bySeverity;
  const out: string[] = [];
  out.push(`<section class="audit-lint-scorecard" aria-label="audit-lint scorecard">`);
  out.push(`<p class="audit-lint-heading"><strong>audit-lint</strong> · ${escapeHtml(summary.profileTitle)}</p>`);
  out.push(
    `<p class="audit-lint-counts"><span class="audit-lint-count audit-lint-error">${plural(error, 'error')}</span> <span class="audit-lint-count audit-lint-warning">${plural(warning, 'warning')}</span> <span class="audit-lint-count audit-lint-info">${plural(info, 'info')}</span></p>`,
  );

  out.push('<table class="audit-lint-sections"><caption>Sections</caption><thead><tr><th scope="col">Section</th><th scope="col">In this report</th></tr></thead><tbody>');
  for (const section of summary.sections) {
    const name = sectionInfo[section.id].heading;
    const label = section.present
      ? `${mark(true, 'present', 'missing')} ${section.title ? `“${escapeHtml(section.title)}”` : ''}`
      : section.required && !section.satisfied
        ? `${mark(false, 'present', 'missing')} missing`
        : `<span class="audit-lint-optional">${section.required ? 'not needed: an alternative is present' : 'recommended'}</span>`;
    out.push(`<tr class="${section.present ? 'audit-lint-present' : 'audit-lint-absent'}"><th scope="row">${escapeHtml(name)}</th><td>${label}</td></tr>`);
  }
  out.push('</tbody></table>');

  if (summary.actions.length > 0) {
    const smart = summary.actions.filter((a) => a.score === 4).length;
    out.push(`<table class="audit-lint-actions"><caption>Actions: ${smart} of ${summary.actions.length} have an owner, a measure, a deadline and an outcome</caption>`);
    out.push('<thead><tr><th scope="col">Line</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Measure</th><th scope="col">Deadline</th><th scope="col">Outcome</th></tr></thead><tbody>');
    for (const action of summary.actions) {
      out.push(
        `<tr><td>${action.line}</td><td>${escapeHtml(shorten(action.text))}</td><td>${mark(action.owner, 'has an owner', 'no owner')}</td><td>${mark(action.measure, 'has a measure', 'no measure')}</td><td>${mark(action.deadline, 'has a deadline', 'no deadline')}</td><td>${mark(action.outcome, 'says what changes for the child', 'no outcome for the child')}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }

  const rules = Object.entries(summary.counts.byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (rules.length > 0) {
    out.push('<table class="audit-lint-rules"><caption>Findings by rule</caption><thead><tr><th scope="col">Rule</th><th scope="col">Findings</th></tr></thead><tbody>');
    for (const [rule, count] of rules) {
      const description = ruleMetaById.get(rule)?.description ?? '';
      out.push(`<tr><th scope="row" title="${escapeHtml(description)}">${escapeHtml(rule)}</th><td>${count}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}
