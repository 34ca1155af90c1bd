import { sectionInfo } from './model/sections';
import type { ProfileDefinition, SectionId } from './types';

/** A section's heading and its prompt, written as a comment so the skeleton itself reports no placeholder. */
export function sectionSkeleton(id: SectionId, depth: number, eol = '\n'): string {
  return `${'#'.repeat(depth)} ${sectionInfo[id].heading}${eol}${eol}<!-- ${sectionInfo[id].prompt} -->${eol}`;
}

/** The sections a new report of this profile starts with: required ones in the profile's order, then recommended ones. */
export function skeletonSections(profile: ProfileDefinition): SectionId[] {
  const ids: SectionId[] = [];
  for (const requirement of profile.required) for (const id of requirement[0]) if (!ids.includes(id)) ids.push(id);
  for (const id of profile.recommended) if (!ids.includes(id)) ids.push(id);
  const slot = (id: SectionId) => {
    const index = profile.order.findIndex((slotIds) => slotIds.includes(id));
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const position = (id: SectionId) => ids.indexOf(id);
  return [...ids].sort((a, b) => slot(a) - slot(b) || position(a) - position(b));
}

/** A whole new report: front matter naming the profile, a title, and each section with its prompt. */
export function reportSkeleton(profile: ProfileDefinition, title = profile.title): string {
  const sections = skeletonSections(profile).map((id) => sectionSkeleton(id, 2)).join('\n');
  return `---\ntitle: ${title}\nprofile: ${profile.id}\n---\n\n# ${title}\n\n${sections}`;
}
