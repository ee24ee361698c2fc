import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DossierStatus, PROCEDURE_CODE_PATTERN } from '@motcua/domain';
import { PageQuery } from '../../common/page';
import { IsLocalDate } from '../../common/local-date';

const INSTANT = { strict: true, strictSeparator: true } as const;

export class ListDossiersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DossierStatus, enumName: 'DossierStatus' }) @IsOptional() @IsEnum(DossierStatus) status?: DossierStatus;
  @ApiPropertyOptional({ example: '1.004227' })
  @IsOptional()
  @Matches(PROCEDURE_CODE_PATTERN, { message: 'procedure must be a national procedure code' })
  procedure?: string;
  @ApiPropertyOptional({ enum: ['counter', 'online', 'post'] }) @IsOptional() @IsIn(['counter', 'online', 'post']) channel?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601(INSTANT) receivedFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601(INSTANT) receivedTo?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601(INSTANT) dueFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601(INSTANT) dueTo?: string;

  @ApiPropertyOptional({ description: 'Only open dossiers past their appointment now' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ example: '000.00.12.H56', description: 'Only dossiers received by this agency (its counter decides them and returns their results)' })
  @IsOptional()
  @MaxLength(40)
  @IsString()
  agency?: string;

  @ApiPropertyOptional({ description: 'Part of the code or of the applicant’s name (diacritics optional)' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  q?: string;

  @ApiPropertyOptional({ enum: ['receivedAt', 'dueAt', 'submittedAt'], default: 'submittedAt' })
  @IsOptional()
  @IsIn(['receivedAt', 'dueAt', 'submittedAt'])
  sort: 'receivedAt' | 'dueAt' | 'submittedAt' = 'submittedAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' }) @IsOptional() @IsIn(['asc', 'desc']) order: 'asc' | 'desc' = 'desc';
}

export class RegisterQuery extends PageQuery {
  @ApiPropertyOptional({ example: '002.00.31.H56', description: "Default: the caller's agency" })
  @IsOptional()
  @Matches(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, { message: 'agency must be an electronic ID code like 000.00.12.H56' })
  agency?: string;

  @ApiPropertyOptional({ example: '2025-01-01', description: 'First local date (inclusive)' })
  @IsLocalDate()
  from!: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Last local date (inclusive)' })
  @IsLocalDate()
  to!: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format: 'json' | 'csv' = 'json';
}
