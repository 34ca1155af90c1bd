import { describe, it, expect } from 'vitest';
import {
  acronymKeys, findAcronyms, findDefinitions, initialsMatch, isAcronymToken, isWellKnown, lookupAcronym, namesItsAct, opensName, sameAcronym,
} from '../../server/src/core/analysis/acronyms';
import { ADVERSARIAL, expectLinear } from './analysis-timing';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';

const uses = (text: string) => findAcronyms(text).map((use) => use.text);

describe('findAcronyms', () => {
  it('finds capitals, digits, mixed case, plurals, possessives and section numbers', () => {
    expect(uses("The CSC's plan, GCP2, the 7MB, DfE, CYPFs, two GPs, an s47 and A&E."))
      .toEqual(['CSC', 'GCP2', '7MB', 'DfE', 'CYPFs', 'GPs', 's47', 'A&E']);
  });

  it('gives offsets into the text without the possessive', () => {
    const text = "  the CSC’s plan";
    const [use] = findAcronyms(text);
    expect(text.slice(use.start, use.end)).toBe('CSC');
  });

  it('ignores ordinary words, names, numbers and stop words', () => {
    expect(uses('The Board met McKay in May 2017; Ofsted, Q1, Y6 and II were noted. I AM OK.')).toEqual([]);
  });

  it('skips headings shouted in capitals but keeps acronyms in lists', () => {
    expect(uses('PLYMOUTH SAFEGUARDING CHILDREN BOARD MULTI-AGENCY CASE AUDIT')).toEqual([]);
    expect(uses('NHS, CAMHS, CSC and the MASH team')).toEqual(['NHS', 'CAMHS', 'CSC', 'MASH']);
  });

  it('grows linearly on long adversarial input', () => {
    for (const make of [...Object.values(ADVERSARIAL), (n: number) => 'CSC '.repeat(n / 4)]) {
      expectLinear((size) => findAcronyms(make(size)));
      expectLinear((size) => findDefinitions(make(size)));
    }
  });
});

describe('acronym keys', () => {
  it('normalises plurals, possessives and case', () => {
    expect(acronymKeys('ICPCs')).toEqual(['ICPC', 'ICPCS']);
    expect(acronymKeys("CSC's")).toEqual(['CSC']);
    expect(acronymKeys('CYPFS')).toEqual(['CYPFS', 'CYPF']);
    expect(sameAcronym('CYPFS', 'CYPFs')).toBe(true);
    expect(sameAcronym('LSCBS', 'LSCBs')).toBe(true);
    expect(sameAcronym('CSC', 'CSE')).toBe(false);
  });

  it('tells acronyms from words', () => {
    expect(['NHS', 'GCP2', 's47', 'SoS', 'HMICFRS'].every(isAcronymToken)).toBe(true);
    expect(['Ofsted', 'McKay', 'I', '2017', 'CHILDRENSERVICES'].some(isAcronymToken)).toBe(false);
  });
});

describe('findDefinitions', () => {
  const one = (text: string) => {
    const [definition] = findDefinitions(text);
    return definition && { acronym: definition.acronym, expansion: definition.expansion, form: definition.form, plausible: definition.plausible };
  };

  it.each([
    ['This Multi-Agency Case Audit (MACA) was held.', 'MACA', 'Multi-Agency Case Audit', 'name-acronym'],
    ['the Safeguarding Vulnerable People Partnership [SVPP] met', 'SVPP', 'Safeguarding Vulnerable People Partnership', 'name-bracket'],
    ['Local Safeguarding Children Boards (LSCBs) must', 'LSCBs', 'Local Safeguarding Children Boards', 'name-acronym'],
    ['Child and Adolescent Mental Health Services (CAMHS) saw her', 'CAMHS', 'Child and Adolescent Mental Health Services', 'name-acronym'],
    ['a Graded Care Profile 2 (GCP2) was used', 'GCP2', 'Graded Care Profile 2', 'name-acronym'],
    ['Children, Young People and Families Service (CYPFS) data', 'CYPFS', 'Children, Young People and Families Service', 'name-acronym'],
    ['CSC (Children’s Social Care) visited.', 'CSC', 'Children’s Social Care', 'acronym-name'],
    ['- DSL – Designated Safeguarding Lead', 'DSL', 'Designated Safeguarding Lead', 'dash'],
    ['IRO: Independent Reviewing Officer', 'IRO', 'Independent Reviewing Officer', 'colon'],
  ])('reads %s', (text, acronym, expansion, form) => {
    expect(one(text)).toEqual({ acronym, expansion, form, plausible: true });
  });

  it('flags a name whose initials do not spell the acronym', () => {
    expect(one('The panel met the service (PRAS) twice.')?.plausible).toBe(false);
    expect(one('GPs (two cases) were late.')?.plausible).toBe(false);
  });

  it('does not read ordinary brackets as definitions', () => {
    expect(findDefinitions('Five cases (two open) were audited (see 4.2).')).toEqual([]);
    expect(findDefinitions('Note: the plan was shared.')).toEqual([]);
  });
});

