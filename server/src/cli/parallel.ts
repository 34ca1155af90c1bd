import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ProgrammeEntry } from '../core/programme';
import type { SeverityOrOff } from '../core/types';
import type { FileResult } from './formatters';

/** What linting one file produced, in a form that crosses threads; applied in file order. */
export interface FileOutcome {
  result?: FileResult;
  /** Lines for standard error: with `file`, that file could not be linted (exit 2); else a warning. A stack is shown with --debug. */
  messages: { file?: string; text: string; stack?: string }[];
  fixable: number;
  diff?: string;
  /** A usage or configuration error that stops the run when this file's turn comes. */
  abort?: { message: string };
  /** For `audit-lint summary`: the report's part of the programme, in place of its findings. */
  programme?: ProgrammeEntry;
}

/** Everything a thread needs to lint files the way the command line asked. */
export interface LintJob {
  cwd: string;
  files: string[];
  config: string | undefined;
  profile: string | undefined;
  rules: Record<string, SeverityOrOff>;
  fix: boolean;
  fixDryRun: boolean;
  /** Summarise each report's part of the audit programme on this day (YYYY-MM-DD) instead of reporting findings. */
  summaryDay?: string;
}

/** Linting a file may wait (a Word document is converted asynchronously). */
export type FileLinter = (job: LintJob) => (file: string) => Promise<FileOutcome>;

const WORKER_TAG = 'audit-lint:lint-worker';
/**
 * Files each thread is given before another is started. A thread pays about two seconds of CPU
 * warming up its own copy of the code (measured on 2 cores), which a run of a few hundred reports
 * does not win back: there one thread finishes first.
 */
const FILES_PER_THREAD = 500;
/** Below this many files even a thread asked for by AUDIT_LINT_THREADS is not started. */
const PARALLEL_MINIMUM = 50;
const BATCH = 16;

/** The thread count AUDIT_LINT_THREADS asks for, if it is set. */
function configuredThreads(): number | undefined {
  const configured = Number(process.env.AUDIT_LINT_THREADS);
  return Number.isInteger(configured) && configured > 0 ? configured : undefined;
}

/** Threads this machine and AUDIT_LINT_THREADS allow, at most four; one where there is no built bundle for workers to load. */
function threadsAllowed(): number {
  if (!__filename.endsWith('.js')) return 1;
  return Math.max(1, Math.min(configuredThreads() ?? os.availableParallelism(), 4));
}

/** One thread per FILES_PER_THREAD files, as many as allowed; AUDIT_LINT_THREADS sets the count over PARALLEL_MINIMUM files. */
function threadCount(job: LintJob): number {
  if (job.fix || job.fixDryRun || job.files.length <= PARALLEL_MINIMUM) return 1;
  if (configuredThreads() !== undefined) return threadsAllowed();
  return Math.min(threadsAllowed(), Math.ceil(job.files.length / FILES_PER_THREAD));
}

interface LintThread {
  worker: Worker;
  /** Settles when the thread ends: rejected when it failed. */
  finished: Promise<void>;
}

/**
 * Worker threads for a run, which can be started before its files are known: a thread spends its
 * first few hundred milliseconds loading and compiling this bundle, which then overlaps finding the
 * files. Each waits for the job, then takes files from the counter the run shares.
 */
export class LintThreads {
  readonly counter = new Int32Array(new SharedArrayBuffer(4));
  private readonly idle: LintThread[] = [];

  /** Start the threads a run of many files would use; a run that needs fewer ends the rest. */
  startEarly(): void {
    while (this.idle.length < threadsAllowed() - 1) this.idle.push(this.spawn());
  }

  /** `count` threads for a run, started now if need be; the threads started early and not needed end. */
  take(count: number): LintThread[] {
    const taken = this.idle.splice(0, count);
    while (taken.length < count) taken.push(this.spawn());
    this.end();
    return taken;
  }

  /** End the threads no run took. */
  end(): void {
    for (const unused of this.idle.splice(0)) {
      unused.finished.catch(() => undefined);
      void unused.worker.terminate();
    }
  }

  private spawn(): LintThread {
    const worker = new Worker(__filename, { workerData: { tag: WORKER_TAG, counter: this.counter } });
    const finished = new Promise<void>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a lint worker stopped with exit code ${code}`))));
    });
    return { worker, finished };
  }
}

/**
 * Lint every file, on this thread and on worker threads when there are many, handing each outcome
 * to `onOutcome` in file order as soon as the files before it are done, so outcomes are not held
 * until the end. Threads take the next file from a shared counter, so uneven files balance out.
 */
export async function lintFiles(
  job: LintJob,
  linter: FileLinter,
  onOutcome: (outcome: FileOutcome) => void,
  onProgress: (done: number) => void,
  threads = new LintThreads(),
): Promise<void> {
  const arrived = new Map<number, FileOutcome>();
  let next = 0;
  const deliver = (index: number, outcome: FileOutcome) => {
    arrived.set(index, outcome);
    for (let ready = arrived.get(next); ready; ready = arrived.get(next)) {
      arrived.delete(next++);
      onOutcome(ready);
    }
  };
  const { counter } = threads;
  let done = 0;
  const helpers = threads.take(threadCount(job) - 1);
  for (const { worker } of helpers) {
    worker.on('message', (batch: [number, FileOutcome][]) => {
      for (const [index, outcome] of batch) deliver(index, outcome);
      done += batch.length;
      onProgress(done);
    });
    worker.postMessage(job);
  }
  // Handled now, awaited after this thread's share: a thread that fails meanwhile is not an unhandled rejection.
  const helped = Promise.all(helpers.map((thread) => thread.finished));
  helped.catch(() => undefined);
  const lintOne = linter(job);
  for (let index = Atomics.add(counter, 0, 1); index < job.files.length; index = Atomics.add(counter, 0, 1)) {
    deliver(index, await lintOne(job.files[index]));
    done += 1;
    onProgress(done);
    // Let the other threads' outcomes in, so the files after them can be written and let go.
    if (helpers.length > 0) await new Promise(setImmediate);
  }
  await helped;
  for (; next < job.files.length; next++) onOutcome(arrived.get(next) ?? { messages: [{ file: job.files[next], text: 'was not linted' }], fixable: 0 });
}

/** In a worker started by LintThreads: lint files of the job it is sent until none is left, then end. Returns false elsewhere. */
export function runLintWorker(linter: FileLinter): boolean {
  if (isMainThread || (workerData as { tag?: string } | null)?.tag !== WORKER_TAG || !parentPort) return false;
  const { counter } = workerData as { counter: Int32Array };
  const port = parentPort;
  port.once('message', (job: LintJob) => {
    const lintOne = linter(job);
    void (async () => {
      let batch: [number, FileOutcome][] = [];
      for (let index = Atomics.add(counter, 0, 1); index < job.files.length; index = Atomics.add(counter, 0, 1)) {
        batch.push([index, await lintOne(job.files[index])]);
        if (batch.length >= BATCH) {
          port.postMessage(batch);
          batch = [];
        }
      }
      if (batch.length > 0) port.postMessage(batch);
    })();
  });
  return true;
}
