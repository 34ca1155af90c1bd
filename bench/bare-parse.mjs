// The floor the linter is measured against: read every Markdown file in a folder and parse it with the
// same unified + remark-parse + front matter + GFM table extensions the engine uses, and nothing else.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';

function remarkTables() {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkTables).freeze();
const dir = process.argv[2];
let nodes = 0;
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
  const tree = processor.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  nodes += tree.children.length;
}
process.stdout.write(`${nodes}\n`);