describe('two acronyms named together, titles and sections', () => {
  it('defines each of two acronyms in one bracket by its share of the name', () => {
    const text = 'Reports came from the North and West Community Rehabilitation Company (NW CRC) in May.';
    expect(findDefinitions(text).map((d) => [d.acronym, d.expansion, text.slice(d.acronymStart, d.acronymEnd)])).toEqual([
      ['NW', 'North and West', 'NW'],
      ['CRC', 'Community Rehabilitation Company', 'CRC'],
    ]);
  });

  it('does not take two words in brackets as acronyms', () => {
    expect(findDefinitions('The plan was late (as before) and the review met (in May).')).toEqual([]);
  });

  it('finds sections with a capital, a dot or a space, and keys them alike', () => {
    expect(uses('The S175 audit, s.157 returns, s. 11 duties and an s47 enquiry.')).toEqual(['S175', 's.157', 's. 11', 's47']);
    expect(acronymKeys('s.175')).toEqual(['S175']);
    expect(sameAcronym('S175', 's.175')).toBe(true);
    expect(uses('Child S. 3 agencies attended.')).toEqual([]);
  });

  it('knows whether the Act of a section is named beside it', () => {
    const after = 'Enquiries under s47 of the Children Act 1989 began.';
    const before = 'Under the Education Act 2002, s.175 applies.';
    const bare = 'The S175 audit was returned.';
    const at = (text: string, token: string) => [text.indexOf(token), text.indexOf(token) + token.length] as const;
    expect(namesItsAct(after, ...at(after, 's47'))).toBe(true);
    expect(namesItsAct(before, ...at(before, 's.175'))).toBe(true);
    expect(namesItsAct(bare, ...at(bare, 'S175'))).toBe(false);
    const list = 'Duties under S157 and S175 Education Act 2002 were met.';
    expect(namesItsAct(list, ...at(list, 'S157'))).toBe(true);
  });

  it('reads a title before a capitalised word as the opening of a name', () => {
    expect(opensName('HM', ' Government')).toBe(true);
    expect(opensName('HMP', ' Leeds')).toBe(true);
    expect(opensName('HM', ' said')).toBe(false);
    expect(opensName('CRC', ' Team')).toBe(false);
  });
});

describe('initialsMatch', () => {
  it('accepts initials, inner letters and one missing word or letter', () => {
    expect(initialsMatch('Child and Adolescent Mental Health Services', 'CAMHS')).toBe(true);
    expect(initialsMatch('Office for Standards in Education', 'Ofsted')).toBe(true);
    expect(initialsMatch('Children, Young People and Families', 'CYPFS')).toBe(true);
    expect(initialsMatch('Seven-minute briefing', '7MB')).toBe(true);
  });

  it('rejects names that do not fit', () => {
    expect(initialsMatch('the panel met the service', 'PRAS')).toBe(false);
    expect(initialsMatch('Children Act', 'CSC')).toBe(false);
    expect(initialsMatch('Local Children Board', 'LSCB', 0)).toBe(false);
    expect(initialsMatch('Local Children Board', 'LSCB')).toBe(true);
  });
});

