// The snippets file: VS Code snippet syntax, and skeletons that the engine recognises as the
// profile they claim to be (front matter, required headings in order, the methodology checklist).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { classifyHeading } from '../../server/src/core/model/sections';
import { builtInProfiles, guessProfileFromTitle } from '../../server/src/core/model/profiles';

interface Snippet {
  scope?: string;
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const file = new URL('../../snippets/audit-report.code-snippets', import.meta.url);
const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Snippet>;

const VARIABLES = new Set(['TM_SELECTED_TEXT', 'CURRENT_YEAR', 'CURRENT_MONTH', 'CURRENT_DATE']);

interface Expansion {
  /** The text VS Code inserts before the user types anything (defaults, first choices). */
  text: string;
  /** Tab stop → the defaults written for it (one per occurrence; '' for a bare mirror). */
  stops: Map<number, string[]>;
  choices: string[][];
}

/**
 * Expand a snippet body following VS Code's snippet grammar (tab stops, placeholders, choices,
 * variables, escapes). Anything malformed throws, so a broken body fails the test.
 */
function expand(body: string): Expansion {
  const stops = new Map<number, string[]>();
  const choices: string[][] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i} in ${JSON.stringify(body)}`);
  };
  const record = (stop: number, text: string) => stops.set(stop, [...(stops.get(stop) ?? []), text]);
  const mirror = (stop: number) => `\u0000${stop}\u0000`;

  function any(insidePlaceholder: boolean): string {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && '$}\\'.includes(body[i + 1] ?? '')) {
        out += body[i + 1];
        i += 2;
      } else if (c === '}' && insidePlaceholder) {
        return out;
      } else if (c === '$') {
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    return insidePlaceholder ? fail('unclosed placeholder') : out;
  }

  function dollar(): string {
    const simple = /^\$(?:(\d+)|([A-Z_][A-Z0-9_]*))/.exec(body.slice(i));
    if (simple) {
      i += simple[0].length;
      if (simple[1] !== undefined) return tabStop(Number(simple[1]));
      return variable(simple[2]);
    }
    const braced = /^\$\{(?:(\d+)|([A-Z_][A-Z0-9_]*))([:|}]?)/.exec(body.slice(i));
    if (!braced) {
      i++;
      return '$';
    }
    i += braced[0].length;
    const [, stopText, name, next] = braced;
    if (next === '}') return stopText !== undefined ? tabStop(Number(stopText)) : variable(name);
    if (next === ':') {
      const value = any(true);
      i++; // the closing brace
      if (stopText === undefined) return variable(name, value);
      record(Number(stopText), value);
      return value;
    }
    if (next === '|' && stopText !== undefined) return choice(Number(stopText));
    return fail('expected "}", ":" or "|" after "${"');
  }

  function tabStop(stop: number): string {
    record(stop, '');
    return mirror(stop);
  }

  function variable(name: string, fallback = ''): string {
    if (!VARIABLES.has(name)) fail(`unknown variable ${name}`);
    return fallback;
  }

  function choice(stop: number): string {
    const options: string[] = [];
    let option = '';
    for (;;) {
      const c = body[i];
      if (c === undefined) fail('unclosed choice');
      if (c === '\\' && ',|$}\\'.includes(body[i + 1] ?? '')) {
        option += body[i + 1];
        i += 2;
      } else if (c === ',' || c === '|') {
        if (!option) fail('empty choice option');
        options.push(option);
        option = '';
        i++;
        if (c === '|') {
          if (body[i] !== '}') fail('a choice must end with "|}"');
          i++;
          break;
        }
      } else {
        option += c;
        i++;
      }
    }
    choices.push(options);
    record(stop, options[0]);
    return options[0];
  }

  const raw = any(false);
  const defaultOf = (stop: number) => stops.get(stop)?.find((d) => d !== '') ?? '';
  return { text: raw.replace(/\u0000(\d+)\u0000/g, (_, stop) => defaultOf(Number(stop))), stops, choices };
}

const bodyText = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const byPrefix = (prefix: string) => {
  const found = Object.values(snippets).find((s) => prefixes(s).includes(prefix));
  if (!found) throw new Error(`no snippet with prefix ${prefix}`);
  return found;
};

describe('snippet syntax checker', () => {
  it('rejects malformed bodies', () => {
    for (const bad of ['${1|a,b}', '${1|a,b|', '${1|a,,b|}', '${1:open', '${2/x/y/}', '$UNKNOWN_VAR']) {
      expect(() => expand(bad), bad).toThrow();
    }
  });

  it('expands defaults, choices, mirrors and escapes', () => {
    const e = expand('${1:Child A} is ${2|good,inadequate|}; $1 costs \\$5 \\} ${TM_SELECTED_TEXT}$0');
    expect(e.text).toBe('Child A is good; Child A costs $5 } ');
    expect(e.choices).toEqual([['good', 'inadequate']]);
  });
});

describe('snippets file', () => {
  const entries = Object.entries(snippets);

  it('has well-formed Markdown snippets with unique prefixes', () => {
    expect(entries.length).toBeGreaterThan(10);
    const seen = new Set<string>();
    for (const [name, s] of entries) {
      expect(s.scope, name).toBe('markdown');
      expect(s.description.trim(), name).not.toBe('');
      expect(bodyText(s).trim(), name).not.toBe('');
      for (const p of prefixes(s)) {
        expect(p, name).toMatch(/^[a-z0-9][a-z0-9-]*$/);
        expect(seen.has(p), `${name}: prefix ${p} used twice`).toBe(false);
        seen.add(p);
      }
    }
  });

  it('parses every body; a tab stop has one default and $0 appears at most once', () => {
    for (const [name, s] of entries) {
      const { stops, choices } = expand(bodyText(s));
      for (const [stop, defaults] of stops) {
        expect(new Set(defaults.filter(Boolean)).size, `${name}: $${stop}`).toBeLessThanOrEqual(1);
      }
      expect(stops.get(0)?.length ?? 0, name).toBeLessThanOrEqual(1);
      for (const options of choices) expect(options.length, name).toBeGreaterThan(1);
    }
  });

  it('offers the four Ofsted grades and exactly the built-in profiles as choices', () => {
    const all = entries.flatMap(([, s]) => expand(bodyText(s)).choices);
    const grades = all.filter((c) => c.includes('good'));
    expect(grades.length).toBeGreaterThan(0);
    for (const c of grades) expect([...c].sort()).toEqual(['good', 'inadequate', 'outstanding', 'requires improvement']);
    const profiles = all.find((c) => c.includes('maca-report'));
    expect(profiles?.sort()).toEqual(Object.keys(builtInProfiles).sort());
  });
});

describe('profile skeletons', () => {
  const methodologyItems: [string, RegExp][] = [
    ['number of cases', /^- Number of cases: .*cases were audited/m],
    ['how selected', /^- How they were selected: /m],
    ['agencies', /^- Agencies: /m],
    ['dates', /^- Dates: .*panel met on/m],
    ['grading scale', /^- Grading scale: .*outstanding, good, requires improvement to be good or inadequate/m],
    ['child and family views', /^- Child and family views: .*views/m],
  ];

  for (const profile of ['maca-report', 'seven-minute-briefing', 'learning-briefing']) {
    describe(profile, () => {
      const { text } = expand(bodyText(byPrefix(profile)));
      const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(text);
      const headings = [...text.matchAll(/^#{2,6} (.+)$/gm)].map((m) => m[1]);
      const ids = headings.map((heading) => classifyHeading(heading));

      it('starts with front matter naming the profile, a title and the number of cases', () => {
        expect(frontMatter).not.toBeNull();
        const data = parseYaml(frontMatter![1]) as Record<string, unknown>;
        expect(data.profile).toBe(profile);
        expect(typeof data.title).toBe('string');
        expect(guessProfileFromTitle(String(data.title))).toBe(profile);
        expect(Number.isInteger(data.cases) && (data.cases as number) > 0).toBe(true);
        expect(text.match(/^# .+$/gm)).toHaveLength(1);
      });

      it('has a heading for every section the profile requires', () => {
        const present = new Set(ids.flat());
        for (const requirement of builtInProfiles[profile].required) {
          const met = requirement.some((alternative) => alternative.every((id) => present.has(id)));
          expect(met, `${profile} needs ${requirement.map((a) => a.join(' + ')).join(' or ')}`).toBe(true);
        }
        expect(ids.filter((found) => found.length === 0), `unrecognised headings in ${headings}`).toEqual([]);
      });

      it('puts the sections in the profile order', () => {
        const slots = builtInProfiles[profile].order;
        const positions = ids
          .map((found) => slots.findIndex((slot) => found.some((id) => slot.includes(id))))
          .filter((slot) => slot >= 0);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      });

      it('prompts for every item of the methodology checklist', () => {
        for (const [item, pattern] of methodologyItems) expect(text, item).toMatch(pattern);
      });
    });
  }

  it('the standalone methodology checklist has the same items', () => {
    const { text } = expand(bodyText(byPrefix('methodology-checklist')));
    for (const [item, pattern] of methodologyItems) expect(text, item).toMatch(pattern);
  });
});

describe('SMART actions', () => {
  it('list form names owner, action, measure, date and the outcome for the child', () => {
    const s = byPrefix('smart-action');
    const { text, stops } = expand(bodyText(s));
    expect(text).toMatch(/^- \[insert owner\] to \[insert action\], measured by \[insert measure[^\]]*\], by \[insert date\], so that \[insert what will change for the child\]\.$/);
    expect([...stops.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('table form has the five columns and a row of the same width', () => {
    const rows = expand(bodyText(byPrefix('smart-action-table'))).text.trim().split('\n');
    const cells = (row: string) => row.split('|').slice(1, -1).map((c) => c.trim());
    expect(cells(rows[0])).toEqual(['Action', 'Owner', 'Measure', 'Due', 'Outcome for the child']);
    expect(cells(rows[1]).every((c) => /^:?-{3,}:?$/.test(c))).toBe(true);
    expect(cells(rows[2])).toHaveLength(5);
    expect(cells(expand(bodyText(byPrefix('smart-action-row'))).text.trim())).toHaveLength(5);
    expect(cells(rows[2]).every((c) => /^\[insert .+\]$/.test(c))).toBe(true);
  });

  it('the MACA skeleton ends its actions with the same table', () => {
    const text = expand(bodyText(byPrefix('maca-report'))).text;
    expect(text).toContain('| Action | Owner | Measure | Due | Outcome for the child |');
  });
});

describe('glossary and disable comments', () => {
  it('glossary entry pairs an acronym with its expansion', () => {
    expect(expand(bodyText(byPrefix('glossary-entry'))).text).toBe('- **[insert acronym]**: [insert what it stands for]');
  });

  it('offers every directive as an HTML comment with a rule id', () => {
    for (const kind of ['disable', 'enable', 'disable-next-line', 'disable-line', 'disable-file']) {
      const { text } = expand(bodyText(byPrefix(`audit-lint-${kind}`)));
      expect(text).toBe(`<!-- audit-lint-${kind} rule-id -->`);
    }
    const block = expand(bodyText(byPrefix('audit-lint-disable-block')));
    expect(block.text).toBe('<!-- audit-lint-disable rule-id -->\n\n<!-- audit-lint-enable rule-id -->');
  });
});
