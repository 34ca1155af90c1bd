import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDates } from '../../server/src/core/privacy/finders/date-of-birth';
import { classifyHealthNumber, isValidMod11 } from '../../server/src/core/privacy/finders/health-number';
import { hasNamesChangedStatement } from '../../server/src/core/privacy/finders/name';
import { isValidNino } from '../../server/src/core/privacy/finders/nino';
import { isDramaNumber } from '../../server/src/core/privacy/finders/phone';
import { isValidPostcode } from '../../server/src/core/privacy/finders/postcode';
import { isValidUpn } from '../../server/src/core/privacy/finders/upn';
import { findIdentifiers, mask } from '../../server/src/core/privacy/identifiers';
import type { IdentifierKind } from '../../server/src/core/privacy/match';
import { findQuasiIdentifiers, quasiKinds } from '../../server/src/core/privacy/quasi-identifiers';
import { buildModel } from '../../server/src/core/model/build';
import { lint } from '../../server/src/core/engine';
import { resolveSettings } from '../../server/src/core/config/settings';
import { rule as anonymisation } from '../../server/src/core/rules/anonymisation';
import { rule as jigsawRisk } from '../../server/src/core/rules/jigsaw-risk';
import type { Report, Rule } from '../../server/src/core/types';
import { cpuTime, leastCpuTime } from './cpu-time';

/** The kinds found in a text, with the text each one covers. */
function found(text: string): [IdentifierKind, string][] {
  return findIdentifiers(text).map((m) => [m.kind, text.slice(m.start, m.end)]);
}

function confidenceOf(text: string): string[] {
  return findIdentifiers(text).map((m) => m.confidence);
}

describe('NHS, CHI and H&C numbers', () => {
  it.each(['943 476 5919', '943-476-5870', '9434765919'])('finds the valid NHS number %s', (value) => {
    expect(found(`NHS number ${value} was on the referral.`)).toEqual([['nhs-number', value]]);
  });

  it('is sure about a number in an issued range with NHS context', () => {
    expect(classifyHealthNumber('4010232137')).toBe('nhs');
    expect(confidenceOf('NHS number 401 023 2137.')).toEqual(['high']);
    expect(confidenceOf('NHS no. 612 345 6784.')).toEqual(['high']);
    // 943… passes the check but lies outside the issued ranges: NHS context nearby is not enough …
    expect(confidenceOf('The NHS trust wrote 943 476 5919 on the letter.')).toEqual(['low']);
  });

  it.each([
    'NHS number 943 476 5919.', 'NHS number: 943 476 5919.', 'NHS No. 943 476 5919', 'her NHS no 9434765919',
    '(NHS number 943-476-5919)', 'NHS number is 943 476 5919.',
  ])('… but a labelled number with a valid check digit is certain, whatever its range: %s', (text) => {
    expect(findIdentifiers(text).map((m) => [m.kind, m.confidence])).toEqual([['nhs-number', 'high']]);
  });

  it('takes the kind from the label: a CHI-range number labelled NHS is an NHS number', () => {
    expect(classifyHealthNumber('0101011237')).toBe('chi');
    expect(findIdentifiers('NHS number: 0101011237').map((m) => [m.kind, m.confidence])).toEqual([['nhs-number', 'high']]);
  });

  it('rejects a failed check digit', () => {
    expect(isValidMod11('9434765871')).toBe(false);
    expect(found('NHS number 9434765871 was on the referral.')).toEqual([]);
  });

  it.each(['999 000 0018', '999 000 0026', '999 000 0034'])('allows the test range: %s', (value) => {
    expect(isValidMod11(value.replace(/ /g, ''))).toBe(true);
    expect(classifyHealthNumber(value.replace(/ /g, ''))).toBe('test');
    expect(found(`NHS number ${value}`)).toEqual([]);
  });

  it('is less sure without NHS context', () => {
    expect(confidenceOf('The reference was 401 023 2137.')).toEqual(['low']);
  });

  it('tells CHI and H&C numbers apart by range', () => {
    expect(found('CHI number 0101011237 was recorded.')).toEqual([['chi-number', '0101011237']]);
    expect(confidenceOf('CHI number 0101011237 was recorded.')).toEqual(['high']);
    const hc = '3200000015';
    expect(isValidMod11(hc)).toBe(true);
    expect(found(`H&C number ${hc}`)).toEqual([['hc-number', hc]]);
  });

  it('does not read mixed separators, longer numbers or decimals as one number', () => {
    expect(found('943 476-5919')).toEqual([]);
    expect(found('94347659190')).toEqual([]);
    expect(found('1.9434765919')).toEqual([]);
  });
});

