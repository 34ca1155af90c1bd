import type { Rule, RuleMeta } from '../types';
import { rule as frontMatter } from './front-matter';
import { rule as requiredSection } from './required-section';
import { rule as sectionOrder } from './section-order';
import { rule as emptySection } from './empty-section';
import { rule as duplicateSection } from './duplicate-section';
import { rule as numbering } from './numbering';
import { rule as headingStructure } from './heading-structure';
import { rule as methodologyDetail } from './methodology-detail';
import { rule as countConsistency } from './count-consistency';
import { rule as gradingTerms } from './grading-terms';
import { rule as placeholder } from './placeholder';
import { rule as linkText } from './link-text';
import { rule as emptyLink } from './empty-link';
import { rule as consistentTerms } from './consistent-terms';
import { rule as ukSpelling } from './uk-spelling';
import { rule as anonymisation } from './anonymisation';
import { rule as jigsawRisk } from './jigsaw-risk';
import { rule as smartOwner } from './smart-owner';
import { rule as smartMeasure } from './smart-measure';
import { rule as smartDeadline } from './smart-deadline';
import { rule as outcomeLink } from './outcome-link';
import { rule as vagueWording } from './vague-wording';
import { rule as processLanguage } from './process-language';
import { rule as stigmatisingLanguage } from './stigmatising-language';
import { rule as acronymUndefined } from './acronym-undefined';
import { rule as readability } from './readability';
import { rule as sizeLimit } from './size-limit';

/** Every rule, in the order findings are documented. */
export const rules: Rule[] = [
  frontMatter,
  requiredSection,
  sectionOrder,
  emptySection,
  duplicateSection,
  numbering,
  headingStructure,
  methodologyDetail,
  countConsistency,
  gradingTerms,
  smartOwner,
  smartMeasure,
  smartDeadline,
  outcomeLink,
  vagueWording,
  processLanguage,
  stigmatisingLanguage,
  acronymUndefined,
  readability,
  placeholder,
  linkText,
  emptyLink,
  consistentTerms,
  ukSpelling,
  anonymisation,
  jigsawRisk,
  sizeLimit,
] as Rule[];

export const ruleMetaById = new Map<string, RuleMeta>(rules.map((r) => [r.meta.id, r.meta]));
export const ruleIds: ReadonlySet<string> = new Set(ruleMetaById.keys());
