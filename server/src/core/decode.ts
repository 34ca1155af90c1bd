const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type Decoded = { text: string } | { error: string };

/** Decode a file's bytes as UTF-8 text, refusing binary and mis-encoded files rather than guessing. */
export function decodeDocument(bytes: Uint8Array): Decoded {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { error: 'looks like a binary file (it contains NUL bytes), not Markdown' };
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { error: 'is not valid UTF-8 text; save it as UTF-8 and try again' };
  }
}
