/**
 * What the memory knows of one text: its own copy of the text and each analysis's result. A block
 * and each of its sentences carry theirs, so an analysis of them finds its result without looking
 * the text up; the memory looks up by text only what comes without (a part, a stretch, a heading).
 */
export class TextFacts {
  /** Owner, result, owner, result…: a text has a few dozen analyses at most, which a scan finds fastest. */
  private readonly results: unknown[] = [];
  /** Facts of the texts cut from this one (a part's prose holds its blocks), by where they start and end in it. */
  private within: Map<number, TextFacts> | undefined;
  /** The last lint that asked for these facts by their text, or for a text cut from it. */
  used = 0;

  constructor(readonly text: string) {}

  result(owner: object): unknown {
    const results = this.results;
    for (let i = 0; i < results.length; i += 2) if (results[i] === owner) return results[i + 1];
    return NOT_RUN;
  }

  remember(owner: object, value: unknown): void {
    const results = this.results;
    for (let i = 0; i < results.length; i += 2) {
      if (results[i] === owner) {
        results[i + 1] = value;
        return;
      }
    }
    results.push(owner, value);
  }

  cut(start: number, end: number): TextFacts | undefined {
    return this.within?.get(start * CUT_SCALE + end);
  }

  keepCut(start: number, end: number, facts: TextFacts): void {
    (this.within ??= new Map()).set(start * CUT_SCALE + end, facts);
  }
}

/** Offsets up to this fit two to a key, the start scaled by it: a text cut from longer ones is looked up by its own text. */
const CUT_SCALE = 2 ** 26;

/** What `result` gives for an analysis not yet run on the text. */
const NOT_RUN: unique symbol = Symbol('not run');

/**
 * Analyses of one document's texts, kept from one version to the next: an edited report keeps
 * almost all of them. Texts a lint did not ask for are dropped after it, with what was found in
 * them, so the memory holds about one version's worth of text.
 */
export class TextMemory {
  private readonly facts = new Map<string, TextFacts>();
  /** What analyses of the whole document keep from one lint to the next, by analysis. */
  private readonly states = new Map<object, unknown>();
  /** Counts the lints: each text's facts note the last one that asked for them. */
  private lint = 0;

  /** The facts of a text, made on first use; their text is the memory's own copy, so a key never keeps an old version alive. */
  factsOf(text: string): TextFacts {
    let known = this.facts.get(text);
    if (!known) this.facts.set((known = new TextFacts(ownCopy(text))).text, known);
    known.used = this.lint;
    return known;
  }

  /** The facts of the text between two offsets of a remembered one, found through it: the text is cut and looked up only the first time. */
  factsWithin(outer: TextFacts, start: number, end: number): TextFacts {
    if (end >= CUT_SCALE) return this.factsOf(outer.text.slice(start, end));
    let known = outer.cut(start, end);
    if (known) {
      // Dropped from the memory after a lint that did not ask for it: back in, where others may find it by its text.
      if (known.used < this.lint - 1 && !this.facts.has(known.text)) this.facts.set(known.text, known);
      known.used = this.lint;
    } else {
      outer.keepCut(start, end, (known = this.factsOf(outer.text.slice(start, end))));
    }
    return known;
  }

  /** What one analysis keeps of the whole document between lints, made on first use. */
  state<T>(owner: object, create: () => T): T {
    let state = this.states.get(owner) as T | undefined;
    if (state === undefined) this.states.set(owner, (state = create()));
    return state;
  }

  /** Forget the texts the lint that just ended did not ask for. */
  settle(): void {
    // forEach: no entry array is made for each of thousands of texts.
    this.facts.forEach((known, text) => {
      if (known.used !== this.lint) this.facts.delete(text);
    });
    this.lint++;
  }

  /** A lint stopped part way: keep what it used beside what the last finished lint used. */
  keepBoth(): void {
    this.lint++;
  }
}

/**
 * Facts for a text the memory does not look up (a sentence of a block): they live as long as what
 * holds them. None without a memory.
 */
export function looseFacts(text: string): TextFacts | undefined {
  return active ? new TextFacts(text) : undefined;
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
 * An analysis's result for a text, from the facts given (or the text's), computed and kept on first
 * use. What the analysis also reads is passed through, not closed over, so a result found makes nothing.
 */
function recall<A, T>(memory: TextMemory, owner: object, text: string, facts: TextFacts | undefined, compute: (text: string, derived: A) => T, derived: A): T {
  const known = facts ?? memory.factsOf(text);
  const value = known.result(owner);
  if (value !== NOT_RUN) return value as T;
  const computed = compute(known.text, derived);
  known.remember(owner, computed);
  return computed;
}

/**
 * A pure analysis of a text, remembered by that text while a document with a memory is linted
 * (in the editor) and simply computed otherwise. `facts`, when the caller has them, are the
 * text's. Results are shared: callers must not change them.
 */
export function memoByText<T>(compute: (text: string) => T): (text: string, facts?: TextFacts) => T {
  const owner = {};
  return (text, facts) => (active ? recall(active, owner, text, facts, compute, undefined) : compute(text));
}

