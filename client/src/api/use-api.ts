/** Loads something from the API for a page, with a reload and a way to replace it after a change. */
import { useCallback, useEffect, useState } from 'react';
import type { ApiResult } from './client.ts';
import type { ApiFailure } from './errors.ts';

export type Loaded<T> = { status: 'loading' } | { status: 'failed'; failure: ApiFailure } | { status: 'ready'; data: T };

export interface ApiState<T> {
  state: Loaded<T>;
  reload: () => void;
  /** Replaces the data with what a change answered, without asking again. */
  replace: (data: T) => void;
}

/** `load` runs again whenever a value of `deps` changes (like an effect's dependencies). */
export function useApi<T>(load: () => Promise<ApiResult<T>>, deps: readonly unknown[]): ApiState<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ready', data: result.data } : { status: 'failed', failure: result.failure });
    });
    return () => {
      current = false;
    };
    // `load` is a new closure on every render; `deps` says when it really changes.
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const replace = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return { state, reload, replace };
}
