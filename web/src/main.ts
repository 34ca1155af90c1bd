// The page: opens files, sends them to the engine's worker, and shows what it finds.
import type { DownloadKind, FileReport, FromWorker, PageSettings, ProblemRow, ToWorker } from './protocol';
import { lines, loadSettings, parseAcronyms, saveSettings } from './storage';

const CONFIG_FILE = /(^|[\\/])\.auditlintrc\.json$/i;
const SEVERITIES = ['error', 'warning', 'info'] as const;
const DOWNLOADS: Record<DownloadKind, string> = {
  reviewed: 'Download the reviewed copy (Word, each problem a comment)',
  actions: 'Download the action tracker (CSV)',
  markdown: 'Download as Markdown',
  docx: 'Download as an accessible Word document',
  html: 'Download as an accessible web page',
};

interface OpenFile {
  id: number;
  name: string;
  bytes: Uint8Array;
  profile?: string;
  element: HTMLElement;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const files = new Map<number, OpenFile>();
let nextId = 1;
let settings: PageSettings = loadSettings(localStorage);

/**
 * The worker is started from a small blob that loads the engine's script: a worker made from a
 * blob keeps this page's Content-Security-Policy, so the engine cannot send anything either.
 */
function startWorker(): Worker {
  const engine = new URL('worker.js', document.baseURI).href;
  const bootstrap = URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(engine)});`], { type: 'text/javascript' }));
  const started = new Worker(bootstrap);
  URL.revokeObjectURL(bootstrap);
  return started;
}

const worker = startWorker();
const send = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

function announce(text: string): void {
  const announcer = byId('announcer');
  // A changed text is read out; the same text twice needs clearing first.
  announcer.textContent = '';
  requestAnimationFrame(() => (announcer.textContent = text));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function counts(problems: readonly ProblemRow[]): string {
  const by = (severity: string) => problems.filter((p) => p.severity === severity).length;
  return `${plural(by('error'), 'error')}, ${plural(by('warning'), 'warning')}, ${plural(by('info'), 'info')}`;
}

// ---------------------------------------------------------------------------------------------
// Opening files

async function open(list: readonly File[]): Promise<void> {
  const configs = list.filter((f) => CONFIG_FILE.test(f.name));
  const reports = list.filter((f) => !CONFIG_FILE.test(f.name));
  if (configs.length > 0) {
    const config = configs[configs.length - 1];
    settings = { ...settings, config: { name: config.name, text: await config.text() } };
    applySettings();
  }
  // All are read before any is checked, so the files dropped together are shown together.
  const loaded = await Promise.all(reports.map((file) => file.arrayBuffer().then((bytes) => new Uint8Array(bytes), () => undefined)));
  reports.forEach((file, index) => add(file.name, loaded[index]));
  updateEmptyState();
}

/** Show a file and check it; one the browser could not read is shown as refused. */
function add(name: string, bytes: Uint8Array | undefined): void {
  const id = nextId++;
  const article = element('article', { 'data-file': name, 'data-state': 'checking', 'aria-labelledby': `file-${id}-heading`, class: 'file' });
  byId('files-checked').append(article);
  const file: OpenFile = { id, name, bytes: bytes ?? new Uint8Array(), element: article };
  files.set(id, file);
  if (bytes) check(file);
  else showRefused(file, 'cannot be read: the browser could not open it (a folder, or a file moved or deleted since it was chosen)');
}

function check(file: OpenFile): void {
  file.element.dataset.state = 'checking';
  file.element.setAttribute('aria-busy', 'true');
  markBusy();
  const progress = element('progress', { max: '1', value: '0', 'aria-labelledby': `file-${file.id}-stage` });
  file.element.replaceChildren(
    element('h3', { id: `file-${file.id}-heading` }, file.name),
    element('p', { class: 'stage' }, element('span', { id: `file-${file.id}-stage` }, 'Opening the file'), ' ', progress),
  );
  const copy = file.bytes.slice().buffer;
  send({ type: 'check', id: file.id, name: file.name, bytes: copy, settings, ...(file.profile ? { profile: file.profile } : {}) }, [copy]);
}

function updateEmptyState(): void {
  byId('no-results').hidden = files.size > 0;
}

// ---------------------------------------------------------------------------------------------
// Showing a file's results

function showProgress(file: OpenFile, done: number, stage: string): void {
  const progress = file.element.querySelector('progress');
  const label = file.element.querySelector(`#file-${file.id}-stage`);
  if (progress) progress.value = done;
  if (label) label.textContent = stage;
}

