import type { ProcedureDefinition, WorkflowStep } from '@motcua/domain';

export const CATALOG_FORMAT = 'motcua-catalog/1';

export interface CatalogWorkflow {
  /** null: the procedure's own workflow. */
  variant: string | null;
  version?: number;
  steps: WorkflowStep[];
}

export interface CatalogProcedure extends ProcedureDefinition {
  active?: boolean;
  /** Every version, oldest first, on export; on import the last one per variant is published if it differs. */
  workflows: CatalogWorkflow[];
}

/** The whole catalog as one JSON document, to move it between environments. */
export interface CatalogDocument {
  format: typeof CATALOG_FORMAT;
  exportedAt?: string;
  procedures: CatalogProcedure[];
}

export interface CatalogImportResult {
  proceduresCreated: number;
  /** Procedures whose definition differed; identical ones are left alone. */
  proceduresUpdated: number;
  workflowsPublished: number;
  workflowsUnchanged: number;
}
