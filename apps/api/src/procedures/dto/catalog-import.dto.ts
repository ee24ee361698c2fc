import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, Matches, Min, ValidateNested } from 'class-validator';
import { CATALOG_FORMAT, type CatalogDocument } from '@motcua/catalog';
import { KEY_PATTERN } from '@motcua/domain';
import { CreateProcedureDto, toWorkflowSteps, WorkflowStepDto } from './procedure.dto';

export class CatalogWorkflowDto {
  @ApiProperty({ type: String, nullable: true })
  @IsOptional()
  @Matches(KEY_PATTERN, { message: 'variant must be lowercase letters, digits and dashes' })
  variant!: string | null;

  @ApiPropertyOptional() @IsOptional() @Min(1) @IsInt() version?: number;

  @ApiProperty({ type: [WorkflowStepDto] })
  @ValidateNested({ each: true })
  @Type(() => WorkflowStepDto)
  @ArrayMaxSize(100)
  @IsArray()
  steps!: WorkflowStepDto[];
}

export class CatalogProcedureDto extends CreateProcedureDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;

  @ApiProperty({ type: [CatalogWorkflowDto] })
  @ValidateNested({ each: true })
  @Type(() => CatalogWorkflowDto)
  @ArrayMaxSize(1000)
  @IsArray()
  workflows!: CatalogWorkflowDto[];
}

export class CatalogDocumentDto {
  @ApiProperty({ enum: [CATALOG_FORMAT] })
  @IsIn([CATALOG_FORMAT])
  format!: typeof CATALOG_FORMAT;

  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() exportedAt?: string;

  @ApiProperty({ type: [CatalogProcedureDto] })
  @ValidateNested({ each: true })
  @Type(() => CatalogProcedureDto)
  @ArrayMaxSize(5000)
  @IsArray()
  procedures!: CatalogProcedureDto[];
}

export class CatalogImportResultDto {
  @ApiProperty() proceduresCreated!: number;
  @ApiProperty() proceduresUpdated!: number;
  @ApiProperty() workflowsPublished!: number;
  @ApiProperty() workflowsUnchanged!: number;
}

export function toCatalogDocument(dto: CatalogDocumentDto): CatalogDocument {
  return {
    ...dto,
    procedures: dto.procedures.map((procedure) => ({
      ...procedure,
      workflows: procedure.workflows.map((workflow) => ({ ...workflow, variant: workflow.variant ?? null, steps: toWorkflowSteps(workflow.steps) })),
    })),
  };
}
