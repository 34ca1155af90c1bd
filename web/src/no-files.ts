// Stands for node:fs in the page's bundle: a web page cannot read files beside the report, and the
// exporter only needs them for a report's images (and to write a file, which the page never asks).
export class NoFilesInBrowser extends Error {}

function refuse(): never {
  throw new NoFilesInBrowser('its images are files beside the report, which a web page cannot read; export it with the command line (audit-lint export)');
}

export const realpathSync = refuse;
export const statSync = refuse;
export const lstatSync = refuse;
export const readFileSync = refuse;
export const writeFileSync = refuse;
export const renameSync = refuse;
export const rmSync = refuse;
