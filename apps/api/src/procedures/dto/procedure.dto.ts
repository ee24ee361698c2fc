import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { AgencyKind, DEADLINE_UNITS, KEY_PATTERN as KEY, PROCEDURE_CODE_PATTERN, Role } from '@motcua/domain';
import type { DeadlineUnit, OnlineLevel, ProcedureLevel, SupplementMode, WorkflowStep } from '@motcua/domain';
import { PageQuery } from '../../common/page';

const KEY_MESSAGE = '$property must be lowercase letters, digits and dashes';
const LEVELS = ['province', 'district', 'commune'];
const ONLINE_LEVELS = ['full', 'partial', 'none'];

export class DurationDto {
  @ApiProperty({ example: 10 })
  @Min(0)
  @Max(1000)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  amount!: number;

  @ApiProperty({ enum: DEADLINE_UNITS })
  @IsIn(DEADLINE_UNITS)
  unit!: DeadlineUnit;
}

export class RequiredDocumentDto {
  @ApiProperty({ example: 'to-khai' })
  @Matches(KEY, { message: KEY_MESSAGE })
  key!: string;

  @ApiProperty({ example: 'Tờ khai đăng ký khai sinh' })
  @MinLength(1)
  @MaxLength(500)
  @IsString()
  name!: string;

