import { ApiProperty, PickType } from '@nestjs/swagger';
import type { ProcedureWithWorkflows } from '@motcua/catalog';
import type { StoredProcedure, WorkflowVersion } from '@motcua/persistence';
import type { Page } from '../../common/page';
import { CreateProcedureDto, WorkflowStepDto } from './procedure.dto';

export class WorkflowVersionResponseDto {
  @ApiProperty({ example: '1.004227' }) procedureCode!: string;
  @ApiProperty({ type: String, nullable: true }) variant!: string | null;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: [WorkflowStepDto] }) steps!: WorkflowStepDto[];
}

export class ProcedureResponseDto extends CreateProcedureDto {
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [WorkflowVersionResponseDto], description: 'The current version of each workflow' }) workflows!: WorkflowVersionResponseDto[];
}

export class ProcedureSummaryDto extends PickType(CreateProcedureDto, ['code', 'name', 'field', 'level', 'legalTime', 'onlineLevel'] as const) {
  @ApiProperty() active!: boolean;
}

export class ProcedurePageDto {
  @ApiProperty({ type: [ProcedureSummaryDto] }) items!: ProcedureSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export function toWorkflowVersionResponse(version: WorkflowVersion): WorkflowVersionResponseDto {
  return {
    procedureCode: version.procedureCode,
    variant: version.variant,
    version: version.version,
    publishedAt: version.publishedAt.toISOString(),
    steps: version.definition.steps as WorkflowStepDto[],
  };
}

export function toProcedureResponse(procedure: ProcedureWithWorkflows): ProcedureResponseDto {
  return {
    ...procedure.definition,
    active: procedure.active,
    updatedAt: procedure.updatedAt.toISOString(),
    workflows: procedure.workflows.map(toWorkflowVersionResponse),
  };
}

export function toProcedurePage(page: Page<StoredProcedure>): ProcedurePageDto {
  return {
    ...page,
    items: page.items.map(({ definition, active }) => ({
      code: definition.code,
      name: definition.name,
      field: definition.field,
      level: definition.level,
      legalTime: definition.legalTime,
      onlineLevel: definition.onlineLevel,
      active,
    })),
  };
}
