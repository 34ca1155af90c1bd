// Prints the words of a Markdown report's text (not its front matter, addresses or image files)
// that are missing from a plain-text reading of its exported document; prints nothing when none are.
//   node scripts/missing-words.mjs report.md reading.txt
import { readFileSync } from 'node:fs';

const [report, reading] = process.argv.slice(2);
const words = (text) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
const markdown = readFileSync(report, 'utf8')
  .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
  .replace(/<!--[\s\S]*?-->/g, ' ')
  .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
  .replace(/\]\([^)]*\)/g, '] ')
  .replace(/^\[\^[^\]]+\]:/gm, ' ')
  .replace(/\[\^[^\]]+\]/g, ' ')
  .replace(/<br\s*\/?>/g, ' ')
  .replace(/^(\s*[-*+] )\[[ xX]\]/gm, '$1')
  .replace(/^(\s*(?:`{3,}|~{3,}))\S*/gm, '$1');
const written = words(readFileSync(reading, 'utf8'));
const missing = [...words(markdown)].filter((word) => !written.has(word));
if (missing.length > 0) console.log(missing.join(' '));
