/**
 * Analyses of one document's sentences and blocks, kept from one version to the next: an edited
 * report keeps almost all of them. What a lint did not ask for is dropped after it, so the memory
 * holds about one version's worth of text.
 */
export class TextMemory {
  private previous = new Map<object, Map<string, { key: string; value: unknown }>>();
  private current = new Map<object, Map<string, { key: string; value: unknown }>>();

  recall<T>(owner: object, text: string, compute: (text: string) => T): T {
    let now = this.current.get(owner);
    if (!now) this.current.set(owner, (now = new Map()));
    let entry = now.get(text) ?? this.previous.get(owner)?.get(text);
    if (!entry) entry = { key: ownCopy(text), value: compute(text) };
    now.set(entry.key, entry);
    return entry.value as T;
  }

  /** Forget what the lint that just ended did not use. */
  settle(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** A lint stopped part way: keep what it used beside what the last finished lint used. */
  keepBoth(): void {
    for (const [owner, entries] of this.current) {
      let kept = this.previous.get(owner);
      if (!kept) this.previous.set(owner, (kept = new Map()));
      for (const [key, entry] of entries) kept.set(key, entry);
    }
    this.current = new Map();
  }
}

let active: TextMemory | undefined;

/** Run a lint with a document's memory: the analyses wrapped by memoByText are remembered in it. */
export function withMemory<T>(memory: TextMemory, run: () => T): T {
  const outer = active;
  active = memory;
  let finished = false;
  try {
    const result = run();
    finished = true;
    return result;
  } finally {
    active = outer;
    if (finished) memory.settle();
    else memory.keepBoth();
  }
}

/**
 * A pure analysis of a text, remembered by that text while a document with a memory is linted
 * (in the editor) and simply computed otherwise. Results are shared: callers must not change them.
 */
export function memoByText<T>(compute: (text: string) => T): (text: string) => T {
  const owner = {};
  return (text) => (active ? active.recall(owner, text, compute) : compute(text));
}

/**
 * A copy that does not share storage with the document it was cut from, so a key never keeps an
 * old version alive. Through a Buffer under Node; a browser (VS Code for the Web) has none, and
 * there JSON.parse builds a new string.
 */
function ownCopy(text: string): string {
  if (text.length < 16) return text;
  return typeof Buffer === 'function' ? Buffer.from(text, 'utf16le').toString('utf16le') : (JSON.parse(JSON.stringify(text)) as string);
}