/**
 * As memoByText, for an analysis that also reads something already derived from the same text (its
 * words), passed in so it is not derived twice. That must depend on the text alone.
 */
export function memoByTextWith<A, T>(compute: (text: string, derived: A) => T): (text: string, derived: A, facts?: TextFacts) => T {
  const owner = {};
  return (text, derived, facts) => (active ? recall(active, owner, text, facts, compute, derived) : compute(text, derived));
}

/** The facts of a text, while a document with a memory is linted. */
export function factsOf(text: string): TextFacts | undefined {
  return active?.factsOf(text);
}

/** The facts of the text between two offsets of one whose facts are known, while a document with a memory is linted. */
export function factsWithin(outer: TextFacts | undefined, start: number, end: number): TextFacts | undefined {
  return active && outer ? active.factsWithin(outer, start, end) : undefined;
}

// Not frozen: V8 iterates a frozen array with for…of through its slow path, making an object per step.
// The readonly type keeps it empty.
const NOTHING: readonly never[] = [];

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
 * memory is edited the counts are kept, and only the texts between the first and the last that
 * differ from the last lint's are read, so the document's values are known without reading every
 * block. `values` must depend on the text alone. Texts are kept as given: pass the memory's own
 * copies (a block's text), which are also compared fastest.
 */
export function countsOver<A>(values: (text: string, derived: A) => readonly string[]): (texts: readonly (readonly [string, A])[]) => TextCounts {
  const owner = {};
  return (texts) => {
    const state = documentState(owner, () => ({ linted: false, texts: [] as string[], values: [] as (readonly string[])[], counts: new Map<string, number>() }));
    if (!state) {
      const present = new Set<string>();
      for (const [text, derived] of texts) for (const value of values(text, derived)) present.add(value);
      return { has: (value) => present.has(value), changed: undefined };
    }
    const { counts, texts: before } = state;
    // The texts an edit left alone, at the start and the end: the same strings as the last lint's.
    let head = 0;
    while (head < texts.length && head < before.length && texts[head][0] === before[head]) head++;
    let tail = 0;
    while (tail < texts.length - head && tail < before.length - head && texts[texts.length - 1 - tail][0] === before[before.length - 1 - tail]) tail++;
    const changed = new Set<string>();
    const add = (list: readonly string[], by: number) => {
      for (const value of list) {
        const was = counts.get(value) ?? 0;
        const now = was + by;
        if (now === 0) counts.delete(value);
        else counts.set(value, now);
        if ((was === 0) !== (now === 0)) changed.add(value);
      }
    };
    for (let i = head; i < before.length - tail; i++) add(state.values[i], -1);
    const added: (readonly string[])[] = [];
    for (let i = head; i < texts.length - tail; i++) {
      const found = values(texts[i][0], texts[i][1]);
      added.push(found);
      add(found, 1);
    }
    state.values = [...state.values.slice(0, head), ...added, ...state.values.slice(before.length - tail)];
    state.texts = texts.map(([text]) => text);
    const first = !state.linted;
    state.linted = true;
    return { has: (value) => counts.has(value), changed: first ? undefined : changed };
  };
}

/** Contexts an analysis is remembered under at once: a document's facts change seldom between two versions. */
const CONTEXTS_KEPT = 4;

/**
 * As memoByTextWith, for an analysis that also reads facts of the whole document (the phrases it
 * compares), which `context` names exactly: remembered by the text under each of the last few
 * contexts, so a block is analysed again only when its text or those facts changed. `context` is
 * asked for only while a document with a memory is linted.
 */
export function memoByTextIn<A, T>(compute: (text: string, derived: A) => T): (context: () => string) => (text: string, derived: A, facts?: TextFacts) => T {
  const owner = {};
  // Each context named by a token, compared by identity block after block: the last few used, the oldest first.
  const tokens = new Map<string, object>();
  const live = new Set<object>();
  return (context) => {
    if (!active) return compute;
    const key = context();
    let token = tokens.get(key);
    if (token) tokens.delete(key);
    else token = {};
    tokens.set(key, token);
    if (tokens.size > CONTEXTS_KEPT) {
      const oldest = tokens.keys().next().value as string;
      live.delete(tokens.get(oldest)!);
      tokens.delete(oldest);
    }
    live.add(token);
    const memory = active;
    const current = token;
    return (text, derived, facts) => {
      const known = facts ?? memory.factsOf(text);
      // Token, result, token, result…: the latest first.
      const found = known.result(owner);
      const byContext = found === NOT_RUN ? undefined : (found as unknown[]);
      if (byContext) for (let i = 0; i < byContext.length; i += 2) if (byContext[i] === current) return byContext[i + 1] as T;
      const value = compute(known.text, derived);
      const next: unknown[] = [current, value];
      // Results under a context no longer among the last few used are dropped.
      if (byContext) for (let i = 0; i < byContext.length; i += 2) if (live.has(byContext[i] as object)) next.push(byContext[i], byContext[i + 1]);
      known.remember(owner, next);
      return value;
    };
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
