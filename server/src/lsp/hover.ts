import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findAcronyms, lookupAcronym, sameAcronym } from '../core/analysis/acronyms';
import { sectionInfo } from '../core/model/sections';
import type { Presented } from '../core/present';
import { ruleMetaById } from '../core/rules';
import type { RuleMeta } from '../core/types';
import { toOffset, toRange } from './convert';
import type { LintedDocument } from './lintCache';
import type { FeatureSection } from './lintView';

/** Four backticks, so an example that contains a code fence still shows whole. */
const example = (markdown: string) => `\`\`\`\`markdown\n${markdown}\n\`\`\`\``;

export function ruleExplanation(meta: RuleMeta, docsUrl: string): string {
  return [
    `**${meta.id}** — ${meta.description}`,
    meta.rationale,
    `Flagged:\n\n${example(meta.bad)}`,
    `Better:\n\n${example(meta.good)}`,
    `[Read the ${meta.id} documentation](${docsUrl})`,
  ].join('\n\n');
}

function groupExplanation(problem: Presented): string {
  const lines = problem.members.map((m) => `- ${m.group?.detail ?? m.message} ([${m.ruleId}](${m.docsUrl}))`);
  return [`**${problem.message}**`, lines.join('\n')].join('\n\n');
}

function sectionExplanation(section: FeatureSection): string {
  const counts = section.ids.length > 0 ? section.ids : section.impliedIds;
  if (counts.length === 0) {
    const inherited = section.effectiveIds.map((id) => `**${sectionInfo[id].heading}**`).join(' and ');
    return inherited
      ? `This heading is not itself a report section; its content counts towards ${inherited}, the section it sits in.`
      : 'This heading is not recognised as a report section. Headings such as "Background", "Methodology", "Findings", "Key learning" and "Actions" are.';
  }
  const lines = counts.map((id) => `**${sectionInfo[id].heading}** (\`${id}\`): ${sectionInfo[id].description}.\n\n${sectionInfo[id].prompt}`);
  const implied = section.ids.length === 0 ? ' because its content describes it' : '';
  return [`Counts as ${counts.length > 1 ? 'these sections' : 'this section'}${implied}:`, ...lines].join('\n\n');
}

function acronymExplanation(linted: LintedDocument, offset: number): { text: string; start: number; end: number } | undefined {
  const { model } = linted.result;
  const { line } = model.lines.position(offset);
  const lineStart = model.lines.lineStart(line);
  const use = findAcronyms(model.prose.slice(lineStart, model.lines.lineEnd(line)))
    .map((u) => ({ ...u, start: u.start + lineStart, end: u.end + lineStart }))
    .find((u) => u.start <= offset && offset <= u.end);
  if (!use) return undefined;
  const own = linted.acronymDefinitions.find((d) => sameAcronym(d.acronym, use.text));
  const entry = lookupAcronym(use.text, linted.settings.vocabulary.acronyms);
  const parts: string[] = [];
  if (own) parts.push(`**${use.text}** — ${own.expansion} (as defined in this report, line ${model.lines.position(own.start).line})`);
  if (entry) {
    const source = entry.origin === 'vocabulary' ? 'your configuration' : 'the audit-lint glossary';
    const senses = entry.senses.filter((sense) => sense.toLowerCase() !== own?.expansion.toLowerCase());
    if (senses.length > 0) {
      const label = own ? 'Also, in' : `**${entry.acronym}** —`;
      parts.push(own ? `${label} ${source}: ${senses.join('; ')}` : `${label} ${senses.join('; ')} (from ${source})`);
    }
    if (entry.ambiguous) parts.push('This abbreviation has more than one meaning: define it at first use.');
    if (entry.note) parts.push(entry.note);
    if (entry.deprecated) parts.push(`Outdated: ${entry.deprecated.reason} ${entry.deprecated.suggestion}`);
  }
  if (parts.length === 0) parts.push(`**${use.text}** is not defined in this report or in the glossary. Spell it out at first use: "Full Name (${use.text})".`);
  return { text: parts.join('\n\n'), start: use.start, end: use.end };
}

/** Rule explanations for the findings under the cursor, the acronym under it, and what a heading counts as. */
export function hover(document: TextDocument, linted: LintedDocument, position: Position): Hover | null {
  const offset = toOffset(document, position);
  const modelOffset = offset - linted.bomLength;
  const { model } = linted.result;
  const parts: string[] = [];
  let start = offset;
  let end = offset;
  const cover = (from: number, to: number) => {
    if (parts.length === 1) [start, end] = [from, to];
    else [start, end] = [Math.max(start, from), Math.min(end, to)];
  };

  const seen = new Set<string>();
  for (const { problem, start: from, end: to } of linted.problemsAt(offset)) {
    if (problem.members.length > 1) {
      // Several rules, one problem: say it once, then what each rule adds.
      for (const id of problem.ruleIds) seen.add(id);
      parts.push(groupExplanation(problem));
      cover(from, to);
      continue;
    }
    const [finding] = problem.members;
    const meta = ruleMetaById.get(finding.ruleId);
    if (!meta || seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    parts.push(ruleExplanation(meta, finding.docsUrl));
    cover(finding.start, finding.end);
  }
  const section = model.sections.find((s) => s.start <= modelOffset && modelOffset <= s.headingEnd);
  if (section) {
    parts.push(sectionExplanation(section));
    cover(section.start + linted.bomLength, section.headingEnd + linted.bomLength);
  }
  const acronym = acronymExplanation(linted, modelOffset);
  if (acronym) {
    parts.push(acronym.text);
    cover(acronym.start + linted.bomLength, acronym.end + linted.bomLength);
  }
  if (parts.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    range: toRange(document, Math.min(start, offset), Math.max(end, offset)),
  };
}
