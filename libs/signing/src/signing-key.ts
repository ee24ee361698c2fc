import { createHash } from 'node:crypto';
import forge from 'node-forge';
import type { SigningKey } from './pdf-signature';

/** What an administrator sees of an installed key: the certificate, never the private key. */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: Date;
  validTo: Date;
  /** SHA-256 of the certificate's DER, as the CA's registers print it. */
  fingerprint: string;
}

/** Why a PKCS#12 file cannot sign, naming the part of the request at fault. */
export class SigningKeyError extends Error {
  constructor(
    readonly field: 'pkcs12' | 'passphrase',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Opens a PKCS#12 file as signing would and describes its certificate; throws SigningKeyError if it
 * is not one, the passphrase is wrong, it lacks the key or the certificate, or the two do not belong
 * together.
 */
export function describeSigningKey(key: SigningKey): CertificateSummary {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(key.pkcs12.toString('binary')));
  } catch {
    throw new SigningKeyError('pkcs12', 'không phải tệp PKCS#12 (.p12, .pfx)');
  }
  let store: forge.pkcs12.Pkcs12Pfx;
  try {
    store = forge.pkcs12.pkcs12FromAsn1(asn1, key.passphrase);
  } catch (error) {
    const wrongPassphrase = /password|MAC/i.test((error as Error).message);
    throw wrongPassphrase ? new SigningKeyError('passphrase', 'mật khẩu của tệp khóa không đúng') : new SigningKeyError('pkcs12', 'không đọc được tệp PKCS#12');
  }
  const privateKey = [...bags(store, forge.pki.oids.pkcs8ShroudedKeyBag), ...bags(store, forge.pki.oids.keyBag)].find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!privateKey) throw new SigningKeyError('pkcs12', 'tệp không chứa khóa bí mật');
  const certificate = bags(store, forge.pki.oids.certBag)
    .map((bag) => bag.cert)
    .find((candidate) => (candidate?.publicKey as forge.pki.rsa.PublicKey | undefined)?.n?.equals(privateKey.n));
  if (!certificate) throw new SigningKeyError('pkcs12', 'tệp không chứa chứng thư số của khóa bí mật');
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');
  return {
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    serialNumber: certificate.serialNumber,
    validFrom: certificate.validity.notBefore,
    validTo: certificate.validity.notAfter,
    fingerprint: createHash('sha256').update(der).digest('hex').toUpperCase(),
  };
}

/** Throws SigningKeyError unless the certificate is valid at `at`: nothing may be signed with an expired one. */
export function checkValidity(certificate: CertificateSummary, at: Date): void {
  if (at < certificate.validFrom) throw new SigningKeyError('pkcs12', `chứng thư số chưa có hiệu lực (từ ${certificate.validFrom.toISOString()})`);
  if (at > certificate.validTo) throw new SigningKeyError('pkcs12', `chứng thư số đã hết hạn (${certificate.validTo.toISOString()})`);
}

function bags(store: forge.pkcs12.Pkcs12Pfx, type: string): forge.pkcs12.Bag[] {
  return store.getBags({ bagType: type })[type] ?? [];
}

function distinguishedName(name: forge.pki.Certificate['subject']): string {
  return name.attributes.map((attribute) => `${attribute.shortName ?? attribute.name}=${attribute.value as string}`).join(', ');
}
