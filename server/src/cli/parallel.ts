import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
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
}

/** Linting a file may wait (a Word document is converted asynchronously). */
export type FileLinter = (job: LintJob) => (file: string) => Promise<FileOutcome>;

const WORKER_TAG = 'audit-lint:lint-worker';
/** Below this many files a second thread costs more to start than it saves. */
const PARALLEL_THRESHOLD = 50;
const BATCH = 16;

function threadCount(job: LintJob): number {
  if (job.fix || job.fixDryRun || job.files.length <= PARALLEL_THRESHOLD) return 1;
  // Workers load this same bundle, so they need a built .js entry point.
  if (!__filename.endsWith('.js')) return 1;
  const configured = Number(process.env.AUDIT_LINT_THREADS);
  const wanted = Number.isInteger(configured) && configured > 0 ? configured : os.availableParallelism();
  return Math.max(1, Math.min(wanted, 4, Math.ceil(job.files.length / PARALLEL_THRESHOLD)));
}

/**
 * Lint every file, on this thread and on worker threads when there are many, handing each outcome
 * to `onOutcome` in file order as soon as the files before it are done, so outcomes are not held
 * until the end. Threads take the next file from a shared counter, so uneven files balance out.
 */
export async function lintFiles(job: LintJob, linter: FileLinter, onOutcome: (outcome: FileOutcome) => void, onProgress: (done: number) => void): Promise<void> {
  const arrived = new Map<number, FileOutcome>();
  let next = 0;
  const deliver = (index: number, outcome: FileOutcome) => {
    arrived.set(index, outcome);
    for (let ready = arrived.get(next); ready; ready = arrived.get(next)) {
      arrived.delete(next++);
      onOutcome(ready);
    }
  };
  const counter = new Int32Array(new SharedArrayBuffer(4));
  let done = 0;
  const workers = Array.from({ length: threadCount(job) - 1 }, () => {
    const worker = new Worker(__filename, { workerData: { tag: WORKER_TAG, job, counter } });
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (batch: [number, FileOutcome][]) => {
        for (const [index, outcome] of batch) deliver(index, outcome);
        done += batch.length;
        onProgress(done);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a lint worker stopped with exit code ${code}`))));
    });
  });
  const lintOne = linter(job);
  const sharing = workers.length > 0;
  for (let index = Atomics.add(counter, 0, 1); index < job.files.length; index = Atomics.add(counter, 0, 1)) {
    deliver(index, await lintOne(job.files[index]));
    done += 1;
    onProgress(done);
    // Let the other threads' outcomes in, so the files after them can be written and let go.
    if (sharing) await new Promise(setImmediate);
  }
  await Promise.all(workers);
  for (; next < job.files.length; next++) onOutcome(arrived.get(next) ?? { messages: [{ file: job.files[next], text: 'was not linted' }], fixable: 0 });
}

/** In a worker started by lintFiles: lint files until none is left, then end. Returns false elsewhere. */
export function runLintWorker(linter: FileLinter): boolean {
  if (isMainThread || (workerData as { tag?: string } | null)?.tag !== WORKER_TAG || !parentPort) return false;
  const { job, counter } = workerData as { job: LintJob; counter: Int32Array };
  const port = parentPort;
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
  return true;
}
