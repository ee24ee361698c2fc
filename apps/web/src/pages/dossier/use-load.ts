import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload(): void;
}

/** Loads once per change of `key`, and again on reload(); an answer that arrives after a newer request is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  // `load` is a new function on every render: `key` names what it fetches.
  const stableLoad = useCallback(load, [key]);

  useEffect(() => {
    let current = true;
    setLoading(true);
    stableLoad()
      .then((answer) => {
        if (!current) return;
        setData(answer);
        setError(null);
      })
      .catch((caught: unknown) => current && setError(caught))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [stableLoad, round]);

  return { data, loading, error, reload: useCallback(() => setRound((n) => n + 1), []) };
}