function showRefused(file: OpenFile, message: string): void {
  file.element.dataset.state = 'refused';
  file.element.removeAttribute('aria-busy');
  file.element.replaceChildren(
    element('h3', { id: `file-${file.id}-heading` }, file.name),
    element('p', { class: 'error-text' }, element('strong', {}, 'Not checked: '), `${file.name} ${message}`),
    removeButton(file),
  );
  announce(`${file.name} was not checked: ${message}`);
  markBusy();
}

function removeButton(file: OpenFile): HTMLButtonElement {
  const button = element('button', { type: 'button', class: 'secondary' }, `Close ${file.name}`);
  button.addEventListener('click', () => {
    send({ type: 'forget', id: file.id });
    files.delete(file.id);
    file.element.remove();
    updateEmptyState();
    markBusy();
    byId('results-heading').focus();
  });
  return button;
}

function showReport(file: OpenFile, report: FileReport): void {
  const id = file.id;
  const heading = element('h3', { id: `file-${id}-heading` }, report.name);
  const summary = element('p', { class: 'file-counts' }, report.problems.length === 0 ? 'No problems found.' : `${plural(report.problems.length, 'problem')}: ${counts(report.problems)}.`);

  const profileSelect = element('select', { id: `file-${id}-profile` }, ...report.profiles.map((p) => element('option', { value: p, ...(p === report.profile ? { selected: '' } : {}) }, p)));
  profileSelect.addEventListener('change', () => {
    file.profile = profileSelect.value;
    check(file);
  });
  const profile = element('p', { class: 'profile' }, element('label', { for: `file-${id}-profile` }, 'Report type '), profileSelect, ` (${report.profileSource})`);

  const downloads = element('div', { class: 'downloads', role: 'group', 'aria-label': `Downloads for ${report.name}` });
  for (const kind of report.downloads) {
    const button = element('button', { type: 'button', 'data-download': kind }, DOWNLOADS[kind]);
    button.addEventListener('click', () => {
      file.element.querySelector('.download-status')!.textContent = 'Preparing the file…';
      send({ type: 'download', id, kind });
    });
    downloads.append(button);
  }
  const downloadStatus = element('p', { class: 'download-status', role: 'status' });

  const notes = report.notes.length > 0 ? element('ul', { class: 'notes' }, ...report.notes.map((n) => element('li', {}, n))) : '';
  const scorecard = element('div', { class: 'scorecard' });
  scorecard.innerHTML = report.scorecardHtml;

  const findings = element('section', { 'aria-labelledby': `file-${id}-findings`, class: 'findings' }, element('h4', { id: `file-${id}-findings` }, 'Findings'));
  if (report.problems.length > 0) findings.append(filters(file, report), problemList(report));
  else findings.append(element('p', {}, 'No problems found.'));

  const rendered = element('section', { 'aria-labelledby': `file-${id}-report`, class: 'report' }, element('h4', { id: `file-${id}-report` }, 'The report, with the words of each finding marked'));
  const body = element('div', { class: 'report-body' });
  body.innerHTML = report.reportHtml;
  rendered.append(body);

  file.element.replaceChildren(heading, summary, profile, downloads, downloadStatus, notes, findings, scorecard, rendered, removeButton(file));
  file.element.dataset.state = 'done';
  file.element.removeAttribute('aria-busy');
  announce(`${report.name} checked: ${report.problems.length === 0 ? 'no problems' : `${plural(report.problems.length, 'problem')}, ${counts(report.problems)}`}.`);
  markBusy();
}

/** The page is busy while any file is being checked (tests and assistive technology wait on it). */
function markBusy(): void {
  const waiting = [...files.values()].some((f) => f.element.dataset.state === 'checking');
  const checked = [...files.values()].filter((f) => f.element.dataset.state === 'done').length;
  // Several reports make a programme: it is asked for once they are all checked.
  if (!waiting && checked >= 2) {
    document.body.dataset.busy = 'true';
    send({ type: 'programme', today: localToday() });
  } else {
    if (checked < 2) byId('programme').hidden = true;
    document.body.dataset.busy = String(waiting);
  }
}

/** Today on this computer's calendar, as YYYY-MM-DD. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

let programmeFiles: { html: string; csv: string } | undefined;

/**
 * The programme page's content, shown inside this page: its headings moved below this page's own,
 * and this page's styles instead of its own.
 */
