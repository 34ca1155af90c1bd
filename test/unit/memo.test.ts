import { describe, expect, it } from 'vitest';
import { countsOver, factsOf, factsWithin, looseFacts, memoByText, memoByTextIn, TextMemory, withMemory } from '../../server/src/core/memo';

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
    // Back to the first context: "one" was asked for by every lint, so its analysis under "a" is still there.
    expect(lint('a', ['one'])).toEqual([4]);
    // "two" was not asked for by the lint before last, so it went with what was found in it.
    expect(lint('a', ['two'])).toEqual([4]);
    expect(runs).toEqual(['a:one', 'a:two', 'a:three', 'bb:one', 'a:two']);
  });

  it('keeps a text\'s analyses under the last four contexts only', () => {
    const { runs, find } = counted();
    const memory = new TextMemory();
    const lint = (context: string) => withMemory(memory, () => find(() => context)('one', context));
    for (const context of ['a', 'b', 'c', 'd', 'a', 'e', 'b', 'a', 'c']) lint(context);
    // "a" was used again before "e" came, so "b" was the oldest then, and "c" when "b" came back.
    expect(runs).toEqual(['a:one', 'b:one', 'c:one', 'd:one', 'e:one', 'b:one', 'c:one']);
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
    // The first lint reads every text; later ones only those between the first and last that changed.
    expect(read).toEqual(['a b', 'b c', 'a b', 'b d']);
  });

  it('counts every text each time without a memory', () => {
    const { read, count } = counted();
    expect(count(['a b']).has('b')).toBe(true);
    expect(count(['a b']).changed).toBeUndefined();
    expect(read).toEqual(['a b', 'a b']);
  });
});

describe('facts of a text', () => {
  it('keep an analysis of the text from one lint to the next, as long as a lint asks for them', () => {
    const runs: string[] = [];
    const length = memoByText((text: string) => {
      runs.push(text);
      return text.length;
    });
    const memory = new TextMemory();
    const lint = (texts: string[]) => withMemory(memory, () => texts.map((text) => length(text, factsOf(text))));
    expect(lint(['one', 'three'])).toEqual([3, 5]);
    expect(lint(['one'])).toEqual([3]);
    expect(lint(['three', 'one'])).toEqual([5, 3]);
    expect(runs).toEqual(['one', 'three', 'three']);
  });

  it('of a text cut from another are found through it, and shared with those looked up by text', () => {
    const memory = new TextMemory();
    const outer = withMemory(memory, () => looseFacts('abc def'))!;
    const cut = withMemory(memory, () => {
      const found = factsWithin(outer, 4, 7)!;
      expect(found.text).toBe('def');
      expect(factsOf('def')).toBe(found);
      return found;
    });
    expect(withMemory(memory, () => factsWithin(outer, 4, 7))).toBe(cut);
    // A lint that does not ask for it drops it from the memory; the text it was cut from still holds it, and puts it back.
    withMemory(memory, () => factsOf('other'));
    withMemory(memory, () => {
      expect(factsWithin(outer, 4, 7)).toBe(cut);
      expect(factsOf('def')).toBe(cut);
    });
  });

  it('are none without a memory', () => {
    expect(looseFacts('abc')).toBeUndefined();
    expect(factsOf('abc')).toBeUndefined();
  });
});
