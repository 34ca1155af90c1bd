import type { DocumentModel } from './types';

const DIRECTIVE = /^audit-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*)$/s;

interface Toggle {
  line: number;
  /** Undefined means every rule. */
  rules: string[] | undefined;
  disabled: boolean;
  /** Applies to this one line only. */
  single: boolean;
}

export interface DisableMap {
  isDisabled(ruleId: string, line: number): boolean;
  /** Rule ids named in directives that are not known rules, with where they were written. */
  unknownRules: { rule: string; start: number; end: number }[];
}

/** Read `<!-- audit-lint-… -->` directives into a per-line lookup. */
export function readDirectives(model: DocumentModel, knownRules: ReadonlySet<string>): DisableMap {
  const toggles: Toggle[] = [];
  const fileWide = new Set<string>();
  let allFile = false;
  const unknownRules: DisableMap['unknownRules'] = [];
  for (const comment of model.comments) {
    const match = DIRECTIVE.exec(comment.body);
    if (!match) continue;
    const names = match[2].split(/[\s,]+/).filter(Boolean);
    for (const rule of names) {
      if (!knownRules.has(rule)) unknownRules.push({ rule, start: comment.start, end: comment.end });
    }
    const rules = names.length > 0 ? names : undefined;
    const startLine = model.lines.position(comment.start).line;
    const endLine = model.lines.position(comment.end).line;
    switch (match[1]) {
      case 'disable-file':
        if (rules) rules.forEach((r) => fileWide.add(r));
        else allFile = true;
        break;
      case 'disable-next-line':
        toggles.push({ line: endLine + 1, rules, disabled: true, single: true });
        break;
      case 'disable-line':
        toggles.push({ line: startLine, rules, disabled: true, single: true });
        break;
      case 'disable':
        toggles.push({ line: startLine, rules, disabled: true, single: false });
        break;
      case 'enable':
        toggles.push({ line: startLine, rules, disabled: false, single: false });
        break;
    }
  }
  const applies = (toggle: Toggle, ruleId: string) => !toggle.rules || toggle.rules.includes(ruleId);
  return {
    unknownRules,
    isDisabled(ruleId, line) {
      if (allFile || fileWide.has(ruleId)) return true;
      let disabled = false;
      for (const toggle of toggles) {
        if (!applies(toggle, ruleId)) continue;
        if (toggle.single) {
          if (toggle.line === line) return true;
        } else if (toggle.line <= line) {
          disabled = toggle.disabled;
        }
      }
      return disabled;
    },
  };
}
