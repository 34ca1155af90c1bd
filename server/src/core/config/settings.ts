import { resolveProfiles } from '../model/profiles';
import type { LintSettings, ReadabilitySettings, SeverityOrOff, Vocabulary } from '../types';
import { ConfigError, type ConfigFile } from './validate';

export const DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Thresholds per audience (plain-English targets for sentence length and Flesch reading ease). */
export const AUDIENCE_DEFAULTS: Record<ReadabilitySettings['audience'], Omit<ReadabilitySettings, 'audience'>> = {
  public: { maxSentenceWords: 20, minReadingEase: 70 },
  practitioners: { maxSentenceWords: 25, minReadingEase: 55 },
  board: { maxSentenceWords: 25, minReadingEase: 45 },
};

export interface SettingsOverrides {
  profile?: string;
  rules?: Record<string, SeverityOrOff>;
}

/** Merge a validated configuration (or none) with defaults into the settings the engine reads. */
export function resolveSettings(config: ConfigFile | undefined, file: string, overrides: SettingsOverrides = {}): LintSettings {
  let profiles;
  try {
    profiles = resolveProfiles(config?.profiles ?? {});
  } catch (error) {
    throw new ConfigError(file, 'profiles', (error as Error).message);
  }
  const rules: LintSettings['rules'] = {};
  for (const [id, setting] of Object.entries(config?.rules ?? {})) {
    const [severity, options] = Array.isArray(setting) ? setting : [setting, {}];
    rules[id] = { severity, options: options ?? {} };
  }
  for (const [id, severity] of Object.entries(overrides.rules ?? {})) {
    rules[id] = { severity, options: rules[id]?.options ?? {} };
  }
  const v = config?.vocabulary ?? {};
  const vocabulary: Vocabulary = {
    agencies: v.agencies ?? [],
    roles: v.roles ?? [],
    acronyms: v.acronyms ?? {},
    allow: v.allow ?? [],
    preferred: v.preferred ?? {},
    forbid: (v.forbid ?? []).map((entry) =>
      typeof entry === 'string'
        ? { term: entry, reason: 'your configuration lists this term as one to avoid', suggestion: 'use the wording your partnership prefers' }
        : { term: entry.term, reason: entry.reason ?? 'your configuration lists this term as one to avoid', suggestion: entry.suggestion ?? 'use the wording your partnership prefers' },
    ),
  };
  const audience = config?.readability?.audience ?? 'practitioners';
  return {
    defaultProfile: overrides.profile ?? config?.profile,
    profiles,
    rules,
    vocabulary,
    readability: { audience, ...AUDIENCE_DEFAULTS[audience], ...stripUndefined(config?.readability ?? {}) },
    include: config?.include ?? [],
    maxDocumentBytes: config?.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
