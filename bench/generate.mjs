// Deterministic generator of realistic audit reports: the same seed always writes the same files.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const THEMES = ['neglect', 'domestic abuse', 'child sexual exploitation', 'school absence', 'parental mental health', 'children missing from home', 'adolescent self-harm', 'non-accidental injury in babies'];
const AGENCIES = ["Children's Social Care", 'Police', 'Health visiting', 'School nursing', 'Schools', 'GP practices', 'Early Help', 'Probation', 'Youth Justice Service', 'Child and Adolescent Mental Health Services (CAMHS)', 'Housing', 'Adult Mental Health'];
const ROLES = ['Head of Service', 'Designated Safeguarding Lead', 'Named Nurse for Safeguarding', 'Detective Inspector, Public Protection', 'Quality Assurance Manager', 'Child Protection Chair', 'Early Help Co-ordinator', 'Team Manager'];
const PLACES = ['Northshire', 'Eastvale', 'Westbrook', 'Southmoor', 'Riverside', 'Highfield'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const GRADES = ['outstanding', 'good', 'requires improvement to be good', 'inadequate'];

const STRENGTH = [
  'Health visitors recorded what each baby\'s day was like: feeding, sleep, and who cared for the baby. In {n} of the {cases} cases this record shaped the plan.',
  'In every case the first child protection conference took place within 15 working days of the strategy discussion.',
  '{agency} noticed when an older sibling\'s attendance fell, and told the social worker within two days in {n} cases.',
  'The {agency} worker visited the family at home every fortnight and wrote down what the child said about school, meals and bedtime.',
  'Strategy discussions in {n} cases included {agency}, and the minutes recorded who would do what by when.',
];
const CONCERN = [
  'In {n} cases the plan listed services the family should attend, but did not say what would be different for the child.',
  'Core groups in {n} cases recorded that actions were done without saying whether the child\'s care had improved.',
  '{agency} was not invited to {n} of the {cases} core groups, so missed health appointments were not discussed.',
  'Chronologies were started in {n} cases but were not kept up to date after the initial assessment.',
  'Referrals from {agency} described the home but not what the child had said, so the risk to the child was hard to judge.',
];
const WEAK = [
  'Agencies engaged well with families and there was robust multi-agency working in most cases.',
  'Communication between professionals needs to improve going forward.',
  'Information should be shared in a timely manner where appropriate.',
  'Practitioners should consider the use of chronologies where possible.',
  'The voice of the child needs to be heard.',
];
const LEARNING = [
  'A plan for {theme} should say what a good day will look like for the child, so that everyone can see whether it is happening.',
  'Attending a service is not the same as change. Core groups should record what has changed for the child at every meeting.',
  '{agency} hold information about missed appointments that nobody else has.',
  'What a young person says about missing school is evidence, and should be acted on.',
  'A joint home visit by {agency} and the social worker was the step that made the difference in {n} cases.',
];
const METHOD = [
  '{cases} cases were selected at random from the {total} children on a child protection plan for {theme} on 1 {month} {year}. {agencyList} each audited their own records for the 12 months before the audit.',
  'A multi-agency panel met on {day} {month} {year} to compare the audits and agree a grade for each case. Each case was graded outstanding, good, requires improvement to be good or inadequate.',
  'Parents in {n} of the {cases} families spoke to an independent auditor about their experience of the plan. The children were too young to give their views, so the auditors read what the health visitor had recorded.',
];

const OPENERS = ['In {n} of the {cases} cases', 'Across the sample', 'In one case', 'For the youngest children in the sample', 'In the cases graded {grade}', 'During the {period} reviewed', 'Before the initial conference', 'After the strategy discussion'];
const VERBS = ['recorded', 'shared', 'did not record', 'reviewed', 'noticed', 'escalated', 'discussed', 'did not share', 'followed up', 'questioned'];
const OBJECTS = ["the child's own words about home", 'concerns about home conditions', 'missed health appointments', 'the outcome of the strategy discussion', 'changes in school attendance', "the risk from a parent's new partner", 'what the child ate and when', 'the condition of the bedroom', 'the history of previous referrals', 'injuries seen at nursery', "the parents' account of the night", 'a fall in weight at the 9-month check'];
const TIMINGS = ['within {d} working days', 'at the next core group', 'only after {w} weeks', 'before the review conference', 'on the same day', 'at every home visit', 'in the chronology', 'in the plan'];
const REASONS = ['because nobody had been asked to', 'so the plan changed the same week', 'but the plan did not change', 'although the school had raised it twice', 'which let the core group act sooner', 'and the family agreed the next step', 'so the social worker saw the child alone', 'but nobody checked what happened next'];

/** A sentence from independent parts, so that reports, like real ones, rarely repeat a paragraph. */
function sentence(rng, facts) {
  const text = `${rng.pick(OPENERS)} ${rng.pick(AGENCIES)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(TIMINGS)}, ${rng.pick(REASONS)}.`;
  return fill(rng, text, facts);
}

function fill(rng, template, facts) {
  return template.replace(/\{(\w+)\}/g, (_, key) => {
    switch (key) {
      case 'n': return String(rng.int(1, facts.cases));
      case 'agency': return rng.pick(AGENCIES);
      case 'month': return rng.pick(MONTHS);
      case 'day': return String(rng.int(1, 28));
      case 'total': return String(rng.int(20, 90));
      case 'grade': return rng.pick(GRADES);
      case 'period': return rng.pick(['six months', 'year', 'nine months', 'twelve months']);
      case 'w': return String(rng.int(2, 12));
      case 'd': return String(rng.int(1, 10));
      case 'agencyList': return [rng.pick(AGENCIES), rng.pick(AGENCIES), rng.pick(AGENCIES)].join(', ');
      default: return String(facts[key]);
    }
  });
}

function frontMatter(rng, facts) {
  if (rng.chance(0.1)) return '';
  if (rng.chance(0.03)) return `---\ntitle: ${facts.title}\nprofile: [${facts.profile}\n---\n\n`; // YAML that does not parse
  return `---\ntitle: ${JSON.stringify(facts.title)}\nprofile: ${facts.profile}\npartnership: ${facts.place} Safeguarding Children Partnership\ntheme: ${facts.theme}\ncases: ${facts.cases}\ndate: ${facts.year}-0${rng.int(1, 9)}-1${rng.int(0, 9)}\n---\n\n`;
}

function paragraphs(rng, pool, count, facts, numbering) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const text = [fill(rng, rng.pick(pool), facts), ...Array.from({ length: rng.int(1, 3) }, () => sentence(rng, facts))].join(' ');
    const weak = rng.chance(0.15) ? ` ${rng.pick(WEAK)}` : '';
    out.push(numbering ? `${numbering.section}.${numbering.start + i} ${text}${weak}` : `${text}${weak}`);
  }
  return out.join('\n\n');
}

