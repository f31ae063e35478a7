/** @jsxImportSource preact */
import type { Tier } from '../../shared/types';
import { label } from '../../shared/i18n/labels';
import { NO_TIER_MARK, noTierLabel } from '../../shared/i18n/no-tier';
import { useEnv } from './panel-env';

/** The tier as a coloured badge, labelled with the core's tier label; a dashed '–' when the table has no tiers. */
export function TierBadge({ tier }: { tier: Tier | null }) {
  const { lang } = useEnv();
  if (tier === null)
    return (
      <span class="tier tier-none" title={noTierLabel(lang)} data-testid="tier-badge">
        {NO_TIER_MARK}
      </span>
    );
  return (
    <span class={`tier tier-${tier}`} title={label(lang, 'tier', tier)} data-testid="tier-badge">
      {tier}
    </span>
  );
}
