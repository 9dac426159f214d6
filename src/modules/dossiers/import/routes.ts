// POST /api/v1/dossiers/import: the historical import through the server (the command line cannot open the
// embedded database while the server holds it). The body is the JSON Lines file itself.

import { Type } from 'typebox';
import { definePolicy, reachOf } from '../../../access/policy.ts';
import { forbidden } from '../../../platform/errors.ts';
import { auditContext, requireCaller, type App, type AppContext } from '../../../platform/http/context.ts';
import { errors } from '../../../platform/http/schemas.ts';
import { importDossiers } from './import-dossiers.ts';
import { textSource } from './source.ts';

export const importPolicy = definePolicy({ import: { roles: ['system_admin', 'unit_admin'] } });

/** A year of a large province fits; the default limit stays 1 MB everywhere else. */
export const importBodyLimit = 200 * 1024 * 1024;

const LineError = Type.Object({
  line: Type.Integer({ description: 'Line number in the file, from 1' }),
  field: Type.String({ description: 'e.g. receivedAt, applicant.phone; json when the line is not a JSON object' }),
  message: Type.String(),
  messageVi: Type.String(),
});

export const ImportResultSchema = Type.Object({
  imported: Type.Integer(),
  skipped: Type.Integer({ description: 'Lines identical to a dossier already stored (or repeated in the file)' }),
  errors: Type.Array(LineError, { description: 'By line; at most 10,000 are listed' }),
  errorCount: Type.Integer(),
  proceduresCreated: Type.Integer({ description: 'Draft catalogue entries made for unknown procedure codes' }),
  wouldImport: Type.Optional(Type.Integer({ description: 'Dry run only' })),
});

export function dossierImportRoutes(app: App, ctx: AppContext): void {
  // Its own scope, so the JSON Lines parser and the large body limit apply to this route only.
  void app.register(async (scope: App) => {
    scope.addContentTypeParser('application/x-ndjson', { parseAs: 'string', bodyLimit: importBodyLimit }, (_req, body, done) => done(null, body));

    scope.post('/api/v1/dossiers/import', {
      bodyLimit: importBodyLimit,
      schema: {
        tags: ['dossiers'],
        summary: 'Import historical dossiers (JSON Lines) / Nhập hồ sơ từ hệ thống cũ',
        description: 'The body is the file: one dossier per line (content type application/x-ndjson or text/plain). '
          + 'Every line is checked first; a file with errors imports nothing unless skipErrors=true. Lines identical to a '
          + 'stored dossier are skipped. Errors are listed by line with a 200 status. / Mỗi dòng một hồ sơ; tệp có lỗi '
          + 'không được nhập trừ khi skipErrors=true.',
        consumes: ['application/x-ndjson', 'text/plain'],
        querystring: Type.Object({
          skipErrors: Type.Optional(Type.Boolean({ default: false, description: 'Import the good lines of a file with errors' })),
          dryRun: Type.Optional(Type.Boolean({ default: false, description: 'Check only, write nothing' })),
        }),
        body: Type.String({ description: 'JSON Lines: one dossier object per line' }),
        response: { 200: ImportResultSchema, ...errors(400, 401, 403, 409, 413, 415) },
      },
    }, async (request) => {
      const caller = requireCaller(request);
      const reach = reachOf(caller, importPolicy.import);
      if (reach !== 'all' && !reach.length) throw forbidden();
      return importDossiers(ctx.database.db, textSource(request.body), {
        actor: { audit: auditContext(request), userId: caller.userId, name: caller.fullName, unitId: caller.unitId },
        reach, now: ctx.clock(), skipErrors: request.query.skipErrors ?? false, dryRun: request.query.dryRun ?? false,
      });
    });
  });
}
