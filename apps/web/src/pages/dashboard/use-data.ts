import { useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/**
 * Loads data whenever `key` changes (a query, serialised). The previous answer is dropped at once (its
 * figures belong to another query), and so is an answer that arrives after the key has moved on.
 */
export function useData<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    let current = true;
    setState({ data: undefined, error: undefined, loading: true });
    load().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `key` says when what it loads has changed.
  }, [key]);
  return state;
}
