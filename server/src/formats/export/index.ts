/**
 * Export: an audit report in Markdown as an accessible Word document or web page. An adapter at
 * the edge: the core lints the report (the guard), this reads it as mdast and writes the document.
 * Bundled on its own (dist/export.js), so the linter does not load the Word writer.
 */
import * as path from 'node:path';
import type { Image, Nodes, Root } from 'mdast';
import { lint } from '../../core/engine';
import type { LintSettings } from '../../core/types';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { loadImage, type LoadedImage } from './images';
import { collectReferences, parseForExport, readMetadata, type References } from './read';
import { readReferenceStyles } from './reference';

export { ImageError } from './images';
export { ReferenceDocxError } from './reference';
export { isPreviousExport, TargetError, writeExport } from './target';

export type ExportFormat = 'docx' | 'html';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'html'];

export interface ExportRequest {
  /** The report's Markdown. */
  text: string;
  /** Absolute path of the report: images are read from its folder only. */
  file: string;
  settings: LintSettings;
  to: ExportFormat;
  /** Export despite blocking findings and images without alt text. */
  force?: boolean;
  /** A .docx whose styles replace the plain look (Word only). */
  referenceDocx?: Uint8Array;
}

/** Something in the report that stops it being published as it is. */
export interface Blocker {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}

export type ExportResult =
  | { ok: true; data: Uint8Array; /** Blockers that --force let through. */ forced: Blocker[] }
  | { ok: false; blockers: Blocker[] };

/** Errors of these rules stop an export: personal data must not be published, nor an unfinished draft. */
export const BLOCKING_RULES = ['anonymisation', 'placeholder'];

/** Rule id of an image without alt text (a check of the export, not a lint rule). */
export const IMAGE_ALT = 'image-alt-text';

/**
 * Export a report. Returns the document's bytes, or what stops it (unless forced). Throws
 * ImageError or ReferenceDocxError for what cannot be done at all.
 */
export async function exportReport(request: ExportRequest): Promise<ExportResult> {
  const guard = lint(request.text, request.settings, { only: BLOCKING_RULES });
  const blockers: Blocker[] = guard.findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({ ruleId: f.ruleId, line: f.line, column: f.column, message: f.message }));
  if (!guard.complete) {
    blockers.push({ ruleId: 'size-limit', line: 1, column: 1, message: 'the report is too large to be checked for personal data (maxDocumentBytes)' });
  }

  const tree = parseForExport(request.text);
  const references = collectReferences(tree);
  const images = new Map<Image, LoadedImage>();
  const folder = path.dirname(request.file);
  for (const image of imagesOf(tree, references)) {
    if (!image.alt?.trim()) {
      const start = image.position?.start;
      blockers.push({ ruleId: IMAGE_ALT, line: start?.line ?? 1, column: start?.column ?? 1, message: `image "${image.url}" has no alt text; describe what it shows: ![What the chart shows](${image.url})` });
    }
    images.set(image, loadImage(image.url, folder));
  }
  blockers.sort((a, b) => a.line - b.line || a.column - b.column);
  if (blockers.length > 0 && !request.force) return { ok: false, blockers };

  const metadata = readMetadata(guard.model);
  if (request.to === 'html') {
    for (const [image, loaded] of images) image.url = `data:${loaded.mime};base64,${Buffer.from(loaded.data).toString('base64')}`;
    return { ok: true, data: new TextEncoder().encode(renderHtml(tree, metadata)), forced: blockers };
  }
  const referenceStyles = request.referenceDocx ? readReferenceStyles(request.referenceDocx) : undefined;
  return { ok: true, data: await renderDocx(tree, metadata, references, images, { referenceStyles }), forced: blockers };
}

/** Every image of the report, with image references turned into images (so both writers see one kind). */
function imagesOf(tree: Root, references: References): Image[] {
  const found: Image[] = [];
  const visit = (node: Nodes) => {
    if (!('children' in node)) return;
    node.children.forEach((child, i) => {
      if (child.type === 'imageReference') {
        const definition = references.definitions.get(child.identifier);
        const image: Image = { type: 'image', url: definition?.url ?? '', alt: child.alt, title: definition?.title, position: child.position };
        (node.children as Nodes[])[i] = image;
        found.push(image);
      } else if (child.type === 'image') {
        found.push(child);
      } else {
        visit(child);
      }
    });
  };
  visit(tree);
  return found;
}
