import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import type { Channel } from '@motcua/domain';
import { HandedDocumentDto, SupplementItemDto } from './create-dossier.dto';

export class RefuseDossierDto {
  @ApiProperty({ example: 'Thủ tục không thuộc thẩm quyền giải quyết của UBND phường' })
  @MinLength(5)
  @MaxLength(2000)
  @IsString()
  reason!: string;
}

export class RequestSupplementDto {
  @ApiProperty({ type: [SupplementItemDto], description: 'Everything missing, at once' })
  @ValidateNested({ each: true })
  @Type(() => SupplementItemDto)
  @ArrayMaxSize(50)
  @ArrayMinSize(1)
  @IsArray()
  items!: SupplementItemDto[];
}

/** To accept, or to record a supplement: the papers as now handed over, if they changed. */
export class SupplementDossierDto {
  @ApiPropertyOptional({ type: [HandedDocumentDto], description: 'The papers as now complete' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => HandedDocumentDto)
  @ArrayMaxSize(100)
  @IsArray()
  documents?: HandedDocumentDto[];

  @ApiPropertyOptional() @IsOptional() @MaxLength(2000) @IsString() note?: string;
}

export class WithdrawDossierDto {
  @ApiProperty({ example: 'Công dân có đơn xin rút hồ sơ' }) @MinLength(3) @MaxLength(2000) @IsString() reason!: string;
}

export class ReturnDossierDto {
  @ApiProperty({ enum: ['counter', 'online', 'post'], description: 'How the result was collected' })
  @IsIn(['counter', 'online', 'post'])
  method!: Channel;

  @ApiPropertyOptional() @IsOptional() @MaxLength(2000) @IsString() note?: string;
}

export class PaymentDto {
  @ApiPropertyOptional({ example: 'Biên lai nộp thuế số 0012345' }) @IsOptional() @MaxLength(2000) @IsString() note?: string;
}

export class ApologyDto {
  @ApiProperty({ example: 'Chờ kết quả xác minh nguồn gốc đất từ UBND phường' }) @MinLength(5) @MaxLength(2000) @IsString() reason!: string;

  @ApiProperty({ example: '2025-06-20T17:00:00+07:00', description: 'The new return date, with its zone' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'newReturnDate must be an ISO 8601 instant' })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'newReturnDate must end with a zone: Z or +07:00' })
  newReturnDate!: string;
}
