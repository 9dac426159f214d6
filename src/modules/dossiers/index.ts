import type { App, AppContext } from '../../platform/http/context.ts';
import { onCalendarChange } from '../calendar/commands.ts';
import { recomputeOpenDossiers } from './commands/recompute.ts';
import { formRoutes } from './routes-forms.ts';
import { paymentRoutes } from './routes-payments.ts';
import { publicDossierRoutes } from './routes-public.ts';
import { dossierRoutes } from './routes.ts';

// The dossier module: what the app and other modules use.
export function dossierModuleRoutes(app: App, ctx: AppContext): void {
  onCalendarChange('dossiers', recomputeOpenDossiers);
  dossierRoutes(app, ctx);
  formRoutes(app, ctx);
  paymentRoutes(app, ctx);
  publicDossierRoutes(app, ctx);
}

export { receiveDossier, type IntakeInput, type IntakeResult } from './commands/intake.ts';
export { actOnDossier, type ActionRequest, type Actor } from './commands/act.ts';
export { nationalStatus, stateLabels, type DossierState } from './domain/states.ts';
export { purgeEmptyQueueCounts } from './repository.ts';
