/**
 * Runs an async read whenever the read changes (pass it through `useCallback` with its inputs) or the
 * data revision moves; the latest answer wins. `follow: false` stops re-reading on data changes (a
 * hidden list need not re-read every customer after each logged call); the read is told when its
 * answer is no longer wanted, so a long paged read can stop early.
 */
import { useEffect, useState } from 'preact/hooks';
import { useEnv } from './panel-env';

interface Answer<T> {
  data: T | undefined;
  error: unknown;
  /** The data revision the answer was read at (-1 when not following data changes). */
  revision: number;
}

export function useQuery<T>(read: (stillWanted: () => boolean) => Promise<T>, opts: { follow?: boolean } = {}): Answer<T> {
  const { revision } = useEnv();
  const readAt = (opts.follow ?? true) ? revision : -1;
  const [state, setState] = useState<Answer<T>>({ data: undefined, error: null, revision: readAt });
  useEffect(() => {
    let live = true;
    read(() => live).then(
      (data) => live && setState({ data, error: null, revision: readAt }),
      (error: unknown) => live && setState({ data: undefined, error, revision: readAt }),
    );
    return () => {
      live = false;
    };
  }, [read, readAt]);
  return state;
}
