import { PDFDocument, StandardFonts } from 'pdf-lib';
import { selfSignedPkcs12, signPdf, verifyPdfSignature } from './pdf-signature';

describe('PDF signatures (PAdES, as an agency)', () => {
  const at = new Date('2026-03-10T02:00:00Z');
  const key = { pkcs12: selfSignedPkcs12('Ủy ban nhân dân phường Vĩnh Hải', 'bí mật', new Date('2026-01-01T00:00:00Z')), passphrase: 'bí mật' };
  let signed: Buffer;
  let original: Buffer;

  beforeAll(async () => {
    const document = await PDFDocument.create();
    const page = document.addPage();
    page.drawText('Giay chung nhan quyen su dung dat', { x: 50, y: 700, font: await document.embedFont(StandardFonts.Helvetica) });
    original = Buffer.from(await document.save());
    signed = await signPdf(original, key, { reason: 'Kết quả giải quyết thủ tục hành chính', name: 'UBND phường Vĩnh Hải', location: 'Khánh Hòa' }, at);
  });

  it('verifies its own signature: signer, time, the whole document', async () => {
    expect(await verifyPdfSignature(signed)).toEqual({
      signed: true,
      valid: true,
      signer: 'Uy ban nhan dan phuong Vinh Hai, motcua demo',
      signedAt: at.toISOString(),
      coversWholeDocument: true,
      problem: null,
    });
  });

  it('fails once one byte of the signed document changes', async () => {
    const text = signed.toString('latin1');
    const altered = Buffer.from(signed);
    const at = text.indexOf('/MediaBox');
    altered[at + 1] = 'N'.charCodeAt(0);
    expect(await verifyPdfSignature(altered)).toMatchObject({ signed: true, valid: false });
  });

  it('says when content was added after the signature', async () => {
    expect(await verifyPdfSignature(Buffer.concat([signed, Buffer.from('\n% added later\n')]))).toMatchObject({
      signed: true,
      valid: false,
      coversWholeDocument: false,
      problem: 'content was added after the signature',
    });
  });

  it('says an unsigned document is unsigned', async () => {
    expect(await verifyPdfSignature(original)).toMatchObject({ signed: false, valid: false });
  });

  it('refuses a key with the wrong passphrase', async () => {
    await expect(signPdf(original, { ...key, passphrase: 'sai' }, { reason: 'x', name: 'x', location: 'x' }, at)).rejects.toThrow(/password/i);
  });
});
