import type { CodeAction, Position, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { UnchangedEnds } from './editLog';
import { commonEnds } from './stringDelta';

/**
 * Positions between an earlier version of a document (the one last linted) and the current one,
 * so that hover and code actions answer at once from the last results while a newer lint runs.
 * The versions are compared by their common start and end: what lies between is the edit, and
 * nothing inside it is carried across.
 */
export class VersionBridge {
  private constructor(
    private readonly earlier: TextDocument,
    private readonly current: TextDocument,
    /** Length of the common start. */
    private readonly head: number,
    /** Length of the common end. */
    private readonly tail: number,
  ) {}

  /**
   * `known` are lengths of start and end already known to be the same in both versions (from the
   * edits between them): only the rest is compared, and the result is the same as without them.
   */
  static between(earlier: TextDocument, current: TextDocument, known: UnchangedEnds = { head: 0, tail: 0 }): VersionBridge {
    const { head, tail } = commonEnds(earlier.getText(), current.getText(), known);
    return new VersionBridge(earlier, current, head, tail);
  }

  /** The position in the earlier version of a current position outside the edit. */
  toEarlier(position: Position): Position | undefined {
    const carried = this.carry(this.current.offsetAt(position), this.current, this.earlier, false);
    return carried && this.earlier.positionAt(carried.offset);
  }

  /** The current range of an earlier range that lies wholly before or wholly after the edit. */
  toCurrent(range: Range): Range | undefined {
    // At the edit's place, a range that starts there follows it, and one that ends there precedes it.
    const start = this.carry(this.earlier.offsetAt(range.start), this.earlier, this.current, true);
    const end = this.carry(this.earlier.offsetAt(range.end), this.earlier, this.current, false);
    if (!start || !end || (start.after !== end.after && !this.unchanged)) return undefined;
    return { start: this.current.positionAt(start.offset), end: this.current.positionAt(end.offset) };
  }

  private get unchanged(): boolean {
    return this.earlier.getText().length === this.current.getText().length && this.head + this.tail === this.current.getText().length;
  }

  private carry(offset: number, from: TextDocument, to: TextDocument, preferAfter: boolean): { offset: number; after: boolean } | undefined {
    const fromLength = from.getText().length;
    const before = offset <= this.head;
    const after = offset >= fromLength - this.tail;
    if (after && (preferAfter || !before)) return { offset: offset + to.getText().length - fromLength, after: true };
    if (before) return { offset, after: false };
    return undefined;
  }
}

/** A code action computed on the earlier version, with every range carried to the current one; undefined when one falls in the edit. */
export function carryCodeAction(action: CodeAction, bridge: VersionBridge, current: TextDocument): CodeAction | undefined {
  const edits = (list: TextEdit[]) => {
    const carried = list.map((edit) => ({ ...edit, range: bridge.toCurrent(edit.range) }));
    return carried.every((edit): edit is TextEdit => edit.range !== undefined) ? carried : undefined;
  };
  let edit: WorkspaceEdit | undefined;
  if (action.edit?.documentChanges) {
    const changes = action.edit.documentChanges.map((change) => {
      if (!('edits' in change)) return undefined;
      const carried = edits(change.edits as TextEdit[]);
      return carried && { textDocument: { uri: current.uri, version: current.version }, edits: carried };
    });
    if (changes.some((change) => change === undefined)) return undefined;
    edit = { documentChanges: changes as TextDocumentEdit[] };
  } else if (action.edit?.changes) {
    const entries = Object.entries(action.edit.changes).map(([uri, list]) => [uri, edits(list)] as const);
    if (entries.some(([, list]) => list === undefined)) return undefined;
    edit = { changes: Object.fromEntries(entries) as Record<string, TextEdit[]> };
  }
  const diagnostics = action.diagnostics?.flatMap((diagnostic) => {
    const range = bridge.toCurrent(diagnostic.range);
    return range ? [{ ...diagnostic, range }] : [];
  });
  return { ...action, ...(edit ? { edit } : {}), ...(diagnostics ? { diagnostics } : {}) };
}
