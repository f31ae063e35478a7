/**
 * Runs an async read whenever its inputs or the data revision change; the latest answer wins.
 */
import { useEffect, useState } from 'preact/hooks';
import { useEnv } from './panel-env';

export function useQuery<T>(read: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown } {
  const { revision } = useEnv();
  const [state, setState] = useState<{ data: T | undefined; error: unknown }>({ data: undefined, error: null });
  useEffect(() => {
    let live = true;
    read().then(
      (data) => live && setState({ data, error: null }),
      (error: unknown) => live && setState({ data: undefined, error }),
    );
    return () => {
      live = false;
    };
  }, [revision, ...deps]);
  return state;
}