describe('National Insurance numbers', () => {
  it.each(['AB123456C', 'AB 12 34 56 C'])('finds %s', (value) => {
    expect(isValidNino(value)).toBe(true);
    expect(found(`Her National Insurance number is ${value}.`)).toEqual([['nino', value]]);
  });

  it.each(['QQ123456C', 'GB123456A', 'TN123456A', 'ZZ123456D', 'AO123456A', 'DA123456A'])('does not find %s', (value) => {
    expect(isValidNino(value)).toBe(false);
    expect(found(`NI number ${value}`)).toEqual([]);
  });
});

describe('Unique Pupil Numbers', () => {
  it('checks the mod-23 check letter', () => {
    expect(isValidUpn('B801200005001')).toBe(true);
    expect(isValidUpn('A801200005001')).toBe(false);
    expect(found('UPN B801200005001 was given.')).toEqual([['upn', 'B801200005001']]);
    expect(found('UPN A801200005001 was given.')).toEqual([]);
  });
});

describe('postcodes', () => {
  it.each(['SW1A 2AA', 'EC1A 1BB', 'W1A 0AX', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'GIR 0AA'])('finds %s', (value) => {
    expect(isValidPostcode(value)).toBe(true);
    expect(found(`The family moved to ${value} in the spring.`)).toEqual([['postcode', value]]);
  });

  it.each(['AB1 2CD', 'XX1 1XX', 'sw1a 2aa'])('does not find %s', (value) => {
    expect(found(`The family moved to ${value} in the spring.`)).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each(['07123 456789', '+44 7123 456789', '+44 (0)20 7450 4000', '01273 800 900', '020 7450 4000', '(01273) 800900'])(
    'finds %s',
    (value) => {
      expect(found(`Call ${value} for details.`)).toEqual([['phone', value]]);
    },
  );

  it.each(['(01273 800900)', '(07123 456789)', '(020 7450 4000)', '(+44 7123 456789)'])('finds a number in brackets: %s', (value) => {
    expect(found(`The school (tel. ${value}) called.`)).toEqual([['phone', value.slice(1, -1)]]);
    expect(found(`Her worker ${value} called.`)).toEqual([['phone', value.slice(1, -1)]]);
  });

  it('is sure about a mobile, less sure about a landline', () => {
    expect(confidenceOf('Mother’s mobile: 07123 456789.')).toEqual(['high']);
    expect(confidenceOf('The office is on 020 7450 4000.')).toEqual(['low']);
  });

  it.each(['07700 900461', '01632 960123', '020 7946 0123', '0117 496 0999', '0808 157 0000', '028 9649 6500', '+44 7700 900123'])(
    'allows the Ofcom drama number %s',
    (value) => {
      expect(isDramaNumber(value)).toBe(true);
      expect(found(`Call ${value}.`)).toEqual([]);
    },
  );

  it('does not read too many or too few digits as a phone number', () => {
    expect(found('Ref 0712345678901.')).toEqual([]);
    expect(found('Ref 0712 345.')).toEqual([]);
  });
});

describe('email addresses', () => {
  it('finds a personal address', () => {
    expect(found('Contact jane.smith@council.gov.uk for the plan.')).toEqual([['email', 'jane.smith@council.gov.uk']]);
    expect(confidenceOf('Contact jane.smith@council.gov.uk.')).toEqual(['high']);
  });

  it('is less sure about a team mailbox', () => {
    expect(confidenceOf('Write to PSCP@plymouth.gov.uk or safeguarding@council.gov.uk.')).toEqual(['low', 'low']);
  });

  it('allows reserved example domains and ignores lone @ signs', () => {
    expect(found('Write to anyone@example.org or a@example.com.')).toEqual([]);
    expect(found('Meet @ the school; 5 @ £3; user@localhost')).toEqual([]);
  });
});

describe('dates of birth', () => {
  it.each([
    'Child A was born on 12 March 2015.',
    'DOB: 12/03/2015.',
    'D.O.B. 12.03.15',
    'Her date of birth, 2015-03-12, was wrong on the referral.',
    'He was born on the 12th March 2015 in hospital.',
  ])('finds the date in %s', (text) => {
    expect(found(text).map(([kind]) => kind)).toEqual(['date-of-birth']);
  });

  it('does not flag audit, panel or publication dates', () => {
    expect(found('The audit took place on 17th September 2024 and the panel met on 25 June 2021.')).toEqual([]);
    expect(found('Published 10 May 2017. Babies born in the area are offered a visit.')).toEqual([]);
  });

  it('does not read paragraph numbers or impossible dates as dates', () => {
    expect(findDates('See 1.2.10 and 5.11, and 31/02/2015.')).toEqual([]);
    expect(findDates('On 29/02/2016 and 3 Sept 2019.').length).toBe(2);
  });
});

describe('street addresses', () => {
  it('finds a house number and street', () => {
    expect(found('The family lived at 14 Acacia Avenue with the grandmother.')).toEqual([['address', '14 Acacia Avenue']]);
    expect(confidenceOf('The family lived at 14 Acacia Avenue.')).toEqual(['high']);
  });

  it('does not read counts, years or paragraph numbers as addresses', () => {
    expect(found('In 2019 Family Court proceedings began.')).toEqual([]);
    expect(found('5 Children Court hearings took place; see 5.11 Church Lane Review.')).toEqual([]);
  });
});

describe('names', () => {
  it.each([
    ['Mrs Smith attended the meeting.', 'Mrs Smith'],
    ['The GP, Dr Patel, saw the baby.', 'Dr Patel'],
    ['Mr John Brown was the lodger.', 'Mr John Brown'],
    ['Ms O’Neill’s report was late.', 'Ms O’Neill'],
  ])('finds a titled name in %s', (text, name) => {
    expect(found(text)).toEqual([['name', name]]);
  });

  it.each([
    ['The family’s support worker, Jane Hollis, said the plan had stalled.', 'Jane Hollis'],
    ['The health visitor, Priya Shah said the baby was thriving.', 'Priya Shah'],
    ['Her Designated Safeguarding Lead, Mark O’Brien, was not told.', 'Mark O’Brien'],
    ['Contact was with her mother, Sarah Jones, and two siblings.', 'Sarah Jones'],
    ['The GP, Anna Kowalski.', 'Anna Kowalski'],
    ['The social worker Tom Baker visited twice.', 'Tom Baker'],
    ['Jane Hollis, the family’s support worker, said the plan had stalled.', 'Jane Hollis'],
    ['Priya Shah (health visitor) saw the baby.', 'Priya Shah'],
    ['Sarah Jones, her mother, was not seen.', 'Sarah Jones'],
  ])('finds a full name set off beside a role in %s', (text, name) => {
    expect(found(text)).toEqual([['name', name]]);
    expect(confidenceOf(text)).toEqual(['high']);
  });

  it.each([
    'The health visitor, Leeds Community Healthcare, said the baby was thriving.',
    'The support worker, Early Help, and the school met.',
    'The social worker, Team Manager and Head of Service agreed.',
    'Each worker, Child A and Child B were seen.',
    'The school nurse, Monday to Friday, ran a drop-in.',
    'In North Yorkshire, the social worker visited twice.',
    'Early Help (lead practitioner) and the school met.',
    'Children’s Social Care, the lead agency, did not attend.',
    'Child Protection (the conference chair) was discussed.',
    // A table row as prose has it: the bars blanked out.
    '  Service Manager   Ongoing   Attendance reported to the sub-group  ',
  ])('does not take an organisation or a list after a role for a name: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ['The child lived with her mother, Sarah, and two siblings.', 'Sarah'],
    ['Sarah’s father was not seen.', 'Sarah'],
    ['Workers rarely saw his sister Amy.', 'Amy'],
    ['Harry (aged 7) was not seen alone.', 'Harry'],
  ])('finds a first name beside a family role in %s', (text, name) => {
    expect(found(text)).toEqual([['name', name]]);
    expect(confidenceOf(text)).toEqual(['low']);
  });

  it.each([
    'Child A and Baby B lived with Mother A; Child 1 and Family X were open to CSC.',
    'Dr Barnardo’s provided the family support worker.',
    'In Re X and Y, Mr Justice Munby set out the test.',
    'Mr X and Mrs Y were not seen.',
    'Children Who Miss Education',
    'Dad’s voice was missing; mother, Social Care and the school met.',
    'The mother and father were both seen.',
  ])('does not find a name in %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reads names as pseudonyms once the report says names have been changed', () => {
    const text = 'Names have been changed. The child lived with her mother, Sarah. Mrs Smith was the neighbour.';
    expect(hasNamesChangedStatement(text)).toBe(true);
    expect(findIdentifiers(text).map((m) => [m.kind, m.confidence])).toEqual([['name', 'low']]);
    const full = 'Names have been changed. The support worker, Jane Hollis, said so.';
    expect(findIdentifiers(full).map((m) => [m.kind, m.confidence])).toEqual([['name', 'low']]);
  });

  it('recognises the common forms of the statement', () => {
    expect(hasNamesChangedStatement('All names and identifying details have been changed.')).toBe(true);
    expect(hasNamesChangedStatement('Pseudonyms are used throughout.')).toBe(true);
    expect(hasNamesChangedStatement('Names of agencies are given in full.')).toBe(false);
  });
});

describe('realistic paragraphs', () => {
  it('finds nothing in an anonymised paragraph with the usual numbers', () => {
    const text = [
      '2.1 Five cases were selected at random from the 46 children subject to a child protection plan',
      'under the category of neglect on 1 April 2024. Agencies completed the audit tool by 30 April 2024',
      'and the panel met on 15 May 2024. Four cases were graded requires improvement (80%) and one good.',
      '5.11 In two cases a section 47 enquiry (s47) was completed within 15 working days. Child B, aged',
      'under 5, lived with Mother B; the health visitor saw Child B at home 12 times between 2022 and 2023.',
      'See Working Together to Safeguard Children 2023, paragraph 3.4, and Dr Barnardo’s guidance.',
    ].join('\n');
    expect(found(text)).toEqual([]);
  });

  it('finds every identifier in a leaked draft paragraph, none twice', () => {
    const text = [
      'Amy (aged 6) lived with her mother, Sarah Jones, at 14 Acacia Avenue, Bristol BS1 4DJ. Her NHS',
      'number is 943 476 5919 and she was born on 12 March 2018. Mum’s mobile is 07123 456789 and her',
      'email sarah.jones84@gmail.com. Mrs Jones’s National Insurance number is AB 12 34 56 C.',
    ].join('\n');
    expect(found(text).map(([kind]) => kind)).toEqual([
      'name', 'name', 'address', 'postcode', 'nhs-number', 'date-of-birth', 'phone', 'email', 'name', 'nino',
    ]);
  });
});

describe('mask', () => {
  it('keeps the layout and at most the last three characters', () => {
    expect(mask('nhs-number', '943 476 5919')).toBe('••• ••• •919');
    expect(mask('phone', '07123 456789')).toBe('••••• •••789');
    expect(mask('nino', 'AB 12 34 56 C')).toBe('•• •• •• •6 C');
    expect(mask('email', 'jane@council.gov.uk')).toBe('[email address]');
    expect(mask('name', 'Mrs Smith')).toBe('Mrs S•••');
  });

  const numberKinds: IdentifierKind[] = ['nhs-number', 'chi-number', 'hc-number', 'phone', 'upn', 'nino'];

  it('never contains the digit run of the identifier', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...numberKinds),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 13 }),
        fc.constantFrom('', ' ', '-'),
        (kind, digits, separator) => {
          const run = digits.join('');
          const value = [run.slice(0, 3), run.slice(3, 6), run.slice(6)].join(separator);
          const masked = mask(kind, value);
          expect(masked.replace(/\D/g, '')).not.toContain(run);
          expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(3);
        },
      ),
    );
  });

  it('never repeats a found identifier in full', () => {
    fc.assert(
      fc.property(fc.constantFrom('943 476 5919', '07123 456789', 'AB123456C', 'B801200005001', 'SW1A 2AA'), (value) => {
        const [match] = findIdentifiers(`Number ${value}.`);
        const masked = mask(match.kind, value);
        expect(masked).not.toContain(value);
        expect(masked.replace(/[^A-Za-z0-9]/g, '')).not.toContain(value.replace(/[^A-Za-z0-9]/g, ''));
      }),
    );
  });
});

