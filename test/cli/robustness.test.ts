/**
 * The command line given files it cannot lint: each gets one clear message naming it, the rest of
 * the run goes on, the exit code stays 0, 1 or 2, and no stack trace is printed without --debug.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeAtomically } from '../../server/src/cli/files';
import { cliPath, GOOD_REPORT, POOR_REPORT, runCli, workspace } from './run';

const failing = vi.hoisted(() => ({ rename: false }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const renameSync: typeof actual.renameSync = (from, to) => {
    if (failing.rename) throw Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' });
    actual.renameSync(from, to);
  };
  return { ...actual, default: { ...actual, renameSync }, renameSync };
});

const dirs: string[] = [];
const make = (files: Record<string, string | Buffer>) => {
  const dir = workspace(files);
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  failing.rename = false;
  for (const dir of dirs.splice(0)) {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const isRoot = process.getuid?.() === 0;
const STACK = /\n\s+at .+:\d+:\d+/;
const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** Lint the good report beside a hostile entry: the hostile one is named, the good one still linted. */
function lintBeside(hostile: (dir: string) => void, args: string[] = ['.']) {
  const dir = make({ 'good.md': GOOD_REPORT });
  hostile(dir);
  const result = runCli([...args, '--format', 'json'], { cwd: dir });
  const files = result.stdout ? (JSON.parse(result.stdout) as { results: { file: string }[] }).results.map((r) => r.file) : [];
  return { ...result, files };
}

describe('hostile files on the command line', () => {
  it('a binary file', () => {
    const result = lintBeside((dir) => fs.writeFileSync(path.join(dir, 'scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0xff, 0])));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/scan\.md: looks like a binary file/);
    expect(result.files).toEqual(['good.md']);
    expect(result.stderr).not.toMatch(STACK);
  });

  it('a file that is not UTF-8 (Windows-1252 from a Word export)', () => {
    const result = lintBeside((dir) => fs.writeFileSync(path.join(dir, 'export.md'), Buffer.from('# Caf\xe9 audit\n\nThe child\x92s plan.\n', 'latin1')));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/export\.md: is not valid UTF-8/);
    expect(result.files).toEqual(['good.md']);
  });

  it.skipIf(isRoot)('an unreadable file', () => {
    const result = lintBeside((dir) => {
      fs.writeFileSync(path.join(dir, 'locked.md'), POOR_REPORT);
      fs.chmodSync(path.join(dir, 'locked.md'), 0o000);
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/locked\.md: cannot be read \(EACCES\)/);
    expect(result.files).toEqual(['good.md']);
  });

  it.runIf(isRoot)('a file with no read permission is still read by root, and linted', () => {
    const result = lintBeside((dir) => {
      fs.writeFileSync(path.join(dir, 'locked.md'), GOOD_REPORT);
      fs.chmodSync(path.join(dir, 'locked.md'), 0o000);
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.files).toEqual(['good.md', 'locked.md']);
  });

  it('a folder named like a report, given by name', () => {
    const result = lintBeside((dir) => fs.mkdirSync(path.join(dir, 'empty.md')), ['good.md', 'empty.md']);
    // A folder means the reports inside it: none here, and that is not an error.
    expect(result.status).toBe(0);
    expect(result.files).toEqual(['good.md']);
  });

  it('a folder named like a report, found in a folder, is not taken for a file', () => {
    const result = lintBeside((dir) => fs.mkdirSync(path.join(dir, 'drafts.md')));
    expect(result.status).toBe(0);
    expect(result.files).toEqual(['good.md']);
  });

  it('symbolic link loops in a folder are not followed, so the run neither hangs nor stops', () => {
    const result = lintBeside((dir) => {
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.symlinkSync(dir, path.join(dir, 'sub', 'loop'));
      fs.symlinkSync(path.join(dir, 'b.md'), path.join(dir, 'a.md'));
      fs.symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'b.md'));
    });
    expect(result.status).toBe(0);
    expect(result.files).toEqual(['good.md']);
  });

  it('a link loop or a dangling link named on the command line is reported by name', () => {
    const result = lintBeside((dir) => {
      fs.symlinkSync(path.join(dir, 'b.md'), path.join(dir, 'a.md'));
      fs.symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'b.md'));
      fs.symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'dangling.md'));
    }, ['a.md', 'dangling.md', 'good.md']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/a\.md: cannot be read \(ELOOP\)/);
    expect(result.stderr).toMatch(/dangling\.md: cannot be read \(ENOENT\)/);
    expect(result.files).toEqual(['good.md']);
    expect(result.stderr).not.toMatch(STACK);
  });

  it('a document over maxDocumentBytes is reported, not linted, and the run goes on', () => {
    const dir = make({ 'good.md': GOOD_REPORT, 'big.md': POOR_REPORT.repeat(5), '.auditlintrc.json': JSON.stringify({ maxDocumentBytes: GOOD_REPORT.length + 10 }) });
    const result = runCli(['.', '--format', 'json'], { cwd: dir });
    const results = (JSON.parse(result.stdout) as { results: { file: string; diagnostics: { ruleId: string }[] }[] }).results;
    expect(results.map((r) => [r.file, r.diagnostics.map((d) => d.ruleId)])).toEqual([['big.md', ['size-limit']], ['good.md', []]]);
    expect(result.status).toBe(0);
  });
});

