import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { KEY_PATTERN as KEY, PROCEDURE_CODE_PATTERN } from '@motcua/domain';
import type { Channel } from '@motcua/domain';
import type { IntakeDecision, IntakeInput } from '@motcua/dossiers';
import { IsLocalDate } from '../../common/local-date';

/** 12-digit citizen ID (căn cước); tax code: 10 digits, or 10-3 for a branch. */
const CITIZEN_ID = /^\d{12}$/;
const TAX_CODE = /^\d{10}(-\d{3})?$/;
const PHONE = /^(0|\+84)\d{9,10}$/;

/** A person's 12-digit citizen ID, or an organisation's tax code, depending on `kind`. */
function IsIdNumberOfKind(): PropertyDecorator {
  return ValidateBy({
    name: 'isIdNumberOfKind',
    validator: {
      validate: (value, args) => typeof value === 'string' && ((args?.object as ApplicantDto).kind === 'organisation' ? TAX_CODE : CITIZEN_ID).test(value),
      defaultMessage: (args) =>
        (args?.object as ApplicantDto).kind === 'organisation' ? 'idNumber of an organisation must be a tax code (10 digits, or 10-3)' : 'idNumber of a person must be a 12-digit citizen ID',
    },
  });
}

export class AddressDto {
  @ApiProperty({ example: '12 Trần Phú' })
  @MinLength(1)
  @MaxLength(300)
  @IsString()
  line!: string;

  @ApiProperty({ example: '22330', description: 'GSO commune code (pre- or post-reform)' })
  @Matches(/^\d{5}$/, { message: 'communeCode must be a 5-digit commune code' })
  communeCode!: string;
}

export class ApplicantDto {
  @ApiProperty({ enum: ['person', 'organisation'] })
  @IsIn(['person', 'organisation'])
  kind!: 'person' | 'organisation';

  @ApiProperty({ example: 'Nguyễn Thị Hồng Thủy' })
  @MinLength(2)
  @MaxLength(200)
  @IsString()
  fullName!: string;

  @ApiProperty({ example: '056185001234', description: 'Persons: 12-digit citizen ID; organisations: tax code' })
  @IsIdNumberOfKind()
  idNumber!: string;

  @ApiPropertyOptional({ example: '1985-04-12', description: 'Required for persons' })
  @ValidateIf((applicant: ApplicantDto) => applicant.kind === 'person' || applicant.dateOfBirth !== undefined)
  @IsLocalDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ enum: ['male', 'female'], description: "A person's sex; checked against the citizen ID's 4th digit when given" })
  @IsOptional()
  @IsIn(['male', 'female'])
  sex?: 'male' | 'female';

  @ApiPropertyOptional({ example: '0905123456' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a Vietnamese phone number (0xxxxxxxxx or +84xxxxxxxxx)' })
  phone?: string;

  @ApiPropertyOptional({ example: 'thuy.nguyen@example.vn' })
  @IsOptional()
  @MaxLength(200)
  @IsEmail()
  email?: string;

  @ApiProperty({ type: AddressDto })
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

export class ProxyDto {
  @ApiProperty() @MinLength(2) @MaxLength(200) @IsString() fullName!: string;
  @ApiProperty({ example: '056190004321' }) @Matches(CITIZEN_ID, { message: 'idNumber must be a 12-digit citizen ID' }) idNumber!: string;
  @ApiProperty({ example: 'Giấy ủy quyền số 12/2025 ngày 02/05/2025' }) @MinLength(3) @MaxLength(500) @IsString() authorization!: string;
}

export class HandedDocumentDto {
  @ApiProperty({ example: 'to-khai', description: "A key of the procedure's papers" })
  @Matches(KEY, { message: 'key must be a document key of the procedure' })
  key!: string;

  @ApiProperty({ minimum: 0, maximum: 50 }) @Min(0) @Max(50) @IsInt() originals!: number;
  @ApiProperty({ minimum: 0, maximum: 50 }) @Min(0) @Max(50) @IsInt() copies!: number;
}

export class SupplementItemDto {
  @ApiPropertyOptional({ description: "The procedure's document key, if the item is one of its papers" })
  @IsOptional()
  @Matches(KEY, { message: 'documentKey must be a document key of the procedure' })
  documentKey?: string;

  @ApiProperty({ example: 'Bản sao Giấy chứng nhận quyền sử dụng đất' })
  @MinLength(1)
  @MaxLength(500)
  @IsString()
  what!: string;

  @ApiProperty({ example: 'Bản sao không rõ nét, không đọc được số thửa' })
  @MinLength(1)
  @MaxLength(1000)
  @IsString()
  why!: string;
}

export class DecisionDto {
  @ApiProperty({ enum: ['accept', 'refuse', 'request-supplement'] })
  @IsIn(['accept', 'refuse', 'request-supplement'])
  action!: 'accept' | 'refuse' | 'request-supplement';

  @ApiPropertyOptional({ description: 'Required to refuse' })
  @ValidateIf((decision: DecisionDto) => decision.action === 'refuse')
  @MinLength(5)
  @MaxLength(2000)
  @IsString()
  reason?: string;

  @ApiPropertyOptional({ type: [SupplementItemDto], description: 'Required to request a supplement: everything missing, at once' })
  @ValidateIf((decision: DecisionDto) => decision.action === 'request-supplement')
  @ValidateNested({ each: true })
  @Type(() => SupplementItemDto)
  @ArrayMaxSize(50)
  @ArrayMinSize(1)
  @IsArray()
  items?: SupplementItemDto[];
}

export class CreateDossierDto {
  @ApiProperty({ example: '1.004227' })
  @Matches(PROCEDURE_CODE_PATTERN, { message: 'procedureCode must be a national procedure code like 1.001193' })
  procedureCode!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'A case variant (trường hợp) of the procedure' })
  @IsOptional()
  @Matches(KEY, { message: 'variant must be a variant key of the procedure' })
  variant?: string | null;

  @ApiProperty({ enum: ['counter', 'online', 'post'] })
  @IsIn(['counter', 'online', 'post'])
  channel!: Channel;

  @ApiProperty({ type: ApplicantDto })
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;

  @ApiPropertyOptional({ type: ProxyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProxyDto)
  proxy?: ProxyDto;

  @ApiProperty({ type: [HandedDocumentDto] })
  @ValidateNested({ each: true })
  @Type(() => HandedDocumentDto)
  @ArrayMaxSize(100)
  @IsArray()
  documents!: HandedDocumentDto[];

  @ApiPropertyOptional() @IsOptional() @MaxLength(2000) @IsString() notes?: string;

  @ApiPropertyOptional({ type: DecisionDto, description: 'Counter filings only; default accept. Online and postal filings wait as SUBMITTED.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DecisionDto)
  decision?: DecisionDto;
}

export function toIntakeDecision(dto: DecisionDto): IntakeDecision {
  switch (dto.action) {
    case 'accept':
      return { action: 'accept' };
    case 'refuse':
      return { action: 'refuse', reason: dto.reason! };
    case 'request-supplement':
      return { action: 'request-supplement', items: dto.items! };
  }
}

export function toIntakeInput(dto: CreateDossierDto): IntakeInput {
  return {
    procedureCode: dto.procedureCode,
    variant: dto.variant ?? null,
    channel: dto.channel,
    applicant: dto.applicant,
    proxy: dto.proxy ?? null,
    documents: dto.documents,
    notes: dto.notes ?? null,
    decision: dto.decision && toIntakeDecision(dto.decision),
  };
}
