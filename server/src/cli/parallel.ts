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
 * Lint every file, on this thread and on worker threads when there are many. Threads take the next
 * file from a shared counter, so uneven files balance out; outcomes come back in file order.
 */
export async function lintFiles(job: LintJob, linter: FileLinter, onProgress: (done: number) => void): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome | undefined>(job.files.length);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  let done = 0;
  const workers = Array.from({ length: threadCount(job) - 1 }, () => {
    const worker = new Worker(__filename, { workerData: { tag: WORKER_TAG, job, counter } });
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (batch: [number, FileOutcome][]) => {
        for (const [index, outcome] of batch) outcomes[index] = outcome;
        done += batch.length;
        onProgress(done);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a lint worker stopped with exit code ${code}`))));
    });
  });
  const lintOne = linter(job);
  for (let index = Atomics.add(counter, 0, 1); index < job.files.length; index = Atomics.add(counter, 0, 1)) {
    outcomes[index] = await lintOne(job.files[index]);
    done += 1;
    onProgress(done);
  }
  await Promise.all(workers);
  return outcomes.map((outcome, index) => outcome ?? { messages: [{ file: job.files[index], text: 'was not linted' }], fixable: 0 });
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
