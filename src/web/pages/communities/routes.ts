/**
 * The communities and one community with its buildings.
 * Routes of the console's shell, gathered by src/web/routes.ts.
 */
import type { ShellPage } from '../../routes';

export const COMMUNITY_PAGES: ShellPage[] = [
  { path: 'communities', module: './pages/communities/CommunitiesPage.tsx', anyOf: ['communities.read', 'communities.manage'], nav: { order: 100, labelKey: 'nav.communities', icon: 'shop' } },
  { path: 'communities/:communityId', module: './pages/communities/CommunityPage.tsx', anyOf: ['households.read'] },
];
