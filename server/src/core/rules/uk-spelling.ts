import { isAllowed } from '../analysis/allowed';
import { findAmericanSpellings, withCaseOf } from '../analysis/spelling';
import { memoByText } from '../memo';
import { isQuotedAt, startsSentence } from '../model/words';
import type { Rule } from '../types';

interface Options {
  oxfordSpelling: boolean;
}

/** A block's American spellings, remembered by its text while a report is edited. */
const americanSpellingsIn = memoByText(findAmericanSpellings);

export const rule: Rule<Options> = {
  meta: {
    id: 'uk-spelling',
    description: 'British spellings in a UK report: "behaviour", "organisation", "centre", "paediatric", not the American forms.',
    category: 'wording',
    defaultSeverity: 'warning',
    fixable: true,
    rationale:
      'UK public bodies write British English, and an American spelling reads as copied from elsewhere. The pairs come from the en-US and en-GB dictionaries of SCOWL (wordlist.aspell.net), matched by the regular differences (-ize/-ise, -or/-our, -er/-re, doubled l, ae and oe). ' +
      'Words right in both are not reported: "judgment" (the spelling of a formal decision in British legal usage), "license" (a verb in British English), "fetus" (British medical usage); "program" is reported as "programme" (a plan of work) unless the paragraph is about computers or software. ' +
      'Names are not reported: a capital in mid-sentence ("World Health Organization", "Pearl Harbor") is read as a name. Nor are code, link targets and quotations. ' +
      'The quick fix writes the British form; `--fix` does not change words. Set `oxfordSpelling` to accept -ize endings (organize, recognize), as Oxford spelling does.',
    bad: 'The panel saw a change in the child\'s behavior once the family center opened and the parenting program began.',
    good: 'The panel saw a change in the child\'s behaviour once the family centre opened, as the World Health Organization guidance predicts.',
    options: {
      oxfordSpelling: {
        type: 'boolean',
        default: false,
        description: 'Accept -ize endings (organize, recognize), as Oxford spelling does; -yze (analyze) is still reported.',
      },
    },
  },
  check(context) {
    const { model, options, settings } = context;
    for (const block of model.blocks) {
      if (block.quoted) continue;
      const text = block.text;
      for (const { start, end, found } of americanSpellingsIn(text, block.facts)) {
        if (found.oxford && options.oxfordSpelling) continue;
        // Part of a longer token ("color2", "x_color") is not a word of the prose.
        if (/[\w]/.test(text[start - 1] ?? ' ') || /\w/.test(text[end] ?? ' ')) continue;
        const written = text.slice(start, end);
        // A capital is a name ("World Health Organization") unless the sentence starts there; capitals throughout are shouting or an acronym.
        if (written !== written.toLowerCase() && (written === written.toUpperCase() || !startsSentence(text, start))) continue;
        if (found.unlessNear?.test(text) || isQuotedAt(text, start)) continue;
        if (isAllowed(settings.vocabulary, model.text, block.start + start, block.start + end)) continue;
        const british = withCaseOf(written, found.british);
        context.report({
          start: block.start + start,
          end: block.start + end,
          message: `"${written}" is the American spelling; British English writes "${british}".`,
          data: { american: written.toLowerCase(), british: found.british },
          fixes: [{ title: `Write "${british}"`, edits: [{ start: block.start + start, end: block.start + end, text: british }] }],
        });
      }
    }
  },
};
