import { accessRoutes } from './access/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { citizenSideRoutes } from './modules/citizen/index.ts';
import { dossierModuleRoutes } from './modules/dossiers/index.ts';
import { dossierImportRoutes } from './modules/dossiers/import/routes.ts';
import type { App, AppContext } from './platform/http/context.ts';
import { healthRoutes } from './platform/http/health.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { unitRoutes } from './units/routes.ts';

// Every module plugs its routes (and later its jobs and report paragraphs) in here.
export function registerModules(app: App, ctx: AppContext): void {
  healthRoutes(app, ctx);
  accessRoutes(app, ctx);
  unitRoutes(app, ctx);
  auditRoutes(app, ctx);
  calendarRoutes(app, ctx);
  catalogRoutes(app, ctx);
  dossierModuleRoutes(app, ctx);
  dossierImportRoutes(app, ctx);
  notificationRoutes(app, ctx);
  citizenSideRoutes(app, ctx);
  reportRoutes(app, ctx);
}
