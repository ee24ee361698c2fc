import { App } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { errorText } from '../../api/errors';
import { foldDiacritics } from '../../format';

export type Agency = Schemas['AgencyResponseDto'];

/** "vinh hai" finds "Phường Vĩnh Hải": officers type without diacritics. */
export const foldedFilter = (input: string, option?: { label?: unknown }): boolean =>
  foldDiacritics(String(option?.label ?? '')).includes(foldDiacritics(input.trim()));

/** Every agency of the administrator's scope (a province has a few hundred at most), for pickers and names. */
export function useAgencies() {
  const { message } = App.useApp();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setAgencies((await unwrap(api.GET('/api/agencies', { params: { query: { limit: 500 } } }))).items);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setLoading(false);
    }
  }, [message]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const options = useMemo(() => agencies.map((agency) => ({ value: agency.code, label: `${agency.name} (${agency.code})` })), [agencies]);
  const nameOf = useCallback((code: string) => agencies.find((agency) => agency.code === code)?.name ?? code, [agencies]);
  return { agencies, loading, reload, options, nameOf };
}
