import { ACTION_STATUSES, type ActionStatus, type ProgrammeAction, type ProgrammeReport, type ProgrammeSummary } from '../../core/programme';
import { ACTION_PARTS } from '../../core/actions';
import { barChart, yearGrid } from './charts';
import { escapeHtml as h } from './escape';
import { SUMMARY_CSS } from './style';

const STATUS_LABELS: Record<ActionStatus, string> = { overdue: 'Overdue', 'due-soon': 'Due soon', later: 'Later', 'no-date': 'No date', done: 'Done' };
const PART_LABELS = { owner: 'No owner', measure: 'No measure', deadline: 'No deadline', outcome: 'No outcome for the child' } as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NO_OWNER = 'No owner named';

/** "2026-12-31" → "31 December 2026"; a month or a year as written. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (month === undefined) return year;
  const name = MONTHS[Number(month) - 1];
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function yearSpan(years: readonly number[]): string {
  if (years.length === 0) return 'no dated report';
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}

function reportName(report: ProgrammeReport | undefined, file: string): string {
  return report?.title ?? file;
}

function statusCell(action: ProgrammeAction): string {
  const progress = action.progress && action.status !== 'done' ? ` <span class="progress">(${h(action.progress)})</span>` : '';
  return `<td><span class="status status-${action.status}">${STATUS_LABELS[action.status]}</span>${progress}</td>`;
}

function dueCell(action: ProgrammeAction): string {
  if (action.due) return `<td>${formatDate(action.due)}${action.dueText ? `<br><span class="written">${h(action.dueText)}</span>` : ''}</td>`;
  if (action.dueProblem) return `<td><strong>Date not read:</strong> ${h(action.dueProblem)}</td>`;
  return `<td>${action.dueText ? h(action.dueText) : '<span class="none">None given</span>'}</td>`;
}

const actionCell = (action: ProgrammeAction) => `<td>${h(action.text)}${action.reaudit ? ' <span class="tag">Re-audit</span>' : ''}</td>`;

function table(caption: string, headers: string[], rows: string[], className = ''): string {
  const head = headers.map((header) => `<th scope="col">${header}</th>`).join('');
  return `<table${className ? ` class="${className}"` : ''}><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A chart beside the table of its data. */