function bullets(rng, pool, count, facts) {
  return Array.from({ length: count }, () => `- ${fill(rng, rng.pick(pool), facts)} ${sentence(rng, facts)}${rng.chance(0.1) ? ` ${rng.pick(WEAK)}` : ''}`).join('\n');
}

function actionsTable(rng, count, facts) {
  const rows = ['| Action | Owner | Measure | Due | Outcome for the child |', '|---|---|---|---|---|'];
  for (let i = 0; i < count; i++) {
    const owner = rng.chance(0.15) ? 'All agencies' : `${rng.pick(ROLES)}, ${rng.pick(AGENCIES)}`;
    const measure = rng.chance(0.2) ? 'TBC' : `${rng.int(60, 95)}% of plans checked in a dip sample of ${rng.int(5, 20)} show the change`;
    const due = rng.chance(0.15) ? 'ongoing' : `${rng.int(1, 28)} ${rng.pick(MONTHS)} ${facts.year + 1}`;
    const outcome = rng.chance(0.2) ? '' : 'so that each child\'s plan says what must change in their daily care';
    rows.push(`| ${fill(rng, rng.pick(['Add a "what a good day looks like" section to the plan template used for {theme}', 'Invite {agency} to every core group for a child on a plan', 'Record at each core group what has changed for the child', 'Train staff in {agency} on recognising {theme}']), facts)} | ${owner} | ${measure} | ${due} | ${outcome} |`);
  }
  return rows.join('\n');
}

