// Import of procedures by administrators, and the template to fill in. The body is the file itself: the
// national catalogue's JSON (application/json), a CSV (text/csv) or an XLSX workbook.

import { Type } from 'typebox';
import { badRequest, notFound } from '../../platform/errors.ts';
import type { App, AppContext } from '../../platform/http/context.ts';
import { errors, Uuid } from '../../platform/http/schemas.ts';
import { getUnit } from '../../units/repository.ts';
import { buildCatalogueTemplateCsv, buildCatalogueTemplateXlsx } from './domain/index.ts';
import { importProcedures } from './commands/import.ts';
import { detectFormat, parseImportFile } from './commands/import-file.ts';
import { actorOf } from './http.ts';
import { ImportResultSchema } from './schemas.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const importBodyLimit = 30 * 1024 * 1024;

export function importRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get('/api/v1/procedures/import-template.csv', {
    schema: {
      tags: ['catalog'],
      summary: 'Template (CSV) for a province’s own procedure list / Mẫu CSV danh mục thủ tục',
      response: { 200: Type.String({ description: 'text/csv; Vietnamese and English header rows' }) },
    },
  }, async (_request, reply) => reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="mau-danh-muc-thu-tuc.csv"')
    .send(buildCatalogueTemplateCsv()));

  app.get('/api/v1/procedures/import-template.xlsx', {
    schema: {
      tags: ['catalog'],
      summary: 'Template (XLSX) for a province’s own procedure list / Mẫu Excel danh mục thủ tục',
      response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'XLSX workbook with drop-downs and a guide sheet' }) },
    },
  }, async (_request, reply) => reply
    .type(XLSX_TYPE)
    .header('content-disposition', 'attachment; filename="mau-danh-muc-thu-tuc.xlsx"')
    .send(await buildCatalogueTemplateXlsx()));

  // Its own scope, so that the raw-file parsers apply to this route only.
  void app.register(async (scope: App) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: importBodyLimit }, (_req, body, done) => done(null, body));
    scope.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: importBodyLimit },
      (_req, body, done) => done(null, body));

    scope.post('/api/v1/procedures/import', {
      bodyLimit: importBodyLimit,
      schema: {
        tags: ['catalog'],
        summary: 'Import procedures: national catalogue JSON, or the CSV/XLSX template; idempotent / Nhập danh mục thủ tục',
        description: 'Send the file as the body with its content type (application/json, text/csv or the XLSX type). '
          + 'Unchanged procedures are left alone, changed ones get a new version. / Gửi tệp làm nội dung yêu cầu.',
        body: {
          content: {
            'application/json': { schema: Type.Unknown({ description: 'National catalogue: { procedures: [...] } as published (Vietnamese field names)' }) },
            'text/csv': { schema: Type.Unknown({ description: 'The CSV template, filled in (UTF-8; comma or semicolon)' }) },
            [XLSX_TYPE]: { schema: Type.Unknown({ description: 'The XLSX template, filled in' }) },
          },
        },
        querystring: Type.Object({
          publish: Type.Optional(Type.Boolean({ default: false, description: 'Publish what passes the checks, effective today' })),
          unitId: Type.Optional(Uuid),
          includeDescendants: Type.Optional(Type.Boolean({ description: 'Offer at every unit below unitId; default for provinces and districts' })),
          ownerUnitId: Type.Optional(Uuid),
        }),
        response: { 200: ImportResultSchema, ...errors(400, 401, 403, 404, 413, 415) },
      },
    }, async (request) => {
      const actor = actorOf(request);
      const type = String(request.headers['content-type'] ?? '');
      const format = detectFormat(type, Buffer.isBuffer(request.body) ? request.body : undefined);
      if (!format) {
        throw badRequest('unsupported_file', 'Send the national catalogue JSON, a CSV or an XLSX file.', 'Hãy gửi tệp JSON của danh mục quốc gia, tệp CSV hoặc XLSX.');
      }
      const parsed = await parseImportFile(format, request.body);
      const q = request.query;
      let offerAt = null;
      if (q.unitId) {
        const unit = await getUnit(db, q.unitId);
        if (!unit) throw notFound('Unit', 'Đơn vị');
        offerAt = { unitId: unit.id, includeDescendants: q.includeDescendants ?? (unit.kind === 'province' || unit.kind === 'district') };
      }
      const summary = await importProcedures(db, actor, ctx.clock(), parsed.entries, {
        publish: q.publish ?? false, ownerUnitId: q.ownerUnitId ?? null, offerAt,
      });
      return { summary, format: parsed.format, report: parsed.report, reportText: parsed.reportText };
    });
  });
}
