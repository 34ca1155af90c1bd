/**
 * The report as a reader sees it, with the words of each problem marked. The author's own HTML is
 * shown as text, never run: the page renders Markdown only.
 */
import MarkdownIt from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import { markPhrase } from '../../client/src/preview/plugin';
import { escapeHtml } from '../../client/src/preview/scorecard';

export interface PhraseMark {
  /** 1-based line of the phrase in the linted Markdown. */
  line: number;
  phrase: string;
  id: string;
  severity: string;
  title: string;
}

/** The Markdown as HTML, and the ids of the marks that found their words. */
export function renderReport(markdown: string, marks: readonly PhraseMark[]): { html: string; marked: Set<string> } {
  const marked = new Set<string>();
  const md = new MarkdownIt({ html: false, linkify: false }).use(frontMatter, () => undefined);
  md.core.ruler.push('audit_lint_marks', (state) => {
    for (const mark of marks) {
      const open = `<mark id="${escapeHtml(mark.id)}" class="finding finding-${escapeHtml(mark.severity)}" title="${escapeHtml(mark.title)}" tabindex="-1">`;
      if (markPhrase(state, mark.line, mark.phrase, open)) marked.add(mark.id);
    }
  });
  // A draft's links and images are shown as words, never followed or loaded: the page fetches nothing.
  md.renderer.rules.link_open = (tokens, index) => `<span class="report-link" title="${escapeHtml(tokens[index].attrGet('href') ?? '')}">`;
  md.renderer.rules.link_close = () => '</span>';
  md.renderer.rules.image = (tokens, index) => `<span class="image-alt">[image: ${escapeHtml(tokens[index].content)}]</span>`;
  return { html: md.render(markdown.replace(/^\uFEFF/, '')), marked };
}
