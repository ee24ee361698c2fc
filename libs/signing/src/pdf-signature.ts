import { generateKeyPairSync } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { fromBER } from 'asn1js';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { ContentInfo, SignedData } from 'pkijs';

/** Room for the CMS signature (certificate included) in the PDF's placeholder, in bytes. */
const SIGNATURE_BYTES = 8192;

export interface SigningKey {
  /** The agency's certificate and private key, as a PKCS#12 file. */
  pkcs12: Buffer;
  passphrase: string;
}

export interface SignatureCheck {
  signed: boolean;
  /** The signature matches the document's bytes and the signer's certificate. */
  valid: boolean;
  /** The signer certificate's common name and organisation. */
  signer: string | null;
  signedAt: string | null;
  /** The signature covers the whole file: nothing was appended after signing. */
  coversWholeDocument: boolean;
  problem: string | null;
}

/**
 * Signs a PDF as an agency, PAdES style: a CAdES detached signature (ETSI.CAdES.detached) embedded in
 * the PDF, made with the agency's PKCS#12 key (@signpdf over node-forge; pdf-lib makes room for it).
 */
export async function signPdf(pdf: Buffer, key: SigningKey, details: { reason: string; name: string; location: string }, at: Date): Promise<Buffer> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: details.reason,
    contactInfo: '',
    name: details.name,
    location: details.location,
    signingTime: at,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: SIGNATURE_BYTES,
  });
  const prepared = Buffer.from(await document.save({ useObjectStreams: false }));
  return new SignPdf().sign(prepared, new P12Signer(key.pkcs12, { passphrase: key.passphrase }), at);
}

/** Checks the last signature of a PDF: the bytes it covers against its CMS signature (pkijs), and what it leaves out. */
export async function verifyPdfSignature(pdf: Buffer): Promise<SignatureCheck> {
  const unsigned: SignatureCheck = { signed: false, valid: false, signer: null, signedAt: null, coversWholeDocument: false, problem: 'the document carries no signature' };
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (ranges.length === 0) return unsigned;
  const [start, firstLength, second, secondLength] = ranges[ranges.length - 1].slice(1).map(Number);
  const coversWholeDocument = start === 0 && second + secondLength === pdf.length;
  const contents = /^<([0-9a-fA-F]*)>$/.exec(text.slice(start + firstLength, second));
  if (!contents) return { ...unsigned, signed: true, problem: 'the signature is unreadable' };
  try {
    const der = Buffer.from(contents[1].replace(/(00)+$/, ''), 'hex');
    const signedData = new SignedData({ schema: new ContentInfo({ schema: fromBER(new Uint8Array(der).buffer).result }).content });
    const covered = Buffer.concat([pdf.subarray(start, start + firstLength), pdf.subarray(second, second + secondLength)]);
    const signingTime = signedData.signerInfos[0].signedAttrs?.attributes.find((attribute) => attribute.type === '1.2.840.113549.1.9.5');
    const certificate = signedData.certificates?.[0] as { subject?: { typesAndValues: { type: string; value: { valueBlock: { value: string } } }[] } } | undefined;
    const names = certificate?.subject?.typesAndValues.filter((name) => name.type === '2.5.4.3' || name.type === '2.5.4.10').map((name) => name.value.valueBlock.value) ?? [];
    const result = await signedData
      .verify({ signer: 0, data: new Uint8Array(covered).buffer as ArrayBuffer, checkChain: false, extendedMode: true })
      .catch((error: { message?: string; signatureVerified?: boolean }) => ({ signatureVerified: false, message: error.message }));
    const valid = result.signatureVerified === true;
    return {
      signed: true,
      valid: valid && coversWholeDocument,
      signer: names.join(', ') || null,
      signedAt: signingTime ? (signingTime.values[0] as { toDate(): Date }).toDate().toISOString() : null,
      coversWholeDocument,
      problem: !valid ? 'the document was changed after it was signed, or the signature is not its signer’s' : coversWholeDocument ? null : 'content was added after the signature',
    };
  } catch (error) {
    return { ...unsigned, signed: true, problem: `the signature is unreadable: ${(error as Error).message}` };
  }
}

/**
 * A self-signed certificate and key for an agency (the demo's; a real one comes from the government
 * CA). The names are written without diacritics: node-forge, which signs, re-encodes the issuer's
 * UTF-8 names wrongly and the signer's certificate could not be found again.
 */
export function selfSignedPkcs12(agencyName: string, passphrase: string, validFrom: Date, years = 5): Buffer {
  const ascii = agencyName
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }) as string);
  certificate.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  certificate.validity.notBefore = validFrom;
  certificate.validity.notAfter = new Date(validFrom);
  certificate.validity.notAfter.setUTCFullYear(validFrom.getUTCFullYear() + years);
  const names = [
    { name: 'commonName', value: ascii.slice(0, 64) },
    { name: 'organizationName', value: 'motcua demo' },
    { name: 'countryName', value: 'VN' },
  ];
  certificate.setSubject(names);
  certificate.setIssuer(names);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }) as string);
  certificate.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [certificate], passphrase, { algorithm: 'aes256' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
