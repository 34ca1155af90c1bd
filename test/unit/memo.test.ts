import { describe, expect, it } from 'vitest';
import { memoByTextIn, TextMemory, withMemory } from '../../server/src/core/memo';

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
