/** Header select of the communities in the user's scope; the choice is the pages' default community. */
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session';
import { canChooseAll, storeCommunityChoice, useCommunityChoice, type CommunityChoice } from '../lib/communitySelection';

export function CommunitySwitcher({ width }: { width: number | string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { choice, communities, enabled, isLoading } = useCommunityChoice();
  if (!enabled) return null;

  const options: { value: CommunityChoice; label: string }[] = [
    ...(canChooseAll(user)
      ? [{ value: 'all' as const, label: user.allCommunities ? t('community.all') : t('community.allMine') }]
      : []),
    ...communities.map((c) => ({ value: c.id, label: c.name })),
  ];

  return (
    <Select<CommunityChoice>
      aria-label={t('community.switcher')}
      data-testid="community-switcher"
      value={choice ?? undefined}
      placeholder={t('community.none')}
      options={options}
      loading={isLoading}
      onChange={(value) => storeCommunityChoice(user.id, value)}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width }}
      notFoundContent={t('community.none')}
    />
  );
}
