/** A button's request: busy while it runs, and its refusal in words for a `role="alert"` region. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../api/client.ts';

export interface ActionState {
  busy: boolean;
  error: string | null;
  /** Runs the request; `then` receives its data when it succeeded. */
  run<T>(send: () => Promise<ApiResult<T>>, then?: (data: T) => void): Promise<void>;
  clear(): void;
}

export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async <T,>(send: () => Promise<ApiResult<T>>, then?: (data: T) => void) => {
    setBusy(true);
    setError(null);
    const result = await send();
    if (!mounted.current) return;
    setBusy(false);
    if (result.ok) then?.(result.data);
    else setError(result.failure.message);
  }, []);

  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
