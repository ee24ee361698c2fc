import { api, type Schemas, unwrap } from '../../api/client';
import { useApi } from '../../api/use-api';

export type Procedure = Schemas['ProcedureResponseDto'];
export type ProcedureSummary = Schemas['ProcedureSummaryDto'];
export type RequiredDocument = Schemas['RequiredDocumentDto'];
export type Channel = Schemas['CreateDossierDto']['channel'];
type Duration = Schemas['DurationDto'];
type Unit = Schemas['UnitResponseDto'];

const PAGE = 500;

/** Every procedure still taken in, page after page (a province's catalog runs to a few thousand). */
async function activeProcedures(): Promise<ProcedureSummary[]> {
  const all: ProcedureSummary[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await unwrap(api.GET('/api/procedures', { params: { query: { limit: PAGE, offset } } }));
    all.push(...page.items);
    if (offset + PAGE >= page.total) return all.filter((procedure) => procedure.active);
  }
}

export const useProcedures = () => useApi('procedures', activeProcedures);

/** The procedure in full; nothing while none is chosen. */
export const useProcedure = (code: string | undefined) => useApi(code || null, () => unwrap(api.GET('/api/procedures/{code}', { params: { path: { code: code! } } })));

/** The communes the officer's scope covers, where most applicants live. */
export const useCommunes = () => useApi<Unit[]>('communes', async () => (await unwrap(api.GET('/api/units', { params: { query: { level: 'commune', limit: PAGE } } }))).items);

/** The papers and the legal time for a case of the procedure, as the API resolves them. */
export function resolveVariant(procedure: Procedure, variant: string | null, channel: Channel): { documents: RequiredDocument[]; legalTime: Duration } {
  const chosen = procedure.variants.find((candidate) => candidate.key === variant);
  return {
    documents: chosen?.documents ?? procedure.documents,
    legalTime: chosen?.legalTime ?? procedure.channelTimes?.[channel] ?? procedure.legalTime,
  };
}

/** A dossier can only be accepted under a published workflow (of its case, or the procedure's general one). */
export const hasWorkflow = (procedure: Procedure, variant: string | null) => procedure.workflows.some((workflow) => workflow.variant === variant || workflow.variant === null);
