/**
 * Runs an async read whenever its inputs or the data revision change; the latest answer wins.
 * `follow: false` stops re-reading on data changes (a hidden list need not re-read every customer
 * after each logged call); the read is told when its answer is no longer wanted, so a long paged
 * read can stop early.
 */
import { useEffect, useState } from 'preact/hooks';
import { useEnv } from './panel-env';

export function useQuery<T>(
  read: (stillWanted: () => boolean) => Promise<T>,
  deps: unknown[],
  opts: { follow?: boolean } = {},
): { data: T | undefined; error: unknown } {
  const { revision } = useEnv();
  const follow = opts.follow ?? true;
  const [state, setState] = useState<{ data: T | undefined; error: unknown }>({ data: undefined, error: null });
  useEffect(() => {
    let live = true;
    read(() => live).then(
      (data) => live && setState({ data, error: null }),
      (error: unknown) => live && setState({ data: undefined, error }),
    );
    return () => {
      live = false;
    };
  }, [follow ? revision : -1, ...deps]);
  return state;
}
