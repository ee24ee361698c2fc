import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { DOSSIER_FILE_KINDS, DossierFile } from '@motcua/domain';

export class DossierFileDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DOSSIER_FILE_KINDS, description: 'paper (of the checklist), working (paper of a step), result' }) kind!: string;
  @ApiProperty({ type: String, nullable: true, description: "The checklist line's key, for a paper" }) documentKey!: string | null;
  @ApiProperty({ description: 'The name it was uploaded with, sanitised' }) name!: string;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'], description: 'Read from the content' }) mediaType!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256!: string;
  @ApiProperty() uploadedByName!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ description: 'Scanned at the reception counter (Decision 766, indicator 4.2)' }) digitisedAtCounter!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The earlier dossier file this reuses (indicator 4.3)' }) reusedFrom!: string | null;
  @ApiProperty({ description: "From the citizen's own document store" }) fromCitizenStore!: boolean;
  @ApiProperty({ type: String, nullable: true, description: "A result's number and symbol (số, ký hiệu)" }) resultNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: "A result's signing date (ngày ký)" }) resultDate!: string | null;
  @ApiProperty({ description: 'Signed by the system as the agency (PAdES); check it with …/signature' }) signed!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The earlier version this one replaces' }) supersedes!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The later version that replaced this one; null for the current one' }) supersededBy!: string | null;
}

export class DossierFileListDto {
  @ApiProperty({ type: [DossierFileDto] }) items!: DossierFileDto[];
}

export class ReusableFileDto extends DossierFileDto {
  @ApiProperty({ description: 'The earlier dossier that holds it' }) dossierCode!: string;
}

export class ReusableFileListDto {
  @ApiProperty({ type: [ReusableFileDto] }) items!: ReusableFileDto[];
}

export class ReuseFileDto {
  @ApiProperty({ format: 'uuid', description: 'An earlier paper or result of the same applicant (GET …/reusable-files)' })
  @IsUUID()
  fileId!: string;

  @ApiProperty({ description: "The paper of this dossier's checklist it serves as" })
  @IsString()
  @MaxLength(100)
  documentKey!: string;
}

export class UploadFileDto {
  @ApiProperty({ enum: DOSSIER_FILE_KINDS }) kind!: string;
  @ApiProperty({ required: false, description: "For a paper: the procedure's checklist key" }) documentKey?: string;
  @ApiProperty({ required: false, format: 'uuid', description: 'The file this new version replaces' }) supersedes?: string;
  @ApiProperty({ required: false, description: 'For a result: its number and symbol (số, ký hiệu), e.g. 125/QĐ-UBND' }) resultNumber?: string;
  @ApiProperty({ required: false, format: 'date', description: 'For a result: its signing date, YYYY-MM-DD' }) resultDate?: string;
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, JPEG or PNG; sent after the fields' }) file!: unknown;
}

export function toDossierFileDto(file: DossierFile): DossierFileDto {
  return {
    id: file.id,
    kind: file.kind,
    documentKey: file.documentKey,
    name: file.name,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    uploadedByName: file.uploadedByName,
    uploadedAt: file.uploadedAt.toISOString(),
    digitisedAtCounter: file.digitisedAtCounter,
    reusedFrom: file.reusedFrom,
    fromCitizenStore: file.fromCitizenStore,
    resultNumber: file.resultNumber,
    resultDate: file.resultDate,
    signed: file.signed,
    supersedes: file.supersedes,
    supersededBy: file.supersededBy,
  };
}

export class SignatureCheckDto {
  @ApiProperty() signed!: boolean;
  @ApiProperty({ description: "The signature matches the document's bytes and the signer's certificate, and covers the whole file" }) valid!: boolean;
  @ApiProperty({ type: String, nullable: true, description: "The signer certificate's name and organisation" }) signer!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) signedAt!: string | null;
  @ApiProperty({ description: 'Nothing was added to the file after it was signed' }) coversWholeDocument!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why it is not valid' }) problem!: string | null;
}
