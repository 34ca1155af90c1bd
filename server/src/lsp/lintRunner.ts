import { LintCancelled } from '../core/engine';
import { IncrementalLinter } from '../core/incremental';
import type { LintSettings } from '../core/types';
import { viewOf, type LintView } from './lintView';

export interface LintRequest {
  uri: string;
  version: number;
  text: string;
  settings: LintSettings;
}

export type LintOutcome =
  | { kind: 'done'; view: LintView }
  /** A newer version arrived before the lint finished: it stopped at its next step. */
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: Error };

/** How many lints ran to the end, and how many stopped because a newer version arrived. */
export interface LintCounts {
  finished: number;
  cancelled: number;
}

/**
 * Where lints run. The Node server runs them on a worker thread so that the thread holding the
 * connection always answers the editor; a host without worker threads runs them on its own thread.
 * Each document keeps its parsed parts and analyses from one version to the next either way.
 */
export interface LintRunner {
  run(request: LintRequest): Promise<LintOutcome>;
  /** A newer version of the document exists: a lint of an older one stops at its next step. */
  supersede(uri: string, version: number): void;
  /** The document closed: drop what was kept for it. */
  forget(uri: string): void;
  /** Configuration changed: drop everything kept. */
  clear(): void;
  readonly counts: LintCounts;
  dispose(): void;
}

/** Lints for several documents, each reusing its own parts and analyses: shared by both runners. */
export class DocumentLints {
  private readonly linters = new Map<string, IncrementalLinter>();

  /** The view of one lint; throws LintCancelled when `stillWanted` says no between steps. */
  lint(uri: string, text: string, settings: LintSettings, stillWanted: () => boolean): LintView {
    let linter = this.linters.get(uri);
    if (!linter) this.linters.set(uri, (linter = new IncrementalLinter()));
    const started = performance.now();
    const view = viewOf(linter.lint(text, settings, { stillWanted }), settings, text.startsWith('\uFEFF') ? 1 : 0);
    return { ...view, lintMs: performance.now() - started };
  }

  forget(uri: string): void {
    this.linters.delete(uri);
  }

  clear(): void {
    this.linters.clear();
  }
}

/** Runs each lint on the calling thread, after letting waiting messages (a newer version) be read. */
export class InThreadLintRunner implements LintRunner {
  readonly counts: LintCounts = { finished: 0, cancelled: 0 };
  private readonly lints = new DocumentLints();
  private readonly newest = new Map<string, number>();

  async run({ uri, version, text, settings }: LintRequest): Promise<LintOutcome> {
    this.supersede(uri, version);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const stillWanted = () => (this.newest.get(uri) ?? version) <= version;
    try {
      const view = this.lints.lint(uri, text, settings, stillWanted);
      this.counts.finished++;
      return { kind: 'done', view };
    } catch (error) {
      if (error instanceof LintCancelled) {
        this.counts.cancelled++;
        return { kind: 'cancelled' };
      }
      return { kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  supersede(uri: string, version: number): void {
    if ((this.newest.get(uri) ?? -Infinity) < version) this.newest.set(uri, version);
  }

  forget(uri: string): void {
    this.newest.delete(uri);
    this.lints.forget(uri);
  }

  clear(): void {
    this.lints.clear();
  }

  dispose(): void {
    this.clear();
  }
}
