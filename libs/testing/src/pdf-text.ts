import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One page of a PDF as a reader sees it. */
export interface PdfPage {
  /** Width and height in points. */
  size: [number, number];
  /** The text as pdf.js extracts it, one line per printed line, runs of spaces collapsed. */
  text: string;
}

export async function readPdf(pdf: Buffer): Promise<PdfPage[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[ \t]+/g, ' ');
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pages.push({ size: [x1 - x0, y1 - y0], text });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
