import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LintCancelled } from '../core/engine';
import type { Finding, LintSettings } from '../core/types';
import { applyFindingsDelta, findingsDelta, shiftBetween, type FindingsDelta } from './findingsDelta';
import { DocumentLints, type LintCounts, type LintOutcome, type LintRequest, type LintRunner } from './lintRunner';
import type { LintView } from './lintView';
import { applyStringDelta, stringDelta, type StringDelta } from './stringDelta';

const WORKER_TAG = 'audit-lint:server-lint-worker';
/** Findings from which a lint's are sent as a difference from the last lint's. */
const DELTA_FROM = 1000;
/** Characters from which a document's text is sent to the lint thread as an edit of the text sent before. */
const TEXT_EDITS_FROM = 256 * 1024;
/** Documents that can be open at once with their own cancellation slot; more share slots (and only lose early stops). */
const SLOTS = 1024;

type ToWorker =
  /** A long text comes as an edit of the one sent before for the document. */
  | { type: 'lint'; job: number; uri: string; version: number; text?: string; edit?: StringDelta; slot: number; settingsId: number; settings?: LintSettings }
  | { type: 'forget'; uri: string }
  | { type: 'clear' };

type FromWorker =
  /**
   * With `base`, the view's prose is empty: it is the earlier lint's (job `base`) with `prose` applied.
   * With `delta` too, so are its findings: the earlier lint's with the delta applied.
   */
  | { job: number; kind: 'done'; view: LintView; base?: number; prose?: StringDelta; delta?: FindingsDelta }
  | { job: number; kind: 'cancelled' }
  | { job: number; kind: 'failed'; message: string; stack?: string };

/**
 * Runs lints on one worker thread, in the order asked. Each document has a slot in shared memory
 * holding its newest version; the worker reads it between the steps of a lint and stops a lint
 * whose version is older, without waiting for a message.
 */
