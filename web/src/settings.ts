/**
 * The page's settings as the engine's: a dropped .auditlintrc.json is read and checked as the
 * command line reads it, and what the reader set on the page is laid over it and checked again.
 */
import { parseConfigText } from '../../server/src/core/config/load';
import { resolveSettings } from '../../server/src/core/config/settings';
import { validateConfig, type ConfigFile } from '../../server/src/core/config/validate';
import { builtInProfiles } from '../../server/src/core/model/profiles';
import { ruleMetaById } from '../../server/src/core/rules';
import type { LintSettings } from '../../server/src/core/types';
import type { PageSettings } from './protocol';

/** Where a problem with the page's own settings is said to be. */
export const PAGE_SETTINGS = 'the settings on this page';

/** The engine's settings; throws ConfigError, naming the file or the page, when they are wrong. */
export function lintSettings(page: PageSettings): LintSettings {
  const dropped = page.config ? parseConfigText(page.config.name, page.config.text) : undefined;
  const base: ConfigFile = dropped ?? {};
  const vocabulary = base.vocabulary ?? {};
  const merged: ConfigFile = {
    ...base,
    ...(page.profile ? { profile: page.profile } : {}),
    ...(page.audience ? { readability: { ...base.readability, audience: page.audience } } : {}),
    vocabulary: {
      ...vocabulary,
      agencies: [...(vocabulary.agencies ?? []), ...page.agencies],
      roles: [...(vocabulary.roles ?? []), ...page.roles],
      acronyms: { ...vocabulary.acronyms, ...page.acronyms },
    },
  };
  const checked = validateConfig(merged, PAGE_SETTINGS, ruleMetaById, Object.keys(builtInProfiles));
  return resolveSettings(checked, page.config?.name ?? PAGE_SETTINGS);
}
