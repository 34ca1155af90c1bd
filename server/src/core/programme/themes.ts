import themeData from '../data/themes.json';
import type { DocumentModel, SectionId } from '../types';

export interface ThemeDefinition {
  id: string;
  label: string;
  /** Patterns (case-insensitive, matched as whole words) whose presence signals the theme. */
  signals: string[];
  reason: string;
  source: string;
}

export const THEMES: readonly ThemeDefinition[] = themeData.themes;

/** The parts of a report that say what the audit found and learnt: themes are read there, not in its method or plan. */
const FINDING_SECTIONS: readonly SectionId[] = ['findings', 'strengths', 'development', 'learning', 'reflection', 'voice'];

const signalPatterns = new Map<string, RegExp>(
  THEMES.map((theme) => [theme.id, new RegExp(`(?<![\\p{L}\\d])(?:${theme.signals.join('|')})(?![\\p{L}\\d])`, 'iu')]),
);

/** A theme found in a report, with the words that signalled it. */
export interface ThemeTag {
  id: string;
  evidence: string;
}

/** The text of a report's findings and learning (headings included), one string per section. */
export function findingsText(model: DocumentModel): string[] {
  return model.sections
    .filter((section) => [...section.effectiveIds, ...section.impliedIds].some((id) => FINDING_SECTIONS.includes(id)))
    .map((section) => model.prose.slice(section.start, section.end));
}

/** The practice themes a report's findings and learning speak of, in the order of the themes' data. */
export function tagThemes(model: DocumentModel): ThemeTag[] {
  const texts = findingsText(model);
  const tags: ThemeTag[] = [];
  for (const theme of THEMES) {
    const pattern = signalPatterns.get(theme.id)!;
    for (const text of texts) {
      const match = pattern.exec(text);
      if (match) {
        tags.push({ id: theme.id, evidence: match[0] });
        break;
      }
    }
  }
  return tags;
}
