import { attr, child, descendants, val, type XmlElement } from './xml';

export interface NumberingRef {
  numId: string;
  /** Undefined when a style's numbering leaves the level to the numbering's own w:pStyle link. */
  ilvl: number | undefined;
  styleId?: string;
}

export interface ParagraphStyle {
  id: string;
  name: string;
  basedOn: string | undefined;
  outlineLevel: number | undefined;
  numbering: NumberingRef | undefined;
}

/** Paragraph styles by id, with what they inherit resolved on demand. */
export class Styles {
  private readonly byId = new Map<string, ParagraphStyle>();
  /** Numbering styles (w:type="numbering") name a num through their numPr. */
  readonly numberingStyleNum = new Map<string, string>();

  constructor(root: XmlElement | undefined) {
    if (!root) return;
    for (const style of descendants(root, 'w:style')) {
      const id = attr(style, 'w:styleId');
      if (!id) continue;
      const pPr = child(style, 'w:pPr');
      const numPr = child(pPr, 'w:numPr');
      const numId = val(numPr, 'w:numId');
      if (attr(style, 'w:type') === 'numbering') {
        if (numId) this.numberingStyleNum.set(id, numId);
        continue;
      }
      if (attr(style, 'w:type') !== 'paragraph') continue;
      const outline = val(pPr, 'w:outlineLvl');
      this.byId.set(id, {
        id,
        name: val(style, 'w:name') ?? id,
        basedOn: val(style, 'w:basedOn'),
        outlineLevel: outline === undefined ? undefined : Number(outline),
        numbering: numId === undefined ? undefined : { numId, ilvl: optionalNumber(val(numPr, 'w:ilvl')), styleId: id },
      });
    }
  }

  get(id: string | undefined): ParagraphStyle | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** The style and those it is based on, nearest first (cycles cut). */
  private chain(id: string | undefined): ParagraphStyle[] {
    const out: ParagraphStyle[] = [];
    const seen = new Set<string>();
    for (let style = this.get(id); style && !seen.has(style.id); style = this.get(style.basedOn)) {
      seen.add(style.id);
      out.push(style);
    }
    return out;
  }

  /** Heading level 1…9 a style gives its paragraphs: its outline level, or a "heading N" name, own or inherited. */
  headingLevel(id: string | undefined): number | undefined {
    for (const style of this.chain(id)) {
      if (style.outlineLevel !== undefined) return style.outlineLevel < 9 ? style.outlineLevel + 1 : undefined;
      const named = /^heading\s*([1-9])$/i.exec(style.name);
      if (named) return Number(named[1]);
    }
    return undefined;
  }

  numbering(id: string | undefined): NumberingRef | undefined {
    for (const style of this.chain(id)) if (style.numbering) return { ...style.numbering, styleId: id };
    return undefined;
  }

  isTitle(id: string | undefined): boolean {
    return this.chain(id).some((style) => /^title$/i.test(style.name));
  }
}

function optionalNumber(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}
