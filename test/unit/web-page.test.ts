/** The browser page's pure parts: the profile written into front matter, and the settings kept in local storage. */
import { describe, expect, it } from 'vitest';
import { moved, withProfileInFrontMatter } from '../../web/src/profile';
import { loadSettings, parseAcronyms, saveSettings } from '../../web/src/storage';

describe('a profile chosen on the page', () => {
  it('replaces the one the front matter names, on the same line', () => {
    const text = '---\ntitle: Neglect audit\nprofile: maca-report\ncases: 6\n---\n\n# Neglect audit\n';
    const edit = withProfileInFrontMatter(text, 'learning-briefing');
    expect(edit.text).toBe('---\ntitle: Neglect audit\nprofile: learning-briefing\ncases: 6\n---\n\n# Neglect audit\n');
    expect(moved(text.indexOf('# Neglect'), edit)).toBe(edit.text.indexOf('# Neglect'));
    expect(moved(3, edit)).toBe(3);
  });

  it('is added to front matter that names none, keeping its line ends', () => {
    const text = '---\r\ntitle: Neglect audit\r\n---\r\n\r\nBody';
    const edit = withProfileInFrontMatter(text, 'seven-minute-briefing');
    expect(edit.text).toBe('---\r\nprofile: seven-minute-briefing\r\ntitle: Neglect audit\r\n---\r\n\r\nBody');
    expect(moved(text.indexOf('Body'), edit)).toBe(edit.text.indexOf('Body'));
  });

  it('starts front matter in a report without any', () => {
    const edit = withProfileInFrontMatter('# Findings\n\nText.\n', 'maca-report');
    expect(edit.text).toBe('---\nprofile: maca-report\n---\n\n# Findings\n\nText.\n');
    expect(moved(0, edit)).toBe(edit.text.indexOf('# Findings'));
  });

  it('does not take a thematic break for front matter', () => {
    const text = 'Intro\n\n---\n\nprofile: not front matter\n';
    expect(withProfileInFrontMatter(text, 'maca-report').text).toBe(`---\nprofile: maca-report\n---\n\n${text}`);
  });
});

class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem'> {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe('settings kept in the browser', () => {
  it('come back as they were saved', () => {
    const storage = new MemoryStorage();
    const settings = { profile: 'learning-briefing', audience: 'board' as const, agencies: ['Harbour Housing'], roles: ['Neglect Champion'], acronyms: { NSF: 'Northshire Safeguarding Forum' }, config: { name: '.auditlintrc.json', text: '{}' } };
    saveSettings(storage as unknown as Storage, settings);
    expect(loadSettings(storage as unknown as Storage)).toEqual(settings);
  });

  it('fall back to none when what is stored cannot be read, and drop values of the wrong kind', () => {
    const storage = new MemoryStorage();
    storage.setItem('audit-lint.settings', '{not json');
    expect(loadSettings(storage as unknown as Storage)).toEqual({ profile: '', audience: '', agencies: [], roles: [], acronyms: {} });
    storage.setItem('audit-lint.settings', JSON.stringify({ profile: 3, audience: 'everyone', agencies: ['Police', 7], acronyms: { NSF: 'Forum', X: 1 }, config: { name: 'x' } }));
    expect(loadSettings(storage as unknown as Storage)).toEqual({ profile: '', audience: '', agencies: ['Police'], roles: [], acronyms: { NSF: 'Forum' } });
  });

  it('read acronyms written one a line, and name the lines that are not', () => {
    expect(parseAcronyms('NSF = Northshire Safeguarding Forum\n\nCSP: Community Safety Partnership\nnothing here\n')).toEqual({
      acronyms: { NSF: 'Northshire Safeguarding Forum', CSP: 'Community Safety Partnership' },
      unread: ['nothing here'],
    });
  });
});
