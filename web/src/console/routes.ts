// The staff console's pages: one line per page — path, who may open it, the component, and (optionally) the label
// that puts it in the navigation. The navigation and the access check are both derived from this table.
import type { ComponentType } from 'react';
import type { Role } from '../api-types.ts';
import type { MessageKey } from '../i18n/vi.ts';
import { AuditPage } from './audit/AuditPage.tsx';
import { ConsoleHome } from './ConsoleHome.tsx';
import { consoleHome } from './paths.ts';
import { OfficialCreatePage } from './officials/OfficialCreatePage.tsx';
import { OfficialEditPage } from './officials/OfficialEditPage.tsx';
import { OfficialPasswordPage } from './officials/OfficialPasswordPage.tsx';
import { OfficialsPage } from './officials/OfficialsPage.tsx';
import { UnitCreatePage } from './units/UnitCreatePage.tsx';
import { UnitEditPage } from './units/UnitEditPage.tsx';
import { UnitsPage } from './units/UnitsPage.tsx';

export interface ConsoleRoute {
  path: string;
  roles: readonly Role[] | 'any';
  component: ComponentType<{ params: Record<string, string> }>;
  nav?: MessageKey;
}

const admins = ['system_admin', 'unit_admin'] as const;

/** Order matters: the first match wins, so fixed paths come before `:param` ones. */
export const consoleRoutes: ConsoleRoute[] = [
  { path: consoleHome, roles: 'any', component: ConsoleHome, nav: 'nav.consoleHome' },
  { path: '/can-bo/don-vi', roles: admins, component: UnitsPage, nav: 'nav.units' },
  { path: '/can-bo/don-vi/them', roles: admins, component: UnitCreatePage },
  { path: '/can-bo/don-vi/:id', roles: admins, component: UnitEditPage },
  { path: '/can-bo/nhan-su', roles: admins, component: OfficialsPage, nav: 'nav.officials' },
  { path: '/can-bo/nhan-su/them', roles: admins, component: OfficialCreatePage },
  { path: '/can-bo/nhan-su/:id', roles: admins, component: OfficialEditPage },
  { path: '/can-bo/nhan-su/:id/mat-khau', roles: admins, component: OfficialPasswordPage },
  { path: '/can-bo/nhat-ky', roles: admins, component: AuditPage, nav: 'nav.audit' },
];
