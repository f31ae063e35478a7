/**
 * A Dexie live query as a Preact hook (what dexie-react-hooks' useLiveQuery does for React): the
 * read runs once, then again whenever a write — in this page, another extension page or the import
 * worker — touches what it read. The latest answer wins; the subscription ends with the component.
 * Pass the read through `useCallback` with what it reads in its dependency list: a new read (a
 * different customer, say) starts a new subscription.
 */
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

export function useLiveQuery<T>(query: () => Promise<T> | T): { data: T | undefined; error: unknown } {
  const [state, setState] = useState<{ data: T | undefined; error: unknown }>({ data: undefined, error: null });
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (data) => setState({ data, error: null }),
      error: (error: unknown) => setState({ data: undefined, error }),
    });
    return () => sub.unsubscribe();
  }, [query]);
  return state;
}
