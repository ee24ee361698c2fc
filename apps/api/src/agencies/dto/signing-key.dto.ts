import { ApiProperty } from '@nestjs/swagger';
import { IsBase64, IsString, MaxLength, MinLength } from 'class-validator';
import type { CertificateSummary } from '@motcua/signing';

/** An agency's certificate and private key, as the CA issued them. */
export class InstallSigningKeyDto {
  @ApiProperty({ description: 'The PKCS#12 file (.p12, .pfx), base64', format: 'byte' })
  @IsBase64(undefined, { message: 'pkcs12 must be the PKCS#12 file in base64' })
  @MaxLength(200_000)
  pkcs12!: string;

  @ApiProperty({ description: "The file's passphrase" })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  passphrase!: string;
}

/** The installed certificate; the private key and its passphrase never leave the server. */
export class SigningKeyDto {
  @ApiProperty({ example: 'CN=Uy ban nhan dan phuong Vinh Hai, O=motcua demo, C=VN' }) subject!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty() serialNumber!: string;
  @ApiProperty({ format: 'date-time' }) validFrom!: string;
  @ApiProperty({ format: 'date-time' }) validTo!: string;
  @ApiProperty({ description: "SHA-256 of the certificate's DER, hex" }) fingerprint!: string;
  @ApiProperty({ format: 'date-time' }) installedAt!: string;
  @ApiProperty({ description: 'Whether results can be signed with it now; false once it expired' }) validNow!: boolean;
}

export function toSigningKeyDto({ certificate, installedAt }: { certificate: CertificateSummary; installedAt: Date }, now: Date): SigningKeyDto {
  return {
    ...certificate,
    validFrom: certificate.validFrom.toISOString(),
    validTo: certificate.validTo.toISOString(),
    installedAt: installedAt.toISOString(),
    validNow: certificate.validFrom <= now && now <= certificate.validTo,
  };
}
