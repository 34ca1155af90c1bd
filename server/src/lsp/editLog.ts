import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** A stretch of versions across which the start and end of the text did not change. */
export interface UnchangedEnds {
  /** Length of the start every version in the stretch shares. */
  head: number;
  /** Length of the end every version in the stretch shares. */
  tail: number;
}

interface Step extends UnchangedEnds {
  from: number;
  to: number;
}

/** Versions kept per document: the last lint is rarely more than a few edits behind. */
const KEPT_STEPS = 64;

/**
 * What each edit of an open document left untouched, from the changes the editor sent: comparing
 * two versions then only has to look at the edited stretch, not the whole text.
 */
export class EditLog {
  private readonly steps = new Map<string, Step[]>();

  /** Apply changes as TextDocuments does, noting what they left untouched. */
  readonly update = (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
    const from = document.version;
    let head = Infinity;
    let tail = Infinity;
    for (const change of changes) {
      const length = document.getText().length;
      if ('range' in change) {
        const start = document.offsetAt(change.range.start);
        const end = document.offsetAt(change.range.end);
        head = Math.min(head, start, end);
        tail = Math.min(tail, length - Math.max(start, end));
      } else {
        head = tail = 0;
      }
      // One at a time: each change's range is in the text the change before it left.
      document = TextDocument.update(document, [change], version);
    }
    const updated = TextDocument.update(document, [], version);
    const length = updated.getText().length;
    const steps = this.steps.get(updated.uri) ?? [];
    steps.push({ from, to: version, head: Math.min(head, length), tail: Math.min(tail, length) });
    if (steps.length > KEPT_STEPS) steps.shift();
    this.steps.set(updated.uri, steps);
    return updated;
  };

  /**
   * Start and end lengths that certainly did not change from one version to a later one; both 0
   * when the edits between them are not all known.
   */
  unchanged(uri: string, from: number, to: number): UnchangedEnds {
    const steps = this.steps.get(uri) ?? [];
    let head = Infinity;
    let tail = Infinity;
    let reached = to;
    for (let i = steps.length - 1; i >= 0 && reached !== from; i--) {
      const step = steps[i];
      if (step.to !== reached) continue;
      head = Math.min(head, step.head);
      tail = Math.min(tail, step.tail);
      reached = step.from;
    }
    return reached === from && from !== to ? { head, tail } : { head: 0, tail: 0 };
  }

  forget(uri: string): void {
    this.steps.delete(uri);
  }
}
