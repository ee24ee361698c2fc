import pdfMake from 'pdfmake';
import type { Column, Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { QR_CODE_SIZE_MM, qrCodeDataUrl } from './qr-code';
import { SLIP_FONT_FAMILY, slipFontFiles } from './slip-font';
import type { Slip } from './slip.model';
import { describeSlip, PAGE_SETUP, type Line, type SignatureBlock, type SlipBlock, type SlipLayout } from './slip-text';

/** An A4 PDF of the slip (BM.06 in landscape), with the Vietnamese font embedded. */
export async function renderSlipPdf(slip: Slip): Promise<Buffer> {
  const layout = describeSlip(slip);
  const page = PAGE_SETUP[layout.orientation];
  const { top, right, bottom, left } = page.marginsMm;
  const contentWidth = (page.widthMm - left - right) * MM;
  const body = await Promise.all(layout.body.map((block) => pdfBlock(block, page.tableFontPt)));
  const document: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: layout.orientation,
    pageMargins: [left * MM, top * MM, right * MM, bottom * MM],
    language: 'vi-VN',
    info: { title: layout.documentTitle, author: slip.header.agencyName, subject: slip.form, creator: 'motcua' },
    defaultStyle: { font: SLIP_FONT_FAMILY, fontSize: 13, lineHeight: 1.05 },
    content: [
      letterhead(layout, contentWidth),
      { text: layout.title, bold: true, fontSize: 14, alignment: 'center', margin: [0, 16, 0, 2] },
      ...layout.subtitle.map((line): Content => ({ text: runs(line), alignment: 'center' })),
      { text: '', margin: [0, 0, 0, 6] },
      ...body,
      ...signatures(layout.signatures),
    ],
  };
  return configuredPdfMake().createPdf(document).getBuffer();
}

/** Points per millimetre. */
const MM = 72 / 25.4;

const HEADER_GAP = 10;
const QR_SIZE = QR_CODE_SIZE_MM * MM;

let configured = false;

/**
 * pdfmake keeps fonts and access policies on its module singleton; this library is its only user.
 * Slips load nothing but the bundled font files: no other local file, no URL.
 */
function configuredPdfMake(): typeof pdfMake {
  if (!configured) {
    const files = slipFontFiles();
    const allowed = new Set<string>(Object.values(files));
    pdfMake.addFonts({ [SLIP_FONT_FAMILY]: files });
    pdfMake.setLocalAccessPolicy((path) => allowed.has(path));
    pdfMake.setUrlAccessPolicy(() => false);
    configured = true;
  }
  return pdfMake;
}

function runs(line: Line): Content[] {
  return line.map((run) => ({ text: run.text, bold: run.bold ?? false, italics: run.italic ?? false }));
}

/** Agency on the left with a short rule under it; the national title, motto and issue line on the right. */
function letterhead({ header }: SlipLayout, contentWidth: number): Content {
  const agencyWidth = (contentWidth - HEADER_GAP) * 0.4;
  const nationWidth = contentWidth - HEADER_GAP - agencyWidth;
  const ruleLength = agencyWidth / 3;
  return {
    columnGap: HEADER_GAP,
    fontSize: 12,
    alignment: 'center',
    columns: [
      {
        width: agencyWidth,
        stack: [
          ...(header.parentAgency ? [{ text: header.parentAgency }] : []),
          { text: header.agency, bold: true },
          {
            canvas: [{ type: 'line', x1: (agencyWidth - ruleLength) / 2, y1: 4, x2: (agencyWidth + ruleLength) / 2, y2: 4, lineWidth: 0.6 }],
          },
        ],
      },
      {
        width: nationWidth,
        stack: [
          { text: header.nation, bold: true },
          underlinedCentered({ text: header.motto, bold: true, fontSize: 13 }),
          { text: header.issueLine, italics: true, fontSize: 13, margin: [0, 8, 0, 0] },
        ],
      },
    ],
  };
}

/** A rule exactly as long as the text: the bottom border of a one-cell table between two elastic columns. */
function underlinedCentered(cell: TableCell): Content {
  const ruleUnder: CustomTableLayout = {
    hLineWidth: (index, node) => (index === node.table.body.length ? 0.6 : 0),
    vLineWidth: () => 0,
    paddingLeft: () => 0,
    paddingRight: () => 0,
    paddingTop: () => 0,
    paddingBottom: () => 1,
  };
  return {
    columns: [
      { width: '*', text: '' },
      { width: 'auto', table: { body: [[cell]] }, layout: ruleUnder },
      { width: '*', text: '' },
    ],
  };
}

const GRID: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

async function pdfBlock(block: SlipBlock, tableFontSize: number): Promise<Content> {
  switch (block.kind) {
    case 'line':
      return { text: runs(block.runs), alignment: 'justify', margin: [0, 1.5, 0, 1.5] };
    case 'numbered':
      return { ol: block.items.map((item) => ({ text: runs(item), margin: [0, 1, 0, 1] })), margin: [12, 2, 0, 2] };
    case 'table':
      return {
        fontSize: tableFontSize,
        margin: [0, 4, 0, 4],
        layout: GRID,
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: block.columns.map((column) => `${column.widthPercent}%`),
          body: [
            block.columns.map((column) => ({ text: column.header, bold: true, alignment: 'center' as const })),
            ...block.rows.map((row) => row.map((cell, index) => ({ text: cell, alignment: block.columns[index]?.align ?? 'left' }))),
          ],
        },
      };
    case 'qr':
      return {
        unbreakable: true,
        margin: [0, 6, 0, 0],
        columnGap: 10,
        columns: [
          { image: await qrCodeDataUrl(block.url), width: QR_SIZE, height: QR_SIZE },
          { width: '*', margin: [0, QR_SIZE / 2 - 16, 0, 0], stack: block.caption.map((line) => ({ text: runs(line) })) },
        ],
      };
  }
}

/** Signers side by side, a lone signer on the right, as on every Vietnamese administrative document. */
function signatures(blocks: readonly SignatureBlock[]): Content[] {
  if (blocks.length === 0) return [];
  const columns: Column[] = blocks.map((block) => ({
    width: '*',
    alignment: 'center',
    stack: [
      { text: block.title, bold: true },
      { text: block.note, italics: true },
      { text: block.name ?? ' ', bold: true, margin: [0, 56, 0, 0] },
    ],
  }));
  if (columns.length === 1) columns.unshift({ width: '*', text: '' });
  return [{ unbreakable: true, margin: [0, 12, 0, 0], columnGap: HEADER_GAP, columns }];
}
