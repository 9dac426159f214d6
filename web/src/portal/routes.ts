// The citizen portal's pages. A module adds its page here; `nav` puts it in the header navigation.
import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/vi.ts';
import { HomePage } from './HomePage.tsx';
import { LookupPage } from './LookupPage.tsx';
import { ProceduresPage } from './ProceduresPage.tsx';

export interface PortalRoute {
  path: string;
  component: ComponentType<{ params: Record<string, string> }>;
  nav?: MessageKey;
}

export const portalRoutes: PortalRoute[] = [
  { path: '/', component: HomePage },
  { path: '/thu-tuc', component: ProceduresPage, nav: 'nav.procedures' },
  { path: '/tra-cuu', component: LookupPage, nav: 'nav.lookup' },
];