describe('--fix writes safely', () => {
  const missingActions = '# Neglect audit\n\n## Background\n\nSix cases.\n';

  it('refuses to write a file that changed since it was read, leaving it and no temporary file', () => {
    const dir = make({ 'r.md': missingActions });
    const file = path.join(dir, 'r.md');
    const original = fs.readFileSync(file);
    fs.appendFileSync(file, 'A line added in the editor meanwhile.\n');
    expect(() => writeAtomically(file, original, `${missingActions}## Actions\n`)).toThrow(/changed since it was read/);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${missingActions}A line added in the editor meanwhile.\n`);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a write that fails leaves the file as it was and no temporary file behind', () => {
    const dir = make({ 'r.md': missingActions });
    const file = path.join(dir, 'r.md');
    failing.rename = true;
    expect(() => writeAtomically(file, fs.readFileSync(file), 'new text')).toThrow(/could not be written \(EPERM\); left unchanged/);
    expect(fs.readFileSync(file, 'utf8')).toBe(missingActions);
    expect(leftovers(dir)).toEqual([]);
  });

  it('does not overwrite or remove a file that happens to have the temporary name', () => {
    const dir = make({ 'r.md': missingActions });
    const file = path.join(dir, 'r.md');
    const squatter = path.join(dir, `.r.md.${process.pid}.audit-lint.tmp`);
    fs.writeFileSync(squatter, 'not ours');
    expect(() => writeAtomically(file, fs.readFileSync(file), 'new text')).toThrow(/EEXIST/);
    expect(fs.readFileSync(squatter, 'utf8')).toBe('not ours');
    expect(fs.readFileSync(file, 'utf8')).toBe(missingActions);
  });

  it.skipIf(isRoot)('a file in a read-only folder is reported by name and left as it was', () => {
    const dir = make({ 'r.md': missingActions });
    fs.chmodSync(dir, 0o555);
    const result = runCli(['r.md', '--fix'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/r\.md: could not be written \(EACCES\); left unchanged/);
    expect(result.stderr).not.toMatch(STACK);
    fs.chmodSync(dir, 0o755);
    expect(fs.readFileSync(path.join(dir, 'r.md'), 'utf8')).toBe(missingActions);
    expect(leftovers(dir)).toEqual([]);
  });

  /** Every one of `lines` appears in `text`, in order, with others between them. */
  const keepsInOrder = (text: string[], lines: string[]): boolean => {
    let at = 0;
    for (const line of text) if (at < lines.length && line === lines[at]) at++;
    return at === lines.length;
  };

  it('a file appended to while --fix runs is either fixed from what was read or refused, never half-written', () => {
    const dir = make({ 'big.md': `${POOR_REPORT}\n${'The plan was shared with the school.\n\n'.repeat(5000)}` });
    const file = path.join(dir, 'big.md');
    const before = fs.readFileSync(file, 'utf8');
    const appended = 'A paragraph written while the fix ran.\n';
    const child = spawn(process.execPath, [cliPath, 'big.md', '--fix'], { cwd: dir });
    // Once the process has started it reads the file at once, then lints it for a while.
    setTimeout(() => fs.appendFileSync(file, appended), 700);
    return new Promise<void>((resolve) => {
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      child.on('close', (status) => {
        const after = fs.readFileSync(file, 'utf8');
        if (status === 2) {
          expect(stderr).toMatch(/big\.md: changed since it was read/);
          expect(after).toBe(before + appended);
        } else {
          // The fix read the file after the append: fixes only insert, so every line read is kept, in order.
          expect(keepsInOrder(after.split('\n'), (before + appended).split('\n'))).toBe(true);
        }
        expect(leftovers(dir)).toEqual([]);
        resolve();
      });
    });
  }, 120000);
});
