/**
 * The Word reader and the reviewer together over damaged and crafted documents: mutated at the zip
 * level (cut short, bytes flipped, parts reordered or duplicated) and at the XML level (unbalanced
 * tags, huge attributes, deep nesting, comment ranges that never close, ids that collide), in the
 * body and in the auxiliary parts. Every case ends in a lint and a review, or in a message for the
 * user (never a library's own error), within 5 s of CPU; a review never changes the author's text
 * and always writes well-formed XML.
 *
 * 240 cases in `npm test` with a fixed seed; `npm run fuzz` runs 5,000. FUZZ_RUNS and FUZZ_SEED
 * set the count and seed of either run (FUZZ_SEED=random picks one and prints it on failure).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lintAndReview } from '../../server/src/formats/review/word-file';
import { documentText, malformedParts, readComments } from '../review-reading';
import { repoRoot, runCli, temporaryWorkspaces } from '../cli/run';

const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'fuzz' ? 5000 : 240));
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20261207);
const CPU_LIMIT_MS = 5000;
const settings = resolveSettings(undefined, '(defaults)');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'docx');
const SEEDS = ['ooxml/review.docx', 'ooxml/hidden.docx', 'ooxml/structures.docx', 'ooxml/numbering.docx', 'pandoc/maca-report-poor.docx', 'libreoffice/seven-minute-briefing-poor.docx'];
const seeds: Buffer[] = SEEDS.map((name) => fs.readFileSync(path.join(fixtures, name)));
/** Words that only a library's or the runtime's own error would show. */
const INTERNAL = /xmldom|TypeError|RangeError|ReferenceError|Cannot read propert|undefined|is not a function|Maximum call stack|\bat \w+ \(/;

type Parts = [string, Buffer][];

/** A zip of the parts in the order given; duplicated names are kept, as a crafted file may have them. */
function zip(parts: Parts): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const header = (signature: number, centralEntry: boolean) => {
      const b = Buffer.alloc(centralEntry ? 46 : 30);
      b.writeUInt32LE(signature, 0);
      let at = 4;
      if (centralEntry) (b.writeUInt16LE(20, at), (at += 2));
      b.writeUInt16LE(20, at);
      b.writeUInt16LE(8, at + 4);
      b.writeUInt16LE((2025 - 1980) << 9 | 1 << 5 | 1, at + 8);
      b.writeUInt32LE(crc32(data), at + 10);
      b.writeUInt32LE(packed.length, at + 14);
      b.writeUInt32LE(data.length, at + 18);
      b.writeUInt16LE(nameBytes.length, at + 22);
      if (centralEntry) b.writeUInt32LE(offset, 42);
      return b;
    };
    const local = Buffer.concat([header(0x04034b50, false), nameBytes, packed]);
    central.push(Buffer.concat([header(0x02014b50, true), nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const partsOf = (docx: Buffer): Parts => Object.entries(unzipSync(docx)).map(([name, data]) => [name, Buffer.from(data)]);
const XML_PARTS = /^(word\/(document|numbering|styles|comments|footnotes)\.xml|docProps\/core\.xml|\[Content_Types\]\.xml|word\/_rels\/document\.xml\.rels)$/;

// ---------------------------------------------------------------------------------------------
// Mutations of one XML part's text, at a position given as a fraction of its length.

type XmlMutation = (xml: string, at: number, n: number) => string;
const position = (xml: string, at: number) => Math.floor(at * xml.length);
const tagAt = (xml: string, at: number, pattern: RegExp) => {
  const tags = [...xml.matchAll(pattern)];
  return tags.length === 0 ? undefined : tags[Math.floor(at * tags.length) % tags.length];
};
const xmlMutations: Record<string, XmlMutation> = {
  dropClosingTag: (xml, at) => {
    const tag = tagAt(xml, at, /<\/[\w:]+>/g);
    return tag ? xml.slice(0, tag.index) + xml.slice(tag.index! + tag[0].length) : xml;
  },
  extraOpeningTag: (xml, at) => xml.slice(0, position(xml, at)) + '<w:r>' + xml.slice(position(xml, at)),
  cutShort: (xml, at) => xml.slice(0, position(xml, at)),
  hugeAttribute: (xml, at, n) => {
    const tag = tagAt(xml, at, /<w:(p|r|t|comment|style|num|abstractNum)\b/g);
    return tag ? `${xml.slice(0, tag.index! + tag[0].length)} w:rsidR="${'A'.repeat(1000 * n)}"${xml.slice(tag.index! + tag[0].length)}` : xml;
  },
  deepNesting: (xml, at, n) => {
    const tag = tagAt(xml, at, /<w:r>/g);
    if (!tag) return xml;
    const depth = 200 * n;
    return xml.slice(0, tag.index) + '<w:sdt><w:sdtContent>'.repeat(depth) + '<w:r><w:t>deep</w:t></w:r>' + '</w:sdtContent></w:sdt>'.repeat(depth) + xml.slice(tag.index);
  },
  unclosedCommentRange: (xml, at) => {
    const tag = tagAt(xml, at, /<w:r>/g);
    return tag ? `${xml.slice(0, tag.index)}<w:commentRangeStart w:id="900"/>${xml.slice(tag.index)}` : xml;
  },
  collidingIds: (xml, at) => {
    const tag = tagAt(xml, at, /<w:r>/g);
    // A range and reference reusing an id the draft already gives to a comment or a revision.
    return tag ? `${xml.slice(0, tag.index)}<w:commentRangeStart w:id="7"/><w:commentRangeStart w:id="8"/><w:r><w:commentReference w:id="7"/></w:r>${xml.slice(tag.index)}` : xml;
  },
  duplicateComment: (xml) => xml.replace(/(<w:comment\b[\s\S]*?<\/w:comment>)/, '$1$1'),
  badEntity: (xml, at) => xml.slice(0, position(xml, at)) + '&bogus;&#0;&#xFFFFFF;' + xml.slice(position(xml, at)),
  attributeWithoutValue: (xml, at) => {
    const tag = tagAt(xml, at, /<w:\w+/g);
    return tag ? `${xml.slice(0, tag.index! + tag[0].length)} broken${xml.slice(tag.index! + tag[0].length)}` : xml;
  },
};

// Mutations of the whole file.
type ZipMutation = (docx: Buffer, at: number, n: number) => Buffer;
const zipMutations: Record<string, ZipMutation> = {
  truncate: (docx, at) => docx.subarray(0, Math.floor(at * docx.length)),
  flipBytes: (docx, at, n) => {
    const copy = Buffer.from(docx);
    for (let k = 0; k < n; k++) copy[(Math.floor(at * copy.length) + k * 7919) % copy.length] ^= 0xff;
    return copy;
  },
  reorderParts: (docx, at) => {
    const parts = partsOf(docx);
    const shift = Math.floor(at * parts.length);
    return zip([...parts.slice(shift), ...parts.slice(0, shift)]);
  },
  duplicatePart: (docx, at) => {
    const parts = partsOf(docx);
    const copy = parts[Math.floor(at * parts.length) % parts.length];
    return zip([...parts, [copy[0], Buffer.from(strFromU8(copy[1]).replace(/child/g, 'family'))]]);
  },
};

interface Case {
  seed: number;
  zipMutation?: string;
  xmlMutation?: string;
  part: number;
  at: number;
  n: number;
}

const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  seed: fc.integer({ min: 0, max: seeds.length - 1 }),
  zipMutation: fc.option(fc.constantFrom(...Object.keys(zipMutations)), { nil: undefined, freq: 3 }),
  xmlMutation: fc.option(fc.constantFrom(...Object.keys(xmlMutations)), { nil: undefined, freq: 6 }),
  part: fc.nat(),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  n: fc.integer({ min: 1, max: 40 }),
});

function build(c: Case): Buffer {
  let docx: Buffer = seeds[c.seed];
  if (c.xmlMutation) {
    const parts = partsOf(docx);
    const candidates = parts.map(([name], index) => ({ name, index })).filter(({ name }) => XML_PARTS.test(name));
    const target = candidates[c.part % candidates.length];
    parts[target.index] = [target.name, Buffer.from(strToU8(xmlMutations[c.xmlMutation](strFromU8(parts[target.index][1]), c.at, c.n)))];
    docx = zip(parts);
  }
  if (c.zipMutation) docx = zipMutations[c.zipMutation](docx, c.at, c.n);
  return docx;
}

async function check(c: Case): Promise<'reviewed' | 'refused'> {
  const docx = build(c);
  const before = process.cpuUsage();
  const outcome = await lintAndReview(new Uint8Array(docx), settings);
  const spent = process.cpuUsage(before);
  expect((spent.user + spent.system) / 1000).toBeLessThan(CPU_LIMIT_MS);
  if ('error' in outcome) {
    expect(outcome.error).toMatch(/^(is|has|would|declares|uses|could not)\b/);
    expect(outcome.error).not.toMatch(INTERNAL);
    return 'refused';
  }
  const copy = outcome.outcome.bytes;
  expect(documentText(Buffer.from(copy))).toBe(documentText(docx));
  expect(malformedParts(copy).filter((name) => /document\.xml$|comments\.xml$|\.rels$|Content_Types/.test(name))).toEqual([]);
  expect(readComments(copy).filter((comment) => comment.author === 'audit-lint')).toHaveLength(outcome.outcome.comments);
  return 'reviewed';
}

describe('Word documents damaged or crafted', () => {
  it(`${RUNS} mutated documents each end in a review or a clear refusal`, async () => {
    const ends = { reviewed: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        ends[await check(c)]++;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Both ends are reached: the mutations neither all break nor all spare the documents.
    expect(ends.reviewed).toBeGreaterThan(RUNS / 10);
    expect(ends.refused).toBeGreaterThan(RUNS / 10);
  }, RUNS > 240 ? 0 : 240_000);

  it('a damaged auxiliary part leaves the body linted, with a note of what was left out', async () => {
    for (const [part, consequence] of [
      ['word/numbering.xml', /numbers Word shows/],
      ['word/styles.xml', /headings are found only/],
      ['word/comments.xml', /comments were not checked/],
      ['word/footnotes.xml', /notes were not linted/],
      ['docProps/core.xml', /document properties were not read/],
    ] as const) {
      const seed = part === 'word/numbering.xml' ? seeds[3] : part === 'word/footnotes.xml' ? seeds[2] : seeds[0];
      const parts = partsOf(seed).map(([name, data]): [string, Buffer] => [name, name === part ? Buffer.from(`${data.toString('utf8').slice(0, 200)}<w:p broken>`) : data]);
      const outcome = await lintAndReview(new Uint8Array(zip(parts)), settings);
      if (part === 'word/comments.xml') {
        // The lint goes on; the review refuses, rather than drop the comments already there.
        expect('error' in outcome && outcome.error).toMatch(/damaged comments part/);
        continue;
      }
      if ('error' in outcome) throw new Error(`${part}: ${outcome.error}`);
      expect(outcome.input.reading.damaged).toEqual([expect.stringMatching(new RegExp(`^${part.replace(/[.[\]]/g, '\\$&')} is damaged and was left out: .*${consequence.source}`))]);
      expect(outcome.input.reading.markdown.length).toBeGreaterThan(100);
    }
  });
});

describe('the command line on damaged documents', () => {
  const ws = temporaryWorkspaces();
  it('exits 2 and leaves nothing behind, or writes a whole copy', () => {
    const cases = fc.sample(caseArbitrary, { seed: SEED, numRuns: 12 });
    for (const c of cases) {
      const dir = ws({ 'draft.docx': build(c) });
      const { status, stderr } = runCli(['review', 'draft.docx'], { cwd: dir });
      const files = fs.readdirSync(dir).sort();
      if (status === 2) {
        expect(stderr).toMatch(/^audit-lint: draft\.docx: /);
        expect(stderr).not.toMatch(INTERNAL);
        expect(files).toEqual(['draft.docx']);
      } else {
        expect([0, 1]).toContain(status);
        expect(files).toEqual(['draft.docx', 'draft.reviewed.docx']);
        expect(malformedParts(fs.readFileSync(path.join(dir, 'draft.reviewed.docx')))).not.toContain('word/document.xml');
      }
    }
    // Twelve runs of the command line: room for a busy machine.
  }, 240_000);
});
