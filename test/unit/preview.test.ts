import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import { describe, expect, it } from 'vitest';
import { auditLintPreview } from '../../client/src/preview/plugin';

const examples = path.join(__dirname, '..', '..', 'examples');
// As in VS Code's preview: front matter is taken out of the rendered page, but stays in the source the plugin lints.
const render = (text: string) => new MarkdownIt({ html: true }).use(frontMatter, () => undefined).use(auditLintPreview).render(text);

describe('preview plugin', () => {
  it('puts a scorecard above an audit report: sections, actions with SMART marks, counts by rule', () => {
    const html = render(fs.readFileSync(path.join(examples, 'maca-report-poor.md'), 'utf8'));
    expect(html.indexOf('audit-lint-scorecard')).toBeLessThan(html.indexOf('<h1'));
    expect(html).toMatch(/<caption>Sections<\/caption>/);
    expect(html).toMatch(/<th scope="row">Methodology<\/th><td><span class="audit-lint-yes"/);
    expect(html).toMatch(/<caption>Actions: 0 of 4 have an owner/);
    expect(html).toMatch(/<caption>Findings by rule<\/caption>/);
    expect(html).toMatch(/<th scope="row" title="[^"]+">placeholder<\/th><td>1<\/td>/);
  });

  it('marks flagged phrases in the text with the reason on hover', () => {
    const html = render(fs.readFileSync(path.join(examples, 'maca-report-poor.md'), 'utf8'));
    expect(html).toMatch(/<mark class="audit-lint-finding audit-lint-error" data-rule="placeholder" title="placeholder \(error\): Placeholder &quot;TBC&quot;[^"]*">TBC<\/mark>/);
    expect(html).toMatch(/<mark class="audit-lint-finding audit-lint-info" data-rule="grading-terms"[^>]*>adequate<\/mark>/);
  });

  it('shows missing sections and a clean scorecard for a good report', () => {
    const good = render(fs.readFileSync(path.join(examples, 'maca-report-good.md'), 'utf8'));
    expect(good).toMatch(/<span class="audit-lint-count audit-lint-error">0 errors<\/span>/);
    expect(good).not.toContain('<mark');
    const missing = render('---\nprofile: maca-report\n---\n\n# Audit\n\n## Findings\n\nText.\n');
    expect(missing).toMatch(/<th scope="row">Methodology<\/th><td><span class="audit-lint-no"[^>]*>✗<\/span> missing/);
  });

  it('leaves ordinary Markdown alone', () => {
    const html = render('# Project notes\n\nTODO: nothing to see.\n');
    expect(html).toBe(new MarkdownIt({ html: true }).render('# Project notes\n\nTODO: nothing to see.\n'));
  });
});