function actionsList(rng, count, facts) {
  return Array.from({ length: count }, (_, i) =>
    `${i + 1}. ${rng.pick(ROLES)} to ${fill(rng, rng.pick(['review how {agency} records the child\'s daily life', 'audit {n} plans for {theme} and report the findings', 'ensure that information is shared in a timely manner']), facts)}${rng.chance(0.6) ? ` by ${rng.pick(MONTHS)} ${facts.year + 1}` : ''}.`,
  ).join('\n');
}

/** One report of roughly `targetBytes`, as Markdown text. */
export function report(rng, targetBytes = 6000) {
  const profile = rng.pick(['maca-report', 'maca-report', 'seven-minute-briefing', 'learning-briefing']);
  const theme = rng.pick(THEMES);
  const place = rng.pick(PLACES);
  const facts = { profile, theme, place, cases: rng.int(3, 8), year: rng.int(2022, 2025) };
  facts.title = profile === 'maca-report' ? `Multi-agency case audit of ${theme} in ${place}` : profile === 'learning-briefing' ? `Learning briefing: ${theme}` : `7-minute briefing: ${theme}`;
  const numbered = profile === 'maca-report' && rng.chance(0.6);
  let section = 0;
  const heading = (title) => {
    section += 1;
    // Some reports skip a number or repeat a section: errors a reviewer would catch.
    if (numbered && rng.chance(0.03)) section += 1;
    return numbered ? `## ${section}.0 ${title}` : `## ${title}`;
  };
  const body = (pool, count) => paragraphs(rng, pool, count, facts, numbered ? { section, start: 1 } : undefined);

  const parts = [frontMatter(rng, facts), `# ${facts.title}\n`];
  if (rng.chance(0.9)) parts.push(`${heading('Background')}\n\n${body(WEAK.concat(LEARNING), 2)}\n`);
  if (rng.chance(0.92)) parts.push(`${heading(rng.pick(['Methodology', 'How the audit was done', 'Audit methodology']))}\n\n${body(METHOD, 3)}\n`);
  if (profile === 'maca-report') parts.push(`${heading('Overall judgement')}\n\n${facts.cases} cases were graded: ${Array.from({ length: facts.cases }, () => rng.pick(GRADES)).join(', ')}.\n`);
  parts.push(`${heading('Strengths')}\n\n${bullets(rng, STRENGTH, rng.int(2, 4), facts)}\n`);
  parts.push(`${heading('Areas for development')}\n\n${bullets(rng, CONCERN, rng.int(2, 4), facts)}\n`);
  if (rng.chance(0.3)) parts.push(`${heading('Voice of the child')}\n\n> "Nobody asked me what it was like at home." (young person, aged ${rng.int(9, 16)})\n\n${body(LEARNING, 1)}\n`);
  // Findings fill the report to about its target size, in subsections.
  const findingsCount = Math.max(0, Math.round((targetBytes - parts.join('\n').length - 600) / 1100));
  if (findingsCount > 0) {
    const title = heading('Findings');
    let findings = '';
    for (let i = 0; i < findingsCount; i++) {
      findings += `### ${rng.pick(['Early help', 'Assessment', 'Planning', 'Review', 'Working together'])}\n\n${paragraphs(rng, STRENGTH.concat(CONCERN), 2, facts, numbered ? { section, start: 2 * i + 1 } : undefined)}\n\n`;
    }
    parts.push(`${title}\n\n${findings}`);
  }
  parts.push(`${heading('Key learning')}\n\n${bullets(rng, LEARNING, rng.int(2, 4), facts)}\n`);
  parts.push(`${heading(rng.pick(['Actions', 'Recommendations', 'Action plan']))}\n\n${rng.chance(0.6) ? actionsTable(rng, rng.int(2, 5), facts) : actionsList(rng, rng.int(2, 5), facts)}\n`);
  if (rng.chance(0.08)) parts.push(`${heading('Recommendations')}\n\nFurther actions are TBC.\n`);
  if (rng.chance(0.5)) {
    const link = rng.chance(0.15) ? '[click here](#)' : `the [${place} ${theme} toolkit](https://example.org/${place.toLowerCase()}/toolkit)`;
    parts.push(`${heading('Further information')}\n\nRead ${link} and the [multi-agency procedures](https://example.org/procedures).\n`);
  }
  if (rng.chance(0.4)) parts.push(`${heading('Glossary')}\n\n- GP: general practitioner (family doctor)\n- CAMHS: Child and Adolescent Mental Health Services\n`);
  return parts.join('\n');
}

