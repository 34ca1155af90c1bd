/** The accessible Word document and web page of a Markdown report, as `audit-lint export` writes them. */
import { exportReport, ImageError, type Blocker } from '../../server/src/formats/export';
import type { Checked, Download } from './check';
import { NoFilesInBrowser } from './no-files';

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
};

/** The exported file, or why it was not exported, in the command line's words. */
export async function exportForWeb(checked: Checked, to: 'docx' | 'html'): Promise<Download | string> {
  let result;
  try {
    result = await exportReport({ text: checked.text, file: `/${checked.name}`, settings: checked.settings, to });
  } catch (error) {
    if (error instanceof ImageError || error instanceof NoFilesInBrowser) return `${checked.name} was not exported: ${error.message}`;
    throw error;
  }
  if (!result.ok) {
    const count = result.blockers.length;
    return `${checked.name} was not exported: ${count} ${count === 1 ? 'problem stops' : 'problems stop'} it being published:\n${result.blockers.map((b) => listed(checked.name, b)).join('\n')}`;
  }
  return { name: checked.name.replace(/(\.(md|markdown|txt))?$/i, `.${to}`), mime: MIME[to], bytes: result.data };
}

function listed(name: string, blocker: Blocker): string {
  return `${name}:${blocker.line}:${blocker.column}  ${blocker.ruleId}  ${blocker.message}`;
}