describe('linear time on adversarial input', () => {
  const size = 100_000;
  const inputs: Record<string, (n: number) => string> = {
    digits: (n) => '7'.repeat(n),
    'digits and spaces': (n) => '12 '.repeat(Math.ceil(n / 3)).slice(0, n),
    'at signs': (n) => '@'.repeat(n),
    'local parts and at signs': (n) => 'a.b@'.repeat(Math.ceil(n / 4)).slice(0, n),
    'capitalised words': (n) => 'Mrs Aaaa '.repeat(Math.ceil(n / 9)).slice(0, n),
    'house numbers': (n) => '1 Aaaa Bbbb '.repeat(Math.ceil(n / 12)).slice(0, n),
    'dates and kin': (n) => '12/03/2015 mother Sarah born '.repeat(Math.ceil(n / 29)).slice(0, n),
  };

  it.each(Object.keys(inputs))('%s: 100,000 characters cost about 100 times 1,000', (name) => {
    const make = inputs[name];
    const small = make(size / 100);
    const large = make(size);
    const scan = (text: string) => () => {
      findIdentifiers(text);
      findQuasiIdentifiers(text);
    };
    scan(small)(); // warm up the regular expressions
    const smallTime = Math.max(1, leastCpuTime(scan(small)));
    const largeTime = cpuTime(scan(large));
    // Linear would be about 100x; quadratic would be 10,000x. Allow generous noise.
    expect(largeTime).toBeLessThan(smallTime * 1000);
  });
});

