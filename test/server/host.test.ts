import { describe, expect, it } from 'vitest';
import { virtualPathOf, virtualUriOf } from '../../server/src/lsp/host';
import { filePathOf, nodeHost } from '../../server/src/lsp/nodeHost';

describe('document paths in a browser', () => {
  it('come from the scheme, authority and path of a URI, and lead back to it', () => {
    const cases: [string, string][] = [
      ['vscode-vfs://github/org/repo/reports/a.md', '/vscode-vfs/github/org/repo/reports/a.md'],
      ['vscode-remote://127.0.0.1%3A8080/tmp/audit%20reports/b.md', '/vscode-remote/127.0.0.1%3A8080/tmp/audit reports/b.md'],
      ['file:///home/me/c.md', '/file/-/home/me/c.md'],
    ];
    for (const [uri, path] of cases) {
      expect(virtualPathOf(uri)).toBe(path);
      expect(virtualPathOf(virtualUriOf(path))).toBe(path);
    }
  });

  it('keep a configuration file and its reports in the same folder tree', () => {
    const report = virtualPathOf('vscode-vfs://github/org/repo/reports/2025/a.md')!;
    const config = virtualPathOf('vscode-vfs://github/org/repo/.auditlintrc.json')!;
    expect(report.startsWith(config.slice(0, config.lastIndexOf('/') + 1))).toBe(true);
  });

  it('are not given to untitled documents or to text that is not a URI', () => {
    expect(virtualPathOf('untitled:Untitled-1')).toBeUndefined();
    expect(virtualPathOf('not a uri')).toBeUndefined();
  });
});

describe('document paths under Node', () => {
  it('are file paths for file URIs only', () => {
    expect(filePathOf('file:///tmp/a%20b.md')).toBe('/tmp/a b.md');
    expect(filePathOf('untitled:Untitled-1')).toBeUndefined();
    expect(nodeHost.uriOf('/tmp/a b.md')).toBe('file:///tmp/a%20b.md');
  });
});
