/** The page's settings in the browser's local storage: they stay on this computer. */
import { AUDIENCES, EMPTY_SETTINGS, type PageSettings } from './protocol';

const KEY = 'audit-lint.settings';

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : []);

/** The saved settings; anything unreadable (an older page's, or edited by hand) falls back to none. */
export function loadSettings(storage: Storage): PageSettings {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(storage.getItem(KEY) ?? '{}') as Record<string, unknown>;
  } catch {
    return { ...EMPTY_SETTINGS };
  }
  const acronyms = typeof raw.acronyms === 'object' && raw.acronyms !== null ? Object.fromEntries(Object.entries(raw.acronyms).filter(([, v]) => typeof v === 'string')) : {};
  const config = raw.config as PageSettings['config'] | undefined;
  return {
    profile: typeof raw.profile === 'string' ? raw.profile : '',
    audience: AUDIENCES.includes(raw.audience as never) ? (raw.audience as PageSettings['audience']) : '',
    agencies: strings(raw.agencies),
    roles: strings(raw.roles),
    acronyms: acronyms as Record<string, string>,
    ...(config && typeof config.name === 'string' && typeof config.text === 'string' ? { config: { name: config.name, text: config.text } } : {}),
  };
}

export function saveSettings(storage: Storage, settings: PageSettings): void {
  storage.setItem(KEY, JSON.stringify(settings));
}

/** "NSF = Northshire Safeguarding Forum" lines as acronyms; the lines that are not, to say so. */
export function parseAcronyms(text: string): { acronyms: Record<string, string>; unread: string[] } {
  const acronyms: Record<string, string> = {};
  const unread: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const match = /^(\S+)\s*[=:–-]\s*(.+)$/.exec(line);
    if (match) acronyms[match[1]] = match[2].trim();
    else unread.push(line);
  }
  return { acronyms, unread };
}

export function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}
