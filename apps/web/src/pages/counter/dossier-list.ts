import { api, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';
import { useApi } from '../../api/use-api';

type DossierQuery = NonNullable<operations['DossiersController_list']['parameters']['query']>;

/** A page of dossiers for a counter's list: the rows stay on screen while the next page loads; a list that failed to load shows none. */
export function useDossierList(query: DossierQuery) {
  const list = useApi(JSON.stringify(query), () => unwrap(api.GET('/api/dossiers', { params: { query } })), { keepPrevious: true });
  const shown = list.error === undefined ? list.data : undefined;
  return { items: shown?.items ?? [], total: shown?.total ?? 0, totalCapped: shown?.totalCapped ?? false, loading: list.loading, error: list.error, reload: list.reload };
}
