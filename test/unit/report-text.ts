import * as fs from 'node:fs';
import * as path from 'node:path';

const examples = path.join(__dirname, '..', '..', 'examples');

/** The example reports without their front matter, good and poor: every rule has something to read. */
const bodies = fs
  .readdirSync(examples)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map((file) => fs.readFileSync(path.join(examples, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n+/, ''));

/**
 * A compendium of audits of about `bytes` characters: one title, then each example report with its
 * headings one level down, numbered so that no two audits read exactly alike.
 */
export function compendium(bytes: number): string {
  const parts = ['---\ntitle: Compendium of multi-agency case audits\nprofile: maca-report\n---\n\n# Compendium of multi-agency case audits\n'];
  let size = parts[0].length;
  for (let index = 1; size < bytes; index++) {
    const body = bodies[index % bodies.length]
      .replace(/^(#+) /gm, '$1# ')
      .replace(/^## /, `## Audit ${index}: `)
      .replace(/\b(\d+) cases\b/g, (_, n: string) => `${Number(n) + (index % 5)} cases`);
    parts.push(body);
    size += body.length + 1;
  }
  return parts.join('\n');
}

/**
 * A report of about `bytes` characters whose findings are one long section: the paragraphs of the
 * example reports, numbered, under one heading, between a methodology and actions.
 */
export function longSection(bytes: number): string {
  const paragraphs = bodies.flatMap((body) => body.split(/\n{2,}/)).filter((p) => /^[A-Z]/.test(p) && !p.includes('|'));
  const head = '---\ntitle: One long findings section\nprofile: maca-report\n---\n\n# One long findings section\n\n## 3.0 Findings\n\n';
  const out: string[] = [];
  let size = head.length;
  for (let n = 1; size < bytes; n++) {
    const paragraph = `3.${n} ${paragraphs[n % paragraphs.length]}`;
    out.push(paragraph);
    size += paragraph.length + 2;
  }
  return `${head}${out.join('\n\n')}\n\n## 4.0 Actions\n\n- The Head of Service to review 20 plans by March 2026, so that each child's plan says what will change.\n`;
}
