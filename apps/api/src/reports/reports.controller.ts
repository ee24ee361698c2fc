import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { Clock } from '@motcua/config';
import { DomainError, formatVietnameseDate, localDayRange, parseLocalDate, Role } from '@motcua/domain';
import type { Actor } from '@motcua/domain';
import { ReportsService } from '@motcua/reporting';
import type { TimelinessReport } from '@motcua/reporting';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { toDossierSummary } from '../dossiers/dto/dossier-response.dto';
import { toCsv } from '../common/csv';
import {
  RankingDto,
  RankingQuery,
  reportColumns,
  ReportDossiersDto,
  ReportDossiersQuery,
  reportLines,
  SatisfactionQuery,
  SatisfactionRowDto,
  TimelinessQuery,
  TimelinessReportDto,
} from './dto/report.dto';

/** Local dates [from, to] as instants [from 00:00, the day after to 00:00) in Asia/Ho_Chi_Minh. */
function period(query: { from: string; to: string; unit?: string; units?: '2025-07' }) {
  if (query.to < query.from) throw DomainError.validation([{ field: 'to', reason: 'must be on or after from' }]);
  const { start, end } = localDayRange(query.from, query.to);
  return {
    from: start,
    to: end,
    unitCode: query.unit,
    unitSet: query.units,
  };
}

/** On-time statistics (Biểu II.06a) for supervisors, inside their scope. */
@ApiTags('reports')
@Authenticated()
@Roles(Role.SUPERVISOR, Role.LEADER, Role.ADMIN, Role.SYSTEM_ADMIN)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly clock: Clock,
  ) {}

  @Get('timeliness')
  @ApiOperation({ summary: 'Received, resolved (early / on time / late) and in progress, by province, district, commune, agency, procedure or field; CSV or XLSX with format=' })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ type: TimelinessReportDto })
  async timeliness(@CurrentActor() actor: Actor, @Query() query: TimelinessQuery, @Res({ passthrough: true }) response: Response): Promise<TimelinessReportDto | string | StreamableFile> {
    const report = await this.reports.timeliness(actor, period(query), query.groupBy);
    const filename = `bao-cao-${query.groupBy}-${query.from}-${query.to}`;
    const columns = reportColumns(query.groupBy);
    if (query.format === 'csv') {
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="${filename}.csv"`);
      return toCsv(
        columns.map((column) => column.header),
        reportLines(report).map((line) => columns.map((column) => column.value(line))),
      );
    }
    if (query.format === 'xlsx') {
      response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      response.setHeader('Content-Disposition', `attachment; filename="${filename}.xlsx"`);
      const periodText = `từ ngày ${formatVietnameseDate(parseLocalDate(query.from))} đến ngày ${formatVietnameseDate(parseLocalDate(query.to))}`;
      return new StreamableFile(await toWorkbook(report, columns, periodText));
    }
    return report;
  }

  @Get('timeliness/dossiers')
  @ApiOperation({ summary: 'The dossiers behind a figure of the report' })
  @ApiOkResponse({ type: ReportDossiersDto })
  async dossiers(@CurrentActor() actor: Actor, @Query() query: ReportDossiersQuery): Promise<ReportDossiersDto> {
    const { items, total } = await this.reports.dossiers(actor, period(query), query.groupBy, query.key, query.bucket, query.limit, query.offset);
    const now = this.clock.now();
    return { items: items.map((dossier) => toDossierSummary(dossier, now)), total };
  }

  @Get('satisfaction')
  @ApiOperation({ summary: "Citizens' ratings (1–5) of dossiers returned in the period, per group" })
  @ApiOkResponse({ type: [SatisfactionRowDto] })
  satisfaction(@CurrentActor() actor: Actor, @Query() query: SatisfactionQuery): Promise<SatisfactionRowDto[]> {
    return this.reports.satisfaction(actor, period(query), query.groupBy);
  }

  @Get('ranking')
  @ApiOperation({ summary: 'Share of units with 100 % of their dossiers on time, and each unit’s rate, best first' })
  @ApiOkResponse({ type: RankingDto })
  ranking(@CurrentActor() actor: Actor, @Query() query: RankingQuery): Promise<RankingDto> {
    return this.reports.ranking(actor, period(query), query.level);
  }
}

/** One sheet, Vietnamese headers, the totals row in bold. */
async function toWorkbook(report: TimelinessReport, columns: ReturnType<typeof reportColumns>, periodText: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Báo cáo');
  sheet.addRow([`Tình hình giải quyết hồ sơ thủ tục hành chính (${periodText})`]).font = { bold: true, size: 13 };
  sheet.addRow(columns.map((column) => column.header)).font = { bold: true };
  for (const line of reportLines(report)) sheet.addRow(columns.map((column) => column.value(line)));
  sheet.lastRow!.font = { bold: true };
  sheet.columns.forEach((column, index) => (column.width = index === 0 ? 40 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
