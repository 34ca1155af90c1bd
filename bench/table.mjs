// Every figure beside its target, with ✓ or ✗.

const ms = (value) => (value === undefined ? 'n/a' : `${value.toFixed(0)} ms`);
const mb = (value) => (value === undefined ? 'n/a' : Number.isFinite(value) ? `${value.toFixed(0)} MB` : 'no answer');
const times = (value) => `${value.toFixed(2)}×`;
const percent = (value) => (value === undefined ? 'n/a' : `${(value * 100).toFixed(1)}%`);

/** Rows of [figure, measured, target, met]; `met` is undefined when the figure was not measured. */
export function rows(results) {
  const { batch, editor } = results;
  const wallRatio = batch.cli.wallMs / batch.markdownlint.wallMs;
  const cpuRatio = batch.cli.cpuMs / batch.bareParse.cpuMs;
  const consistencyCost = batch.cliWithoutConsistency && batch.cli.cpuMs / batch.cliWithoutConsistency.cpuMs - 1;
  const list = [
    ['audit-lint CLI, wall', ms(batch.cli.wallMs), '', undefined],
    ['markdownlint-cli2, wall', ms(batch.markdownlint.wallMs), '', undefined],
    ['bare parse, wall', ms(batch.bareParse.wallMs), '', undefined],
    ['CLI wall ÷ markdownlint-cli2 wall', times(wallRatio), '≤ 0.60×', wallRatio <= 0.6],
    ['audit-lint CLI, CPU', ms(batch.cli.cpuMs), '', undefined],
    ['markdownlint-cli2, CPU', ms(batch.markdownlint.cpuMs), '', undefined],
    ['bare parse, CPU', ms(batch.bareParse.cpuMs), '', undefined],
    ['CLI CPU ÷ bare parse CPU', times(cpuRatio), '≤ 2.00×', cpuRatio <= 2],
    ['CLI without consistent-terms, uk-spelling, CPU', ms(batch.cliWithoutConsistency?.cpuMs), '', undefined],
    ['consistent-terms + uk-spelling, added CPU', percent(consistencyCost), '≤ 10%', consistencyCost === undefined ? undefined : consistencyCost <= 0.1],
    ['CLI peak RSS', mb(batch.cli.peakRssMb), '≤ 300 MB', batch.cli.peakRssMb <= 300],
    ['markdownlint-cli2 peak RSS', mb(batch.markdownlint.peakRssMb), '', undefined],
    ['audit-lint --version', ms(results.versionMs), '≤ 150 ms', results.versionMs <= 150],
  ];
  if (batch.baseline) {
    list.push(
      ['baseline build (BENCH_BASELINE), wall', ms(batch.baseline.wallMs), '', undefined],
      ['  CLI wall ÷ baseline wall', times(batch.cli.wallMs / batch.baseline.wallMs), '', undefined],
      ['  CLI CPU ÷ baseline CPU', times(batch.cli.cpuMs / batch.baseline.cpuMs), '', undefined],
      ['  baseline peak RSS', mb(batch.baseline.peakRssMb), '', undefined],
    );
  }
  const check = (value, limit) => (value === undefined ? undefined : value <= limit);
  const word = results.word;
  const wordRatio = word ? word.docxWallMs / word.mdWallMs : undefined;
  list.push(
    ['lint a 60-page .docx, wall', ms(word?.docxWallMs), '', undefined],
    ['lint its Markdown, wall', ms(word?.mdWallMs), '', undefined],
    ['.docx wall ÷ its Markdown wall', wordRatio === undefined ? 'n/a' : times(wordRatio), '≤ 2.00×', check(wordRatio, 2)],
  );
  list.push(
    ['server ready after initialize', ms(editor?.readyMs), '≤ 300 ms', check(editor?.readyMs, 300)],
    [`typing → diagnostics, ${editor?.typingBytes ? (editor.typingBytes / 1024).toFixed(0) : 22} KB, the server's wait included`, ms(editor?.typing22kMs), '≤ 75 ms', check(editor?.typing22kMs, 75)],
    ['  the same with the old fixed 200 ms wait', ms(editor?.typing22kFixed200Ms), '', undefined],
    ['edit → diagnostics, 60 KB (median)', ms(editor?.edit60kMs), '≤ 25 ms', check(editor?.edit60kMs, 25)],
    ['edit → diagnostics, 5 MB of many sections (median)', ms(editor?.edit5mMs), '≤ 500 ms', check(editor?.edit5mMs, 500)],
    ['edit → diagnostics, 5 MB in one section (median)', ms(editor?.edit5mOneSectionMs), '≤ 500 ms', check(editor?.edit5mOneSectionMs, 500)],
    ['hover while linting 5 MB (median)', ms(editor?.hover5mMs), '≤ 100 ms', check(editor?.hover5mMs, 100)],
    ['completion while linting 5 MB (median)', ms(editor?.completion5mMs), '≤ 100 ms', check(editor?.completion5mMs, 100)],
    ['code actions while linting 5 MB (median)', ms(editor?.codeAction5mMs), '≤ 100 ms', check(editor?.codeAction5mMs, 100)],
    ['hover while linting 5 MB, one section', ms(editor?.hover5mOneSectionMs), '≤ 100 ms', check(editor?.hover5mOneSectionMs, 100)],
    ['completion while linting 5 MB, one section', ms(editor?.completion5mOneSectionMs), '≤ 100 ms', check(editor?.completion5mOneSectionMs, 100)],
    ['code actions while linting 5 MB, one section', ms(editor?.codeAction5mOneSectionMs), '≤ 100 ms', check(editor?.codeAction5mOneSectionMs, 100)],
    [
      'stale lints finished (5 MB, bursts of edits)',
      editor?.stale ? `${editor.stale.staleFinished} of ${editor.stale.versions - editor.stale.bursts}` : 'n/a',
      '0',
      editor?.stale ? editor.stale.staleFinished === 0 && editor.stale.stalePublished === 0 : undefined,
    ],
    ['server RSS, 20 open 60 KB reports', mb(editor?.rss20Mb), '≤ 250 MB', check(editor?.rss20Mb, 250)],
  );
  return list;
}

export function printTable(results) {
  const list = rows(results);
  const width = Math.max(...list.map((row) => row[0].length));
  console.log(`\n${'figure'.padEnd(width)}  ${'measured'.padStart(10)}  ${'target'.padEnd(9)}`);
  for (const [name, value, target, met] of list) {
    const mark = met === undefined ? (target ? '  (not measured)' : '') : met ? '  ✓' : '  ✗';
    console.log(`${name.padEnd(width)}  ${value.padStart(10)}  ${target.padEnd(9)}${mark}`);
  }
  console.log(`\nload average during the run: ${results.machine.loadAverage.map((l) => l.toFixed(1)).join(' ')}; results in bench/results.json`);
}
