/** How large a Word package may be before it is refused unopened; documents of hundreds of pages stay far below. */
export const ZIP_LIMITS = {
  maxEntries: 2000,
  maxTotalUncompressed: 256 * 1024 * 1024,
  maxEntryUncompressed: 64 * 1024 * 1024,
  /** Deflate cannot beat about 1032:1; a larger declared ratio is a crafted file. */
  maxRatio: 1100,
};
