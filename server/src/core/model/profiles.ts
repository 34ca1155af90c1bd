import profileData from '../data/profiles.json';
import { SECTION_IDS, type FrontMatter, type LintSettings, type ProfileDefinition, type Requirement, type ResolvedProfile, type SectionId } from '../types';

export interface ProfileSource {
  title?: string;
  titlePattern?: string;
  extends?: string;
  required?: string[];
  order?: string[];
  recommended?: string[];
}

export const DEFAULT_PROFILE = 'maca-report';

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}

/** "findings | strengths + development" → [["findings"], ["strengths", "development"]]. Throws on an unknown id. */
export function parseRequirement(expression: string): Requirement {
  return expression.split('|').map((alternative) =>
    alternative.split('+').map((part) => {
      const id = part.trim();
      if (!isSectionId(id)) throw new Error(`unknown section id "${id}" (expected one of ${SECTION_IDS.join(', ')})`);
      return id;
    }),
  );
}

export function formatRequirement(requirement: Requirement): string {
  return requirement.map((alternative) => alternative.join(' + ')).join(' or ');
}

function build(id: string, source: ProfileSource, base: ProfileDefinition | undefined): ProfileDefinition {
  return {
    id,
    title: source.title ?? base?.title ?? id,
    required: source.required ? source.required.map(parseRequirement) : base?.required ?? [],
    order: source.order ? source.order.map((slot) => parseRequirement(slot).flat()) : base?.order ?? [],
    recommended: source.recommended
      ? source.recommended.flatMap((r) => parseRequirement(r).flat())
      : base?.recommended ?? [],
  };
}

export const builtInProfiles: Record<string, ProfileDefinition> = Object.fromEntries(
  Object.entries(profileData as Record<string, ProfileSource>).map(([id, source]) => [id, build(id, source, undefined)]),
);

const titlePatterns: [string, RegExp][] = Object.entries(profileData as Record<string, ProfileSource>).map(
  ([id, source]) => [id, new RegExp(source.titlePattern ?? '(?!)', 'i')],
);

/** Built-in profiles plus the configured ones; a configured profile may extend any other. Throws with a message naming the profile. */
export function resolveProfiles(custom: Record<string, ProfileSource>): Record<string, ProfileDefinition> {
  const result: Record<string, ProfileDefinition> = { ...builtInProfiles };
  const resolving = new Set<string>();
  const resolve = (id: string): ProfileDefinition => {
    const source = custom[id];
    if (!source) {
      const known = result[id];
      if (!known) throw new Error(`profile "${id}" is not defined`);
      return known;
    }
    if (resolving.has(id)) throw new Error(`profile "${id}" extends itself`);
    resolving.add(id);
    const base = source.extends ? resolve(source.extends) : builtInProfiles[id];
    try {
      result[id] = build(id, source, base);
    } catch (error) {
      throw new Error(`profile "${id}": ${(error as Error).message}`);
    }
    resolving.delete(id);
    return result[id];
  };
  for (const id of Object.keys(custom)) resolve(id);
  return result;
}

/**
 * Which built-in profile a title suggests. A briefing's title often names the audit too
 * ("Learning from Multi-Agency Case Audit: 5-step briefing"): the more specific kind wins.
 */
export function guessProfileFromTitle(title: string): string | undefined {
  const matching = titlePatterns.filter(([, pattern]) => pattern.test(title)).map(([id]) => id);
  return matching.find((id) => id !== DEFAULT_PROFILE) ?? matching[0];
}

/** The profile a document is linted as: its front matter's, else one its title suggests, else the configured default. */
export function resolveProfile(
  frontMatter: FrontMatter | null,
  title: string | undefined,
  settings: LintSettings,
): ResolvedProfile {
  const declared = frontMatter?.data?.profile;
  if (typeof declared === 'string' && settings.profiles[declared]) {
    return { definition: settings.profiles[declared], source: 'front-matter' };
  }
  const guessed = title ? guessProfileFromTitle(title) : undefined;
  if (guessed && settings.profiles[guessed]) return { definition: settings.profiles[guessed], source: 'title' };
  if (settings.defaultProfile && settings.profiles[settings.defaultProfile]) {
    return { definition: settings.profiles[settings.defaultProfile], source: 'config' };
  }
  return { definition: settings.profiles[DEFAULT_PROFILE], source: 'default' };
}
