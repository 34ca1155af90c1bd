import { rules } from '../core/rules';
import { docsUrl } from '../core/rules/docs';
import { UsageError } from './files';
import type { Io } from './main';

/** `audit-lint rules`: every rule with its description and default severity. */
export function runRules(formatName: string | undefined, io: Io): number {
  if (formatName === 'json') {
    const list = rules.map((r) => ({
      id: r.meta.id,
      description: r.meta.description,
      category: r.meta.category,
      defaultSeverity: r.meta.defaultSeverity,
      fixable: r.meta.fixable,
      docs: docsUrl(r.meta.id),
    }));
    io.stdout.write(JSON.stringify(list, null, 2) + '\n');
    return 0;
  }
  if (formatName !== undefined && formatName !== 'stylish') throw new UsageError('audit-lint rules: --format must be json or stylish');
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  for (const r of rules) {
    io.stdout.write(`${r.meta.id.padEnd(width)}  ${r.meta.defaultSeverity.padEnd(7)}  ${r.meta.fixable ? 'fix' : '   '}  ${r.meta.description}\n`);
  }
  return 0;
}
