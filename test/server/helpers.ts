import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

/** A temporary workspace with the given files; returns its path and a cleanup. */
export function workspace(files: Record<string, string>): { root: string; write(name: string, text: string): string; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'audit-lint-server-'));
  const write = (name: string, text: string) => {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  for (const [name, text] of Object.entries(files)) write(name, text);
  return { root, write, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

/** Apply the edits of a workspace edit that touch one document. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit): string {
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  edits.push(...(edit.changes?.[uri] ?? []));
  return applyEdits(text, edits);
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/**
 * What a reader sees: the Markdown tree without positions, HTML comments (invisible when rendered)
 * removed, neighbouring text joined and runs of white space collapsed, as HTML rendering does.
 */
export function renderedShape(markdown: string): unknown {
  const simplify = (node: Nodes): unknown => {
    const { position: _position, ...rest } = node as Nodes & { children?: Nodes[] };
    if (!('children' in node)) return 'value' in rest && typeof rest.value === 'string' ? { ...rest, value: rest.value.replace(/\s+/g, ' ') } : rest;
    const children: Nodes[] = [];
    for (const child of node.children as Nodes[]) {
      if (child.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(child.value)) continue;
      const last = children[children.length - 1];
      if (child.type === 'text' && last?.type === 'text') children[children.length - 1] = { ...last, value: last.value + child.value };
      else children.push(child);
    }
    const simplified = children.map(simplify).map((c) => {
      const t = c as { type: string; value?: string };
      return t.type === 'text' && t.value !== undefined ? { ...t, value: t.value.trim() } : c;
    });
    return { ...rest, children: simplified };
  };
  return simplify(parser.parse(markdown) as Root);
}

/** A diagnostic's message as text (LSP 3.18 also allows Markdown content). */
export const messageOf = (diagnostic: Diagnostic): string => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);
