import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { DeadLetter } from '@motcua/persistence';
import { PageQuery } from '../../common/page';

export class DeadLetterQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Also those retried already (default: only those waiting for a person)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  retried?: boolean;
}

export class DeadLetterDto {
  @ApiProperty({ example: '12' }) id!: string;
  @ApiProperty({ example: '4711', description: 'The outbox row it came from' }) outboxId!: string;
  @ApiProperty({ example: 'dossier.received' }) topic!: string;
  @ApiProperty({ description: 'The dossier, task or user the event is about' }) aggregateId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty({ example: 'Dossier 5b0c… not found', description: 'The last error of its last attempt' }) error!: string;
  @ApiProperty({ example: 15, description: 'Attempts made, over all its deliveries' }) attempts!: number;
  @ApiProperty() deadAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) retriedAt!: Date | null;
}

export class DeadLetterPageDto {
  @ApiProperty({ type: [DeadLetterDto] }) items!: DeadLetterDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export function toDeadLetterResponse(letter: DeadLetter): DeadLetterDto {
  return { ...letter };
}