function showProgramme(reports: number, html: string, csv: string): void {
  programmeFiles = { html, csv };
  // Its stylesheet is left out before parsing: this page's policy would refuse it anyway.
  const parsed = new DOMParser().parseFromString(html.replace(/<style>[\s\S]*?<\/style>/g, ''), 'text/html');
  const content = parsed.querySelector('main')!;
  for (const heading of [...content.querySelectorAll('h1, h2, h3, h4')]) {
    const level = Math.min(6, Number(heading.tagName[1]) + 3);
    const demoted = document.createElement(`h${level}`);
    for (const attribute of heading.getAttributeNames()) demoted.setAttribute(attribute, heading.getAttribute(attribute)!);
    demoted.append(...heading.childNodes);
    heading.replaceWith(demoted);
  }
  byId('programme-body').replaceChildren(...[...content.childNodes].map((node) => document.adoptNode(node)));
  byId('programme-heading').textContent = `The audit programme of these ${reports} reports`;
  byId('programme').hidden = false;
  document.body.dataset.busy = String([...files.values()].some((f) => f.element.dataset.state === 'checking'));
}

function saveProgramme(kind: 'html' | 'csv'): void {
  if (programmeFiles) save(`audit-programme-${localToday()}.${kind}`, kind === 'html' ? 'text/html' : 'text/csv', programmeFiles[kind]);
}

function problemList(report: FileReport): HTMLElement {
  const list = element('div', { class: 'problem-groups' });
  let group: HTMLUListElement | undefined;
  let section: string | undefined;
  for (const problem of report.problems) {
    const sectionName = problem.hidden ? 'Hidden in the Word file' : problem.section;
    if (!group || sectionName !== section) {
      section = sectionName;
      group = element('ul', { class: 'problems' });
      list.append(element('div', { class: `problem-group${problem.hidden ? ' hidden-data' : ''}` }, element('h5', {}, sectionName), group));
    }
    group.append(problemItem(problem));
  }
  return list;
}

function problemItem(problem: ProblemRow): HTMLLIElement {
  const item = element(
    'li',
    { class: `problem problem-${problem.severity}${problem.hidden ? ' problem-hidden' : ''}`, 'data-rule': problem.ruleIds.join(' '), 'data-severity': problem.severity },
    element('p', { class: 'problem-head' }, element('span', { class: `severity severity-${problem.severity}` }, problem.severity), ' ', element('span', { class: 'where' }, problem.where)),
    element('p', { class: 'message' }, problem.message),
    element('p', { class: 'rules' }, 'Rule: ', element('span', { class: 'rule-ids' }, problem.ruleIds.join(', '))),
  );
  if (problem.explanation) {
    item.append(
      element('details', {}, element('summary', {}, 'Why this matters, and what better looks like'), element('p', {}, problem.explanation), element('p', {}, 'Better:'), element('pre', { class: 'better' }, problem.better)),
    );
  }
  if (problem.markId) {
    const link = element('a', { href: `#${problem.markId}`, class: 'show-in-report' }, 'Show the words in the report');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const mark = document.getElementById(problem.markId!);
      mark?.scrollIntoView({ block: 'center' });
      mark?.focus({ preventScroll: true });
    });
    item.append(link);
  }
  return item;
}

/** Severity checkboxes and a rule choice that hide the rows they leave out. */
function filters(file: OpenFile, report: FileReport): HTMLElement {
  const id = file.id;
  const ruleIds = [...new Set(report.problems.flatMap((p) => p.ruleIds))].sort();
  const boxes = SEVERITIES.map((severity) => {
    const count = report.problems.filter((p) => p.severity === severity).length;
    const box = element('input', { type: 'checkbox', id: `file-${id}-show-${severity}`, checked: '' });
    return { severity, box, label: element('label', { for: `file-${id}-show-${severity}` }, `${severity} (${count})`) };
  });
  const rule = element('select', { id: `file-${id}-rule` }, element('option', { value: '' }, 'All rules'), ...ruleIds.map((r) => element('option', { value: r }, r)));
  const shown = element('p', { class: 'shown', role: 'status' });
  const apply = () => {
    const severities = new Set(boxes.filter((b) => b.box.checked).map((b) => b.severity));
    let visible = 0;
    for (const row of file.element.querySelectorAll<HTMLElement>('.problem')) {
      const show = severities.has(row.dataset.severity as (typeof SEVERITIES)[number]) && (!rule.value || row.dataset.rule!.split(' ').includes(rule.value));
      row.hidden = !show;
      if (show) visible++;
    }
    for (const group of file.element.querySelectorAll<HTMLElement>('.problem-group')) group.hidden = !group.querySelector('.problem:not([hidden])');
    shown.textContent = `Showing ${visible} of ${plural(report.problems.length, 'problem')}.`;
  };
  for (const b of boxes) b.box.addEventListener('change', apply);
  rule.addEventListener('change', apply);
  shown.textContent = `Showing ${report.problems.length} of ${plural(report.problems.length, 'problem')}.`;
  return element(
    'fieldset',
    { class: 'filters' },
    element('legend', {}, 'Show'),
    ...boxes.flatMap((b) => [element('span', { class: 'check' }, b.box, b.label)]),
    element('span', { class: 'rule-filter' }, element('label', { for: `file-${id}-rule` }, 'Rule '), rule),
    shown,
  );
}

