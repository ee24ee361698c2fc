import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { currentAppointment, DossierStatus, formatVietnameseDateTime, NATIONAL_STATUS_CODE, Role, STATUS_LABEL } from '@motcua/domain';
import type { Dossier, HistoryEntry } from '@motcua/domain';
import type { OpenStep, RoutedStep } from '@motcua/persistence';
import type { Page } from '../../common/page';
import { DurationDto } from '../../procedures/dto/procedure.dto';
import { ApplicantDto, HandedDocumentDto, ProxyDto, SupplementItemDto } from './create-dossier.dto';

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export class ReceivedDocumentDto extends HandedDocumentDto {
  @ApiProperty() name!: string;
}

export class HistoryEntryDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'accept' }) action!: string;
  @ApiProperty({ enum: DossierStatus, enumName: 'DossierStatus', nullable: true }) fromStatus!: DossierStatus | null;
  @ApiProperty({ enum: DossierStatus, enumName: 'DossierStatus' }) toStatus!: DossierStatus;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: Object, nullable: true }) details!: Record<string, unknown> | null;
}

export class CurrentStepDto {
  @ApiProperty({ example: 'ky' }) stepKey!: string;
  @ApiProperty({ example: 'Ký chứng thực' }) stepName!: string;
  @ApiProperty({ example: 1, description: 'How many times the step has been opened; above 1 it is worked again (sent back, or reached again)' })
  activation!: number;
  @ApiProperty({ example: '002.00.31.H56' }) agencyCode!: string;
  @ApiProperty({ example: 'Ủy ban nhân dân phường Vĩnh Hải' }) agencyName!: string;
  @ApiProperty({ enum: Role, enumName: 'Role', description: 'Who in the agency acts on it' }) role!: Role;
  @ApiProperty({ enum: ['open', 'claimed'], description: 'open: waiting for an officer to take it; claimed: an officer works on it' }) status!: 'open' | 'claimed';
  @ApiProperty({ type: String, nullable: true, description: 'The officer who took the step' }) assigneeName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ description: 'Past its own deadline now' }) overdue!: boolean;
}

export class StepRouteDto {
  @ApiProperty({ example: 'ky' }) stepKey!: string;
  @ApiProperty({ example: '002.00.31.H56' }) agencyCode!: string;
  @ApiProperty({ example: 'Ủy ban nhân dân phường Vĩnh Hải' }) agencyName!: string;
}

export class DossierSummaryDto {
  @ApiProperty({ example: '002.00.31.H56-250512-0001' }) code!: string;
  @ApiProperty({ enum: DossierStatus, enumName: 'DossierStatus' }) status!: DossierStatus;
  @ApiProperty({ example: 2, description: 'National status code' }) statusCode!: number;
  @ApiProperty({ example: 'Đã tiếp nhận' }) statusLabel!: string;
  @ApiProperty({ enum: ['counter', 'online', 'post'] }) channel!: string;
  @ApiProperty() procedureCode!: string;
  @ApiProperty() procedureName!: string;
  @ApiProperty() applicantName!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) receivedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The legal deadline (paused time excluded): what timeliness is judged against' }) dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "The return date the citizen is told now: the apology's new date, else the deadline" }) appointmentAt!: string | null;
  @ApiProperty({ description: 'Open and past its appointment now' }) overdue!: boolean;
}

export class DossierResponseDto extends DossierSummaryDto {
  @ApiProperty({ type: String, nullable: true }) variant!: string | null;
  @ApiProperty({ type: String, nullable: true }) procedureField!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The workflow version the dossier was received under' }) workflowVersion!: number | null;
  @ApiProperty({ type: String, nullable: true, description: "The variant whose workflow it runs; null: the procedure's own" }) workflowVariant!: string | null;
  @ApiProperty({ type: DurationDto }) legalTime!: DurationDto;
  @ApiProperty({ enum: ['restart', 'resume'] }) supplementMode!: string;
  @ApiProperty() receivingAgencyId!: string;
  @ApiProperty({ example: '56' }) provinceCode!: string;
  @ApiProperty({ type: String, nullable: true }) districtCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) communeCode!: string | null;
  @ApiProperty({ type: ApplicantDto }) applicant!: ApplicantDto;
  @ApiPropertyOptional({ type: ProxyDto, nullable: true }) proxy!: ProxyDto | null;
  @ApiProperty({ type: [ReceivedDocumentDto] }) documents!: ReceivedDocumentDto[];
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ example: '3456', description: 'What the citizen types with the code to look it up' }) verifier!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) countingStart!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '17:00, ngày 26/05/2025', description: 'The current appointment (appointmentAt), in words' }) dueText!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "The receipt's appointment (BM.01)" }) originalDueAt!: string | null;
  @ApiProperty({ type: [SupplementItemDto], nullable: true }) supplementRequest!: SupplementItemDto[] | null;
  @ApiProperty({ type: String, nullable: true }) refusalReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) returnedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) returnMethod!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ description: 'Optimistic version; changes with every transition' }) version!: number;
  @ApiPropertyOptional({ type: [HistoryEntryDto] }) history?: HistoryEntryDto[];
  @ApiPropertyOptional({ type: [CurrentStepDto], description: 'The steps open now, at every agency: where the dossier is and who acts next' })
  currentSteps?: CurrentStepDto[];
  @ApiPropertyOptional({ type: [StepRouteDto], description: "The agency each step of the dossier's workflow goes to; empty before it is received" })
  routes?: StepRouteDto[];
  @ApiPropertyOptional({ example: '12 Trần Phú, Phường Vĩnh Hải', description: "The applicant's address with the commune's name, as the slips print it" })
  applicantAddress?: string;
}

