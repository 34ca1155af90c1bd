import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import type * as vscode from 'vscode';
import { lint, type LintResult } from '../../../server/src/core/engine';
import { guessProfileFromTitle } from '../../../server/src/core/model/profiles';
import { summariseReport } from '../../../server/src/core/summary';
import type { Finding, LintSettings } from '../../../server/src/core/types';
import { resolveSettings } from '../../../server/src/core/config/settings';
import { escapeHtml, scorecardHtml } from './scorecard';

/** Settings for the shown document; VS Code's preview passes its URI in the environment as currentDocument. */
export type PreviewSettings = (document: vscode.Uri | undefined) => LintSettings;

const defaultSettings: PreviewSettings = () => resolveSettings(undefined, '(defaults)');

/** Only audit reports get a scorecard: the front matter names a profile, or the title is a report's. */
function isAuditReport(result: LintResult): boolean {
  const { model } = result;
  return typeof model.frontMatter?.data?.profile === 'string' || (model.title !== null && guessProfileFromTitle(model.title.text) !== undefined);
}

function findingTitle(finding: Finding): string {
  return `${finding.ruleId} (${finding.severity}): ${finding.message}`;
}

/**
 * Wrap a phrase on a 1-based line in an element that `open` starts (and `</mark>` ends) inside the
 * inline token of that line, if the phrase lies within one text run.
 */
export function markPhrase(state: StateCore, lineNumber: number, phrase: string, open: string): boolean {
  const line = lineNumber - 1;
  for (const token of state.tokens) {
    if (token.type !== 'inline' || !token.map || line < token.map[0] || line >= token.map[1] || !token.children) continue;
    const children = token.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.type !== 'text') continue;
      const at = child.content.indexOf(phrase);
      if (at < 0) continue;
      const make = (type: string, content: string): Token => {
        const t = new state.Token(type, '', 0);
        t.content = content;
        return t;
      };
      children.splice(i, 1, make('text', child.content.slice(0, at)), make('html_inline', open), make('text', phrase), make('html_inline', '</mark>'), make('text', child.content.slice(at + phrase.length)));
      return true;
    }
  }
  return false;
}

/** markdown-it plugin: a scorecard above an audit report and its flagged phrases marked, with the reason on hover. */
export function auditLintPreview(md: MarkdownIt, settingsFor: PreviewSettings = defaultSettings): void {
  md.core.ruler.push('audit_lint', (state) => {
    let result: LintResult;
    let settings: LintSettings;
    try {
      settings = settingsFor((state.env as { currentDocument?: vscode.Uri } | undefined)?.currentDocument);
      result = lint(state.src, settings);
    } catch {
      return;
    }
    if (!isAuditReport(result)) return;
    const card = new state.Token('html_block', '', 0);
    card.content = scorecardHtml(summariseReport(result, settings)) + '\n';
    state.tokens.unshift(card);
    const text = state.src.replace(/^\uFEFF/, '');
    for (const finding of result.findings) {
      if (finding.line !== finding.endLine) continue;
      const phrase = text.slice(finding.start - (state.src.length - text.length), finding.end - (state.src.length - text.length));
      if (phrase.trim().length < 2 || phrase.includes('\n')) continue;
      markPhrase(state, finding.line, phrase, `<mark class="audit-lint-finding audit-lint-${finding.severity}" data-rule="${escapeHtml(finding.ruleId)}" title="${escapeHtml(findingTitle(finding))}">`);
    }
  });
}
