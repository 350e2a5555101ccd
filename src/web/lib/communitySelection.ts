/**
 * The community chosen in the header switcher, remembered per user in localStorage. `'all'` means every
 * community in the user's scope (the server applies the scope); pages use `useSelectedCommunityId()` as
 * their default community filter.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { SessionUser } from '../../shared/schemas/auth';
import { useScopeCommunities } from '../api/communities';
import { hasPermission, useSession } from '../auth/session';

export type CommunityChoice = number | 'all';

const listeners = new Set<() => void>();
const storageKey = (userId: number) => `huifang.community.${userId}`;

function read(userId: number | undefined): string | null {
  return userId ? localStorage.getItem(storageKey(userId)) : null;
}

export function storeCommunityChoice(userId: number, choice: CommunityChoice): void {
  localStorage.setItem(storageKey(userId), String(choice));
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** "All" is offered to company-wide users and to users responsible for more than one community. */
export function canChooseAll(user: SessionUser): boolean {
  return user.allCommunities || user.communityIds.length > 1;
}

/** The effective choice: the stored one when still valid, else "all" (company scope) or the first community. */
export function useCommunityChoice() {
  const { user } = useSession();
  const enabled = hasPermission(user, 'communities.read');
  const communities = useScopeCommunities(enabled);
  const stored = useSyncExternalStore(subscribe, () => read(user?.id));
  const items = useMemo(() => communities.data?.items ?? [], [communities.data]);

  const choice: CommunityChoice | null = useMemo(() => {
    if (!user) return null;
    if (stored === 'all' && canChooseAll(user)) return 'all';
    const storedId = Number(stored);
    if (stored && items.some((c) => c.id === storedId)) return storedId;
    if (canChooseAll(user)) return 'all';
    return items[0]?.id ?? null;
  }, [user, stored, items]);

  return { choice, communities: items, enabled, isLoading: communities.isLoading };
}

/** The selected community id, or undefined for "all". */
export function useSelectedCommunityId(): number | undefined {
  const { choice } = useCommunityChoice();
  return typeof choice === 'number' ? choice : undefined;
}
