// Stands for node:zlib in the page's worker: the Word reader's inflateRawSync, with the same bound on
// what one part may unpack to, made with fflate.
import { Inflate } from 'fflate';

/** Compressed bytes fed at a time, so a part that lies about its size is stopped soon after its limit. */
const STEP = 16 * 1024;

export function inflateRawSync(data: Uint8Array, options: { maxOutputLength: number }): Buffer {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const inflater = new Inflate((chunk) => {
    length += chunk.length;
    if (length > options.maxOutputLength) throw Object.assign(new RangeError('Cannot create a Buffer larger than the limit'), { code: 'ERR_BUFFER_TOO_LARGE' });
    chunks.push(chunk);
  });
  for (let at = 0; at < data.length; at += STEP) inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  if (data.length === 0) inflater.push(data, true);
  return Buffer.concat(chunks, length);
}