describe('quasi-identifiers', () => {
  it('names the kinds a sentence combines', () => {
    const sentence = 'A 7-year-old boy, one of four siblings, moved to Oakfield Primary School in March 2023.';
    expect(quasiKinds(findQuasiIdentifiers(sentence))).toEqual(['age', 'sex', 'family', 'date', 'establishment']);
  });

  it('does not count bands, generic schools or audit dates', () => {
    const sentence = 'Children aged 0-5 attended a primary school or the Virtual School and Primary Care.';
    expect(quasiKinds(findQuasiIdentifiers(sentence))).toEqual([]);
    expect(quasiKinds(findQuasiIdentifiers('The audit met on 17 September 2024.', { ignoreDates: true }))).toEqual([]);
  });
});

describe('more false positives kept out', () => {
  it('does not read a list of single digits as a phone number', () => {
    expect(found('Scores were 0 1 2 3 4 5 6 7 8 9 across the cases.')).toEqual([]);
  });

  it('does not count an open-ended age band as an exact age', () => {
    expect(quasiKinds(findQuasiIdentifiers('Young people aged 16 and over were seen.'))).toEqual([]);
    expect(quasiKinds(findQuasiIdentifiers('She was aged 16 when seen.'))).toEqual(['age']);
  });

  it('does not read a role in brackets as a name', () => {
    expect(found('The Referrer (mother) called twice.')).toEqual([]);
  });
});

