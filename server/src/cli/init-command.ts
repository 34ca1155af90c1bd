import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES } from '../core/config/load';
import { DEFAULT_PROFILE } from '../core/model/profiles';
import type { Io } from './main';

export const STARTER_CONFIG = {
  $schema: './node_modules/audit-lint/schemas/auditlintrc.schema.json',
  profile: DEFAULT_PROFILE,
  include: ['reports/**/*.md'],
  rules: {},
  vocabulary: { agencies: [], roles: [], acronyms: {}, allow: [], forbid: [] },
};

/** `audit-lint init`: write a starter .auditlintrc.json, never over an existing configuration. */
export function runInit(io: Io): number {
  const existing = CONFIG_FILE_NAMES.filter((name) => name !== 'package.json').find((name) => fs.existsSync(path.join(io.cwd, name)));
  if (existing) {
    io.stderr.write(`audit-lint: ${existing} already exists; not overwritten.\n`);
    return 2;
  }
  const target = path.join(io.cwd, '.auditlintrc.json');
  fs.writeFileSync(target, JSON.stringify(STARTER_CONFIG, null, 2) + '\n', { flag: 'wx' });
  io.stdout.write(`Wrote .auditlintrc.json. Edit "profile", "include" and "rules" to suit your reports.\n`);
  return 0;
}
