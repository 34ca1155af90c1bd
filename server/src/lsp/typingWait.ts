/** A lint that takes less than this ends before the next keystroke: it starts as soon as a key is typed. */
export const START_AT_ONCE_BELOW_MS = 50;
/** The longest a document waits for typing to pause, however slow its lint. */
export const LONGEST_WAIT_MS = 500;

/**
 * How long to wait after a keystroke before linting: none when the document's last lint was quick,
 * as long as that lint took when it was slow (at most LONGEST_WAIT_MS). A slow lint started on every
 * keystroke would mostly be stopped by the next one; waiting about its own length keeps the lint
 * thread's work during typing to roughly half, and the wait disappears as soon as lints get fast.
 */
export function waitAfterEdit(lastLintMs: number | undefined): number {
  if (lastLintMs === undefined || !(lastLintMs >= START_AT_ONCE_BELOW_MS)) return 0;
  return Math.min(Math.round(lastLintMs), LONGEST_WAIT_MS);
}

/**
 * The wait before each document's next lint after an edit: a fixed one when the client set
 * `debounceMs`, else sized by the time the document's last lint after an edit took on the lint
 * thread: how long a lint started at a keystroke keeps that thread from the next one.
 */
export class TypingWait {
  private readonly lastLintMs = new Map<string, number>();

  constructor(private readonly fixedMs?: number) {}

  /** Milliseconds to wait after an edit to this document. */
  after(uri: string): number {
    return this.fixedMs ?? waitAfterEdit(this.lastLintMs.get(uri));
  }

  /** A lint after an edit to this document took `ms` on the lint thread (waiting behind other lints not counted). */
  linted(uri: string, ms: number): void {
    this.lastLintMs.set(uri, ms);
  }

  forget(uri: string): void {
    this.lastLintMs.delete(uri);
  }
}
