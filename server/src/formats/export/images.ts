import * as fs from 'node:fs';
import * as path from 'node:path';

export type ImageType = 'png' | 'jpg' | 'gif';

export interface LoadedImage {
  data: Uint8Array;
  type: ImageType;
  mime: string;
  /** Pixels. */
  width: number;
  height: number;
}

/** Why an image cannot be exported: not a matter of taste, so --force does not override it. */
export class ImageError extends Error {}

/** Larger images are refused: a report's figures are far smaller, and the export holds them in memory. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Read an image the report refers to, only from inside the report's folder: a web address is never
 * fetched, and a path that leaves the folder (../, an absolute path, a symbolic link pointing out)
 * is refused, so exporting a report cannot copy other files into the published document.
 */
export function loadImage(url: string, folder: string): LoadedImage {
  if (SCHEME.test(url) || url.startsWith('//')) {
    throw new ImageError(`image "${url}" is not in the report's folder; images are never fetched from the web. Save it beside the report and refer to it by its relative path`);
  }
  let relative: string;
  try {
    relative = decodeURI(url.replace(/[?#].*$/, ''));
  } catch {
    relative = url;
  }
  const root = fs.realpathSync(folder);
  const resolved = path.resolve(root, relative);
  if (path.isAbsolute(relative) || !isInside(resolved, root)) {
    throw new ImageError(`image "${url}" is outside the report's folder; only images inside ${root} are exported`);
  }
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch (error) {
    throw new ImageError(`image "${url}" cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!isInside(real, root)) {
    throw new ImageError(`image "${url}" is a link to a file outside the report's folder; only images inside ${root} are exported`);
  }
  const stat = fs.statSync(real);
  if (!stat.isFile()) throw new ImageError(`image "${url}" is not a file`);
  if (stat.size > MAX_IMAGE_BYTES) throw new ImageError(`image "${url}" is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
  const data = fs.readFileSync(real);
  const image = describeImage(data);
  if (!image) throw new ImageError(`image "${url}" is not a PNG, JPEG or GIF image`);
  return { data, ...image };
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The type and pixel size of a PNG, JPEG or GIF, from its header; undefined for anything else. */
export function describeImage(data: Uint8Array): Omit<LoadedImage, 'data'> | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const startsWith = (...bytes: number[]) => bytes.every((b, i) => data[i] === b);
  if (data.length >= 24 && startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
    return sized('png', 'image/png', view.getUint32(16), view.getUint32(20));
  }
  if (data.length >= 10 && startsWith(0x47, 0x49, 0x46, 0x38)) {
    return sized('gif', 'image/gif', view.getUint16(6, true), view.getUint16(8, true));
  }
  if (data.length >= 4 && startsWith(0xff, 0xd8)) {
    // Walk the JPEG's segments to the frame header (SOF0–SOF15 but not DHT, JPG or DAC), which holds the size.
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return undefined;
      const marker = data[i + 1];
      if (marker === 0xff) {
        i++;
        continue;
      }
      const length = view.getUint16(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return sized('jpg', 'image/jpeg', view.getUint16(i + 7), view.getUint16(i + 5));
      }
      i += 2 + length;
    }
  }
  return undefined;
}

function sized(type: ImageType, mime: string, width: number, height: number): Omit<LoadedImage, 'data'> | undefined {
  return width > 0 && height > 0 ? { type, mime, width, height } : undefined;
}
