// mammoth's browser build opens a zip itself; audit-lint hands it the parts its bounded reader has
// already checked, as the command line does, so mammoth's zip opening is replaced by this.
export function openZip(options: { file?: unknown }): Promise<unknown> {
  return options.file ? Promise.resolve(options.file) : Promise.reject(new Error('no Word package was given'));
}
