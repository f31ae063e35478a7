/** @jsxImportSource preact */
import type { Tier } from '../../shared/types';
import { label } from '../../shared/i18n/labels';
import { useEnv } from './panel-env';

/** The tier as a coloured badge, labelled with the core's tier label. */
export function TierBadge({ tier }: { tier: Tier }) {
  const { lang } = useEnv();
  return (
    <span class={`tier tier-${tier}`} title={label(lang, 'tier', tier)} data-testid="tier-badge">
      {tier}
    </span>
  );
}
