// The injection grammar, run by the real TextMate engine over VS Code's own Markdown grammar
// (shipped in tm-grammars), so that injection priority and scope selectors behave as in the editor.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const require = createRequire(import.meta.url);
const INJECTION = 'audit-lint.injection';
const grammarPath = fileURLToPath(
  new URL('../../syntaxes/audit-lint.injection.tmLanguage.json', import.meta.url),
);

// Markdown embeds HTML (comments) and YAML (front matter, which is not recognised at all without
// it); other embedded languages are absent, which the engine tolerates inside fenced code.
const baseGrammars: Record<string, string> = {
  'text.html.markdown': 'tm-grammars/grammars/markdown.json',
  'source.yaml': 'tm-grammars/grammars/yaml.json',
  'text.html.derivative': 'tm-grammars/grammars/html-derivative.json',
  'text.html.basic': 'tm-grammars/grammars/html.json',
};

let markdown: vsctm.IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const file = scopeName === INJECTION ? grammarPath : baseGrammars[scopeName];
      if (!file) return null;
      const path = file === grammarPath ? file : require.resolve(file);
      return vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('Markdown grammar did not load');
  markdown = grammar;
});

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(doc: string): Token[] {
  const tokens: Token[] = [];
  let state = vsctm.INITIAL;
  for (const line of doc.split('\n')) {
    const result = markdown.tokenizeLine(line, state);
    for (const t of result.tokens) {
      tokens.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    state = result.ruleStack;
  }
  return tokens;
}

/** Every audit-lint scope in the document as [text, scope without the suffix], adjacent tokens merged. */
function highlights(doc: string): [string, string][] {
  const out: [string, string][] = [];
  let previous: string | undefined;
  for (const { text, scopes } of tokenize(doc)) {
    const scope = scopes.findLast((s) => s.endsWith('.audit-lint'))?.replace(/\.audit-lint$/, '');
    if (scope && scope === previous) out[out.length - 1][0] += text;
    else if (scope) out.push([text, scope]);
    previous = scope;
  }
  return out;
}

const GRADE = 'constant.language.grade';
const LABEL = 'keyword.other.label.smart';
const COLON = 'punctuation.separator.key-value';
const PARA = 'constant.numeric.paragraph-id';
const PLACEHOLDER = 'invalid.illegal.placeholder';

describe('grade terms', () => {
  it('marks grades after a grading word', () => {
    expect(highlights('Overall the audit panel judged the audit to be Good in terms of outcomes.')).toEqual([
      ['Good', GRADE],
    ]);
    expect(highlights('Two cases were graded outstanding, one was rated inadequate.')).toEqual([
      ['outstanding', GRADE],
      ['inadequate', GRADE],
    ]);
    expect(highlights('Overall grade: **good**')).toEqual([['good', GRADE]]);
  });

  it('marks the Ofsted phrase "requires improvement (to be good)" anywhere in prose', () => {
    expect(highlights('The practice for four of the audits was requires improvement.')).toEqual([
      ['requires improvement', GRADE],
    ]);
    expect(highlights('Judged as Requires Improvement to be Good overall.')).toEqual([
      ['Requires Improvement to be Good', GRADE],
    ]);
  });

  it('marks a table cell that holds only a grade', () => {
    const table = '| Case | Grade |\n| --- | --- |\n| Child A | Good |\n| Child B | inadequate |';
    expect(highlights(table)).toEqual([
      ['Good', GRADE],
      ['inadequate', GRADE],
    ]);
  });

  it('leaves ordinary uses of the words alone', () => {
    for (const prose of [
      'It was a good idea to ask the family first.',
      'Good practice was seen in every case.',
      'The panel judged that good practice was consistent.',
      'Housing was inadequate for a family of five.',
      'There are three outstanding actions from the last audit.',
      'The Graded Care Profile is good at showing neglect.',
      '| Good practice | Areas for development |\n| --- | --- |\n| Good records were kept | Plans |',
    ]) {
      expect(highlights(prose), prose).toEqual([]);
    }
  });
});

describe('numbered paragraph ids', () => {
  it('marks ids at the start of a paragraph or numbered heading', () => {
    expect(highlights('5.1 The audit found that plans were shared.')).toEqual([['5.1', PARA]]);
    expect(highlights('## 4.0 Themes\n\n3.2.1. Families were not asked.')).toEqual([
      ['4.0', PARA],
      ['3.2.1.', PARA],
    ]);
  });

  it('leaves numbers that are not paragraph ids alone', () => {
    for (const prose of [
      '1.5 million children live in poverty.',
      'See paragraph 5.1 for the method.',
      '5. Findings are listed below.',
      'Version 2.0 Tool was used.',
    ]) {
      expect(highlights(prose), prose).toEqual([]);
    }
  });
});

describe('SMART labels', () => {
  it('marks labels at the start of a line, list item or table cell', () => {
    expect(highlights('Owner: Head of Early Help')).toEqual([
      ['Owner', LABEL],
      [':', COLON],
    ]);
    expect(highlights('- **Action:** Add a question on interpreters\n  - Due date: 31 March 2026\n  - So that: every child is heard')).toEqual([
      ['Action', LABEL],
      [':', COLON],
      ['Due date', LABEL],
      [':', COLON],
      ['So that', LABEL],
      [':', COLON],
    ]);
    expect(highlights('| Measure: 9 of 10 plans | By: Q2 2026 |\n| --- | --- |')).toEqual([
      ['Measure', LABEL],
      [':', COLON],
      ['By', LABEL],
      [':', COLON],
    ]);
    expect(highlights('> Lead: Designated Safeguarding Lead')).toEqual([
      ['Lead', LABEL],
      [':', COLON],
    ]);
  });

  it('leaves the same words inside a sentence alone', () => {
    for (const prose of [
      'The plan names an owner: the social worker.',
      'Reviewed by: nobody, which is the concern.',
      'Owner of the plan was unclear.',
    ]) {
      expect(highlights(prose), prose).toEqual([]);
    }
  });
});

describe('placeholders', () => {
  it('marks unfinished text', () => {
    expect(highlights('The audit took place on [insert date] with TBC agencies.')).toEqual([
      ['[insert date]', PLACEHOLDER],
      ['TBC', PLACEHOLDER],
    ]);
    expect(highlights('XX cases (TODO: confirm) were chosen by [TBD] on XX/XX/XXXX.')).toEqual([
      ['XX', PLACEHOLDER],
      ['TODO', PLACEHOLDER],
      ['[TBD]', PLACEHOLDER],
      ['XX/XX/XXXX', PLACEHOLDER],
    ]);
    expect(highlights('Owner: ${1:named agency or role}, choice ${2|good,inadequate|}, ${3} and $4')).toEqual([
      ['Owner', LABEL],
      [':', COLON],
      ['${1:named agency or role}', PLACEHOLDER],
      ['${2|good,inadequate|}', PLACEHOLDER],
      ['${3}', PLACEHOLDER],
      ['$4', PLACEHOLDER],
    ]);
    expect(highlights('Sent to <insert name> at [name of school] in [month year]. FIXME: Lorem ipsum')).toEqual([
      ['<insert name>', PLACEHOLDER],
      ['[name of school]', PLACEHOLDER],
      ['[month year]', PLACEHOLDER],
      ['FIXME', PLACEHOLDER],
      ['Lorem ipsum', PLACEHOLDER],
    ]);
  });

  it('leaves lower-case words and links alone', () => {
    for (const prose of [
      'There is a todo list and a tbc note.',
      'Read [Working Together](https://example.org/wt) before the audit.',
      'See [date of the panel](#method) and [Date][minutes].',
      'Postcode XX1 1XX is a safe placeholder.',
    ]) {
      expect(highlights(prose), prose).toEqual([]);
    }
  });
});

describe('code and metadata are never highlighted', () => {
  it('skips inline code spans', () => {
    expect(highlights('Use `Owner: TBC` and `graded good` as examples; judged good.')).toEqual([
      ['good', GRADE],
    ]);
  });

  it('skips fenced and indented code, front matter and HTML comments', () => {
    const doc = [
      '---',
      'title: TBC',
      'grade: graded good',
      '---',
      '',
      '```markdown',
      '5.1 The audit was graded good.',
      'Owner: TODO',
      '```',
      '',
      '~~~',
      '[insert date]',
      '~~~',
      '',
      '    5.2 Indented code graded inadequate TBC',
      '',
      '<!-- TODO: graded good -->',
      '',
      'Text with <!-- TBC --> an inline comment.',
      '',
      '6.1 After the code, TBC.',
    ].join('\n');
    expect(highlights(doc)).toEqual([
      ['6.1', PARA],
      ['TBC', PLACEHOLDER],
    ]);
  });

  it('keeps the Markdown structure around highlights', () => {
    const scopesOf = (doc: string, text: string) => tokenize(doc).find((t) => t.text === text)?.scopes ?? [];
    expect(scopesOf('- Owner: **CSC** to act', 'CSC')).toContain('markup.bold.markdown');
    expect(scopesOf('- Owner: **CSC** to act', 'Owner')).toContain('markup.list.unnumbered.markdown');
    expect(scopesOf('## 4.0 Themes', '4.0')).toContain('entity.name.section.markdown');
  });
});
