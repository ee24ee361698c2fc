export * from './slip.model';
export { renderSlipHtml } from './render-html';
export { renderSlipPdf } from './render-pdf';
export { QR_CODE_OPTIONS } from './qr-code';
