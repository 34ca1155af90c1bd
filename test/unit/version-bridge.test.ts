import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { carryCodeAction, VersionBridge } from '../../server/src/lsp/versionBridge';

const earlier = TextDocument.create('file:///a.md', 'markdown', 1, 'one two\nthree four\nfive six\n');
const current = TextDocument.create('file:///a.md', 'markdown', 2, 'one two\nthree and a half four\nfive six\n');
const bridge = VersionBridge.between(earlier, current);

describe('positions between the last linted version and the current one', () => {
  it('carries positions before and after the edit, and none inside it', () => {
    expect(bridge.toEarlier({ line: 0, character: 4 })).toEqual({ line: 0, character: 4 });
    expect(bridge.toEarlier({ line: 2, character: 5 })).toEqual({ line: 2, character: 5 });
    expect(bridge.toEarlier({ line: 1, character: 8 })).toBeUndefined();
    expect(bridge.toCurrent({ start: { line: 1, character: 6 }, end: { line: 1, character: 10 } })).toEqual({ start: { line: 1, character: 17 }, end: { line: 1, character: 21 } });
    expect(bridge.toCurrent({ start: { line: 1, character: 0 }, end: { line: 1, character: 10 } })).toBeUndefined();
  });

  it('carries a code action whole or not at all, stamped with the current version', () => {
    const action = {
      title: 'fix',
      diagnostics: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } }, message: 'm' }],
      edit: { documentChanges: [{ textDocument: { uri: earlier.uri, version: 1 }, edits: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } }, newText: 'FIVE' }] }] },
    };
    expect(carryCodeAction(action, bridge, current)).toEqual({
      ...action,
      edit: { documentChanges: [{ textDocument: { uri: earlier.uri, version: 2 }, edits: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } }, newText: 'FIVE' }] }] },
    });
    const inside = { title: 'fix', edit: { changes: { [earlier.uri]: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } }, newText: '' }] } } };
    expect(carryCodeAction(inside, bridge, current)).toBeUndefined();
  });
});