function figure(id: string, caption: string, svg: string, data: string): string {
  return `<figure class="chart" aria-labelledby="${id}-caption"><figcaption id="${id}-caption">${caption}</figcaption><div class="chart-body"><div class="chart-image">${svg}</div><div class="chart-data">${data}</div></div></figure>`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** Owners as written, grouped regardless of case and closing punctuation. */
const ownerKey = (action: ProgrammeAction) => (action.owner ?? NO_OWNER).toLowerCase().replace(/[\s.,;:]+$/, '');

function glance(summary: ProgrammeSummary, byFile: Map<string, ProgrammeReport>): string {
  const counts = ACTION_STATUSES.map((status) => ({ label: STATUS_LABELS[status], value: summary.actions.filter((a) => a.status === status).length }));
  const countList = counts.map((c) => `<li><span class="count">${c.value}</span> ${h(c.label.toLowerCase())}</li>`).join('');
  const statusData = table('Actions by status', ['Status', 'Actions'], counts.map((c) => `<tr><th scope="row">${c.label}</th><td class="number">${c.value}</td></tr>`));
  const overdue = summary.actions.filter((a) => a.status === 'overdue');
  const overdueByOwner = [...groupBy(overdue, ownerKey).values()].sort((a, b) => b.length - a.length);
  const overdueRows = overdueByOwner.flatMap((group) =>
    group.map(
      (action) =>
        `<tr><th scope="row">${h(group[0].owner ?? NO_OWNER)}</th><td>${h(action.text)}</td><td>${h(reportName(byFile.get(action.file), action.file))}</td><td>${formatDate(action.due!)}</td></tr>`,
    ),
  );
  const overdueTable =
    overdue.length === 0
      ? `<p>No action is overdue.</p>`
      : table(`${plural(overdue.length, 'overdue action')}, by owner`, ['Owner', 'Action', 'Report', 'Due'], overdueRows);
  return (
    `<section aria-labelledby="glance"><h2 id="glance">At a glance</h2>` +
    `<p>${plural(summary.reports.length, 'report')} and ${plural(summary.actions.length, 'action')} on ${formatDate(summary.today)}.</p>` +
    `<ul class="counts">${countList}</ul>` +
    figure('status-chart', 'Actions by status', barChart('status-svg', 'Actions by status', counts), statusData) +
    `<h3>Overdue actions by owner</h3>${overdueTable}</section>`
  );
}

function reportsSection(summary: ProgrammeSummary): string {
  const rows = summary.reports.map((report) => {
    const method = report.methodology === null ? '<span class="none">No methodology</span>' : `${report.methodology.stated} of ${report.methodology.of}`;
    const missing = report.missingSections.length === 0 ? 'None' : h(report.missingSections.join(', '));
    return (
      `<tr><th scope="row">${h(reportName(report, report.file))}<br><span class="written">${h(report.file)}</span></th>` +
      `<td>${report.date ? formatDate(report.date) : '<span class="none">No date</span>'}</td><td>${h(report.profile)}</td>` +
      `<td class="number">${report.errors}</td><td class="number">${report.warnings}</td><td>${missing}</td><td>${method}</td>` +
      `<td class="number">${report.actions.smart} of ${report.actions.total}</td></tr>`
    );
  });
  return (
    `<section aria-labelledby="reports"><h2 id="reports">Reports</h2>` +
    table('Each report: its lint results, the sections it lacks, the facts its methodology states (of six) and its SMART actions', ['Report', 'Date', 'Profile', 'Errors', 'Warnings', 'Sections missing', 'Methodology', 'SMART actions'], rows, 'reports') +
    `</section>`
  );
}

function smartSection(summary: ProgrammeSummary): string {
  const open = summary.actions.filter((a) => a.status !== 'done');
  const bars = ACTION_PARTS.map((part) => ({ label: PART_LABELS[part], value: open.filter((a) => a.missing.includes(part)).length }));
  const data = table('Open actions missing each SMART part', ['Missing part', 'Actions'], bars.map((b) => `<tr><th scope="row">${b.label}</th><td class="number">${b.value}</td></tr>`));
  return (
    `<section aria-labelledby="smart"><h2 id="smart">What the open actions lack</h2>` +
    `<p>${plural(open.filter((a) => a.missing.length === 0).length, 'open action')} of ${open.length} ${open.length === 1 ? 'has' : 'have'} an owner, a measure, a deadline and an outcome for the child.</p>` +
    figure('smart-chart', 'Open actions missing each SMART part', barChart('smart-svg', 'Open actions missing each SMART part', bars), data) +
    `</section>`
  );
}

function actionTable(caption: string, actions: readonly ProgrammeAction[], byFile: Map<string, ProgrammeReport>, first: 'owner' | 'report'): string {
  const rows = actions.map((action) => {
    const lead = first === 'owner' ? `<td>${h(reportName(byFile.get(action.file), action.file))}, line ${action.line}</td>` : `<td class="number">${action.line}</td><td>${action.owner ? h(action.owner) : `<span class="none">${NO_OWNER}</span>`}</td>`;
    return `<tr>${first === 'report' ? lead : ''}${actionCell(action)}${first === 'owner' ? lead : ''}<td>${action.measure ? h(action.measure) : '<span class="none">None</span>'}</td>${dueCell(action)}${statusCell(action)}</tr>`;
  });
  const headers = first === 'owner' ? ['Action', 'Report', 'Measure', 'Due', 'Status'] : ['Line', 'Action', 'Owner', 'Measure', 'Due', 'Status'];
  return table(caption, headers, rows, 'actions');
}

function actionsByOwner(summary: ProgrammeSummary, byFile: Map<string, ProgrammeReport>): string {
  const groups = [...groupBy(summary.actions, ownerKey).values()].sort((a, b) => b.length - a.length);
  const parts = groups.map((group) => {
    const owner = group[0].owner ?? NO_OWNER;
    return `<h3>${h(owner)}</h3>${actionTable(`Actions owned by ${h(owner)}: ${group.length}`, group, byFile, 'owner')}`;
  });
  return `<section aria-labelledby="by-owner"><h2 id="by-owner">Actions by owner</h2>${parts.join('') || '<p>No actions.</p>'}</section>`;
}

function actionsByReport(summary: ProgrammeSummary, byFile: Map<string, ProgrammeReport>): string {
  const groups = groupBy(summary.actions, (a) => a.file);
  const parts = summary.reports.map((report) => {
    const actions = groups.get(report.file) ?? [];
    const name = reportName(report, report.file);
    return `<h3>${h(name)}</h3>${actions.length === 0 ? '<p>No actions.</p>' : actionTable(`Actions of ${h(name)}: ${actions.length}`, actions, byFile, 'report')}`;
  });
  return `<section aria-labelledby="by-report"><h2 id="by-report">Actions by report</h2>${parts.join('')}</section>`;
}

function reauditSection(summary: ProgrammeSummary, byFile: Map<string, ProgrammeReport>): string {
  const reaudits = summary.actions.filter((a) => a.reaudit);
  const rows = reaudits.map((a) => `<tr><td>${h(a.text)}</td><td>${h(reportName(byFile.get(a.file), a.file))}</td>${dueCell(a)}${statusCell(a)}</tr>`);
  return (
    `<section aria-labelledby="reaudits"><h2 id="reaudits">Re-audits</h2>` +
    `<p>Re-audits and dip samples show whether actions changed practice.</p>` +
    (reaudits.length === 0 ? '<p>No re-audit or dip sample is planned.</p>' : table(`${plural(reaudits.length, 're-audit')} planned`, ['Action', 'Report', 'Due', 'Status'], rows)) +
    `</section>`
  );
}

function unreadSection(summary: ProgrammeSummary, byFile: Map<string, ProgrammeReport>): string {
  const unread = summary.actions.filter((a) => a.dueProblem !== null);
  if (unread.length === 0) return '';
  const rows = unread.map((a) => `<tr><td>${h(a.text)}</td><td>${h(reportName(byFile.get(a.file), a.file))}, line ${a.line}</td><td>${h(a.dueProblem!)}</td></tr>`);
  return (
    `<section aria-labelledby="unread"><h2 id="unread">Due dates not read</h2>` +
    `<p>These deadlines look like dates but cannot be read without a guess; write them as a day, a month and a year.</p>` +
    table(`${plural(unread.length, 'deadline')} not read`, ['Action', 'Where', 'Why'], rows) +
    `</section>`
  );
}

function themesSection(summary: ProgrammeSummary, byFile: Map<string, ProgrammeReport>): string {
  if (summary.themes.length === 0) return `<section aria-labelledby="themes"><h2 id="themes">Themes that recur</h2><p>No practice theme was found in the reports' findings and learning.</p></section>`;
  const years = [...new Set(summary.themes.flatMap((t) => t.years))].sort((a, b) => a - b);
  const yearOfFile = (file: string) => byFile.get(file)?.date?.slice(0, 4);
  const grid = summary.themes.map((theme) => ({ label: theme.label, counts: years.map((year) => theme.reports.filter((file) => yearOfFile(file) === String(year)).length) }));
  const rows = summary.themes.map(
    (theme) =>
      `<tr><th scope="row">${h(theme.label)}</th><td class="number">${theme.reports.length}</td><td>${yearSpan(theme.years)}</td><td>${theme.reports.map((file) => h(reportName(byFile.get(file), file))).join('; ')}</td></tr>`,
  );
  const data = table('Themes: the audits and years they appear in', ['Theme', 'Audits', 'Years', 'Reports'], rows, 'themes');
  const chart = years.length === 0 ? '' : yearGrid('themes-svg', 'Themes across years: how many audits of each year found each theme', years, grid);
  return (
    `<section aria-labelledby="themes"><h2 id="themes">Themes that recur</h2>` +
    `<p>Practice themes named in the reports' findings and learning: ${summary.themes
      .slice(0, 3)
      .map((t) => `${h(t.label.toLowerCase())}, ${plural(t.reports.length, 'audit')}, ${yearSpan(t.years)}`)
      .join('; ')}.</p>` +
    (chart ? figure('themes-chart', 'Themes across years', chart, data) : data) +
    `</section>`
  );
}

/**
 * The audit programme as one self-contained, accessible web page: the summary first (actions by
 * status, the overdue ones by owner), then the tables. No script; prints on A4.
 */
export function renderProgrammeHtml(summary: ProgrammeSummary): string {
  const byFile = new Map(summary.reports.map((report) => [report.file, report]));
  const title = `Audit programme on ${formatDate(summary.today)}`;
  return (
    `<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="audit-lint">\n<title>${h(title)}</title>\n<style>${SUMMARY_CSS}</style>\n</head>\n<body>\n` +
    `<a class="skip-link" href="#main">Skip to the summary</a>\n<header class="masthead"><p>audit-lint</p></header>\n` +
    `<main id="main" tabindex="-1">\n<h1>${h(title)}</h1>\n` +
    [glance(summary, byFile), reportsSection(summary), smartSection(summary), reauditSection(summary, byFile), unreadSection(summary, byFile), themesSection(summary, byFile), actionsByOwner(summary, byFile), actionsByReport(summary, byFile)].join('\n') +
    `\n</main>\n</body>\n</html>\n`
  );
}
