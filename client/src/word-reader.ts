// The Word reader, a bundle of its own (with mammoth and its XML parser) beside the extension's,
// loaded the first time a Word document is imported or reviewed.
export { withProfile } from '../../server/src/formats/docx';
export { readWordFile } from '../../server/src/formats/docx/word-input';
export { lintAndReview } from '../../server/src/formats/review/word-file';
export { CopyError, reviewedName, writeReviewedCopy } from '../../server/src/formats/review/write';
