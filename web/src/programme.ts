/** The audit programme of the reports checked on the page, as `audit-lint summary` makes it. */
import { summariseProgramme } from '../../server/src/core/programme';
import { readWrittenDate } from '../../server/src/core/programme/report-date';
import { programmeCsv, renderProgrammeHtml } from '../../server/src/formats/summary';
import type { Checked } from './check';

export function programme(files: readonly Checked[], today: string): { html: string; csv: string } {
  const summary = summariseProgramme(
    files.map((file) => {
      const written = file.word?.input.reading.propertyDate;
      return { file: file.name, result: file.result, settings: file.settings, propertyDate: written === undefined ? null : readWrittenDate(written) };
    }),
    { today },
  );
  return { html: renderProgrammeHtml(summary), csv: programmeCsv(summary) };
}
