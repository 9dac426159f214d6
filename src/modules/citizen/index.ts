import type { App, AppContext } from '../../platform/http/context.ts';
import { publicQaRoutes } from '../qa/public-routes.ts';
import { qaRoutes } from '../qa/routes.ts';
import { ratingRoutes } from '../ratings/routes.ts';
import { accountRoutes } from './accounts/routes.ts';
import { draftRoutes } from './drafts/routes.ts';
import { fileRoutes } from './files/routes.ts';
import { DiskFileStore, type FileStore } from './files/store.ts';
import { submissionRoutes } from './submissions/routes.ts';

// The citizen side: online submission (drafts, uploads, submission lookup, electronic results), citizen accounts,
// questions and answers with the public FAQ, and satisfaction ratings with the counter kiosk.

export function fileStoreFor(ctx: Pick<AppContext, 'config'>): FileStore {
  return new DiskFileStore(ctx.config.filesDir);
}

export function citizenSideRoutes(app: App, ctx: AppContext): void {
  fileRoutes(app, ctx, fileStoreFor(ctx));
  draftRoutes(app, ctx);
  submissionRoutes(app, ctx);
  accountRoutes(app, ctx);
  qaRoutes(app, ctx);
  publicQaRoutes(app, ctx);
  ratingRoutes(app, ctx);
}

export { purgeExpiredDrafts } from './drafts/repository.ts';
export { sendCitizenMessage } from './notify.ts';
export { preferencesOf } from './accounts/preferences.ts';
export { verifiedDossier, factorMatches } from './verify.ts';
export type { FileStore } from './files/store.ts';
export { DiskFileStore } from './files/store.ts';
