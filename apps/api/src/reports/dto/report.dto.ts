import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { ReportLine, TimelinessReport } from '@motcua/reporting';
import { PageQuery } from '../../common/page';
import { DossierSummaryDto } from '../../dossiers/dto/dossier-response.dto';
import { IsLocalDate } from '../../common/local-date';

export const GROUPS = ['province', 'district', 'commune', 'agency', 'procedure', 'field'] as const;
export const BUCKETS = ['carried_over', 'new_online', 'new_in_person', 'resolved', 'early', 'on_time', 'late', 'in_progress', 'within_deadline', 'overdue'] as const;

export class PeriodQuery {
  @ApiProperty({ example: '2025-01-01', description: 'First local date (inclusive)' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2025-12-31', description: 'Last local date (inclusive)' })
  @IsLocalDate()
  to!: string;

  @ApiPropertyOptional({ example: '568', description: 'Only dossiers received under this unit (inside your scope)' })
  @IsOptional()
  @Matches(/^(\d{2}|\d{3}|\d{5})$/, { message: 'unit must be a province, district or commune code' })
  unit?: string;
}

export class TimelinessQuery extends PeriodQuery {
  @ApiProperty({ enum: GROUPS }) @IsIn(GROUPS) groupBy!: (typeof GROUPS)[number];

  @ApiPropertyOptional({ enum: ['2025-07'], description: 'Group by the two-level units in force from July 2025, rolling older dossiers up through the succession table' })
  @IsOptional()
  @IsIn(['2025-07'])
  units?: '2025-07';
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format: 'json' | 'csv' | 'xlsx' = 'json';
}

export class ReportDossiersQuery extends PageQuery {
  @ApiProperty({ example: '2025-01-01' }) @IsLocalDate() from!: string;
  @ApiProperty({ example: '2025-12-31' }) @IsLocalDate() to!: string;
  @ApiPropertyOptional({ example: '568' }) @IsOptional() @Matches(/^(\d{2}|\d{3}|\d{5})$/, { message: 'unit must be a province, district or commune code' }) unit?: string;
  @ApiProperty({ enum: BUCKETS }) @IsIn(BUCKETS) bucket!: (typeof BUCKETS)[number];
  @ApiPropertyOptional({ enum: GROUPS }) @IsOptional() @IsIn(GROUPS) groupBy?: (typeof GROUPS)[number];
  @ApiPropertyOptional({ description: "The row's key from the report (with groupBy)" }) @IsOptional() @MaxLength(100) @IsString() key?: string;
}

export class SatisfactionQuery extends PeriodQuery {
  @ApiProperty({ enum: GROUPS }) @IsIn(GROUPS) groupBy!: (typeof GROUPS)[number];
}

export class SatisfactionRowDto {
  @ApiProperty({ type: String, nullable: true }) key!: string | null;
  @ApiProperty({ type: String, nullable: true }) label!: string | null;
  @ApiProperty() ratings!: number;
  @ApiProperty({ description: 'Mean score, 1–5' }) average!: number;
  @ApiProperty({ description: 'Ratings of 4 or 5' }) satisfied!: number;
}

export class RankingQuery extends PeriodQuery {
  @ApiProperty({ enum: ['agency', 'district', 'commune'] }) @IsIn(['agency', 'district', 'commune']) level!: 'agency' | 'district' | 'commune';
}

export class ReportLineDto {
  @ApiProperty({ type: String, nullable: true }) key!: string | null;
  @ApiProperty({ type: String, nullable: true }) label!: string | null;
  @ApiProperty() received!: number;
  @ApiProperty() carriedOver!: number;
  @ApiProperty() newOnline!: number;
  @ApiProperty() newInPerson!: number;
  @ApiProperty() resolved!: number;
  @ApiProperty() early!: number;
  @ApiProperty() onTime!: number;
  @ApiProperty() late!: number;
  @ApiProperty() inProgress!: number;
  @ApiProperty() withinDeadline!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty({ type: Number, nullable: true }) onTimeRate!: number | null;
  @ApiProperty({ type: Number, nullable: true }) progressRate!: number | null;
  @ApiProperty({ type: Number, nullable: true }) onlineShare!: number | null;
}

export class TimelinessReportDto {
  @ApiProperty({ enum: GROUPS }) groupBy!: string;
  @ApiProperty({ type: [ReportLineDto] }) rows!: ReportLineDto[];
  @ApiProperty({ type: ReportLineDto }) totals!: ReportLineDto;
}

export class ReportDossiersDto {
  @ApiProperty({ type: [DossierSummaryDto] }) items!: DossierSummaryDto[];
  @ApiProperty() total!: number;
}

export class RankedUnitDto {
  @ApiProperty({ type: String, nullable: true, example: '56.568' }) key!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Thành phố Nha Trang' }) label!: string | null;
  @ApiProperty() resolved!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'On-time share of the resolved dossiers, 0–1' }) onTimeRate!: number | null;
}

export class RankingDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Share of units with 100 % of their resolved dossiers on time' }) shareFullyOnTime!: number | null;
  @ApiProperty({ type: [RankedUnitDto] }) units!: RankedUnitDto[];
}

/** What the first column of the exports lists, by grouping. */
const GROUP_HEADER: Record<(typeof GROUPS)[number], string> = {
  province: 'Tỉnh, thành phố',
  district: 'Huyện, thị xã, thành phố',
  commune: 'Xã, phường, thị trấn',
  agency: 'Cơ quan, đơn vị',
  procedure: 'Thủ tục hành chính',
  field: 'Lĩnh vực',
};

/** Column headers of the statistics form, in the order the exports print them, the first named for the grouping. */
export function reportColumns(groupBy: (typeof GROUPS)[number]): { header: string; value: (line: ReportLine) => string | number | null }[] {
  return [{ header: GROUP_HEADER[groupBy], value: (line) => line.label ?? line.key ?? '(cấp trên)' }, ...FIGURE_COLUMNS];
}

const FIGURE_COLUMNS: { header: string; value: (line: ReportLine) => string | number | null }[] = [
  { header: 'Tổng số hồ sơ tiếp nhận', value: (line) => line.received },
  { header: 'Kỳ trước chuyển sang', value: (line) => line.carriedOver },
  { header: 'Mới tiếp nhận trực tuyến', value: (line) => line.newOnline },
  { header: 'Mới tiếp nhận trực tiếp, bưu chính', value: (line) => line.newInPerson },
  { header: 'Đã giải quyết', value: (line) => line.resolved },
  { header: 'Trước hạn', value: (line) => line.early },
  { header: 'Đúng hạn', value: (line) => line.onTime },
  { header: 'Quá hạn (đã giải quyết)', value: (line) => line.late },
  { header: 'Đang giải quyết', value: (line) => line.inProgress },
  { header: 'Trong hạn', value: (line) => line.withinDeadline },
  { header: 'Quá hạn (đang giải quyết)', value: (line) => line.overdue },
  { header: 'Tỷ lệ đúng hạn (%)', value: (line) => percent(line.onTimeRate) },
  { header: 'Chỉ số tiến độ (%)', value: (line) => percent(line.progressRate) },
  { header: 'Tỷ lệ trực tuyến (%)', value: (line) => percent(line.onlineShare) },
];

function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 10_000) / 100;
}

export function reportLines(report: TimelinessReport): ReportLine[] {
  return [...report.rows, report.totals];
}
