import type { Me } from '../staff/me.ts';
import type { NavItem } from './nav.ts';

export type CoordinatorTab = 'activities' | 'record' | 'upload' | 'projects';

/**
 * The coordinator's menu items for a person of an organization: the list for everyone, recording
 * and uploading for those who may write (not viewers), and the projects page (admins change it,
 * the others see it).
 */
export function coordinatorNavigation(me: Me): NavItem[] {
  if (me.unitKind !== 'organization') return [];
  const writes = me.role !== 'viewer';
  const items: (NavItem | false)[] = [
    { tab: 'activities', href: '/activities', text: 'nav.activities' },
    writes && { tab: 'record', href: '/activities/new', text: 'nav.record' },
    writes && { tab: 'upload', href: '/activities/upload', text: 'nav.upload' },
    { tab: 'projects', href: '/projects', text: 'nav.projects' },
  ];
  return items.filter((item): item is NavItem => item !== false);
}
