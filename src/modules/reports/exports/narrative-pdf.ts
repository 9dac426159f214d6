// The generated periodic report as a PDF (A4 portrait, national header, justified paragraphs, tables, signature).
import {
  createPdf, drawTable, FONT, formTitle, gap, nationalHeader, numberPages, pdfBuffer, signatures, write,
} from '../../../documents/index.ts';
import type { NarrativeDocument } from '../domain/narrative.ts';

export async function narrativePdf(doc: NarrativeDocument, createdAt: Date): Promise<Buffer> {
  const pdf = createPdf({ size: 'A4', title: `${doc.title} — ${doc.subtitle}`, createdAt });
  nationalHeader(pdf, { bodyName: doc.issuer.bodyName, deskName: doc.issuer.deskName || ' ', place: doc.issuer.place }, { number: '……/BC', date: doc.date });
  formTitle(pdf, doc.title, doc.subtitle);
  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      gap(pdf, 0.3);
      write(pdf, block.text, { font: FONT.bold, align: 'justify' });
    } else if (block.kind === 'paragraph') {
      write(pdf, block.text, { align: 'justify', indent: 28 });
      gap(pdf, 0.2);
    } else {
      gap(pdf, 0.3);
      write(pdf, block.caption, { font: FONT.italic, size: 11 });
      drawTable(pdf, {
        size: 9.5,
        columns: block.columns.map((header, i) => ({ header, weight: i === 0 ? 120 : 52, align: block.numeric?.[i] ? 'right' as const : 'left' as const })),
        rows: block.rows,
      });
      gap(pdf, 0.4);
    }
  }
  signatures(pdf, [{ role: 'Thủ trưởng đơn vị', hint: '(Ký, ghi rõ họ tên, đóng dấu)' }]);
  numberPages(pdf);
  return pdfBuffer(pdf);
}
