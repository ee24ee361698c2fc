import { useCallback, useMemo } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { useApi, useErrorMessage } from '../../api/use-api';

export type Agency = Schemas['AgencyResponseDto'];

/** Every agency of the administrator's scope (a province has a few hundred at most), for pickers and names. */
export function useAgencies() {
  const { data, loading, error, reload } = useApi('agencies', async () => (await unwrap(api.GET('/api/agencies', { params: { query: { limit: 500 } } }))).items);
  useErrorMessage(error);
  const agencies = useMemo(() => data ?? [], [data]);

  const options = useMemo(() => agencies.map((agency) => ({ value: agency.code, label: `${agency.name} (${agency.code})` })), [agencies]);
  const nameOf = useCallback((code: string) => agencies.find((agency) => agency.code === code)?.name ?? code, [agencies]);
  return { agencies, loading, reload, options, nameOf };
}