/** What only the dossier's own page shows: its history, where it is now, and the applicant's address in words. */
export interface DossierDetails {
  history: HistoryEntry[];
  openSteps: OpenStep[];
  routes: RoutedStep[];
  applicantAddress: string;
}

export class DossierPageDto {
  @ApiProperty({ type: [DossierSummaryDto] }) items!: DossierSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'True when more than `total` match: long lists stop counting at 10,000' }) totalCapped!: boolean;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export function toDossierSummary(dossier: Dossier, now: Date): DossierSummaryDto {
  return {
    code: dossier.code,
    status: dossier.status,
    statusCode: NATIONAL_STATUS_CODE[dossier.status],
    statusLabel: STATUS_LABEL[dossier.status],
    channel: dossier.channel,
    procedureCode: dossier.procedureCode,
    procedureName: dossier.procedureName,
    applicantName: dossier.applicant.fullName,
    submittedAt: dossier.submittedAt.toISOString(),
    receivedAt: iso(dossier.receivedAt),
    dueAt: iso(dossier.dueAt),
    appointmentAt: iso(currentAppointment(dossier)),
    overdue: dossier.closedAt === null && dossier.resolvedAt === null && dossier.dueAt !== null && dossier.dueAt < now,
  };
}

export function toDossierResponse(dossier: Dossier, now: Date, details?: DossierDetails): DossierResponseDto {
  return {
    ...toDossierSummary(dossier, now),
    variant: dossier.variantKey,
    procedureField: dossier.procedureField,
    workflowVersion: dossier.workflowVersion,
    workflowVariant: dossier.workflowVariant,
    legalTime: dossier.legalTime,
    supplementMode: dossier.supplementMode,
    receivingAgencyId: dossier.receivingAgencyId,
    provinceCode: dossier.provinceCode,
    districtCode: dossier.districtCode,
    communeCode: dossier.communeCode,
    applicant: dossier.applicant,
    proxy: dossier.proxy,
    documents: dossier.documents,
    notes: dossier.notes,
    verifier: dossier.verifier,
    countingStart: iso(dossier.countingStart),
    dueText: dossier.dueAt ? formatVietnameseDateTime(currentAppointment(dossier)!) : null,
    originalDueAt: iso(dossier.originalDueAt),
    supplementRequest: dossier.supplementRequest,
    refusalReason: dossier.refusalReason,
    resolvedAt: iso(dossier.resolvedAt),
    returnedAt: iso(dossier.returnedAt),
    returnMethod: dossier.returnMethod,
    closedAt: iso(dossier.closedAt),
    version: dossier.version,
    ...(details && {
      history: details.history.map((entry) => ({
        at: entry.at.toISOString(),
        action: entry.action,
        fromStatus: entry.fromStatus,
        toStatus: entry.toStatus,
        actorName: entry.actorName,
        agencyId: entry.agencyId,
        note: entry.note,
        details: entry.details,
      })),
      currentSteps: details.openSteps.map((step) => toCurrentStep(step, now)),
      routes: details.routes,
      applicantAddress: details.applicantAddress,
    }),
  };
}

function toCurrentStep({ task, agencyCode, agencyName, assigneeName }: OpenStep, now: Date): CurrentStepDto {
  return {
    stepKey: task.stepKey,
    stepName: task.stepName,
    activation: task.activation,
    agencyCode,
    agencyName,
    role: task.role,
    status: task.status as CurrentStepDto['status'],
    assigneeName,
    dueAt: iso(task.dueAt),
    overdue: !!task.dueAt && task.dueAt < now,
  };
}

export function toDossierPage(page: Page<Dossier>, now: Date): DossierPageDto {
  return { ...page, totalCapped: page.totalCapped ?? false, items: page.items.map((dossier) => toDossierSummary(dossier, now)) };
}
