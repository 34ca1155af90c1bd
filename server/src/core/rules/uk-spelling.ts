import { isAllowed } from '../analysis/allowed';
import { britishSpelling, withCaseOf, type BritishSpelling } from '../analysis/spelling';
import { HAS_APOSTROPHE, HAS_DIGIT, HAS_HYPHEN, HAS_LETTER, proseWords, type ProseWord } from '../model/words';
import type { Rule } from '../types';

interface Options {
  oxfordSpelling: boolean;
}

const PART = /[A-Za-z]+/g;

export const rule: Rule<Options> = {
  meta: {
    id: 'uk-spelling',
    description: 'British spellings in a UK report: "behaviour", "organisation", "centre", "paediatric", not the American forms.',
    category: 'wording',
    defaultSeverity: 'warning',
    fixable: true,
    rationale:
      'UK public bodies write British English, and an American spelling reads as copied from elsewhere. The pairs come from the en-US and en-GB dictionaries of SCOWL (wordlist.aspell.net), matched by the regular differences (-ize/-ise, -or/-our, -er/-re, doubled l, ae and oe). ' +
      'Words right in both are not reported: "judgment" (the spelling of a formal decision in British legal usage), "program" (computer programs; the dictionaries cannot tell it from a programme), "license" (a verb in British English), "fetus" (British medical usage). ' +
      'Names are not reported: a capital in mid-sentence ("World Health Organization", "Pearl Harbor") is read as a name. Nor are code, link targets and quotations. ' +
      'The quick fix writes the British form; `--fix` does not change words. Set `oxfordSpelling` to accept -ize endings (organize, recognize), as Oxford spelling does.',
    bad: 'The panel saw a change in the child\'s behavior once the family center opened.',
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
    const report = (word: ProseWord, offset: number, written: string, found: BritishSpelling) => {
      if (found.oxford && options.oxfordSpelling) return;
      // A capital is a name ("World Health Organization") unless the sentence starts there; capitals throughout are shouting or an acronym.
      if (written !== written.toLowerCase() && (!word.sentenceStart || offset > 0 || written === written.toUpperCase())) return;
      const start = word.start + offset;
      const end = start + written.length;
      if (isAllowed(settings.vocabulary, model.text, start, end)) return;
      const british = withCaseOf(written, found.british);
      context.report({
        start,
        end,
        message: `"${written}" is the American spelling; British English writes "${british}".`,
        data: { american: written.toLowerCase(), british: found.british },
        fixes: [{ title: `Write "${british}"`, edits: [{ start, end, text: british }] }],
      });
    };
    for (const word of proseWords(model)) {
      if (word.quoted || !(word.shape & HAS_LETTER)) continue;
      if (!(word.shape & (HAS_HYPHEN | HAS_APOSTROPHE | HAS_DIGIT))) {
        const found = britishSpelling(word.lower);
        if (found) report(word, 0, word.text, found);
        continue;
      }
      // Each part of a hyphenated word ("color-coded") is a word of its own; a possessive's "s" is a part that matches nothing.
      PART.lastIndex = 0;
      for (let m = PART.exec(word.text); m; m = PART.exec(word.text)) {
        const found = britishSpelling(m[0].toLowerCase());
        if (found) report(word, m.index, m[0], found);
      }
    }
  },
};