/** Run one rule over a Markdown document with default settings and options. */
function check<Options extends object>(rule: Rule<Options>, markdown: string, options: Partial<Options> = {}): Report[] {
  const settings = resolveSettings(undefined, 'report.md');
  const model = buildModel(markdown, settings);
  const defaults = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([name, schema]) => [name, schema.default]));
  const reports: Report[] = [];
  rule.check({ model, options: { ...defaults, ...options } as Options, settings, report: (r) => reports.push(r), overBudget: () => false });
  return reports;
}

describe('anonymisation rule', () => {
  it('is certain about a labelled NHS number with a valid check digit: no "Possible", not demoted', () => {
    const [report] = check(anonymisation, '# Audit\n\nHer NHS number: 943 476 5919 was on the form.\n');
    expect([report.data?.kind, report.demote, report.message]).toEqual(['nhs-number', false, expect.stringMatching(/^NHS number \(/)]);
  });

  it('one thing, one finding: the pieces of an identifier are not also acronyms, numbers or names', () => {
    const text = '# Audit\n\n## Findings\n\nThe family moved to LS6 2QT. The father\'s National Insurance number is AB 12 34 56 C.\n';
    const { findings } = lint(text, resolveSettings(undefined, '(defaults)'));
    const onIdentifiers = findings.filter((f) => f.start >= text.indexOf('LS6'));
    expect(onIdentifiers.map((f) => [f.ruleId, text.slice(f.start, f.end)])).toEqual([
      ['anonymisation', 'LS6 2QT'], ['anonymisation', 'AB 12 34 56 C'],
    ]);
  });

  const leaked = [
    '# Neglect audit',
    '',
    '## Findings',
    '',
    'Child A (NHS number 401 023 2137) lived with her mother, Sarah, at 14 Acacia Avenue.',
    'Contact the allocated worker on 07123 456789.',
    '',
    '## Further information',
    '',
    'Email safeguarding@council.gov.uk or call 01273 800 900.',
    '',
  ].join('\n');

  it('reports each identifier with its kind, a masked message and a placeholder fix', () => {
    const reports = check(anonymisation, leaked);
    expect(reports.map((r) => [r.data?.kind, leaked.slice(r.start, r.end), r.demote])).toEqual([
      ['nhs-number', '401 023 2137', false],
      ['name', 'Sarah', true],
      ['address', '14 Acacia Avenue', false],
      ['phone', '07123 456789', false],
      ['email', 'safeguarding@council.gov.uk', true],
      ['phone', '01273 800 900', true],
    ]);
    const [nhs] = reports;
    expect(nhs.message).toContain('••• ••• •137');
    expect(nhs.fixes?.[0].edits).toEqual([{ start: nhs.start, end: nhs.end, text: '[NHS number removed]' }]);
  });

  it('never puts an identifier in a message, its data or a fix', () => {
    for (const r of check(anonymisation, leaked)) {
      const value = leaked.slice(r.start, r.end);
      const serialised = JSON.stringify({ message: r.message, data: r.data, fixes: r.fixes?.map((f) => f.title + f.edits.map((e) => e.text)) });
      expect(serialised).not.toContain(value);
      expect(serialised.replace(/\D/g, '')).not.toContain(value.replace(/\D/g, '') || 'no digits');
    }
  });

  it('finds nothing in an anonymised report, front matter and code included', () => {
    const clean = [
      '---',
      'profile: maca-report',
      'author: jane.smith@council.gov.uk',
      '---',
      '# Neglect audit',
      '',
      '## Methodology',
      '',
      'Five cases were audited on 17 September 2024; the panel met on 1 October 2024. Names have been changed.',
      '',
      '## Findings',
      '',
      'Child B lived with Mother B and her partner, Tom. `NHS 401 023 2137` is how an example looks.',
      '',
      '<!-- Sarah Jones, 14 Acacia Avenue: remove before publishing -->',
    ].join('\n');
    expect(check(anonymisation, clean)).toEqual([]);
  });
});

describe('jigsaw-risk rule', () => {
  it('reports a sentence once, naming the kinds it combines', () => {
    const markdown = [
      '# Audit',
      '',
      '## Findings',
      '',
      'A 7-year-old boy, the youngest of five, moved to Oakfield Primary School in March 2023. Attendance improved.',
      '',
    ].join('\n');
    const reports = check(jigsawRisk, markdown);
    expect(reports).toHaveLength(1);
    expect(markdown.slice(reports[0].start, reports[0].end)).toBe(
      'A 7-year-old boy, the youngest of five, moved to Oakfield Primary School in March 2023.',
    );
    expect(reports[0].data).toEqual({ kinds: ['age', 'sex', 'family', 'date', 'establishment'] });
    expect(reports[0].message).toContain('an exact age');
    expect(reports[0].message).not.toMatch(/Oakfield|7-year-old|March 2023/);
  });

  it('leaves two details alone, and audit dates in the methodology out of the count', () => {
    const markdown = [
      '# Audit',
      '',
      '## Methodology',
      '',
      'The panel met in Yate village on 17 September 2024 to discuss the case of a 3-year-old.',
      '',
      '## Findings',
      '',
      'A baby with complex needs was not brought to appointments.',
      '',
    ].join('\n');
    expect(check(jigsawRisk, markdown)).toEqual([]);
    expect(check(jigsawRisk, markdown, { threshold: 2 })).toHaveLength(1);
  });
});
