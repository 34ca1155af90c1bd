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
