import type { Me } from '../staff/me.ts';
import { coordinatorNavigation, type CoordinatorTab } from './coordinator-nav.ts';
import type { ConsoleText } from './texts/messages.ts';

export type Tab = 'front-offices' | 'organizations' | 'organization' | 'dashboard' | 'people' | 'keys' | 'audit' | 'account' | CoordinatorTab;

export interface NavItem {
  tab: Tab;
  href: string;
  text: ConsoleText;
}

/**
 * The menu of a person: what their unit does, then its people, the journal for admins, and
 * their account. The next pages of an organization's console add their items here.
 */
export function navigation(me: Me): NavItem[] {
  const admin = me.role === 'admin';
  const items: (NavItem | false)[] = [
    me.unitKind === 'registry' && { tab: 'front-offices', href: '/front-offices', text: 'nav.frontOffices' },
    me.unitKind !== 'organization' && { tab: 'organizations', href: '/organizations', text: 'nav.organizations' },
    me.unitKind !== 'organization' && { tab: 'dashboard', href: '/dashboard', text: 'nav.dashboard' },
    me.unitKind === 'organization' && { tab: 'organization', href: `/organizations/${me.unitId}`, text: 'nav.organization' },
    ...coordinatorNavigation(me),
    me.unitKind === 'organization' && admin && { tab: 'keys', href: `/organizations/${me.unitId}/keys`, text: 'nav.keys' },
    { tab: 'people', href: '/people', text: 'nav.people' },
    admin && { tab: 'audit', href: '/audit', text: 'nav.audit' },
    { tab: 'account', href: '/account', text: 'nav.account' },
  ];
  return items.filter((item): item is NavItem => item !== false);
}

/** Where a person lands after signing in: their unit's main page. */
export function homeOf(me: Pick<Me, 'unitKind' | 'unitId'>): string {
  if (me.unitKind === 'registry') return '/front-offices';
  if (me.unitKind === 'front_office') return '/organizations';
  return `/organizations/${me.unitId}`;
}
