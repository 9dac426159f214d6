// A minimal, valid Word document (Office Open XML, ECMA-376) written by hand: a zip with the content types, the
// package relationships, core properties, a style sheet and the document body. JSZip (already installed as a
// dependency of ExcelJS) does the zipping; file dates come from the report date so the same report gives the same
// bytes. Layout after Decree 30/2020: A4, Times New Roman 14, margins 20/20/30/15 mm.
import JSZip from 'jszip';
import type { NarrativeBlock, NarrativeDocument } from '../domain/narrative.ts';
import { NATIONAL_MOTTO, NATIONAL_TITLE } from '../../../documents/index.ts';
import { nfc } from '../../../platform/text.ts';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function esc(text: string): string {
  return nfc(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

function run(text: string, style: RunStyle = {}): string {
  const props = [style.bold ? '<w:b/>' : '', style.italic ? '<w:i/>' : '', style.size ? `<w:sz w:val="${style.size * 2}"/><w:szCs w:val="${style.size * 2}"/>` : ''].join('');
  const lines = text.split('\n');
  return lines.map((line, i) => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${i ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(line)}</w:t></w:r>`).join('');
}

interface ParagraphStyle extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'both';
  indentFirstLine?: boolean;
  spaceAfter?: number;
}

function paragraph(text: string, style: ParagraphStyle = {}): string {
  // CT_PPr is a sequence: spacing, then ind, then jc (Word rejects them out of order).
  const props = [
    style.spaceAfter !== undefined ? `<w:spacing w:after="${style.spaceAfter}"/>` : '',
    style.indentFirstLine ? '<w:ind w:firstLine="567"/>' : '',
    style.align ? `<w:jc w:val="${style.align}"/>` : '',
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${text ? run(text, style) : ''}</w:p>`;
}

function cell(content: string, widthTwips: number, borders: boolean): string {
  const border = borders
    ? '<w:tcBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/></w:tcBorders>'
    : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${widthTwips}" w:type="dxa"/>${border}</w:tcPr>${content}</w:tc>`;
}

const CONTENT_WIDTH = 11906 - 1701 - 851; // A4 width minus the left and right margins, in twips

/** The two-column header: issuing body on the left, national title and motto on the right. */
function header(doc: NarrativeDocument): string {
  const left = CONTENT_WIDTH * 0.42;
  const right = CONTENT_WIDTH - left;
  const leftContent = [
    paragraph(doc.issuer.bodyName.toLocaleUpperCase('vi'), { align: 'center', size: 13, spaceAfter: 0 }),
    doc.issuer.deskName ? paragraph(doc.issuer.deskName.toLocaleUpperCase('vi'), { align: 'center', bold: true, size: 13, spaceAfter: 0 }) : '',
    paragraph('Số: ……/BC', { align: 'center', size: 13 }),
  ].join('');
  const rightContent = [
    paragraph(NATIONAL_TITLE, { align: 'center', bold: true, size: 12, spaceAfter: 0 }),
    paragraph(NATIONAL_MOTTO, { align: 'center', bold: true, size: 13, spaceAfter: 0 }),
    paragraph(`${doc.issuer.place}, ngày ${doc.date.slice(8, 10)} tháng ${Number(doc.date.slice(5, 7))} năm ${doc.date.slice(0, 4)}`, { align: 'center', italic: true, size: 13 }),
  ].join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="${CONTENT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr>`
    + `<w:tblGrid><w:gridCol w:w="${Math.round(left)}"/><w:gridCol w:w="${Math.round(right)}"/></w:tblGrid>`
    + `<w:tr>${cell(leftContent, Math.round(left), false)}${cell(rightContent, Math.round(right), false)}</w:tr></w:tbl>`;
}

function table(block: Extract<NarrativeBlock, { kind: 'table' }>): string {
  const first = Math.round(CONTENT_WIDTH * 0.3);
  const other = Math.floor((CONTENT_WIDTH - first) / Math.max(1, block.columns.length - 1));
  const widths = block.columns.map((_, i) => (i === 0 ? first : other));
  const row = (cells: string[], bold: boolean) => `<w:tr>${cells.map((c, i) => cell(
    paragraph(c, { bold, size: 12, spaceAfter: 0, align: bold ? 'center' : block.numeric?.[i] ? 'right' : 'left' }), widths[i], true,
  )).join('')}</w:tr>`;
  return paragraph(block.caption, { italic: true, size: 13, spaceAfter: 60 })
    + `<w:tbl><w:tblPr><w:tblW w:w="${CONTENT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr>`
    + `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`
    + row(block.columns, true) + block.rows.map((r) => row(r, false)).join('') + '</w:tbl>' + paragraph('');
}

export function documentXml(doc: NarrativeDocument): string {
  const body = [
    header(doc),
    paragraph(''),
    paragraph(doc.title.toLocaleUpperCase('vi'), { align: 'center', bold: true, size: 14, spaceAfter: 0 }),
    paragraph(doc.subtitle, { align: 'center', bold: true, size: 14 }),
    ...doc.blocks.map((b) => {
      if (b.kind === 'heading') return paragraph(b.text, { bold: true, align: 'both' });
      if (b.kind === 'paragraph') return paragraph(b.text, { align: 'both', indentFirstLine: true });
      return table(b);
    }),
  ].join('');
  const section = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
    + '<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}"><w:body>${body}${section}</w:body></w:document>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>`
  + '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>'
  + '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>'
  + '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
  + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
  + '<Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
  + '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
  + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
  + '</Types>';

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
  + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
  + '</Relationships>';

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
  + '</Relationships>';

function coreXml(title: string, createdAt: Date): string {
  const at = createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + `<dc:title>${esc(title)}</dc:title><dc:creator>Gần Dân</dc:creator><dc:language>vi-VN</dc:language>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>`
    + '</cp:coreProperties>';
}

export async function narrativeDocx(doc: NarrativeDocument, createdAt: Date): Promise<Buffer> {
  const zip = new JSZip();
  const options = { date: createdAt, createFolders: false };
  // [Content_Types].xml must be the first entry for some readers.
  zip.file('[Content_Types].xml', CONTENT_TYPES, options);
  zip.file('_rels/.rels', PACKAGE_RELS, options);
  zip.file('docProps/core.xml', coreXml(`${doc.title} ${doc.subtitle}`, createdAt), options);
  zip.file('word/_rels/document.xml.rels', DOCUMENT_RELS, options);
  zip.file('word/styles.xml', STYLES, options);
  zip.file('word/document.xml', documentXml(doc), options);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}
