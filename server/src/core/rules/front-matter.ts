import type { Rule } from '../types';

export type KeyType = 'string' | 'positive-integer' | 'string-list' | 'date';

/** Known front matter keys, their types and an example of each. */
export const KEY_TYPES: Record<string, { type: KeyType; example: string }> = {
  title: { type: 'string', example: 'title: Neglect multi-agency case audit' },
  profile: { type: 'string', example: 'profile: maca-report' },
  cases: { type: 'positive-integer', example: 'cases: 6' },
  theme: { type: 'string', example: 'theme: neglect' },
  partnership: { type: 'string', example: 'partnership: Northshire Safeguarding Children Partnership' },
  agencies: { type: 'string-list', example: 'agencies: [Police, Health visiting, Children\'s Social Care]' },
  date: { type: 'date', example: 'date: 2025-03-14' },
};

function hasType(value: unknown, type: KeyType): boolean {
  switch (type) {
    case 'string': return typeof value === 'string' && value.trim() !== '';
    case 'positive-integer': return Number.isInteger(value) && (value as number) > 0;
    case 'string-list': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'date': return (typeof value === 'string' && !Number.isNaN(Date.parse(value))) || value instanceof Date;
  }
}

const DESCRIBE: Record<KeyType, string> = {
  string: 'text',
  'positive-integer': 'a whole number above zero',
  'string-list': 'a list of names',
  date: 'a date (YYYY-MM-DD)',
};

export const rule: Rule = {
  meta: {
    id: 'front-matter',
    description: 'YAML front matter parses, names a known profile, and its keys have the right types.',
    category: 'document',
    defaultSeverity: 'error',
    fixable: false,
    rationale: 'The front matter tells audit-lint which kind of report this is and lets it check the stated number of cases against the text. If it does not parse, none of that can happen and the checks fall back to guesses.',
    bad: '---\nprofile: maca-reprot\ncases: many\n---',
    good: '---\nprofile: maca-report\ncases: 6\n---',
  },
  check({ model, settings, report }) {
    const { text } = model;
    const fm = model.frontMatter;
    if (!fm) {
      if (/^---[ \t]*(?:\r?\n|\r)/.test(text) && !model.tree.children.some((n) => n.type === 'yaml')) {
        report({
          start: 0,
          end: 3,
          message: 'Front matter is not closed: the opening "---" has no closing "---" line, so the block is read as ordinary text. Add a line with "---" after the last key.',
        });
      }
      return;
    }
    if (fm.error) {
      report({ start: fm.error.start, end: fm.error.end, message: `Front matter is not valid YAML: ${fm.error.message}. Keys and values are written "key: value", one per line.` });
      return;
    }
    const data = fm.data ?? {};
    const keyRange = (key: string) => {
      const found = new RegExp(`^${key}[ \\t]*:`, 'm').exec(text.slice(fm.start, fm.end));
      if (!found) return { start: fm.start, end: fm.start + 3 };
      const start = fm.start + found.index;
      return { start, end: text.indexOf('\n', start) === -1 ? fm.end : Math.min(fm.end, text.indexOf('\n', start)) };
    };
    for (const [key, spec] of Object.entries(KEY_TYPES)) {
      if (!(key in data)) continue;
      const value = data[key];
      if (!hasType(value, spec.type)) {
        report({
          ...keyRange(key),
          message: `Front matter "${key}" should be ${DESCRIBE[spec.type]}, not ${JSON.stringify(value)}. For example: ${spec.example}`,
          data: { key },
        });
      }
    }
    const profile = data.profile;
    if (typeof profile === 'string' && !settings.profiles[profile]) {
      report({
        ...keyRange('profile'),
        message: `Unknown profile "${profile}". Known profiles: ${Object.keys(settings.profiles).join(', ')}. Profiles can be added in .auditlintrc.json.`,
        data: { key: 'profile', profile },
      });
    }
  },
};
