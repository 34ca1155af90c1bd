import type { NumberingRef, Styles } from './styles';
import { child, descendants, elements, attr, val, type XmlElement } from './xml';

/**
 * Word's automatic numbering, computed as Word shows it: mammoth keeps only "ordered or not", so
 * the numbers readers cite ("2.3", "b)", "(iv)") are worked out here from word/numbering.xml.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  /** Restart after a use of a level shallower than this (0-based count); undefined = any shallower level. */
  restartAfter: number | undefined;
  legal: boolean;
  /** A paragraph style that takes this level. */
  style: string | undefined;
}

interface Num {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, Level>;
}

export interface NumberLabel {
  /** The label as the reader sees it: "2.3.", "b)", "•". */
  text: string;
  /** The counter of the paragraph's own level. */
  value: number;
  level: number;
  format: string;
  /** A plain decimal list ("%1." or "%1)"): Markdown's own ordered list shows it the same. */
  simpleDecimal: boolean;
}

function readLevel(element: XmlElement): Level {
  const restart = val(element, 'w:lvlRestart');
  return {
    start: Number(val(element, 'w:start') ?? 1),
    format: val(element, 'w:numFmt') ?? 'decimal',
    text: val(element, 'w:lvlText') ?? '',
    restartAfter: restart === undefined ? undefined : Number(restart),
    legal: child(element, 'w:isLgl') !== undefined && val(element, 'w:isLgl') !== '0' && val(element, 'w:isLgl') !== 'false',
    style: val(element, 'w:pStyle'),
  };
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  /** An abstract numbering defined by a numbering style: the style id it links to. */
  private readonly styleLinks = new Map<string, string>();
  private readonly nums = new Map<string, Num>();
  /** Counters per abstract numbering: lists continue across other content, as in Word. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly seenNums = new Set<string>();

  constructor(root: XmlElement | undefined, private readonly styles: Styles) {
    if (!root) return;
    for (const abstract of descendants(root, 'w:abstractNum')) {
      const id = attr(abstract, 'w:abstractNumId') ?? '';
      const levels = new Map<number, Level>();
      for (const level of elements(abstract, 'w:lvl')) levels.set(Number(attr(level, 'w:ilvl') ?? 0), readLevel(level));
      this.abstracts.set(id, levels);
      const link = val(abstract, 'w:numStyleLink');
      if (link) this.styleLinks.set(id, link);
    }
    for (const num of descendants(root, 'w:num')) {
      const numId = attr(num, 'w:numId');
      const abstractId = val(num, 'w:abstractNumId');
      if (numId === undefined || abstractId === undefined) continue;
      const entry: Num = { abstractId, startOverrides: new Map(), levelOverrides: new Map() };
      for (const override of elements(num, 'w:lvlOverride')) {
        const ilvl = Number(attr(override, 'w:ilvl') ?? 0);
        const start = val(override, 'w:startOverride');
        if (start !== undefined) entry.startOverrides.set(ilvl, Number(start));
        const level = child(override, 'w:lvl');
        if (level) entry.levelOverrides.set(ilvl, readLevel(level));
      }
      this.nums.set(numId, entry);
    }
  }

  /** The abstract numbering a num uses, following a numbering style's link once. */
  private abstractOf(numId: string): string | undefined {
    const num = this.nums.get(numId);
    if (!num) return undefined;
    const link = this.styleLinks.get(num.abstractId);
    if (link === undefined) return num.abstractId;
    const linked = this.styles.numberingStyleNum.get(link);
    return linked === undefined ? undefined : this.nums.get(linked)?.abstractId;
  }

  private level(numId: string, abstractId: string, ilvl: number): Level | undefined {
    return this.nums.get(numId)?.levelOverrides.get(ilvl) ?? this.abstracts.get(abstractId)?.get(ilvl);
  }

  private levelOfStyle(abstractId: string, styleId: string | undefined): number {
    for (const [ilvl, level] of this.abstracts.get(abstractId) ?? []) if (styleId !== undefined && level.style === styleId) return ilvl;
    return 0;
  }

  /**
   * Advance the counters for a numbered paragraph, in document order, and return its label.
   * numId "0" (or one not defined) means "no numbering", as in Word.
   */
  next(styleRef: NumberingRef): NumberLabel | undefined {
    const abstractId = this.abstractOf(styleRef.numId);
    if (abstractId === undefined) return undefined;
    const ref = { numId: styleRef.numId, ilvl: styleRef.ilvl ?? this.levelOfStyle(abstractId, styleRef.styleId) };
    const own = this.level(ref.numId, abstractId, ref.ilvl);
    if (!own) return undefined;
    let counters = this.counters.get(abstractId);
    if (!counters) this.counters.set(abstractId, (counters = []));
    const num = this.nums.get(ref.numId)!;
    if (!this.seenNums.has(ref.numId)) {
      // A num with start overrides begins its list afresh the first time it is used.
      this.seenNums.add(ref.numId);
      if (num.startOverrides.size > 0) {
        counters.length = 0;
        for (const [ilvl, start] of num.startOverrides) counters[ilvl] = start - 1;
      }
    }
    const current = counters[ref.ilvl];
    counters[ref.ilvl] = current === undefined ? own.start : current + 1;
    for (let deeper = ref.ilvl + 1; deeper < 9; deeper++) {
      const level = this.level(ref.numId, abstractId, deeper);
      const restartAfter = level?.restartAfter;
      if (restartAfter === 0) continue;
      if (restartAfter === undefined || ref.ilvl < restartAfter) counters[deeper] = undefined;
    }
    const text = own.text.replace(/%([1-9])/g, (_whole, digit: string) => {
      const ilvl = Number(digit) - 1;
      const level = this.level(ref.numId, abstractId, ilvl);
      const value = counters![ilvl] ?? level?.start ?? 1;
      return formatNumber(value, own.legal && ilvl !== ref.ilvl ? 'decimal' : level?.format ?? 'decimal');
    });
    const value = counters[ref.ilvl]!;
    return {
      text: own.format === 'none' ? '' : text,
      value,
      level: ref.ilvl,
      format: own.format,
      simpleDecimal: own.format === 'decimal' && new RegExp(`^%${ref.ilvl + 1}[.)]$`).test(own.text),
    };
  }
}

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

function roman(value: number): string {
  let out = '';
  let rest = value;
  for (const [amount, digits] of ROMAN) {
    while (rest >= amount) {
      out += digits;
      rest -= amount;
    }
  }
  return out;
}

/** Word's letters go a … z, aa … zz, aaa …: the letter repeated, not base 26. */
function letters(value: number): string {
  const index = (value - 1) % 26;
  return String.fromCharCode(97 + index).repeat(Math.floor((value - 1) / 26) + 1);
}

export function formatNumber(value: number, format: string): string {
  if (value < 1 && format !== 'decimal' && format !== 'decimalZero') return String(value);
  switch (format) {
    case 'lowerLetter': return letters(value);
    case 'upperLetter': return letters(value).toUpperCase();
    case 'lowerRoman': return roman(value);
    case 'upperRoman': return roman(value).toUpperCase();
    case 'decimalZero': return value < 10 ? `0${value}` : String(value);
    case 'ordinal': return `${value}${ordinalSuffix(value)}`;
    case 'none': return '';
    default: return String(value);
  }
}

function ordinalSuffix(value: number): string {
  if (value % 100 >= 11 && value % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][value % 10] ?? 'th';
}
