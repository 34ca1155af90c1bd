// The audit programme's summary as a web page and as CSV; no Node modules, so the browser page uses them too.
export { renderProgrammeHtml, formatDate } from './html';
export { programmeCsv } from './csv';
