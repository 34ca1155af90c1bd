/** Spans longer than this are few (a whole section, the whole document): they are checked one by one. */
const LONG_SPAN = 4096;

/**
 * Which of many spans hold an offset, without looking at them all: short spans are sorted by start,
 * so only those starting within LONG_SPAN before the offset are looked at. Answers keep the order
 * the spans were given in.
 */
export class SpanIndex {
  /** Indices of the short spans, by start. */
  private readonly byStart: Int32Array;
  private readonly starts: Float64Array;
  private readonly long: number[] = [];

  constructor(private readonly spans: readonly { start: number; end: number }[]) {
    const short: number[] = [];
    spans.forEach((span, index) => (span.end - span.start > LONG_SPAN ? this.long : short).push(index));
    short.sort((a, b) => spans[a].start - spans[b].start);
    this.byStart = Int32Array.from(short);
    this.starts = Float64Array.from(short, (index) => spans[index].start);
  }

  /** Indices of the spans with start ≤ offset ≤ end, ascending. */
  holding(offset: number): number[] {
    return this.overlapping(offset, offset);
  }

  /** Indices of the spans with start ≤ to and end ≥ from, ascending. */
  overlapping(from: number, to: number): number[] {
    const found = this.long.filter((index) => this.spans[index].start <= to && from <= this.spans[index].end);
    for (let i = this.firstStartAtOrAfter(from - LONG_SPAN); i < this.starts.length && this.starts[i] <= to; i++) {
      const index = this.byStart[i];
      if (from <= this.spans[index].end) found.push(index);
    }
    return found.sort((a, b) => a - b);
  }

  private firstStartAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
