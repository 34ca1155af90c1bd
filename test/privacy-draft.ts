/** A draft full of personal data, and a check that output does not repeat any of it. */
export const IDENTIFIERS = {
  nhs: '401 023 2137',
  phone: '612-345-6784',
  upn: 'B801200005001',
  nino: 'AB 12 34 56 C',
  postcode: 'CR2 6XH',
  mobile: '07123 456789',
  email: 'jane.smith@council.gov.uk',
  dob: '12 March 2018',
  address: '27 Pemberton Road',
  chi: '0101011237',
  name: 'Mrs Sandra Pennington',
};

export const DRAFT = `---
profile: maca-report
---

# Draft audit of neglect cases

## Findings

The health visitor recorded NHS number ${IDENTIFIERS.nhs} on the referral.
An earlier letter gave ${IDENTIFIERS.phone} for the same child.
The school held Unique Pupil Number ${IDENTIFIERS.upn} for the older sibling.
The father's National Insurance number, ${IDENTIFIERS.nino}, was on the benefits form.
The family moved to a flat near ${IDENTIFIERS.postcode} during the audit period.
The mother's mobile, ${IDENTIFIERS.mobile}, was shared with the nursery.
The worker wrote from ${IDENTIFIERS.email} to the GP.
Child A was born on ${IDENTIFIERS.dob} and was two when the case opened.
They lived at ${IDENTIFIERS.address} until the eviction.
In Scotland the CHI number ${IDENTIFIERS.chi} was used by the health board.
The case was discussed with ${IDENTIFIERS.name}, the child's grandmother.
`;

/** Every form an identifier might take in output: as written, without spaces, and escaped for XML or JSON. */
export function leaks(output: string): string[] {
  const flat = output.replace(/\\n|%0A/g, ' ');
  return Object.entries(IDENTIFIERS).filter(([, value]) => {
    const compact = value.replace(/[\s-]/g, '');
    return flat.includes(value) || (compact.length >= 8 && flat.replace(/[\s-]/g, '').includes(compact));
  }).map(([kind]) => kind);
}
