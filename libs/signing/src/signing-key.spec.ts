import forge from 'node-forge';
import { selfSignedPkcs12 } from './pdf-signature';
import { checkValidity, describeSigningKey, SigningKeyError } from './signing-key';

describe('an agency signing key, checked before it is installed', () => {
  const issued = new Date('2026-01-01T00:00:00Z');
  const pkcs12 = selfSignedPkcs12('Ủy ban nhân dân phường Vĩnh Hải', 'bí mật', issued, 2);
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof SigningKeyError) return { field: error.field, message: error.message };
      throw error;
    }
    throw new Error('accepted');
  };

  it('describes the certificate: subject, issuer, validity, fingerprint', () => {
    const summary = describeSigningKey({ pkcs12, passphrase: 'bí mật' });
    expect(summary).toMatchObject({
      subject: 'CN=Uy ban nhan dan phuong Vinh Hai, O=motcua demo, C=VN',
      issuer: 'CN=Uy ban nhan dan phuong Vinh Hai, O=motcua demo, C=VN',
      validFrom: issued,
      validTo: new Date('2028-01-01T00:00:00Z'),
    });
    expect(summary.serialNumber).toMatch(/^01[0-9a-f]{30}$/);
    expect(summary.fingerprint).toMatch(/^[0-9A-F]{64}$/);
  });

  it('refuses a wrong passphrase, naming the passphrase', () => {
    expect(refusal(() => describeSigningKey({ pkcs12, passphrase: 'sai' }))).toEqual({ field: 'passphrase', message: 'mật khẩu của tệp khóa không đúng' });
  });

  it('refuses what is not a PKCS#12 file, and a certificate outside its validity', () => {
    expect(refusal(() => describeSigningKey({ pkcs12: Buffer.from('%PDF-1.7 not a key'), passphrase: 'x' })).field).toBe('pkcs12');
    const summary = describeSigningKey({ pkcs12, passphrase: 'bí mật' });
    expect(() => checkValidity(summary, new Date('2027-12-31T23:59:59Z'))).not.toThrow();
    expect(refusal(() => checkValidity(summary, new Date('2028-01-02T00:00:00Z')))).toEqual({
      field: 'pkcs12',
      message: 'chứng thư số đã hết hạn (2028-01-01T00:00:00.000Z)',
    });
    expect(refusal(() => checkValidity(summary, new Date('2025-12-31T00:00:00Z'))).message).toMatch(/chưa có hiệu lực/);
  });

  it("refuses a file whose certificate is not its key's", () => {
    const open = (file: Buffer) => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(file.toString('binary'))), 'p');
    const first = open(selfSignedPkcs12('A', 'p', issued));
    const second = open(selfSignedPkcs12('B', 'p', issued));
    const key = first.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]![0].key!;
    const certificate = second.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]![0].cert!;
    const mixed = Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, [certificate], 'p', { algorithm: 'aes256' })).getBytes(), 'binary');
    expect(refusal(() => describeSigningKey({ pkcs12: mixed, passphrase: 'p' }))).toEqual({ field: 'pkcs12', message: 'tệp không chứa chứng thư số của khóa bí mật' });
  });
});
