// Regenerates the Word fixtures in test/fixtures/docx/:
//   pandoc/*.docx and libreoffice/*.docx  the example reports, written by two real word processors
//                                         (needs pandoc and soffice: Debian pandoc, libreoffice-writer-nogui)
//   ooxml/*.docx                          hand-written OOXML: numbering, hidden data, tables, notes …
//   bad/*                                 files that must be refused
// `npm test` only reads the committed files; run `node scripts/make-docx-fixtures.mjs [--only-ooxml]` to remake them.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'test', 'fixtures', 'docx');
const examples = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.md')).sort();

// ---------------------------------------------------------------------------------------------
// A minimal zip writer (deflate), with a fixed date so the bytes do not change between runs.

function zip(parts, { lie } = {}) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const size = lie?.[name] ?? data.length;
    const header = (signature, extra) => {
      const b = Buffer.alloc(extra ? 46 : 30);
      b.writeUInt32LE(signature, 0);
      let at = 4;
      if (extra) b.writeUInt16LE(20, at), (at += 2);
      b.writeUInt16LE(20, at); // version needed
      b.writeUInt16LE(0, at + 2); // flags
      b.writeUInt16LE(8, at + 4); // deflate
      b.writeUInt16LE(0, at + 6); // time
      b.writeUInt16LE((2025 - 1980) << 9 | 1 << 5 | 1, at + 8); // 2025-01-01
      b.writeUInt32LE(crc32(data), at + 10);
      b.writeUInt32LE(packed.length, at + 14);
      b.writeUInt32LE(size, at + 18);
      b.writeUInt16LE(nameBytes.length, at + 22);
      b.writeUInt16LE(0, at + 24);
      if (extra) b.writeUInt32LE(offset, 42);
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

// ---------------------------------------------------------------------------------------------
// OOXML parts

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph: style id, numbering [numId, ilvl], runs (strings or raw XML starting with "<"). */
function p(runs, { style, num, outline } = {}) {
  const props = [
    style ? `<w:pStyle w:val="${style}"/>` : '',
    num ? `<w:numPr><w:ilvl w:val="${num[1]}"/><w:numId w:val="${num[0]}"/></w:numPr>` : '',
    outline !== undefined ? `<w:outlineLvl w:val="${outline}"/>` : '',
  ].join('');
  const body = [].concat(runs).map((r) => (r.startsWith('<') ? r : `<w:r><w:t xml:space="preserve">${esc(r)}</w:t></w:r>`)).join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${body}</w:p>`;
}

const headingStyles = [1, 2, 3].map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="${n - 1}"/></w:pPr></w:style>`).join('');

function styles(extra = '') {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>${headingStyles}${extra}</w:styles>`;
}

function documentXml(paragraphs, sectPr = '') {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>${paragraphs.join('\n')}${sectPr}<w:sectPr/></w:body></w:document>`;
}

function word({ body, styleXml = styles(), numbering, comments, footnotes, headers = [], core, app, custom, rels = [], macro = false, contentTypesExtra = '' }) {
  const parts = {};
  const docRels = [`<Relationship Id="rStyles" Type="${REL}/styles" Target="styles.xml"/>`, ...rels];
  const overrides = [
    `<Override PartName="/word/document.xml" ContentType="${macro ? 'application/vnd.ms-word.document.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'}"/>`,
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
  ];
  parts['word/document.xml'] = body;
  parts['word/styles.xml'] = styleXml;
  if (numbering) {
    parts['word/numbering.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering ${W}>${numbering}</w:numbering>`;
    docRels.push(`<Relationship Id="rNumbering" Type="${REL}/numbering" Target="numbering.xml"/>`);
    overrides.push('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>');
  }
  if (comments) {
    parts['word/comments.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments ${W}>${comments}</w:comments>`;
    docRels.push(`<Relationship Id="rComments" Type="${REL}/comments" Target="comments.xml"/>`);
    overrides.push('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
  }
  if (footnotes) {
    parts['word/footnotes.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>${footnotes}</w:footnotes>`;
    docRels.push(`<Relationship Id="rFootnotes" Type="${REL}/footnotes" Target="footnotes.xml"/>`);
    overrides.push('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>');
  }
  headers.forEach(([kind, xml], i) => {
    parts[`word/${kind}${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${kind === 'header' ? 'hdr' : 'ftr'} ${W}>${xml}</w:${kind === 'header' ? 'hdr' : 'ftr'}>`;
    docRels.push(`<Relationship Id="r${kind}${i}" Type="${REL}/${kind}" Target="${kind}${i + 1}.xml"/>`);
    overrides.push(`<Override PartName="/word/${kind}${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${kind}+xml"/>`);
  });
  const packageRels = [`<Relationship Id="rDoc" Type="${REL}/officeDocument" Target="word/document.xml"/>`];
  if (core) {
    parts['docProps/core.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${core}</cp:coreProperties>`;
    packageRels.push('<Relationship Id="rCore" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>');
    overrides.push('<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>');
  }
  if (app) {
    parts['docProps/app.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">${app}</Properties>`;
    packageRels.push(`<Relationship Id="rApp" Type="${REL}/extended-properties" Target="docProps/app.xml"/>`);
    overrides.push('<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>');
  }
  if (custom) {
    parts['docProps/custom.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${Object.entries(custom).map(([k, v], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${k}"><vt:lpwstr>${esc(String(v))}</vt:lpwstr></property>`).join('')}</Properties>`;
    packageRels.push(`<Relationship Id="rCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/>`);
    overrides.push('<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>');
  }
  if (macro) parts['word/vbaProject.bin'] = Buffer.from('not really a macro project');
  parts['word/_rels/document.xml.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${docRels.join('')}</Relationships>`;
  parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${packageRels.join('')}</Relationships>`;
  parts['[Content_Types].xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}${contentTypesExtra}</Types>`;
  const ordered = { '[Content_Types].xml': parts['[Content_Types].xml'], ...parts };
  return ordered;
}

const lvl = (ilvl, fmt, text, { start = 1, restart, style } = {}) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/>${restart !== undefined ? `<w:lvlRestart w:val="${restart}"/>` : ''}${style ? `<w:pStyle w:val="${style}"/>` : ''}<w:lvlText w:val="${text}"/></w:lvl>`;

/** Multi-level numbering the way report templates use it. */
function numberingFixture() {
  const numbering = [
    // 1: headings numbered by their style, "1.0"-style templates use %1 and %1.%2
    `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1', { style: 'Heading1' })}${lvl(1, 'decimal', '%1.%2', { style: 'Heading2' })}</w:abstractNum>`,
    // 2: numbered paragraphs 1.1, 1.2 under the headings' counter: %1.%2 at level 1 of the same list
    // 3: letters and roman: a), b) then (i), (ii)
    `<w:abstractNum w:abstractNumId="3">${lvl(0, 'lowerLetter', '%1)')}${lvl(1, 'lowerRoman', '(%2)')}</w:abstractNum>`,
    // 4: a plain decimal list
    `<w:abstractNum w:abstractNumId="4">${lvl(0, 'decimal', '%1.')}${lvl(1, 'bullet', '•')}</w:abstractNum>`,
    // 5: upper roman with a start of 4, three levels deep, level 2 never restarting
    `<w:abstractNum w:abstractNumId="5">${lvl(0, 'upperRoman', '%1.', { start: 4 })}${lvl(1, 'upperLetter', '%1.%2')}${lvl(2, 'decimal', '%1.%2.%3', { restart: 0 })}</w:abstractNum>`,
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
    '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>',
    '<w:num w:numId="4"><w:abstractNumId w:val="4"/></w:num>',
    // a second list on the same definition that restarts at 1
    '<w:num w:numId="6"><w:abstractNumId w:val="4"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
    // a list on the same definition that starts at 7
    '<w:num w:numId="7"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>',
    '<w:num w:numId="5"><w:abstractNumId w:val="5"/></w:num>',
  ].join('');
  const styleXml = styles(
      // headings carry their numbering in the style, as many templates do
      '<w:style w:type="paragraph" w:styleId="ReportHeading"><w:name w:val="Report Heading"/><w:basedOn w:val="Heading2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="NumberedPara"><w:name w:val="Numbered Para"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
  ).replace('<w:pPr><w:outlineLvl w:val="0"/></w:pPr>', '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr>');
  const body = documentXml([
    p('Audit of neglect', { style: 'Title' }),
    p('Introduction', { style: 'Heading1' }),
    p('The partnership audited six cases.', { style: 'NumberedPara' }),
    p('Each case was graded by the panel.', { style: 'NumberedPara' }),
    p('Methodology', { style: 'Heading1' }),
    p('Cases were chosen at random.', { style: 'NumberedPara' }),
    p('The panel asked:'),
    p('was the child seen;', { num: ['3', 0] }),
    p('alone;', { num: ['3', 1] }),
    p('with a parent;', { num: ['3', 1] }),
    p('was the plan followed.', { num: ['3', 0] }),
    p('Findings', { style: 'Heading1' }),
    p('Strengths', { style: 'ReportHeading' }),
    p('A paragraph between the lists.'),
    p('First finding.', { num: ['4', 0] }),
    p('A detail as a bullet.', { num: ['4', 1] }),
    p('Second finding.', { num: ['4', 0] }),
    p('Some text that interrupts the list.'),
    p('Third finding, the list continues.', { num: ['4', 0] }),
    p('A new list restarts.', { num: ['6', 0] }),
    p('And goes on.', { num: ['6', 0] }),
    p('A lettered list starting at g.', { num: ['7', 0] }),
    p('Deep numbering', { outline: 1 }),
    p('Part four.', { num: ['5', 0] }),
    p('Section A.', { num: ['5', 1] }),
    p('Item one.', { num: ['5', 2] }),
    p('Section B.', { num: ['5', 1] }),
    p('Item two: level 3 does not restart.', { num: ['5', 2] }),
  ]);
  return word({ body, styleXml, numbering, custom: { profile: 'maca-report' } });
}

/** Everything a published Word file can leak, with a clean visible text. */
function hiddenFixture() {
  const body = documentXml([
    p('Learning from a neglect audit', { style: 'Title' }),
    p('What we did', { style: 'Heading1' }),
    p(['<w:commentRangeStart w:id="1"/>', 'Six cases were selected at random and audited by all agencies in March 2025.', '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>']),
    p('What we found', { style: 'Heading1' }),
    p([
      'Plans described services rather than the change for the child',
      '<w:del w:id="2" w:author="Sarah Jennings" w:date="2025-03-01T10:00:00Z"><w:r><w:delText xml:space="preserve"> of Child A, NHS number 943 476 5919,</w:delText></w:r></w:del>',
      '<w:ins w:id="3" w:author="Sarah Jennings" w:date="2025-03-01T10:00:00Z"><w:r><w:t xml:space="preserve"> in four of the six cases</w:t></w:r></w:ins>',
      '.',
    ]),
    p([
      'A chart of the grades follows.',
      '<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="Grades for each case; the case of Tom Baker (DOB 12/03/2019) was graded inadequate"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="chart.png"/></pic:nvPicPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>',
    ]),
    p('Learning', { style: 'Heading1' }),
    p('Plans should say what a good day looks like for the child.'),
  ]);
  const comments = '<w:comment w:id="1" w:author="Priya Raman" w:initials="PR"><w:p><w:r><w:t>Check with the mother at 14 Acacia Avenue, phone 07700 900123 is wrong, use 07912 345678</w:t></w:r></w:p></w:comment>';
  return word({
    body,
    comments,
    headers: [['header', p('Draft prepared for Northshire Safeguarding Children Partnership')], ['footer', p('Contact: sarah.jennings@northshire.gov.uk')]],
    core: '<dc:title>Learning from a neglect audit</dc:title><dc:creator>Sarah Jennings</dc:creator><cp:lastModifiedBy>Priya Raman</cp:lastModifiedBy>',
    app: '<Company>Northshire Council</Company><Manager>David Okafor</Manager>',
    custom: { profile: 'learning-briefing' },
  });
}

/** Tables with merged cells and several paragraphs in a cell, links, notes, a text box, an image, a chart and a shape. */
function structuresFixture() {
  const cell = (content, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${[].concat(content).join('')}</w:tc>`;
  const row = (cells) => `<w:tr>${cells.join('')}</w:tr>`;
  const table = `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>${[
    row([cell(p('Action')), cell(p('Owner')), cell(p('Due'))]),
    row([cell([p('Write a plan template.'), p('Check ten plans.')]), cell(p('Head of Service'), '<w:vMerge w:val="restart"/>'), cell(p('30 June 2025'))]),
    row([cell(p('Train core group chairs.')), cell(p(''), '<w:vMerge/>'), cell(p('31 March 2026'))]),
    row([cell(p('Report to the board (all agencies).'), '<w:gridSpan w:val="2"/>'), cell(p('Q3 2025/26'))]),
  ].join('')}</w:tbl>`;
  const body = documentXml([
    p('Briefing on neglect', { style: 'Title' }),
    p('Actions', { style: 'Heading1' }),
    table,
    p('Further information', { style: 'Heading1' }),
    p(['Read the ', '<w:hyperlink r:id="rLink"><w:r><w:t>neglect toolkit for practitioners</w:t></w:r></w:hyperlink>', ' on the partnership website.', '<w:r><w:footnoteReference w:id="1"/></w:r>']),
    p(['<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="5" name="Text Box 5"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>' + p('Key message: see the child, every visit.') + '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>' + p('Key message: see the child, every visit.') + '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>']),
    p(['<w:r><w:drawing><wp:inline><wp:docPr id="2" name="Picture 2" descr="A child drawing a house"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="2" name="house.png"/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rImage"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>']),
    p(['<w:r><w:drawing><wp:inline><wp:docPr id="3" name="Chart 3"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rChart"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>']),
    p(['<w:r><w:pict><v:rect style="width:100pt;height:20pt"/></w:pict></w:r>']),
  ]);
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e9ee0e0000000049454e44ae426082', 'hex');
  const parts = word({
    body,
    footnotes: `<w:footnote w:id="1">${p('Published by the partnership in 2025.')}</w:footnote>`,
    rels: [
      '<Relationship Id="rLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/neglect-toolkit" TargetMode="External"/>',
      `<Relationship Id="rImage" Type="${REL}/image" Target="media/house.png"/>`,
    ],
    contentTypesExtra: '<Default Extension="png" ContentType="image/png"/>',
    custom: { profile: 'seven-minute-briefing' },
  });
  parts['word/media/house.png'] = png;
  return parts;
}

/**
 * A draft to review: words split across runs (formatting, spell-check marks, revision ids), an
 * entity next to a flagged word, an existing comment, a tracked deletion, a table, a footnote and
 * a text box; review.json beside it lists the comments a review writes.
 */
function reviewFixture() {
  const cell = (content) => `<w:tc>${[].concat(content).join('')}</w:tc>`;
  const row = (cells) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
  const table = `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="6000"/><w:gridCol w:w="3000"/></w:tblGrid>${[
    row([p('Action'), p('Owner')]),
    row([p('All agencies to ensure timely sharing of information.'), p('')]),
    row([[p('The Quality Assurance Sub-group will check twelve plans by 30 June 2026, so that every child has a named worker; measured by the audit.'), p('Check the records of the children on the plan.'), p('Findings are TBC.')], p('Quality Assurance Sub-group')]),
    row([p('The Head of Service will audit ten plans by 31 March 2026, so that each child has a plan that says what will change for them; measured by the audit.'), p('Head of Service')]),
  ].join('')}</w:tbl>`;
  const body = documentXml([
    p('Neglect audit for the LSCP', { style: 'Title' }),
    p('Background', { style: 'Heading1' }),
    p([
      '<w:r><w:t xml:space="preserve">The panel found </w:t></w:r>',
      '<w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>rob</w:t></w:r><w:r w:rsidR="00A14B2C"><w:rPr><w:b/></w:rPr><w:t>ust</w:t></w:r><w:proofErr w:type="spellEnd"/>',
      '<w:r><w:t xml:space="preserve"> joint working by Health &amp; Social Care in most cases, and the Children and Young People&apos;s Service (CYPS) took part.</w:t></w:r>',
    ]),
    p('Methodology', { style: 'Heading1' }),
    p(['<w:commentRangeStart w:id="7"/>', 'Six cases were chosen at random from children on a plan for neglect between April and September 2025, and audited by health, police and children\'s social care in October 2025; each family was asked for their views.', '<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>']),
    p('Findings', { style: 'Heading1' }),
    p([
      'In four of the six cases the plan said what would change for the child',
      '<w:del w:id="8" w:author="Sam Whitfield" w:date="2025-10-01T10:00:00Z"><w:r><w:delText xml:space="preserve"> (ring 07912 345678)</w:delText></w:r></w:del>',
      '.',
      '<w:r><w:footnoteReference w:id="1"/></w:r>',
    ]),
    p(['<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="5" name="Text Box 5"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>' + p('Key message: see the child. Next review: TBD.') + '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>' + p('Key message: see the child. Next review: TBD.') + '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>']),
    p('Actions', { style: 'Heading1' }),
    table,
  ]);
  const comments = '<w:comment w:id="7" w:author="Priya Raman" w:date="2025-10-02T09:00:00Z" w:initials="PR"><w:p><w:r><w:t>Ask the mother on 07700 900123 before this goes out.</w:t></w:r></w:p></w:comment>';
  return word({
    body,
    comments,
    footnotes: `<w:footnote w:id="1">${p('Figures to be confirmed: TBC.')}</w:footnote>`,
    core: '<dc:title>Neglect audit for the LSCP</dc:title><dc:creator>Sam Whitfield</dc:creator>',
    custom: { profile: 'maca-report', cases: 6 },
  });
}

function write(file, bytes) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  console.log(`wrote ${path.relative(root, file)} (${bytes.length} bytes)`);
}

// Hand-written documents
write(path.join(out, 'ooxml', 'numbering.docx'), zip(numberingFixture()));
write(path.join(out, 'ooxml', 'hidden.docx'), zip(hiddenFixture()));
write(path.join(out, 'ooxml', 'structures.docx'), zip(structuresFixture()));
write(path.join(out, 'ooxml', 'review.docx'), zip(reviewFixture()));
write(path.join(out, 'ooxml', 'macros.docm'), zip(word({ body: documentXml([p('Audit', { style: 'Heading1' }), p('Six cases were audited.')]), macro: true })));

// Files to refuse
const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
write(path.join(out, 'bad', 'legacy.doc'), ole);
write(path.join(out, 'bad', 'password.docx'), ole);
const good = zip(word({ body: documentXml([p('Six cases were audited.')]) }));
write(path.join(out, 'bad', 'truncated.docx'), good.subarray(0, Math.floor(good.length / 2)));
write(path.join(out, 'bad', 'bomb.docx'), zip(word({ body: documentXml([p('x'.repeat(2000))]) }), { lie: { 'word/document.xml': 300 * 1024 * 1024 } }));
// A part that unpacks to more than the zip's directory says: stopped at the declared size.
write(path.join(out, 'bad', 'understated.docx'), zip(word({ body: documentXml([p('x'.repeat(20000))]) }), { lie: { 'word/document.xml': 1000 } }));
write(path.join(out, 'bad', 'many-parts.docx'), zip(Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`part${i}.xml`, '<a/>']))));
write(path.join(out, 'bad', 'workbook.docx'), zip({
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  'xl/workbook.xml': '<workbook/>',
}));
write(path.join(out, 'bad', 'entities.docx'), zip(word({
  body: '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' + documentXml([p('&xxe;')]).replace(/^<\?xml[^>]*>\n/, ''),
})));
write(path.join(out, 'bad', 'not-a-zip.docx'), Buffer.from('# A Markdown report saved with the wrong name\n'));

if (process.argv.includes('--only-ooxml')) process.exit(0);

// The example reports through two real word processors
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-lint-docx-'));
for (const producer of ['pandoc', 'libreoffice']) fs.mkdirSync(path.join(out, producer), { recursive: true });
for (const example of examples) {
  const name = example.replace(/\.md$/, '');
  const source = path.join(root, 'examples', example);
  // pandoc keeps the front matter: title in the core properties, the rest as custom properties.
  execFileSync('pandoc', [source, '-o', path.join(out, 'pandoc', `${name}.docx`)]);
  console.log(`wrote test/fixtures/docx/pandoc/${name}.docx`);
  // LibreOffice reads HTML: the body from pandoc, the front matter as <title> and <meta> (kept as document properties).
  const front = /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(source, 'utf8'))?.[1] ?? '';
  const field = (key) => new RegExp(`^${key}:\\s*(.+)$`, 'm').exec(front)?.[1]?.trim();
  const meta = ['profile', 'cases'].filter((k) => field(k)).map((k) => `<meta name="${k}" content="${field(k)}">`).join('');
  const html = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>${field('title') ?? name}</title>${meta}</head><body>${execFileSync('pandoc', [source, '-t', 'html'], { encoding: 'utf8' })}</body></html>`;
  fs.writeFileSync(path.join(temp, `${name}.html`), html);
  execFileSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', path.join(out, 'libreoffice'), path.join(temp, `${name}.html`)], { stdio: 'ignore' });
  console.log(`wrote test/fixtures/docx/libreoffice/${name}.docx`);
}
fs.rmSync(temp, { recursive: true, force: true });
