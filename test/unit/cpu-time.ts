import type { DocumentModel, LintSettings, Rule } from '../../server/src/core/types';

/**
 * Milliseconds of CPU this process spent running `run`. Unlike the wall clock it does not grow
 * while other processes hold the cores, so two sizes compared on a busy machine still compare.
 */
export function cpuTime(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

/** The least CPU time of several runs: a collector pause only ever adds time. */
export function leastCpuTime(run: () => unknown, runs = 3): number {
  return Math.min(...Array.from({ length: runs }, () => cpuTime(run)));
}

/** One rule over a built model, with its default options, its reports dropped. */
export function checkRule(rule: Rule, model: DocumentModel, settings: LintSettings): void {
  const options = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([name, schema]) => [name, schema.default]));
  // A copy of the settings: summaries remembered per model and settings are worked out again on every run.
  rule.check({ model, options, settings: { ...settings }, report: () => undefined, overBudget: () => false });
}
