import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Paging of every list: `limit` (1–500, default 50) and `offset`. */
export class PageQuery {
  @ApiProperty({ type: Number, required: false, minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(500)
  @IsInt()
  limit = 50;

  @ApiProperty({ type: Number, required: false, minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @Min(0)
  @IsInt()
  offset = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Long lists (dossiers, inboxes) stop counting at 10,000: then `total` is that and this is true. */
  totalCapped?: boolean;
  limit: number;
  offset: number;
}