describe('lookupAcronym', () => {
  it('finds glossary senses by any written form', () => {
    expect(lookupAcronym('GPs')?.senses).toEqual(['General practitioner']);
    expect(lookupAcronym('CYPFs')?.acronym).toBe('CYPFS');
    expect(lookupAcronym('S47')?.senses[0]).toMatch(/Section 47/);
    expect(lookupAcronym('PRAS')).toBeUndefined();
  });

  it('lists every sense of an ambiguous acronym', () => {
    const ico = lookupAcronym('ICO');
    expect(ico?.ambiguous).toBe(true);
    expect(ico?.senses).toHaveLength(2);
    expect(lookupAcronym('CIC')?.senses).toContain('Community Interest Company');
  });

  it('marks discouraged acronyms with a reason and a suggestion', () => {
    for (const acronym of ['LAC', 'LA', 'DNA']) {
      expect(lookupAcronym(acronym)?.deprecated, acronym).toMatchObject({ reason: expect.any(String), suggestion: expect.any(String) });
    }
    expect(lookupAcronym('CSC')?.deprecated).toBeUndefined();
  });

  it('prefers the partnership vocabulary', () => {
    expect(lookupAcronym('PRAS', { PRAS: 'Parental Recovery and Support' })).toMatchObject({ senses: ['Parental Recovery and Support'], origin: 'vocabulary' });
    expect(lookupAcronym('CSC', { CSC: 'Children’s Services Centre' })?.senses).toEqual(['Children’s Services Centre']);
  });

  it('knows which acronyms need no definition', () => {
    expect(isWellKnown('NHS')).toBe(true);
    expect(isWellKnown('UK')).toBe(true);
    expect(isWellKnown('GPs')).toBe(true);
    expect(isWellKnown('CAMHS')).toBe(false);
    expect(isWellKnown('NSPCC')).toBe(false);
  });
});

describe('acronym-undefined in titles and headings, and plurals', () => {
  const settings = resolveSettings(undefined, '(defaults)');
  const findings = (text: string) => lint(text, settings, { only: ['acronym-undefined'] }).findings;
  const inserted = (text: string) => findings(text).map((f) => `${f.line} ${f.fixes[0]?.edits[0].text ?? '(no fix)'}`);

  it('reports an acronym first used in the title at the title, and writes it out where the text first uses it', () => {
    const text = '# ICPC audit\n\n## Findings\n\nThe ICPC met twice.\n';
    const [finding] = findings(text);
    expect([finding.line, finding.message]).toEqual([1, expect.stringContaining('ICPC is not defined in this report (first used in the title)')]);
    expect(finding.fixes[0].edits[0].start).toBe(text.indexOf('ICPC met'));
  });

  it('takes a definition in the text after a heading as the definition, and still reports a use in the text before it', () => {
    expect(findings('# Audit\n\n## TAF meetings\n\nThe Team Around the Family (TAF) met.\n')).toEqual([]);
    const late = findings('# Audit\n\n## TAF meetings\n\nThe TAF met. Later the Team Around the Family (TAF) met again.\n');
    expect(late.map((f) => [f.line, f.column])).toEqual([[5, 5]]);
  });

  it('reads a title in front matter, and leaves the YAML alone', () => {
    const text = '---\ntitle: PLO audit\nprofile: maca-report\n---\n\n## Findings\n\nLetters were sent.\n';
    const [finding, ...rest] = findings(text);
    expect(rest).toEqual([]);
    expect([finding.line, text.slice(finding.start, finding.end), finding.fixes]).toEqual([2, 'PLO', []]);
    expect(findings('---\ntitle: PLO audit\n---\n\n## Findings\n\nThe Public Law Outline (PLO) was followed.\n')).toEqual([]);
  });

  it('does not take an acronym written out only in the title as defined for the text', () => {
    const [finding, ...rest] = findings('# Child Sexual Exploitation (CSE) audit\n\n## Findings\n\nCSE was identified late.\n');
    expect(rest).toEqual([]);
    expect([finding.line, finding.severity, finding.message]).toEqual([5, 'info', expect.stringContaining('CSE is written out only in a heading (line 1)')]);
    expect(finding.fixes[0].edits[0].text).toBe('Child Sexual Exploitation (');
    expect(findings('# Child Sexual Exploitation (CSE) audit\n\n## Findings\n\nTwo cases were late.\n')).toEqual([]);
  });

  it('gives the expansion the number of the use', () => {
    const glossary = '\n## Glossary\n\n| Term | Meaning |\n|---|---|\n| ICPC | Initial child protection conference |\n| RCPCs | Review child protection conferences |\n| LA | Local authority |\n';
    expect(inserted(`# Audit\n\n## Findings\n\nTwo ICPCs, one RCPC and two LAs.\n${glossary}`)).toEqual([
      '5 initial child protection conferences (', '5 review child protection conference (', '5 local authorities (',
    ]);
  });
});
