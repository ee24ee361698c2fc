import { useEffect, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';

export type Procedure = Schemas['ProcedureResponseDto'];
export type ProcedureSummary = Schemas['ProcedureSummaryDto'];
export type RequiredDocument = Schemas['RequiredDocumentDto'];
export type Channel = Schemas['CreateDossierDto']['channel'];
type Duration = Schemas['DurationDto'];
type Unit = Schemas['UnitResponseDto'];

const PAGE = 500;

/** What a hook fetched, whether it is still fetching, and what went wrong. */
export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
}

function useLoaded<T>(load: (() => Promise<T>) | null, key: string): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, loading: load !== null, error: undefined });
  useEffect(() => {
    if (!load) {
      setState({ data: undefined, loading: false, error: undefined });
      return;
    }
    let current = true;
    setState({ data: undefined, loading: true, error: undefined });
    load().then(
      (data) => current && setState({ data, loading: false, error: undefined }),
      (error: unknown) => current && setState({ data: undefined, loading: false, error }),
    );
    return () => {
      current = false;
    };
    // `key` names what `load` fetches: the function itself is new on every render.
  }, [key]);
  return state;
}

/** Every procedure still taken in, page after page (a province's catalog runs to a few thousand). */
async function activeProcedures(): Promise<ProcedureSummary[]> {
  const all: ProcedureSummary[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await unwrap(api.GET('/api/procedures', { params: { query: { limit: PAGE, offset } } }));
    all.push(...page.items);
    if (offset + PAGE >= page.total) return all.filter((procedure) => procedure.active);
  }
}

export const useProcedures = () => useLoaded(activeProcedures, 'procedures');

export const useProcedure = (code: string | undefined) =>
  useLoaded(code ? () => unwrap(api.GET('/api/procedures/{code}', { params: { path: { code } } })) : null, code ?? '');

/** The communes the officer's scope covers, where most applicants live. */
export const useCommunes = () =>
  useLoaded<Unit[]>(async () => (await unwrap(api.GET('/api/units', { params: { query: { level: 'commune', limit: PAGE } } }))).items, 'communes');

/** The papers and the legal time for a case of the procedure, as the API resolves them. */
export function resolveVariant(procedure: Procedure, variant: string | null, channel: Channel): { documents: RequiredDocument[]; legalTime: Duration } {
  const chosen = procedure.variants.find((candidate) => candidate.key === variant);
  return {
    documents: chosen?.documents ?? procedure.documents,
    legalTime: chosen?.legalTime ?? procedure.channelTimes?.[channel] ?? procedure.legalTime,
  };
}

/** A dossier can only be accepted under a published workflow (of its case, or the procedure's general one). */
export const hasWorkflow = (procedure: Procedure, variant: string | null) =>
  procedure.workflows.some((workflow) => workflow.variant === variant || workflow.variant === null);

const DURATION_UNIT: Record<Duration['unit'], string> = {
  working_hours: 'giờ làm việc',
  half_days: 'buổi làm việc',
  working_days: 'ngày làm việc',
  calendar_days: 'ngày',
  months: 'tháng',
};

export function durationText({ amount, unit }: Duration): string {
  if (amount === 0) return 'Trong ngày làm việc';
  return `${amount.toLocaleString('vi-VN')} ${DURATION_UNIT[unit]}`;
}
