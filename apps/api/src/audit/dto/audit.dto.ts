import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, MaxLength } from 'class-validator';
import type { AuditRecord } from '@motcua/persistence';
import { PageQuery } from '../../common/page';

export class AuditQueryDto extends PageQuery {
  @ApiProperty({ required: false, description: 'From this instant (ISO 8601)', example: '2025-03-01T00:00:00+07:00' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiProperty({ required: false, description: 'Before this instant (ISO 8601)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiProperty({ required: false, description: 'Username of the actor' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  actor?: string;

  @ApiProperty({ required: false, description: 'Kind of record: dossiers, tasks, procedures, catalog, calendar, agencies, auth, public' })
  @IsOptional()
  @MaxLength(50)
  @IsString()
  entity?: string;

  @ApiProperty({ required: false, description: "The record's key (dossier code, procedure code, year…)" })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  key?: string;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({ nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorUsername!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole!: string | null;
  @ApiProperty({ example: '203.0.113.7' }) ip!: string;
  @ApiProperty({ example: 'POST /api/dossiers/:code/accept' }) action!: string;
  @ApiProperty({ example: 'dossiers' }) entity!: string;
  @ApiProperty({ nullable: true, type: String, example: '002.00.31.H56-250303-0001' }) entityKey!: string | null;
  @ApiProperty({ example: 200 }) status!: number;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export const toAuditEntry = (record: AuditRecord): AuditEntryDto => ({ ...record });
