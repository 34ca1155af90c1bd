import { describe, expect, it } from 'vitest';
import { LONGEST_WAIT_MS, START_AT_ONCE_BELOW_MS, TypingWait, waitAfterEdit } from '../../server/src/lsp/typingWait';

describe('the wait after a keystroke, sized by the last lint', () => {
  it('is none for a document never linted after an edit, or whose lint was quick', () => {
    expect(waitAfterEdit(undefined)).toBe(0);
    expect(waitAfterEdit(0)).toBe(0);
    expect(waitAfterEdit(12)).toBe(0);
    expect(waitAfterEdit(START_AT_ONCE_BELOW_MS - 0.1)).toBe(0);
    expect(waitAfterEdit(Number.NaN)).toBe(0);
  });

  it('is as long as a slow lint took, up to the longest wait', () => {
    expect(waitAfterEdit(START_AT_ONCE_BELOW_MS)).toBe(START_AT_ONCE_BELOW_MS);
    expect(waitAfterEdit(120.4)).toBe(120);
    expect(waitAfterEdit(LONGEST_WAIT_MS - 1)).toBe(LONGEST_WAIT_MS - 1);
    expect(waitAfterEdit(1500)).toBe(LONGEST_WAIT_MS);
    expect(waitAfterEdit(Number.POSITIVE_INFINITY)).toBe(LONGEST_WAIT_MS);
  });

  it('follows each document’s own last lint, and starts again when the document is closed', () => {
    const wait = new TypingWait();
    const slow = 'file:///slow.md';
    const quick = 'file:///quick.md';
    wait.linted(slow, 300);
    wait.linted(quick, 8);
    expect(wait.after(slow)).toBe(300);
    expect(wait.after(quick)).toBe(0);
    // An edit made the slow document's lint quick (its parts were reused): no more waiting.
    wait.linted(slow, 20);
    expect(wait.after(slow)).toBe(0);
    wait.linted(slow, 900);
    expect(wait.after(slow)).toBe(LONGEST_WAIT_MS);
    wait.forget(slow);
    expect(wait.after(slow)).toBe(0);
    expect(wait.after(quick)).toBe(0);
  });

  it('is the client’s fixed wait when it set one, whatever the lints took', () => {
    const wait = new TypingWait(150);
    const uri = 'file:///report.md';
    expect(wait.after(uri)).toBe(150);
    wait.linted(uri, 5);
    expect(wait.after(uri)).toBe(150);
    wait.linted(uri, 2000);
    expect(wait.after(uri)).toBe(150);
    expect(new TypingWait(0).after(uri)).toBe(0);
  });
});