/** Hand a file to the browser's downloads: it is made here, from memory, and goes nowhere else. */
function save(name: string, mime: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type: mime }));
  const link = element('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function download(file: OpenFile, name: string, mime: string, bytes: ArrayBuffer): void {
  save(name, mime, bytes);
  file.element.querySelector('.download-status')!.textContent = `Downloaded ${name}.`;
}

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const message = event.data;
  if (message.type === 'settings') return showSettingsCheck(message.profiles, message.error);
  if (message.type === 'programme') return showProgramme(message.reports, message.html, message.csv);
  const file = files.get(message.id);
  if (!file) return;
  if (message.type === 'progress') showProgress(file, message.done, message.stage);
  else if (message.type === 'report') showReport(file, message.report);
  else if (message.type === 'refused') showRefused(file, message.message);
  else if (message.type === 'file') download(file, message.name, message.mime, message.bytes);
  else file.element.querySelector('.download-status')!.textContent = message.message;
};

// ---------------------------------------------------------------------------------------------
// Settings

const form = {
  profile: byId<HTMLSelectElement>('setting-profile'),
  audience: byId<HTMLSelectElement>('setting-audience'),
  agencies: byId<HTMLTextAreaElement>('setting-agencies'),
  roles: byId<HTMLTextAreaElement>('setting-roles'),
  acronyms: byId<HTMLTextAreaElement>('setting-acronyms'),
};

function fillForm(): void {
  form.audience.value = settings.audience;
  form.agencies.value = settings.agencies.join('\n');
  form.roles.value = settings.roles.join('\n');
  form.acronyms.value = Object.entries(settings.acronyms).map(([a, e]) => `${a} = ${e}`).join('\n');
  showConfigStatus();
}

function showConfigStatus(): void {
  byId('config-status').textContent = settings.config ? `Using the settings of ${settings.config.name}, under the ones above.` : 'Drop an .auditlintrc.json among your files to use its settings.';
  byId('forget-config').hidden = !settings.config;
}

/** Lines of the acronyms box that are not "ACR = expansion", said beside the settings' own problems. */
let unreadAcronyms: string[] = [];

function showSettingsCheck(profiles: string[], error: string | undefined): void {
  const chosen = settings.profile;
  form.profile.replaceChildren(form.profile.options[0], ...profiles.map((p) => element('option', { value: p }, p)));
  form.profile.value = profiles.includes(chosen) ? chosen : '';
  const problems = [...(error ? [`These settings cannot be used: ${error}`] : []), ...(unreadAcronyms.length > 0 ? [`Not read as acronyms (write them as NSF = Northshire Safeguarding Forum): ${unreadAcronyms.join('; ')}`] : [])];
  byId('settings-error').textContent = problems.join(' ');
}

/** Keep, check and apply the settings: every open file is checked again with them. What the reader typed stays as typed. */
function applySettings(): void {
  saveSettings(localStorage, settings);
  showConfigStatus();
  send({ type: 'settings', settings });
  for (const file of files.values()) check(file);
}

function readForm(): void {
  const { acronyms, unread } = parseAcronyms(form.acronyms.value);
  unreadAcronyms = unread;
  settings = { ...settings, profile: form.profile.value, audience: form.audience.value as PageSettings['audience'], agencies: lines(form.agencies.value), roles: lines(form.roles.value), acronyms };
  applySettings();
}

for (const control of Object.values(form)) control.addEventListener('change', readForm);
byId('forget-config').addEventListener('click', () => {
  settings = { ...settings, config: undefined };
  applySettings();
  form.profile.focus();
});

// ---------------------------------------------------------------------------------------------
// Ways in: the file input, dropping files anywhere on the page, pasting text.

const input = byId<HTMLInputElement>('files');
input.addEventListener('change', () => {
  void open([...(input.files ?? [])]);
  input.value = '';
});
const dropZone = byId('drop-zone');
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('dragging');
});
document.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('dragging');
  void open([...(event.dataTransfer?.files ?? [])]);
});
byId('check-paste').addEventListener('click', () => {
  const text = byId<HTMLTextAreaElement>('paste-text').value;
  if (!text.trim()) return announce('Paste a report first.');
  add(`Pasted text ${nextId}.md`, new TextEncoder().encode(text));
  updateEmptyState();
});

byId('programme-page').addEventListener('click', () => saveProgramme('html'));
byId('programme-csv').addEventListener('click', () => saveProgramme('csv'));

fillForm();
send({ type: 'settings', settings });
byId('results-heading').tabIndex = -1;
