export type DocxErrorKind = 'legacy-or-encrypted' | 'encrypted' | 'corrupt' | 'too-large' | 'not-word' | 'unsafe-xml';

/** A Word file that cannot be read, with a message that completes "draft.docx …". */
export class DocxError extends Error {
  constructor(readonly kind: DocxErrorKind, message: string) {
    super(message);
  }
}
