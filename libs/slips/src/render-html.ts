import { QR_CODE_SIZE_MM, qrCodeDataUrl } from './qr-code';
import type { Slip } from './slip.model';
import { describeSlip, PAGE_SETUP, type Line, type SignatureBlock, type SlipBlock, type SlipLayout } from './slip-text';

/**
 * A complete, self-contained printable page: UTF-8, inline CSS, the QR code as a data: URL, no
 * external resource. Every text value goes through `escapeHtml`.
 */
export async function renderSlipHtml(slip: Slip): Promise<string> {
  const layout = describeSlip(slip);
  const body = await Promise.all(layout.body.map(renderBlock));
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(layout.documentTitle)}</title>
<style>${styles(layout.orientation)}</style>
</head>
<body>
<main class="sheet">
${renderHeader(layout)}
<section class="title">
<h1>${escapeHtml(layout.title)}</h1>
${layout.subtitle.map((line) => `<p>${renderLine(line)}</p>`).join('\n')}
</section>
<section class="body">
${body.join('\n')}
</section>
${renderSignatures(layout.signatures)}
</main>
</body>
</html>
`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Escaped text in which '\n' is a line break. */
function renderText(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

function renderLine(line: Line): string {
  return line
    .map((run) => {
      let html = renderText(run.text);
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

function renderHeader({ header }: SlipLayout): string {
  return `<header class="letterhead">
<div class="agency">
${header.parentAgency ? `<p>${escapeHtml(header.parentAgency)}</p>` : ''}
<p class="name">${escapeHtml(header.agency)}</p>
<div class="rule short"></div>
</div>
<div class="nation">
<p class="name">${escapeHtml(header.nation)}</p>
<p class="motto"><span>${escapeHtml(header.motto)}</span></p>
<p class="issued">${escapeHtml(header.issueLine)}</p>
</div>
</header>`;
}

async function renderBlock(block: SlipBlock): Promise<string> {
  switch (block.kind) {
    case 'line':
      return `<p>${renderLine(block.runs)}</p>`;
    case 'numbered':
      return `<ol>\n${block.items.map((item) => `<li>${renderLine(item)}</li>`).join('\n')}\n</ol>`;
    case 'table': {
      const cols = block.columns.map((column) => `<col style="width: ${column.widthPercent}%">`).join('');
      const head = block.columns.map((column) => `<th>${renderText(column.header)}</th>`).join('');
      const rows = block.rows.map((row) => `<tr>${row.map((cell, index) => `<td class="${block.columns[index]?.align ?? 'left'}">${renderText(cell)}</td>`).join('')}</tr>`);
      return `<table>\n<colgroup>${cols}</colgroup>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
    case 'qr':
      return `<figure class="qr">
<img src="${escapeHtml(await qrCodeDataUrl(block.url))}" alt="Mã QR tra cứu hồ sơ">
<figcaption>${block.caption.map((line) => `<p>${renderLine(line)}</p>`).join('\n')}</figcaption>
</figure>`;
  }
}

function renderSignatures(signatures: readonly SignatureBlock[]): string {
  if (signatures.length === 0) return '';
  // A lone signer signs on the right, as on every Vietnamese administrative document.
  const cells = signatures.length === 1 ? ['<div></div>'] : [];
  for (const signature of signatures) {
    cells.push(`<div class="signature">
<p class="role">${escapeHtml(signature.title)}</p>
<p class="note">${escapeHtml(signature.note)}</p>
<p class="signer">${signature.name ? escapeHtml(signature.name) : ''}</p>
</div>`);
  }
  return `<section class="signatures">\n${cells.join('\n')}\n</section>`;
}

function styles(orientation: SlipLayout['orientation']): string {
  const page = orientation === 'landscape' ? 'A4 landscape' : 'A4';
  const { widthMm, marginsMm: m, tableFontPt } = PAGE_SETUP[orientation];
  const margins = `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`;
  return `
@page { size: ${page}; margin: ${margins}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; font-family: "Times New Roman", Tinos, "Liberation Serif", "Noto Serif", serif; font-size: 13pt; line-height: 1.35; }
.sheet { max-width: ${widthMm}mm; margin: 0 auto; }
@media screen {
  body { background: #e5e5e5; }
  .sheet { background: #fff; padding: ${margins}; margin: 12px auto; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.3); }
}
p { margin: 0.2em 0; }
.body > p { text-align: justify; }
.letterhead { display: grid; grid-template-columns: 2fr 3fr; column-gap: 1em; text-align: center; font-size: 12pt; }
.letterhead p { margin: 0; }
.letterhead .name { font-weight: bold; }
.rule.short { width: 33%; margin: 4px auto 0; border-top: 1px solid #000; }
.nation .motto { font-size: 13pt; font-weight: bold; }
.nation .motto span { display: inline-block; padding-bottom: 1px; border-bottom: 1px solid #000; }
.nation .issued { margin-top: 0.6em; font-size: 13pt; font-style: italic; }
.title { margin: 1.4em 0 0.8em; text-align: center; }
.title h1 { margin: 0 0 0.2em; font-size: 14pt; font-weight: bold; }
ol { margin: 0.2em 0; padding-left: 1.8em; }
li { margin: 0.2em 0; }
table { width: 100%; margin: 0.4em 0; border-collapse: collapse; table-layout: fixed; font-size: ${tableFontPt}pt; }
th, td { padding: 3px 5px; border: 1px solid #000; vertical-align: top; overflow-wrap: anywhere; }
th { font-weight: bold; text-align: center; vertical-align: middle; }
td.center { text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.qr { display: flex; align-items: center; gap: 0.8em; margin: 0.6em 0 0; break-inside: avoid; }
.qr img { width: ${QR_CODE_SIZE_MM}mm; height: ${QR_CODE_SIZE_MM}mm; image-rendering: pixelated; }
.qr p { margin: 0.15em 0; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1em; margin-top: 1em; text-align: center; break-inside: avoid; }
.signature .role { font-weight: bold; }
.signature .note { font-style: italic; }
.signature .signer { margin-top: 22mm; font-weight: bold; }
`;
}