/** A compendium of many audits in one file: one H1, then an H2 per audit with its sections below. */
export function compendium(rng, targetBytes) {
  const parts = ['---\ntitle: Annual compendium of multi-agency case audits\nprofile: maca-report\n---\n\n# Annual compendium of multi-agency case audits\n'];
  let size = parts[0].length;
  let index = 0;
  while (size < targetBytes) {
    index += 1;
    // Each audit's headings move down a level so the compendium keeps one H1.
    const audit = report(rng, 6000).replace(/^---[\s\S]*?---\n\n/, '').replace(/^(#+) /gm, (_, hashes) => `${hashes}# `).replace(/^## /, `## Audit ${index}: `);
    parts.push(audit);
    size += audit.length + 1;
  }
  return parts.join('\n');
}

/**
 * One report with one long findings section of about `targetBytes`: numbered paragraphs under a
 * single heading, as when a partnership compiles a year of audits into one findings section.
 */
export function longSection(rng, targetBytes) {
  const facts = { profile: 'maca-report', theme: 'neglect', place: 'Northshire', cases: 40, year: 2025, title: 'Annual multi-agency case audit findings' };
  const head = [
    `---\ntitle: ${JSON.stringify(facts.title)}\nprofile: maca-report\ncases: ${facts.cases}\n---\n`,
    `# ${facts.title}\n`,
    `## 1.0 Background\n\n${paragraphs(rng, WEAK.concat(LEARNING), 2, facts, { section: 1, start: 1 })}\n`,
    `## 2.0 Methodology\n\n${paragraphs(rng, METHOD, 3, facts, { section: 2, start: 1 })}\n`,
    '## 3.0 Findings\n',
  ].join('\n');
  const tail = [
    `## 4.0 Key learning\n\n${bullets(rng, LEARNING, 3, facts)}\n`,
    `## 5.0 Actions\n\n${actionsTable(rng, 5, facts)}\n`,
  ].join('\n');
  const findings = [];
  let size = head.length + tail.length;
  for (let n = 1; size < targetBytes; n++) {
    const paragraph = paragraphs(rng, STRENGTH.concat(CONCERN), 1, facts, { section: 3, start: n });
    findings.push(paragraph);
    size += paragraph.length + 2;
  }
  return `${head}\n${findings.join('\n\n')}\n\n${tail}`;
}

/** Write the corpus the benchmark reads; skipped when the same seed already wrote it. */
export function writeReports(dir, { count = 2000, seed = 20250301 } = {}) {
  const stamp = path.join(dir, '.seed');
  const expected = `${seed}:${count}:8`;
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === expected) return describe(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'corpus'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'large'), { recursive: true });
  const rng = random(seed);
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(dir, 'corpus', `report-${String(i).padStart(4, '0')}.md`), report(rng, rng.int(5000, 8500)));
  }
  fs.writeFileSync(path.join(dir, 'large', 'report-60k.md'), compendium(rng, 60_000));
  fs.writeFileSync(path.join(dir, 'large', 'report-5m.md'), compendium(rng, 5_000_000));
  fs.writeFileSync(path.join(dir, 'large', 'report-5m-one-section.md'), longSection(rng, 5_000_000));
  fs.writeFileSync(stamp, expected);
  return describe(dir);
}

function describe(dir) {
  const corpus = path.join(dir, 'corpus');
  const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(corpus, f));
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  return { corpus, files, bytes, large60k: path.join(dir, 'large', 'report-60k.md'), large5m: path.join(dir, 'large', 'report-5m.md'), large5mOneSection: path.join(dir, 'large', 'report-5m-one-section.md') };
}
