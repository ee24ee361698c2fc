import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './errors';

export interface ApiState<T> {
  data: T | undefined;
  /** The latest load's failure; undefined once a load succeeds. */
  error: unknown;
  loading: boolean;
  /** Loads again, keeping what is shown until the new answer arrives. */
  reload(): void;
  /** Replaces the data with a fresher copy the page already has (what a save answered). */
  setData(data: T): void;
}

/**
 * Loads whenever `key` changes (what `load` fetches, serialised; null loads nothing) and on reload().
 *
 * A new key clears data and error at once, as they answered another query; with `keepPrevious` they stay
 * on screen until the new answer (a list turning a page). A failure keeps the data shown. An answer
 * that arrives after the key moved on, or after a newer reload(), is dropped.
 */
export function useApi<T>(key: string | null, load: () => Promise<T>, { keepPrevious = false } = {}): ApiState<T> {
  const [state, setState] = useState<Pick<ApiState<T>, 'data' | 'error' | 'loading'>>({ data: undefined, error: undefined, loading: key !== null });
  const [round, setRound] = useState(0);
  const shownKey = useRef(key);

  useEffect(() => {
    const keyChanged = shownKey.current !== key;
    shownKey.current = key;
    if (key === null) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    let current = true;
    setState((shown) => (keyChanged && !keepPrevious ? { data: undefined, error: undefined, loading: true } : { ...shown, loading: true }));
    load().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState((shown) => ({ ...shown, error, loading: false })),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `key` says when what it fetches has changed.
  }, [key, round]);

  const reload = useCallback(() => setRound((count) => count + 1), []);
  const setData = useCallback((data: T) => setState((shown) => ({ ...shown, data })), []);
  return { ...state, reload, setData };
}

/** Tells each failure in a passing message, for pages that keep their last data on screen rather than show an Alert. */
export function useErrorMessage(error: unknown): void {
  const { message } = App.useApp();
  useEffect(() => {
    if (error !== undefined) message.error(errorText(error));
  }, [error, message]);
}
