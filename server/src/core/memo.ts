/**
 * Analyses of one document's sentences and blocks, kept from one version to the next: an edited
 * report keeps almost all of them. What a lint did not ask for is dropped after it, so the memory
 * holds about one version's worth of text.
 */
export class TextMemory {
  private readonly entries = new Map<object, Map<string, { value: unknown; used: number }>>();
  /** What analyses of the whole document keep from one lint to the next, by analysis. */
  private readonly states = new Map<object, unknown>();
  /** The memory's own copy of each text it was asked to keep, and the last lint that asked. */
  private readonly copies = new Map<string, { copy: string; used: number }>();
  /** Counts the lints: each entry notes the last one that asked for it. */
  private lint = 0;

  /** The memory's own copy of a text: analyses that look it up compare one string with itself, not two alike. */
  copyOf(text: string): string {
    const known = this.copies.get(text);
    if (known) {
      known.used = this.lint;
      return known.copy;
    }
    const copy = ownCopy(text);
    this.copies.set(copy, { copy, used: this.lint });
    return copy;
  }

  recall<T>(owner: object, text: string, compute: (text: string) => T): T {
    let known = this.entries.get(owner);
    if (!known) this.entries.set(owner, (known = new Map()));
    const entry = known.get(text);
    if (entry) {
      entry.used = this.lint;
      return entry.value as T;
    }
    const value = compute(text);
    // A text the memory already keeps a copy of is kept once, whichever analyses remember it.
    known.set(this.copies.get(text)?.copy ?? ownCopy(text), { value, used: this.lint });
    return value;
  }

  /** What one analysis keeps of the whole document between lints, made on first use. */
  state<T>(owner: object, create: () => T): T {
    let state = this.states.get(owner) as T | undefined;
    if (state === undefined) this.states.set(owner, (state = create()));
    return state;
  }

  /** Forget what the lint that just ended did not use. */
  settle(): void {
    for (const known of this.entries.values()) {
      for (const [key, entry] of known) if (entry.used !== this.lint) known.delete(key);
    }
    for (const [owner, known] of this.entries) if (known.size === 0) this.entries.delete(owner);
    for (const [text, known] of this.copies) if (known.used !== this.lint) this.copies.delete(text);
    this.lint++;
  }

  /** A lint stopped part way: keep what it used beside what the last finished lint used. */
  keepBoth(): void {
    this.lint++;
  }
}

let active: TextMemory | undefined;

/** Is a document with a memory being linted (an editor's), rather than one read once (the command line's)? */
export function remembering(): boolean {
  return active !== undefined;
}

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
 * As memoByText, for an analysis that also reads something already derived from the same text (its
 * words), passed in so it is not derived twice. That must depend on the text alone.
 */
export function memoByTextWith<A, T>(compute: (text: string, derived: A) => T): (text: string, derived: A) => T {
  const owner = {};
  return (text, derived) => (active ? active.recall(owner, text, (known) => compute(known, derived)) : compute(text, derived));
}

/** A block's text as the memory keeps it, while a document with a memory is linted. */
export function sharedText(text: string): string {
  return active ? active.copyOf(text) : text;
}

const NOTHING: readonly never[] = Object.freeze([]);

/** A list to remember: every empty one is the same list, so a memory of mostly empty lists holds little. */
export function kept<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? NOTHING : list;
}

/** What an analysis of the whole document keeps between its lints while it is edited; undefined without a memory. */
export function documentState<T>(owner: object, create: () => T): T | undefined {
  return active?.state(owner, create);
}

/** How many of a document's texts give each value, and which values appeared or went since its last lint. */
export interface TextCounts {
  has(value: string): boolean;
  /** Values that appeared or went since the document's last lint; undefined when it was not linted before (or has no memory). */
  readonly changed: ReadonlySet<string> | undefined;
}

/**
 * The values a document's texts (its blocks) give, counted over them. While a document with a
 * memory is edited the counts are kept, and only the texts added or gone since the last lint are
 * read, so the document's values are known without reading every block. `values` must depend on
 * the text alone.
 */
export function countsOver<A>(values: (text: string, derived: A) => readonly string[]): (texts: Iterable<readonly [string, A]>) => TextCounts {
  const owner = {};
  return (texts) => {
    const state = documentState(owner, () => ({ linted: false, texts: new Map<string, { key: string; count: number; values: readonly string[] }>(), counts: new Map<string, number>() }));
    if (!state) {
      const present = new Set<string>();
      for (const [text, derived] of texts) for (const value of values(text, derived)) present.add(value);
      return { has: (value) => present.has(value), changed: undefined };
    }
    const now = new Map<string, { key: string; count: number; values: readonly string[] }>();
    for (const [text, derived] of texts) {
      const entry = now.get(text);
      if (entry) {
        entry.count++;
        continue;
      }
      // A text counted before keeps its copy; a new one is copied once.
      const before = state.texts.get(text);
      const key = before?.key ?? ownCopy(text);
      now.set(key, { key, count: 1, values: before?.values ?? values(text, derived) });
    }
    const { counts } = state;
    const changed = new Set<string>();
    const add = (list: readonly string[], by: number) => {
      for (const value of list) {
        const before = counts.get(value) ?? 0;
        const after = before + by;
        if (after === 0) counts.delete(value);
        else counts.set(value, after);
        if ((before === 0) !== (after === 0)) changed.add(value);
      }
    };
    for (const [text, entry] of now) {
      const before = state.texts.get(text)?.count ?? 0;
      if (entry.count !== before) add(entry.values, entry.count - before);
    }
    for (const [text, entry] of state.texts) if (!now.has(text)) add(entry.values, -entry.count);
    state.texts = now;
    const first = !state.linted;
    state.linted = true;
    return { has: (value) => counts.has(value), changed: first ? undefined : changed };
  };
}

/** Contexts an analysis is remembered under at once: a document's facts change seldom between two versions. */
const CONTEXTS_KEPT = 4;

/**
 * As memoByTextWith, for an analysis that also reads facts of the whole document (the phrases it
 * compares), which `context` names exactly: remembered by the text under each context, so a block
 * is analysed again only when its text or those facts changed. `context` is asked for only while
 * a document with a memory is linted.
 */
export function memoByTextIn<A, T>(compute: (text: string, derived: A) => T): (context: () => string) => (text: string, derived: A) => T {
  const owners = new Map<string, object>();
  return (context) => {
    if (!active) return compute;
    const key = context();
    let owner = owners.get(key);
    if (owner) owners.delete(key);
    else owner = {};
    // The context used last is kept last; the oldest goes first.
    owners.set(key, owner);
    if (owners.size > CONTEXTS_KEPT) owners.delete(owners.keys().next().value as string);
    const memory = active;
    const known = owner;
    return (text, derived) => memory.recall(known, text, (copy) => compute(copy, derived));
  };
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
