import { describe, expect, it } from 'vitest';
import { countsOver, memoByTextIn, TextMemory, withMemory } from '../../server/src/core/memo';

describe('memoByTextIn', () => {
  /** An analysis that counts its runs: the text's length plus the context's. */
  const counted = () => {
    const runs: string[] = [];
    const find = memoByTextIn((text: string, context: string) => {
      runs.push(`${context}:${text}`);
      return text.length + context.length;
    });
    return { runs, find };
  };

  it('analyses a text again only when the text or its context changed', () => {
    const { runs, find } = counted();
    const memory = new TextMemory();
    const lint = (context: string, texts: string[]) => withMemory(memory, () => texts.map((text) => find(() => context)(text, context)));
    expect(lint('a', ['one', 'two'])).toEqual([4, 4]);
    expect(lint('a', ['one', 'two', 'three'])).toEqual([4, 4, 6]);
    expect(lint('bb', ['one'])).toEqual([5]);
    // Back to the first context: its analyses of "one" were not used by the last lint, so they went.
    expect(lint('a', ['one'])).toEqual([4]);
    expect(runs).toEqual(['a:one', 'a:two', 'a:three', 'bb:one', 'a:one']);
  });

  it('does not ask for the context without a memory, and analyses each time', () => {
    const { runs, find } = counted();
    const context = () => {
      throw new Error('the context was asked for');
    };
    expect(find(context)('one', 'a')).toBe(4);
    expect(find(context)('one', 'a')).toBe(4);
    expect(runs).toEqual(['a:one', 'a:one']);
  });
});

describe('countsOver', () => {
  /** Each text gives its words, each once; the texts read are recorded. */
  const counted = () => {
    const read: string[] = [];
    const count = countsOver((text: string) => {
      read.push(text);
      return [...new Set(text.split(' '))];
    });
    return { read, count: (texts: string[]) => count(texts.map((text) => [text, undefined] as const)) };
  };

  it('reads only the texts added since the last lint, and names the values that came or went', () => {
    const { read, count } = counted();
    const memory = new TextMemory();
    const first = withMemory(memory, () => count(['a b', 'b c', 'a b']));
    expect(first.changed).toBeUndefined();
    expect(['a', 'b', 'c', 'd'].map((value) => first.has(value))).toEqual([true, true, true, false]);
    // One "a b" goes, "b c" becomes "b d": "c" went, "d" came, "a" and "b" are still given by some text.
    const second = withMemory(memory, () => count(['a b', 'b d']));
    expect(['a', 'b', 'c', 'd'].map((value) => second.has(value))).toEqual([true, true, false, true]);
    expect([...second.changed!].sort()).toEqual(['c', 'd']);
    const third = withMemory(memory, () => count(['b d']));
    expect(third.has('a')).toBe(false);
    expect([...third.changed!]).toEqual(['a']);
    expect(read).toEqual(['a b', 'b c', 'b d']);
  });

  it('counts every text each time without a memory', () => {
    const { read, count } = counted();
    expect(count(['a b']).has('b')).toBe(true);
    expect(count(['a b']).changed).toBeUndefined();
    expect(read).toEqual(['a b', 'a b']);
  });
});
