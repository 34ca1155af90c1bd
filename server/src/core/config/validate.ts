import type { OptionSchema, ReadabilitySettings, RuleMeta, SeverityOrOff } from '../types';
import { parseRequirement, type ProfileSource } from '../model/profiles';

/** A configuration problem: which file, which key, what was expected. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly expected: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${key ? `"${key}": ` : ''}${expected}`);
    this.name = 'ConfigError';
  }
}

export interface ConfigFile {
  profile?: string;
  profiles?: Record<string, ProfileSource>;
  include?: string[];
  rules?: Record<string, SeverityOrOff | [SeverityOrOff, Record<string, unknown>]>;
  vocabulary?: {
    agencies?: string[];
    roles?: string[];
    acronyms?: Record<string, string>;
    allow?: string[];
    forbid?: (string | { term: string; reason?: string; suggestion?: string })[];
    preferred?: Record<string, string[]>;
  };
  readability?: Partial<ReadabilitySettings>;
  maxDocumentBytes?: number;
}

export const SEVERITIES: readonly SeverityOrOff[] = ['off', 'info', 'warning', 'error'];
const TOP_LEVEL_KEYS = ['$schema', 'profile', 'profiles', 'include', 'rules', 'vocabulary', 'readability', 'maxDocumentBytes'];
const PROFILE_KEYS = ['title', 'extends', 'required', 'order', 'recommended'];
const VOCABULARY_KEYS = ['agencies', 'roles', 'acronyms', 'allow', 'forbid', 'preferred'];
const READABILITY_KEYS = ['maxSentenceWords', 'minReadingEase', 'audience'];
const AUDIENCES = ['public', 'practitioners', 'board'];

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'string' ? `"${value}"` : `${typeof value} ${JSON.stringify(value)}`;
}

function closest(value: string, candidates: readonly string[]): string {
  const near = candidates.find((c) => c.startsWith(value.slice(0, 4)) || value.startsWith(c.slice(0, 4)));
  return near ? ` (did you mean "${near}"?)` : '';
}

export function checkOption(schema: OptionSchema, value: unknown): string | undefined {
  const typeOk =
    schema.type === 'integer' ? Number.isInteger(value)
    : schema.type === 'number' ? typeof value === 'number' && Number.isFinite(value)
    : schema.type === 'array' ? Array.isArray(value) && value.every((v) => typeof v === 'string')
    : typeof value === schema.type;
  const typeName = schema.type === 'array' ? 'an array of strings' : `a${schema.type === 'integer' ? 'n' : ''} ${schema.type}`;
  if (!typeOk) return `expected ${typeName}, got ${describe(value)}`;
  if (schema.enum && !schema.enum.includes(value as string | number)) return `expected one of ${schema.enum.join(', ')}, got ${describe(value)}`;
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) return `expected at least ${schema.minimum}, got ${value}`;
  if (typeof value === 'number' && schema.maximum !== undefined && value > schema.maximum) return `expected at most ${schema.maximum}, got ${value}`;
  return undefined;
}

/** Check a parsed configuration object against the known keys and rules; throws ConfigError. */
export function validateConfig(raw: unknown, file: string, rules: Map<string, RuleMeta>, profileIds: string[]): ConfigFile {
  const fail = (key: string, expected: string): never => {
    throw new ConfigError(file, key, expected);
  };
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const stringArray = (key: string, v: unknown) => {
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) fail(key, `expected an array of strings, got ${describe(v)}`);
  };
  const knownKeys = (key: string, v: Record<string, unknown>, allowed: string[]) => {
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k)) fail(key ? `${key}.${k}` : k, `unknown key; expected one of ${allowed.filter((a) => a !== '$schema').join(', ')}${closest(k, allowed)}`);
    }
  };

  if (!isObject(raw)) return fail('', `the configuration must be an object, got ${describe(raw)}`);
  knownKeys('', raw, TOP_LEVEL_KEYS);

  const customProfiles = raw.profiles;
  const allProfiles = [...profileIds];
  if (customProfiles !== undefined) {
    if (!isObject(customProfiles)) fail('profiles', `expected an object of profile definitions, got ${describe(customProfiles)}`);
    for (const [id, def] of Object.entries(customProfiles as Record<string, unknown>)) {
      const key = `profiles.${id}`;
      if (!isObject(def)) fail(key, `expected an object with ${PROFILE_KEYS.join(', ')}, got ${describe(def)}`);
      knownKeys(key, def as Record<string, unknown>, PROFILE_KEYS);
      const d = def as Record<string, unknown>;
      for (const k of ['required', 'order', 'recommended']) {
        if (d[k] === undefined) continue;
        stringArray(`${key}.${k}`, d[k]);
        for (const expression of d[k] as string[]) {
          try {
            parseRequirement(expression);
          } catch (error) {
            fail(`${key}.${k}`, (error as Error).message);
          }
        }
      }
      for (const k of ['title', 'extends']) if (d[k] !== undefined && typeof d[k] !== 'string') fail(`${key}.${k}`, `expected a string, got ${describe(d[k])}`);
      allProfiles.push(id);
    }
    for (const [id, def] of Object.entries(customProfiles as Record<string, Record<string, unknown>>)) {
      if (typeof def.extends === 'string' && !allProfiles.includes(def.extends)) {
        fail(`profiles.${id}.extends`, `unknown profile "${def.extends}"; expected one of ${allProfiles.join(', ')}`);
      }
    }
  }
  if (raw.profile !== undefined) {
    if (typeof raw.profile !== 'string') fail('profile', `expected a profile name, got ${describe(raw.profile)}`);
    if (!allProfiles.includes(raw.profile as string)) fail('profile', `unknown profile "${raw.profile}"; expected one of ${allProfiles.join(', ')}`);
  }
  if (raw.include !== undefined) stringArray('include', raw.include);

  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) fail('rules', `expected an object of rule ids to severities, got ${describe(raw.rules)}`);
    for (const [id, setting] of Object.entries(raw.rules as Record<string, unknown>)) {
      const key = `rules.${id}`;
      const meta = rules.get(id);
      if (!meta) fail(key, `unknown rule${closest(id, [...rules.keys()])}; run "audit-lint rules" for the list`);
      const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
      if (Array.isArray(setting) && setting.length !== 2) fail(key, 'expected [severity, options]');
      if (!SEVERITIES.includes(severity as SeverityOrOff)) fail(key, `expected one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')} or [severity, options], got ${describe(severity)}`);
      if (options !== undefined) {
        if (!isObject(options)) fail(key, `expected options to be an object, got ${describe(options)}`);
        const schemas = meta!.options ?? {};
        for (const [name, value] of Object.entries(options as Record<string, unknown>)) {
          const schema = schemas[name];
          if (!schema) fail(`${key}.${name}`, Object.keys(schemas).length ? `unknown option; expected one of ${Object.keys(schemas).join(', ')}` : 'this rule has no options');
          const problem = checkOption(schema!, value);
          if (problem) fail(`${key}.${name}`, problem);
        }
      }
    }
  }

  if (raw.vocabulary !== undefined) {
    const vocabulary = raw.vocabulary;
    if (!isObject(vocabulary)) return fail('vocabulary', `expected an object, got ${describe(vocabulary)}`);
    knownKeys('vocabulary', vocabulary, VOCABULARY_KEYS);
    for (const k of ['agencies', 'roles', 'allow']) if (vocabulary[k] !== undefined) stringArray(`vocabulary.${k}`, vocabulary[k]);
    if (vocabulary.acronyms !== undefined) {
      if (!isObject(vocabulary.acronyms) || !Object.values(vocabulary.acronyms).every((v) => typeof v === 'string')) {
        fail('vocabulary.acronyms', `expected an object of acronym to expansion, e.g. {"PRAS": "Parental Risk Assessment Service"}, got ${describe(vocabulary.acronyms)}`);
      }
    }
    if (vocabulary.preferred !== undefined) {
      const example = 'e.g. {"multi-agency": ["multi agency", "multiagency"]}';
      if (!isObject(vocabulary.preferred)) fail('vocabulary.preferred', `expected an object of preferred form to the forms to replace, ${example}, got ${describe(vocabulary.preferred)}`);
      for (const [term, variants] of Object.entries(vocabulary.preferred as Record<string, unknown>)) {
        if (term.trim() === '') fail('vocabulary.preferred', 'expected a preferred form, got an empty key');
        stringArray(`vocabulary.preferred.${term}`, variants);
      }
    }
    if (vocabulary.forbid !== undefined) {
      if (!Array.isArray(vocabulary.forbid)) fail('vocabulary.forbid', `expected an array, got ${describe(vocabulary.forbid)}`);
      (vocabulary.forbid as unknown[]).forEach((entry, i) => {
        if (typeof entry === 'string') return;
        if (!isObject(entry) || typeof entry.term !== 'string') fail(`vocabulary.forbid[${i}]`, 'expected a term or {"term", "reason", "suggestion"}');
      });
    }
  }

  if (raw.readability !== undefined) {
    const readability = raw.readability;
    if (!isObject(readability)) return fail('readability', `expected an object, got ${describe(readability)}`);
    knownKeys('readability', readability, READABILITY_KEYS);
    if (readability.maxSentenceWords !== undefined && !(Number.isInteger(readability.maxSentenceWords) && (readability.maxSentenceWords as number) > 0)) {
      fail('readability.maxSentenceWords', `expected a positive integer, got ${describe(readability.maxSentenceWords)}`);
    }
    if (readability.minReadingEase !== undefined && typeof readability.minReadingEase !== 'number') {
      fail('readability.minReadingEase', `expected a number, got ${describe(readability.minReadingEase)}`);
    }
    if (readability.audience !== undefined && !AUDIENCES.includes(readability.audience as string)) {
      fail('readability.audience', `expected one of ${AUDIENCES.join(', ')}, got ${describe(readability.audience)}`);
    }
  }
  if (raw.maxDocumentBytes !== undefined && !(Number.isInteger(raw.maxDocumentBytes) && (raw.maxDocumentBytes as number) > 0)) {
    fail('maxDocumentBytes', `expected a positive integer, got ${describe(raw.maxDocumentBytes)}`);
  }
  return raw as ConfigFile;
}
