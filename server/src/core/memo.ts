/**
 * A pure function of a text, remembered by that text: an edited report keeps almost all of its
 * sentences and blocks, so the next lint finds their analyses here. Results are shared, so callers
 * must not change them. Bounded by the total length of the texts remembered.
 */
export function memoByText<T>(compute: (text: string) => T, maxChars = 12_000_000): (text: string) => T {
  let memo = new Map<string, T>();
  let chars = 0;
  return (text) => {
    if (memo.has(text)) return memo.get(text) as T;
    const result = compute(text);
    if (chars + text.length > maxChars) {
      memo = new Map();
      chars = 0;
    }
    memo.set(ownCopy(text), result);
    chars += text.length;
    return result;
  };
}

/** A copy that does not share storage with the document it was cut from, so a key never keeps an old version alive. */
function ownCopy(text: string): string {
  return text.length < 16 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}
