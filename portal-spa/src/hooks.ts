import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem, newCommandId } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
}

/** Loads once per change of deps; reload() loads again, keeping the old data on screen meanwhile. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await run();
      if (mine === generation.current) {
        setData(value);
        setError(null);
      }
    } catch (e) {
      if (mine === generation.current) setError(e);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [run]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}

export interface Submission<A, R> {
  pending: boolean;
  error: unknown;
  submit: (args: A) => Promise<R | undefined>;
  clearError: () => void;
}

/**
 * A form's submission: one command id per submission, kept for a retry after a lost answer
 * (network, 5xx) so the ledger applies it at most once, and drawn anew after success or a
 * refusal. A second submit while one is pending is ignored.
 */
export function useCommand<A, R>(send: (args: A, commandId: string) => Promise<R>): Submission<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const commandId = useRef(newCommandId());
  const busy = useRef(false);

  const submit = useCallback(
    async (args: A) => {
      if (busy.current) return undefined;
      busy.current = true;
      setPending(true);
      setError(null);
      try {
        const result = await send(args, commandId.current);
        commandId.current = newCommandId();
        return result;
      } catch (e) {
        setError(e);
        if (e instanceof ApiProblem && e.status >= 400 && e.status < 500) {
          commandId.current = newCommandId();
        }
        return undefined;
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [send],
  );

  return { pending, error, submit, clearError: () => setError(null) };
}
