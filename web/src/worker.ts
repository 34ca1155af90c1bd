// The engine in a web worker, so that the page stays responsive while a large draft is checked.
import { ConfigError } from '../../server/src/core/config/validate';
import { actionTracker, checkFile, describe, importedMarkdown, Refused, reviewedCopy, type Checked, type Download } from './check';
import { exportForWeb } from './export';
import type { DownloadKind, FromWorker, PageSettings, ToWorker } from './protocol';
import { programme } from './programme';
import { lintSettings } from './settings';

declare const self: { postMessage(message: FromWorker, transfer?: Transferable[]): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };

const checked = new Map<number, Checked>();
const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

async function check(message: Extract<ToWorker, { type: 'check' }>): Promise<void> {
  const { id, name } = message;
  checked.delete(id);
  try {
    const settings = lintSettings(message.settings);
    const file = await checkFile(name, new Uint8Array(message.bytes), settings, message.profile, (done, stage) => post({ type: 'progress', id, done, stage }));
    checked.set(id, file);
    post({ type: 'progress', id, done: 0.9, stage: 'Showing the findings' });
    post({ type: 'report', id, report: describe(file, id) });
  } catch (error) {
    const known = error instanceof Refused || error instanceof ConfigError;
    post({ type: 'refused', id, name, message: known ? (error as Error).message : `could not be checked (internal error: ${(error as Error).message})` });
  }
}

async function download(id: number, kind: DownloadKind): Promise<void> {
  const file = checked.get(id);
  if (!file) return post({ type: 'download-refused', id, message: 'check the file again: the page no longer holds it' });
  let made: Download | string;
  try {
    if (kind === 'reviewed') made = reviewedCopy(file);
    else if (kind === 'actions') made = actionTracker(file);
    else if (kind === 'markdown') made = importedMarkdown(file);
    else made = await exportForWeb(file, kind);
  } catch (error) {
    made = `could not be written (internal error: ${(error as Error).message})`;
  }
  if (typeof made === 'string') return post({ type: 'download-refused', id, message: made });
  const bytes = made.bytes.slice().buffer;
  post({ type: 'file', id, name: made.name, mime: made.mime, bytes }, [bytes]);
}

/** The profiles the settings know, or what is wrong with them. */
function checkSettings(settings: PageSettings): void {
  try {
    post({ type: 'settings', profiles: Object.keys(lintSettings(settings).profiles) });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    post({ type: 'settings', profiles: Object.keys(lintSettings({ ...settings, config: undefined, profile: '' }).profiles), error: error.message });
  }
}

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'settings') checkSettings(message.settings);
  else if (message.type === 'check') void check(message);
  else if (message.type === 'download') void download(message.id, message.kind);
  else if (message.type === 'programme') post({ type: 'programme', reports: checked.size, ...programme([...checked.values()], message.today) });
  else checked.delete(message.id);
};
