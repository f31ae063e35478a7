/** @jsxImportSource preact */
import { useErrorBoundary } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../shared/types';
import { t } from '../i18n/strings';
import { describeError } from './describe-error';

/**
 * Catches an error thrown while a view renders: the view is replaced by the error in words and a
 * way back, instead of a blank panel.
 */
export function ViewGuard({ lang, children }: { lang: Lang; children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary((e: unknown) => console.error('[rapport]', e));
  if (!error) return <>{children}</>;
  return (
    <div class="error" role="alert" data-testid="view-error">
      {describeError(lang, error)} <button type="button" class="link" onClick={reset}>{t(lang, 'tryAgain')}</button>
    </div>
  );
}

