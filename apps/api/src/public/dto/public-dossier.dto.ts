import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { currentAppointment, DossierStatus, formatVietnameseDateTime, NATIONAL_STATUS_CODE, STATUS_LABEL, VERIFIER_PATTERN } from '@motcua/domain';
import type { PublicDossierView } from '@motcua/dossiers';

export class VerifierQuery {
  @ApiProperty({ example: '082517', description: 'The 6 random digits printed on the receipt (4 on receipts issued before)' })
  @Matches(VERIFIER_PATTERN, { message: 'verifier must be the digits printed on the receipt' })
  verifier!: string;
}

export class RatingDto extends VerifierQuery {
  @ApiProperty({ minimum: 1, maximum: 5 }) @Min(1) @Max(5) @IsInt() score!: number;
  @ApiPropertyOptional() @IsOptional() @MaxLength(1000) @IsString() comment?: string;
}

/** Milestone labels, in the words a citizen reads. */
const MILESTONE_LABEL: Record<string, string> = {
  submit: 'Nộp hồ sơ',
  accept: 'Tiếp nhận hồ sơ',
  refuse: 'Từ chối tiếp nhận hồ sơ',
  'request-supplement': 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  supplement: 'Đã bổ sung hồ sơ',
  'request-payment': 'Chờ thực hiện nghĩa vụ tài chính',
  payment: 'Đã thực hiện nghĩa vụ tài chính',
  apology: 'Xin lỗi và hẹn lại ngày trả kết quả',
  resolve: 'Đã có kết quả giải quyết',
  stop: 'Dừng xử lý hồ sơ',
  withdraw: 'Rút hồ sơ',
  return: 'Đã trả kết quả',
};

export class MilestoneDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: '08:15, ngày 12/05/2025' }) atText!: string;
  @ApiProperty({ example: 'Tiếp nhận hồ sơ' }) label!: string;
  @ApiProperty({ enum: DossierStatus, enumName: 'DossierStatus' }) status!: DossierStatus;
}

export class GivenRatingDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) score!: number;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
}

export class PublicDossierDto {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: DossierStatus, enumName: 'DossierStatus' }) status!: DossierStatus;
  @ApiProperty({ description: 'National status code' }) statusCode!: number;
  @ApiProperty({ example: 'Đang giải quyết' }) statusLabel!: string;
  @ApiProperty() procedureName!: string;
  @ApiProperty({ example: 'Ủy ban nhân dân phường Vĩnh Hải' }) receivingAgencyName!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) receivedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) appointmentAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '17:00, ngày 26/05/2025' }) appointmentText!: string | null;
  @ApiProperty({ enum: ['pending', 'ready', 'returned', 'none'], description: 'Whether a result waits at the return desk' }) result!: string;
  @ApiProperty({ type: [MilestoneDto] }) milestones!: MilestoneDto[];
  @ApiProperty({ type: GivenRatingDto, nullable: true, description: "The citizen's rating, once given" }) rating!: GivenRatingDto | null;
}

export function toPublicDossier({ dossier, agencyName, milestones, rating }: PublicDossierView): PublicDossierDto {
  const result = dossier.status === DossierStatus.RESOLVED ? 'ready' : dossier.status === DossierStatus.RETURNED ? 'returned' : dossier.closedAt ? 'none' : 'pending';
  return {
    code: dossier.code,
    status: dossier.status,
    statusCode: NATIONAL_STATUS_CODE[dossier.status],
    statusLabel: STATUS_LABEL[dossier.status],
    procedureName: dossier.procedureName,
    receivingAgencyName: agencyName,
    receivedAt: dossier.receivedAt?.toISOString() ?? null,
    appointmentAt: currentAppointment(dossier)?.toISOString() ?? null,
    appointmentText: dossier.dueAt ? formatVietnameseDateTime(currentAppointment(dossier)!) : null,
    result,
    milestones: milestones.map((milestone) => ({
      at: milestone.at.toISOString(),
      atText: formatVietnameseDateTime(milestone.at),
      label: MILESTONE_LABEL[milestone.action] ?? STATUS_LABEL[milestone.status],
      status: milestone.status,
    })),
    rating,
  };
}