export class WorkerLintRunner implements LintRunner {
  readonly counts: LintCounts = { finished: 0, cancelled: 0 };
  /** Findings that crossed from the lint thread whole, and those named as the earlier lint's, moved. */
  readonly findingsReceived = { whole: 0, kept: 0 };
  /** Characters of prose that crossed from the lint thread, and those taken from the earlier lint's prose. */
  readonly proseReceived = { whole: 0, kept: 0 };
  private worker: Worker | undefined;
  private readonly newest = new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT));
  private readonly slots = new Map<string, number>();
  private nextSlot = 0;
  private readonly pending = new Map<number, { uri: string; version: number; resolve: (outcome: LintOutcome) => void }>();
  /** The findings and prose of each document's last lint, which the lint thread sends the next ones as a difference from. */
  private readonly bases = new Map<string, { job: number; version: number; findings: Finding[]; prose: string }>();
  private nextJob = 1;
  /** The text last sent to the lint thread for each document, which it keeps too. */
  private readonly texts = new Map<string, string>();
  /** Texts sent to the lint thread whole, and as an edit of the text before. */
  readonly textsSent = { whole: 0, asEdits: 0 };
  /** Settings are sent once and named by number after, so the worker keeps one object per configuration (its analyses are remembered per object). */
  private readonly settingsIds = new WeakMap<LintSettings, number>();
  private readonly sentSettings = new Set<number>();
  private nextSettingsId = 1;

  constructor(
    private readonly entry: string = __filename,
    /** Fewer findings than this are sent whole: copying a short list costs less than naming its kept findings. */
    private readonly wholeBelow = DELTA_FROM,
  ) {}

  run({ uri, version, text, settings }: LintRequest): Promise<LintOutcome> {
    const slot = this.slotOf(uri);
    this.supersede(uri, version);
    let settingsId = this.settingsIds.get(settings);
    if (settingsId === undefined) this.settingsIds.set(settings, (settingsId = this.nextSettingsId++));
    const first = !this.sentSettings.has(settingsId);
    this.sentSettings.add(settingsId);
    const job = this.nextJob++;
    const earlier = this.texts.get(uri);
    this.texts.set(uri, text);
    const body = earlier !== undefined && text.length >= TEXT_EDITS_FROM ? { edit: stringDelta(earlier, text) } : { text };
    if (body.edit) this.textsSent.asEdits++;
    else this.textsSent.whole++;
    return new Promise<LintOutcome>((resolve) => {
      this.pending.set(job, { uri, version, resolve });
      this.post({ type: 'lint', job, uri, version, ...body, slot, settingsId, ...(first ? { settings } : {}) });
    });
  }

  supersede(uri: string, version: number): void {
    const slot = this.slotOf(uri);
    if (Atomics.load(this.newest, slot) < version) Atomics.store(this.newest, slot, version);
  }

  forget(uri: string): void {
    this.slots.delete(uri);
    this.bases.delete(uri);
    this.texts.delete(uri);
    if (this.worker) this.post({ type: 'forget', uri });
  }

  clear(): void {
    this.sentSettings.clear();
    if (this.worker) this.post({ type: 'clear' });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.texts.clear();
  }

  private slotOf(uri: string): number {
    let slot = this.slots.get(uri);
    if (slot === undefined) {
      slot = this.nextSlot++ % SLOTS;
      this.slots.set(uri, slot);
      Atomics.store(this.newest, slot, 0);
    }
    return slot;
  }

  private post(message: ToWorker): void {
    this.started().postMessage(message);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry, { workerData: { tag: WORKER_TAG, newest: this.newest, wholeBelow: this.wholeBelow } });
    worker.unref();
    worker.on('message', (message: FromWorker) => this.settle(message));
    // A worker that died takes its jobs with it: they fail, and the next lint starts a new worker.
    const lost = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.sentSettings.clear();
      this.texts.clear();
      for (const [job, { resolve }] of this.pending) {
        this.pending.delete(job);
        resolve({ kind: 'failed', error: new Error(reason) });
      }
    };
    worker.on('error', (error) => lost(`the lint thread failed: ${error.message}`));
    worker.on('exit', (code) => lost(`the lint thread stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }

  private settle(message: FromWorker): void {
    const pending = this.pending.get(message.job);
    if (!pending) return;
    this.pending.delete(message.job);
    const { uri, version, resolve } = pending;
    if (message.kind === 'done') {
      const { view, delta } = message;
      const base = this.bases.get(uri);
      // Only a document closed while its lint ran has lost the findings and prose its delta builds on.
      if (message.base !== undefined && base?.job !== message.base) return resolve({ kind: 'cancelled' });
      const findings = delta ? applyFindingsDelta(base!.findings, delta) : view.findings;
      const prose = message.prose ? applyStringDelta(base!.prose, message.prose) : view.model.prose;
      const whole = delta ? delta.added.length : findings.length;
      this.findingsReceived.whole += whole;
      this.findingsReceived.kept += findings.length - whole;
      this.proseReceived.whole += message.prose ? message.prose.middle.length : prose.length;
      this.proseReceived.kept += message.prose ? prose.length - message.prose.middle.length : 0;
      this.bases.set(uri, { job: message.job, version, findings, prose });
      this.counts.finished++;
      const model = message.prose ? { ...view.model, prose } : view.model;
      resolve({ kind: 'done', view: { ...view, model, findings, ...(delta ? { unchangedSince: { version: base!.version, before: delta.shift.head } } : {}) } });
    } else if (message.kind === 'cancelled') {
      this.counts.cancelled++;
      resolve({ kind: 'cancelled' });
    } else {
      // Whatever went wrong, the next lint sends the whole text.
      this.texts.delete(uri);
      const error = new Error(message.message);
      if (message.stack) error.stack = message.stack;
      resolve({ kind: 'failed', error });
    }
  }
}

/** In a worker started by WorkerLintRunner: lint what the server asks until it ends. Returns false elsewhere. */
export function runServerLintWorker(): boolean {
  const data = workerData as { tag?: string; newest?: Int32Array; wholeBelow?: number } | null;
  if (isMainThread || data?.tag !== WORKER_TAG || !parentPort || !data.newest) return false;
  const port = parentPort;
  const newest = data.newest;
  const wholeBelow = data.wholeBelow ?? DELTA_FROM;
  const lints = new DocumentLints();
  const settingsById = new Map<number, LintSettings>();
  /** Each document's text as last received, which the next long one is sent as an edit of. */
  const texts = new Map<string, string>();
  /** What the server last received for each document, so the next findings and prose go as a difference. */
  const sent = new Map<string, { job: number; text: string; lineStarts: Uint32Array; findings: Finding[]; prose: string }>();
  /**
   * The prose the server has from the last lint of the document is sent again only where it changed;
   * findings it has, moved with the edit, are named instead of sent.
   */
  const reply = (job: number, uri: string, text: string, view: LintView): FromWorker => {
    const base = sent.get(uri);
    sent.set(uri, { job, text, lineStarts: view.lineStarts, findings: view.findings, prose: view.model.prose });
    if (!base) return { job, kind: 'done', view };
    const prose = stringDelta(base.prose, view.model.prose);
    const model = { ...view.model, prose: '' };
    if (view.findings.length < wholeBelow || base.text.startsWith('\uFEFF') !== text.startsWith('\uFEFF')) return { job, kind: 'done', view: { ...view, model }, base: base.job, prose };
    const delta = findingsDelta(base.findings, view.findings, shiftBetween(base.text, base.lineStarts, text, view.lineStarts));
    return { job, kind: 'done', view: { ...view, model, findings: [] }, base: base.job, prose, delta };
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'forget') {
      sent.delete(message.uri);
      texts.delete(message.uri);
      return lints.forget(message.uri);
    }
    if (message.type === 'clear') {
      settingsById.clear();
      sent.clear();
      return lints.clear();
    }
    const { job, uri, version, slot, settingsId } = message;
    if (message.settings) settingsById.set(settingsId, message.settings);
    const settings = settingsById.get(settingsId);
    const earlier = texts.get(uri);
    const text = message.edit ? (earlier === undefined ? undefined : applyStringDelta(earlier, message.edit)) : message.text;
    if (text === undefined) texts.delete(uri);
    else texts.set(uri, text);
    let answer: FromWorker;
    try {
      if (!settings) throw new Error('the lint thread was not sent these settings');
      if (text === undefined) throw new Error('the lint thread was sent an edit of a text it does not have');
      answer = reply(job, uri, text, lints.lint(uri, text, settings, () => Atomics.load(newest, slot) <= version));
    } catch (error) {
      answer = error instanceof LintCancelled ? { job, kind: 'cancelled' }
        : { job, kind: 'failed', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
    }
    const moved = answer.kind === 'done' ? [answer.view.model.outline.nodes.buffer as ArrayBuffer, ...(answer.delta ? [answer.delta.kept.buffer as ArrayBuffer] : [])] : [];
    port.postMessage(answer, moved);
  });
  return true;
}
