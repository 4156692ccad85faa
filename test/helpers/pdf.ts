/** Reads a PDF back with pdfjs-dist (a real parser): its pages, text and metadata. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdfkit does not embed the standard fonts; pdfjs reads their metrics from here (else it warns). */
const standardFontDataUrl = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;

export interface ReadPdf {
  numPages: number;
  /** All text, line ends as spaces, runs of whitespace collapsed. */
  text: string;
  info: Record<string, unknown>;
}

export async function readPdf(buf: Buffer): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl }).promise;
  try {
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? ' ' : '');
      }
      text += ' ';
    }
    const meta = await doc.getMetadata();
    return { numPages: doc.numPages, text: text.replace(/\s+/g, ' ').trim(), info: (meta.info ?? {}) as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}
