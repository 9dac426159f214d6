// The staff console's pages: one line per page — path, who may open it, the component, and (optionally) the label
// that puts it in the navigation. The navigation and the access check are both derived from this table.
import type { ComponentType } from 'react';
import type { Role } from '../api-types.ts';
import type { MessageKey } from '../i18n/vi.ts';
import { AuditPage } from './audit/AuditPage.tsx';
import { CalendarPage } from './calendar/CalendarPage.tsx';
import { DueDatePage } from './calendar/DueDatePage.tsx';
import { ScheduleEditPage } from './calendar/ScheduleEditPage.tsx';
import { UnitCalendarPage } from './calendar/UnitCalendarPage.tsx';
import { CatalogAdminPage } from './catalog/CatalogAdminPage.tsx';
import { ImportPage } from './catalog/ImportPage.tsx';
import { ProcedureAdminPage } from './catalog/ProcedureAdminPage.tsx';
import { ProcedureCreatePage } from './catalog/ProcedureCreatePage.tsx';
import { ProcedureVersionPage } from './catalog/ProcedureVersionPage.tsx';
import { WorkflowPage } from './catalog/WorkflowPage.tsx';
import { WorkflowsPage } from './catalog/WorkflowsPage.tsx';
import { ConsoleHome } from './ConsoleHome.tsx';
import { DossierPage } from './dossiers/DossierPage.tsx';
import { DossiersPage } from './dossiers/DossiersPage.tsx';
import { IntakePage } from './intake/IntakePage.tsx';
import { consoleHome } from './paths.ts';
import { NotificationsPage } from './notifications/NotificationsPage.tsx';
import { QuestionPage } from './qa/QuestionPage.tsx';
import { QuestionsPage } from './qa/QuestionsPage.tsx';
import { RatingsPage } from './ratings/RatingsPage.tsx';
import { OfficialCreatePage } from './officials/OfficialCreatePage.tsx';
import { OfficialEditPage } from './officials/OfficialEditPage.tsx';
import { OfficialPasswordPage } from './officials/OfficialPasswordPage.tsx';
import { OfficialsPage } from './officials/OfficialsPage.tsx';
import { ReportsPage } from './reports/ReportsPage.tsx';
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
  { path: '/can-bo/tiep-nhan', roles: ['desk_officer'], component: IntakePage, nav: 'nav.intake' },
  { path: '/can-bo/ho-so', roles: ['desk_officer', 'specialist', 'leader', 'unit_admin', 'system_admin', 'report_viewer'], component: DossiersPage, nav: 'nav.dossiers' },
  { path: '/can-bo/ho-so/:id', roles: ['desk_officer', 'specialist', 'leader', 'unit_admin', 'system_admin', 'report_viewer'], component: DossierPage },
  { path: '/can-bo/hoi-dap', roles: ['system_admin', 'unit_admin', 'desk_officer', 'specialist', 'leader', 'report_viewer'], component: QuestionsPage, nav: 'nav.staffQuestions' },
  { path: '/can-bo/hoi-dap/:id', roles: ['system_admin', 'unit_admin', 'desk_officer', 'specialist', 'leader', 'report_viewer'], component: QuestionPage },
  { path: '/can-bo/danh-gia', roles: ['system_admin', 'unit_admin', 'desk_officer', 'specialist', 'leader', 'report_viewer'], component: RatingsPage, nav: 'nav.ratings' },
  { path: '/can-bo/thong-bao', roles: admins, component: NotificationsPage, nav: 'nav.notifications' },
  { path: '/can-bo/don-vi', roles: admins, component: UnitsPage, nav: 'nav.units' },
  { path: '/can-bo/don-vi/them', roles: admins, component: UnitCreatePage },
  { path: '/can-bo/don-vi/:id', roles: admins, component: UnitEditPage },
  { path: '/can-bo/bao-cao', roles: ['report_viewer', 'leader', 'unit_admin', 'system_admin'], component: ReportsPage, nav: 'nav.reports' },
  { path: '/can-bo/nhan-su', roles: admins, component: OfficialsPage, nav: 'nav.officials' },
  { path: '/can-bo/nhan-su/them', roles: admins, component: OfficialCreatePage },
  { path: '/can-bo/nhan-su/:id', roles: admins, component: OfficialEditPage },
  { path: '/can-bo/nhan-su/:id/mat-khau', roles: admins, component: OfficialPasswordPage },
  { path: '/can-bo/nhat-ky', roles: admins, component: AuditPage, nav: 'nav.audit' },
  { path: '/can-bo/thu-tuc', roles: admins, component: CatalogAdminPage, nav: 'nav.catalogAdmin' },
  { path: '/can-bo/thu-tuc/them', roles: admins, component: ProcedureCreatePage },
  { path: '/can-bo/thu-tuc/nhap', roles: admins, component: ImportPage },
  { path: '/can-bo/thu-tuc/quy-trinh', roles: admins, component: WorkflowsPage },
  { path: '/can-bo/thu-tuc/quy-trinh/:id', roles: admins, component: WorkflowPage },
  { path: '/can-bo/thu-tuc/:code', roles: admins, component: ProcedureAdminPage },
  { path: '/can-bo/thu-tuc/:code/phien-ban/:number', roles: admins, component: ProcedureVersionPage },
  { path: '/can-bo/lich-lam-viec', roles: admins, component: CalendarPage, nav: 'nav.calendar' },
  { path: '/can-bo/lich-lam-viec/tinh-han', roles: admins, component: DueDatePage },
  { path: '/can-bo/lich-lam-viec/don-vi', roles: admins, component: UnitCalendarPage },
  { path: '/can-bo/lich-lam-viec/:year/sua', roles: ['system_admin'], component: ScheduleEditPage },
];
