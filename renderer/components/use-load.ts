/** Loads data through the api once per key; keeps the last value while reloading. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodedError, Result } from '../../shared/errors/codes.ts';

export type Load<T> =
  | { readonly state: 'loading'; readonly value?: undefined }
  | { readonly state: 'failed'; readonly error: CodedError; readonly value?: undefined }
  | { readonly state: 'ready'; readonly value: T };

export function useLoad<T>(fetcher: () => Promise<Result<T>>, key: string): [Load<T>, () => void, (value: T) => void] {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const latest = useRef(fetcher);
  latest.current = fetcher;
  const seq = useRef(0);
  const run = useCallback(() => {
    const mine = ++seq.current;
    void latest.current().then((r) => {
      if (mine !== seq.current) return;
      setLoad(r.ok ? { state: 'ready', value: r.value } : { state: 'failed', error: r.error });
    });
  }, []);
  useEffect(() => {
    setLoad({ state: 'loading' });
    run();
  }, [key, run]);
  const set = useCallback((value: T) => setLoad({ state: 'ready', value }), []);
  return [load, run, set];
}
