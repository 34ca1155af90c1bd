import { expect } from 'vitest';
import { leastCpuTime } from './cpu-time';

/**
 * Ten times the input must take about ten times as long, not a hundred: compares a small and a
 * large run instead of an absolute time, with a margin for timer noise. CPU times, so other processes do not add to them.
 */
export function expectLinear(run: (size: number) => unknown, small = 5_000): void {
  run(small);
  const base = leastCpuTime(() => run(small));
  const large = leastCpuTime(() => run(small * 10));
  expect(large).toBeLessThan(base * 40 + 30);
}

/** Inputs that make careless patterns backtrack: long runs of one character or one word. */
export const ADVERSARIAL: Record<string, (size: number) => string> = {
  letters: (n) => 'a'.repeat(n),
  capitals: (n) => 'A'.repeat(n),
  digits: (n) => '1'.repeat(n),
  spaces: (n) => ' '.repeat(n) + 'x',
  dots: (n) => 'e.'.repeat(n / 2),
  words: (n) => 'ensure '.repeat(n / 7),
  passive: (n) => 'to be '.repeat(n / 6),
  bracket: (n) => '('.repeat(n / 2) + 'A'.repeat(n / 2),
  mixed: (n) => 'be amended by the end of '.repeat(n / 25),
  hyphens: (n) => 'a-'.repeat(n / 2),
  apostrophes: (n) => "a's ".repeat(n / 4),
};
