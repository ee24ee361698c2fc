import QRCode, { type QRCodeToDataURLOptions } from 'qrcode';

/** How wide both renderers print the QR code: easy to scan, small enough to keep BM.01 on one page. */
export const QR_CODE_SIZE_MM = 26;

/**
 * One PNG for both renderers. Level M survives a smudged or creased paper slip; 360 px keeps the
 * modules sharp at that size.
 */
export const QR_CODE_OPTIONS: QRCodeToDataURLOptions = { type: 'image/png', errorCorrectionLevel: 'M', margin: 1, width: 360 };

/** The QR code that opens `url`, as a data:image/png;base64 URL. */
export function qrCodeDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, QR_CODE_OPTIONS);
}
