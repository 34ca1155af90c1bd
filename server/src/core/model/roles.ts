import { namesOwner } from '../analysis/smart';
import { memoByText, type TextFacts } from '../memo';
import type { ProseBlock, Section, SectionId, Sentence, SentenceRole, Vocabulary } from '../types';

/**
 * What each sentence does, read once for every rule: wording rules judge claims, not the scope
 * of an audit, a definition, a quotation or a child's own words; the action tracker takes only
 * commitments. The role comes from the sentence's form first, then from its section.
 */

/** "Was neglect recognised early?", also without its question mark as audit tools list them. */
export function isQuestion(sentence: string): boolean {
  return /\?\s*$/.test(sentence) || (/^[\s\d.•·-]*(?:was|were|did|does|do|is|are|has|have|had)\s+(?!not\b)[\w'’-]+\s/i.test(sentence) && !/[.!]\s*$/.test(sentence));
}

/** "Elective home education means …", "… is defined as …": a term being defined (not "This means that …"). */
const DEFINES = /^[\s\d.•·*-]*["“‘']?(?!(?:this|that|it|which|what|these|those)\b)[\p{L}][\p{L}\p{N}'’ ,/()&-]{0,80}?["”’']?\s+(?:means|mean|is defined as|are defined as|is the term used for|refers to|are described as|is described as)\b/iu;
/** A sentence that ends by citing its source: "… (Working Together to Safeguard Children 2023)." */
const CITED = /\((?:[^()]*\b(?:19|20)\d{2}\b[^()]*|[^()]*\b(?:Working Together|Children Act|Act|Regulations|Statutory Guidance|HM Government|Department for Education|DfE)\b[^()]*)\)\s*["”]?[.;]?\s*$/;

/** "Financial abuse includes theft, fraud, scamming …": a term defined by what it covers. */
const DEFINED_BY_MEMBERS = /^[\s\d.•·*-]*(?!(?:this|that|it|these|those|the plan|the audit|the report)\b)\p{Lu}(?:(?!\s(?:to|is|are|was|were|will|should|must)\s)[\p{L}'’ -]){2,50}?\s+(?:includes|can include|may include|covers)\s+[^.;]*,[^.;]*,/u;

export function isDefinition(sentence: string): boolean {
  return DEFINES.test(sentence) || DEFINED_BY_MEMBERS.test(sentence) || (CITED.test(sentence) && /\s(?:is|are|means|includes?)\s/.test(sentence));
}

/** A sentence wholly inside quotation marks: someone else's words. */
const QUOTED_WHOLE = /^[\s\d.•·-]*["“‘][^"“”‘’]{3,}["”’][.,;]?\s*$/;

/** "He said the moves upset him", "Her mother told the panel …": a child's or family's own words reported. */
const SPEECH =
  /^(?:[^.;]{0,40}?\b(?:he|she|they|the (?:child|young person|boy|girl|mother|father|parents?|carers?|family|grandmother|grandfather)|(?:his|her|their) (?:mother|father|mum|dad|parents?|carers?|sister|brother|grandmother|grandfather))\s+(?:said|says|told|tells|explained|described|shared|felt|stated|disclosed|reported|asked)\b)/i;

/** "The next audit will take place in March", "Members will be asked to agree …", "a report was due to be considered in May": a plan of meetings, not an action. */
const SCHEDULE =
  /\b(?:(?:the )?(?:next|following|future|a further) (?:audits?|meetings?|reviews?|panels?|sessions?)\b[^.;]{0,40}\b(?:will|is|are)\b|(?:will|shall)\s+(?:take place|be held|meet|convene)\b|(?:is|are|was|were) (?:due|scheduled|planned|expected) to (?:be (?:considered|presented|held|discussed|reported|received)|take place|report|meet)\b|will be asked to\b|(?:is|are|was|were) (?:due|scheduled|planned) (?:for|in|on)\b|\bto be held (?:on|before|by|in|at)\b)/i;

/** "The audit looked at …", "This audit is undertaken every two years to ascertain whether …": what the audit set out to do. */
const SCOPE =
  /^(?:[^.;]{0,60}?\b(?:the|this|each|an?) (?:multi[- ]agency )?(?:audits?|reviews?|deep dives?|exercise|self[- ]assessments?)\b[^.;]{0,40}?\b(?:looked at|look at|looks at|examined|examines|considered|considers|focused on|focuses on|reviewed|reviews|explored|explores|sought to|seeks to|aimed to|aims to|set out to|tested|tests|asked|asks|covered|covers|included|includes)\b|[^.;]{0,24}?\b(?:aims?|purpose|focus|objectives?|scope) of (?:the|this|these|each) (?:audits?|reviews?)\b|[^.;]{0,80}?\b(?:audits?|reviews?)\b[^.;]{0,60}?\bto (?:ascertain|establish|understand|assess|examine|explore|determine|find out|test|check) (?:whether|if|how|what|the)\b)/i;

/** "The Board will undertake a regular programme of audits": the audit's own process, not an action from it. */
const AUDIT_PROCESS = /\b(?:will|shall)\s+(?:(?:also|then|continue to)\s+)?(?:undertake|carry out|conduct|run|hold|complete)\b(?![^.;]{0,40}\b(?:re-?audit|repeat|again|follow[- ]up)\b)[^.;]{0,40}\b(?:audits?|self[- ]assessments?|programme of (?:audits?|reviews?)|deep dives?)\b/i;

/** "Section 11 of the Children Act 2004 places a duty on …", "Under the Care Act 2014, …": the law, paraphrased. */
const STATUTE = /^[\s\d.•·-]*(?:(?:[Uu]nder\s+)?(?:[Ss]ection|[Ss]\.)\s*\d+[A-Z]?(?:\(\d+\))?\s+of\s+the\s+[A-Z][\w ]{2,60}?\s+Act\s+(?:19|20)\d{2}|[Uu]nder\s+the\s+[A-Z][\w ]{2,60}?\s+Act\s+(?:19|20)\d{2}|[Tt]he\s+[A-Z][\w ]{2,60}?\s+Act\s+(?:19|20)\d{2})\b[^.;]{0,40}?\b(?:places?|puts?|imposes?|requires?|sets? out|states?|says|gives?|defines?|makes? it|,)/;

/** "The audit found that …", "Findings show …", "In 7 of 12 cases …": what the audit found. */
const FINDING =
  /\b(?:(?:the )?(?:audits?|auditors?|panel|review|deep dive|we)\s+(?:also\s+)?(?:found|find|finds|identified|identifies|showed|shows|highlighted|highlights|noted|evidenced|saw|observed)\b|(?:key |main )?findings?\s+(?:show|showed|shows|indicate|indicated|suggest|suggested|were|was|included|from)\b|it was (?:evident|clear|noted|found|identified|evidenced|apparent)\b|(?:there was|there were) (?:good |clear |limited |little |no )?evidence\b|\b(?:in|for) (?:\d+|[a-z]+) (?:of|out of) (?:the )?\d+\b|\b\d+(?:\.\d+)?\s?%)/i;

/** Says that something is to be done: the modal in the main clause, not in a clause about something else. */
const COMMITMENT = new RegExp(
  [
    // Active: someone will do something (not "will need", "will help", "will mean" …).
    '\\b(?:will|shall)\\s+(?:(?:soon|now|also|shortly|then|next|jointly|further)\\s+)?(?:be\\s+[a-z]+ing\\b|(?!be\\b|have\\b|need\\b|not\\b|help\\b|mean\\b|lead\\b|depend\\b|vary\\b|result\\b|make\\b|find\\b|feel\\b|see\\b|become\\b|continue\\b|benefit\\b)[a-z]+\\b)',
    // Passive: something will be, is being or is to be done.
    '\\b(?:will|shall)\\s+(?:(?:soon|now|also|shortly|then|next)\\s+)?be\\s+(?!needed\\b|required\\b|expected\\b|able\\b|based\\b|used\\b)[a-z]+(?:ed|en)\\b',
    '\\b(?:is|are)\\s+(?:now\\s+|currently\\s+)?(?:being|to\\s+be)\\s+[a-z]+(?:ed|en)\\b',
  ].join('|'),
  'i',
);
const PASSIVE_COMMITMENT = /\bbe(?:ing)?\s+[a-z]+(?:ed|en)\b/i;
/** An organisation, group or role as the subject: "The Board", "the service", "the panel". */
const ORGANISATION = /\b(?:board|partnership|panel|service|team|sub-?group|group|trust|council|authority|department|forum|committee|executive|unit|agency|agencies|hub|network)s?\b/i;
/** Words that open a clause about something else: a modal after them is not the sentence's own. */
const SUBORDINATE = /\b(?:that|which|who|whom|where|when|whenever|because|if|unless|until|once|whether|how|as to|so that|by which|in which)\b/i;

/** A sentence that commits someone (or nobody) to future work. */
export function isCommitment(sentence: string, vocabulary: Vocabulary): boolean {
  const text = sentence.trim();
  if (/\?$/.test(text) || /^(?:if|when|where|unless|whether)\b/i.test(text) || /["“”]/.test(text)) return false;
  const match = COMMITMENT.exec(text);
  if (!match) return false;
  const before = text.slice(0, match.index);
  if (PASSIVE_COMMITMENT.test(match[0])) return !SUBORDINATE.test(before);
  // The subject is the end of the clause before the verb: "… in the hope that one will work" has none.
  const clause = before.split(/[,;:(]|\b(?:that|which|who|where|when|because|and|but|so|if|as)\b/i).pop() ?? '';
  return ORGANISATION.test(clause) || namesOwner(clause, vocabulary);
}

/** Words that show the text before "to" is not the subject of an action ("In order to", "It is important to"). */
const NOT_A_SUBJECT = /^(?:in|due|according|prior|how|what|whether|it|there|this|we|they|is|are|was|were|be|been|has|have|had|needs?|important|able|likely|wants?|order|failed|tends?|continues?|going|should|must|will|would|shall|can|could|may|might|do|does|did|vital|essential|crucial|necessary|key|helpful|useful|difficult|hard|easier|easy)$/i;

/** "Schools to review …", "All agencies are to ensure …", "MACA audit tool to be amended …". */
export function isPlanForm(text: string): boolean {
  // A verb follows "to", not a noun phrase ("… thought a referral to the service was enough").
  const m = /^\s*(?:\d+(?:\.\d+)*[.)]?\s+)?((?:[\w'’&/-]+\s+){1,7}?)(?:is\s+|are\s+)?to\s+(?:be\s+)?(?!(?:the|a|an|this|that|these|those|their|his|her|its|our|your|all|each|every|any|other)\b)[a-z]+/.exec(text);
  if (!m || !/^[A-Z]/.test(m[1])) return false;
  return m[1].trim().split(/\s+/).every((word) => !NOT_A_SUBJECT.test(word));
}

/** "Agencies need to keep policies up to date": a duty laid on a body (not on practitioners, whom lessons address), outside the lessons. */
const NEEDS_TO = /\b(?:needs?|has|have)\s+to\s+(?!be\b)[a-z]+/i;

function laysDuty(text: string): boolean {
  const match = NEEDS_TO.exec(text);
  if (!match) return false;
  const clause = text.slice(0, match.index).split(/[,;:(]|\b(?:that|which|who|where|when|because|and|but|so|if|as)\b/i).pop() ?? '';
  return ORGANISATION.test(clause);
}

/** A paragraph that introduces a list of what guidance or the law says: "The statutory guidance says the Board should:". */
const CITES_GUIDANCE = /\b(?:guidance|act|regulations?|working together|statute|legislation)\b[^:]{0,200}\b(?:says?|states?|requires?|elaborates?|sets? out|specifies|provides?|that)\b[^:]*:\s*$/i;

/** Sections whose sentences, when they state something, state findings or learning. */
const FINDING_SECTIONS: readonly SectionId[] = ['findings', 'strengths', 'development', 'grading'];

/** What of its section a sentence's role depends on. */
interface RoleContext {
  actions: boolean;
  learning: boolean;
  findings: boolean;
}

/** The role of a sentence's text in a section of this context, when its block is not a quotation. */
function roleOfText(text: string, context: RoleContext, vocabulary: Vocabulary): SentenceRole {
  if (QUOTED_WHOLE.test(text)) return 'quotation';
  if (isDefinition(text) || STATUTE.test(text)) return 'definition';
  if (isQuestion(text)) return 'question';
  if (SCHEDULE.test(text)) return 'schedule';
  if (SCOPE.test(text) || AUDIT_PROCESS.test(text)) return 'scope';
  // "She said the service will look at this": a professional's commitment, reported.
  if (isCommitment(text, vocabulary) || (context.actions && isPlanForm(text)) || (!context.learning && laysDuty(text))) return 'commitment';
  if (SPEECH.test(text)) return 'speech';
  if (context.learning) return 'learning';
  if (FINDING.test(text) || context.findings) return 'finding';
  return 'description';
}

/**
 * Roles by sentence text, one memory for each context and vocabulary: an edit leaves most
 * sentences and their sections as they were, so an editor reads only the sentences it changed.
 */
const rolesByContext = new WeakMap<Vocabulary, Map<number, (text: string, facts?: TextFacts) => SentenceRole>>();

/** The remembered roles for sentences in a section with these ids. */
function rolesIn(ids: readonly SectionId[], vocabulary: Vocabulary): (text: string, facts?: TextFacts) => SentenceRole {
  const context = { actions: ids.includes('actions'), learning: ids.includes('learning'), findings: ids.some((id) => FINDING_SECTIONS.includes(id)) };
  let byContext = rolesByContext.get(vocabulary);
  if (!byContext) rolesByContext.set(vocabulary, (byContext = new Map()));
  const key = (context.actions ? 1 : 0) | (context.learning ? 2 : 0) | (context.findings ? 4 : 0);
  let roles = byContext.get(key);
  if (!roles) byContext.set(key, (roles = memoByText((text) => roleOfText(text, context, vocabulary))));
  return roles;
}

/**
 * Sentences that only describe, in a section recognised by its content as findings or learning,
 * state findings or lessons.
 */
export function refineRoles(sentences: Sentence[], sections: readonly Section[], documentIds: readonly SectionId[]): void {
  for (const sentence of sentences) {
    if (sentence.role !== 'description') continue;
    const implied = sections.length === 0 ? documentIds : sections[sentence.section < 0 ? 0 : sentence.section]?.impliedIds ?? [];
    if (implied.includes('findings')) sentence.role = 'finding';
    else if (implied.includes('learning')) sentence.role = 'learning';
  }
}

/** Gives every sentence its role. */
export function assignRoles(sentences: Sentence[], blocks: readonly ProseBlock[], sections: readonly Section[], vocabulary: Vocabulary): void {
  const cited = citedItems(blocks);
  // Each section's remembered roles are found once, not once per sentence.
  const bySection = new Map<number, (text: string, facts?: TextFacts) => SentenceRole>();
  for (const sentence of sentences) {
    let roles = bySection.get(sentence.section);
    if (!roles) bySection.set(sentence.section, (roles = rolesIn(sections[sentence.section]?.effectiveIds ?? [], vocabulary)));
    sentence.role = cited.has(sentence.block) || blocks[sentence.block].quoted ? 'quotation' : roles(sentence.text, sentence.facts);
  }
}

/** The list items after a paragraph that introduces what guidance or the law says: its words, not the author's. */
function citedItems(blocks: readonly ProseBlock[]): Set<number> {
  const cited = new Set<number>();
  let citing = false;
  blocks.forEach((block, index) => {
    if (block.kind === 'listItem') {
      if (citing) cited.add(index);
    } else {
      const text = block.kind === 'paragraph' ? block.text : '';
      // Only a paragraph that ends in a colon introduces a list; the citation test runs on no other.
      citing = /:\s*$/.test(text) && CITES_GUIDANCE.test(text);
    }
  });
  return cited;
}