  @ApiPropertyOptional({ example: 'Mẫu số 11/ĐK' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  template?: string;

  @ApiProperty({ minimum: 0, maximum: 20 })
  @Min(0)
  @Max(20)
  @IsInt()
  originals!: number;

  @ApiProperty({ minimum: 0, maximum: 20 })
  @Min(0)
  @Max(20)
  @IsInt()
  copies!: number;

  @ApiProperty()
  @IsBoolean()
  mandatory!: boolean;
}

export class FeeDto {
  @ApiProperty({ example: 'Lệ phí cấp Giấy chứng nhận' })
  @MinLength(1)
  @MaxLength(300)
  @IsString()
  name!: string;

  @ApiProperty({ description: 'Integer đồng', example: 50000 })
  @Min(0)
  @Max(1_000_000_000)
  @IsInt()
  amount!: number;
}

export class VariantDto {
  @ApiProperty({ example: 'ket-hop-nhan-cha-me-con' })
  @Matches(KEY, { message: KEY_MESSAGE })
  key!: string;

  @ApiProperty()
  @MinLength(1)
  @MaxLength(500)
  @IsString()
  name!: string;

  @ApiPropertyOptional({ type: [RequiredDocumentDto], description: "Replaces the procedure's papers for this case" })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => RequiredDocumentDto)
  @ArrayMaxSize(100)
  @IsArray()
  documents?: RequiredDocumentDto[];

  @ApiPropertyOptional({ type: DurationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DurationDto)
  legalTime?: DurationDto;
}

export class ChannelTimesDto {
  @ApiPropertyOptional({ type: DurationDto }) @IsOptional() @ValidateNested() @Type(() => DurationDto) counter?: DurationDto;
  @ApiPropertyOptional({ type: DurationDto }) @IsOptional() @ValidateNested() @Type(() => DurationDto) online?: DurationDto;
  @ApiPropertyOptional({ type: DurationDto }) @IsOptional() @ValidateNested() @Type(() => DurationDto) post?: DurationDto;
}

export class CreateProcedureDto {
  @ApiProperty({ example: '1.001193' })
  @Matches(PROCEDURE_CODE_PATTERN, { message: 'code must be a national procedure code like 1.001193' })
  code!: string;

  @ApiProperty({ example: 'Đăng ký khai sinh' })
  @MinLength(3)
  @MaxLength(1000)
  @IsString()
  name!: string;

  @ApiProperty({ example: 'Hộ tịch', description: 'lĩnh vực' })
  @MinLength(1)
  @MaxLength(200)
  @IsString()
  field!: string;

  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS)
  level!: ProcedureLevel;

  @ApiProperty({ type: DurationDto })
  @ValidateNested()
  @Type(() => DurationDto)
  legalTime!: DurationDto;

  @ApiPropertyOptional({ type: ChannelTimesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelTimesDto)
  channelTimes?: ChannelTimesDto;

  @ApiProperty({ type: [RequiredDocumentDto] })
  @ValidateNested({ each: true })
  @Type(() => RequiredDocumentDto)
  @ArrayMaxSize(100)
  @IsArray()
  documents!: RequiredDocumentDto[];

  @ApiProperty({ type: [FeeDto] })
  @ValidateNested({ each: true })
  @Type(() => FeeDto)
  @ArrayMaxSize(50)
  @IsArray()
  fees!: FeeDto[];

  @ApiProperty({ enum: ONLINE_LEVELS })
  @IsIn(ONLINE_LEVELS)
  onlineLevel!: OnlineLevel;

  @ApiProperty({ enum: AgencyKind, enumName: 'AgencyKind' })
  @IsEnum(AgencyKind)
  leadAgencyKind!: AgencyKind;

  @ApiProperty({ enum: AgencyKind, enumName: 'AgencyKind', isArray: true })
  @IsEnum(AgencyKind, { each: true })
  @ArrayMaxSize(10)
  @IsArray()
  coordinatingAgencyKinds!: AgencyKind[];

  @ApiPropertyOptional({ enum: ['restart', 'resume'], default: 'restart' })
  @IsOptional()
  @IsIn(['restart', 'resume'])
  supplementMode: SupplementMode = 'restart';

  @ApiPropertyOptional({ type: [VariantDto], default: [] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => VariantDto)
  @ArrayMaxSize(50)
  @IsArray()
  variants: VariantDto[] = [];
}

export class UpdateProcedureDto extends PartialType(OmitType(CreateProcedureDto, ['code'] as const)) {
  @ApiPropertyOptional({ description: 'false withdraws the procedure from intake' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListProceduresQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'Đất đai' }) @IsOptional() @MaxLength(200) @IsString() field?: string;
  @ApiPropertyOptional({ enum: LEVELS }) @IsOptional() @IsIn(LEVELS) level?: ProcedureLevel;
  @ApiPropertyOptional({ enum: ONLINE_LEVELS }) @IsOptional() @IsIn(ONLINE_LEVELS) onlineLevel?: OnlineLevel;

  @ApiPropertyOptional({ description: 'Words of the name, with or without diacritics', example: 'khai sinh' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  q?: string;
}

export class PerformerDto {
  @ApiPropertyOptional({ example: '000.00.12.H56', description: 'A concrete agency' })
  @IsOptional()
  @MaxLength(20)
  @IsString()
  agencyCode?: string;

  @ApiPropertyOptional({ description: 'The agency that received the dossier' })
  @IsOptional()
  @IsBoolean()
  receivingAgency?: true;

  @ApiPropertyOptional({ enum: AgencyKind, enumName: 'AgencyKind', description: 'With level: the agency of this kind over the dossier’s unit' })
  @IsOptional()
  @IsString()
  agencyKind?: AgencyKind;

  @ApiPropertyOptional({ enum: LEVELS })
  @IsOptional()
  @IsString()
  level?: ProcedureLevel;
}

/** Types only: the rules (roles, agencies, order, budgets) are checked by the domain, all at once. */
export class WorkflowStepDto {
  @ApiProperty({ example: 'tham-dinh' }) @MaxLength(63) @IsString() key!: string;
  @ApiProperty({ enum: ['task', 'fork', 'join'] }) @IsString() kind!: 'task' | 'fork' | 'join';
  @ApiProperty({ example: 'Thẩm định hồ sơ' }) @MaxLength(500) @IsString() name!: string;
  @ApiPropertyOptional({ type: PerformerDto }) @IsOptional() @ValidateNested() @Type(() => PerformerDto) performer?: PerformerDto;
  @ApiPropertyOptional({ enum: Role, enumName: 'Role' }) @IsOptional() @IsString() role?: Role;
  @ApiPropertyOptional({ type: DurationDto }) @IsOptional() @ValidateNested() @Type(() => DurationDto) budget?: DurationDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() optional?: boolean;
  @ApiPropertyOptional({ description: 'For a join: the fork it closes' }) @IsOptional() @IsString() fork?: string;

  @ApiProperty({ type: [String], description: 'Keys of the following steps; none for the return desk' })
  @IsString({ each: true })
  @ArrayMaxSize(20)
  @IsArray()
  next!: string[];
}

export class PublishWorkflowDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: "A variant's key; omitted for the procedure's own workflow" })
  @IsOptional()
  @Matches(KEY, { message: KEY_MESSAGE })
  variant?: string | null;

  @ApiProperty({ type: [WorkflowStepDto], description: 'The first step is where the workflow begins' })
  @ValidateNested({ each: true })
  @Type(() => WorkflowStepDto)
  @ArrayMaxSize(100)
  @IsArray()
  steps!: WorkflowStepDto[];
}

export class WorkflowVersionQuery {
  @ApiPropertyOptional({ description: "A variant's key; omitted for the procedure's own workflow" })
  @IsOptional()
  @Matches(KEY, { message: KEY_MESSAGE })
  variant?: string;
}

export class WorkflowVersionParams {
  @ApiProperty({ example: '1.001193' })
  @Matches(PROCEDURE_CODE_PATTERN, { message: 'code must be a national procedure code like 1.001193' })
  code!: string;

  @ApiProperty({ example: 1 })
  @Type(() => Number)
  @Min(1)
  @IsInt()
  n!: number;
}

/** The DTO checks types only; validateWorkflow checks every rule and reports all problems at once. */
export function toWorkflowSteps(steps: WorkflowStepDto[]): WorkflowStep[] {
  return steps as unknown as WorkflowStep[];
}
