// Reports API: table 06, summary indicators with comparisons, the dashboard's data, the Circular 01/2018
// evaluation, the Decision 766 index, the generated periodic report, and the formulas and settings behind them.
import type { FastifyReply } from 'fastify';
import { reachOf } from '../../access/policy.ts';
import { isUnitInReach } from '../../access/reach.ts';
import { audit } from '../../audit/audit.ts';
import { localDate } from '../../calendar/index.ts';
import { auditContext, requireCaller, type App, type AppContext } from '../../platform/http/context.ts';
import { AppError, forbidden, notFound, staleVersion } from '../../platform/errors.ts';
import { errors } from '../../platform/http/schemas.ts';
import { DECISION_766, checkFormula, indicatorCatalogue } from './domain/decision766.ts';
import { FormulaError, functionNames } from './domain/expression.ts';
import { renderText } from './domain/narrative.ts';
import { describeRange, periodCode, rangePhraseVi } from './domain/periods.ts';
import { narrativeDocx } from './exports/docx.ts';
import { narrativePdf } from './exports/narrative-pdf.ts';
import { table06Csv, table06Pdf, table06Xlsx } from './exports/table06.ts';
import { contextOf, issuerFor, writeNarrative } from './narrative.ts';
import { reportPolicy } from './policy.ts';
import * as repo from './repository.ts';
import {
  DashboardResponse, EvaluationResponse, FormulaBody, FormulaList, FormulaParams, NarrativeFile, NarrativeQuery, PlainScopeQuery,
  ServiceIndexResponse, Settings, SettingsBody, SettingsQuery, SummaryQuery, SummaryResponse, TableQuery, TableResponse,
} from './schemas.ts';
import { reachableAncestors, resolveScope } from './scope.ts';
import {
  loadComparisons, loadEvaluation, loadMonths, loadServiceIndex, loadSummary, loadTable06, onlineTargetOf, type EvaluationEntry,
  type ReportScope,
} from './service.ts';

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const;

function sendFile(reply: FastifyReply, kind: keyof typeof TYPES, name: string, body: Buffer | string) {
  return reply
    .type(TYPES[kind])
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'private, no-store')
    .send(body);
}

function fileName(prefix: string, scope: ReportScope, ext: string): string {
  return `${prefix}_${scope.range.from}_${scope.range.to}.${ext}`;
}

function summaryBody(scope: ReportScope, figures: Awaited<ReturnType<typeof loadSummary>>['figures']) {
  return { unitId: scope.unit.id, from: scope.range.from, to: scope.range.to, asOf: scope.asOf, ...figures };
}

function evaluationBody(e: EvaluationEntry) {
  return {
    id: e.id, name: e.name, dossiers: e.dossiers, score: e.score.score, max: e.score.max, measuredScore: e.score.measuredScore,
    measuredMax: e.score.measuredMax, classification: e.score.classification, classificationVi: e.classificationVi,
    indices: e.score.indices,
  };
}

export function reportRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;
  const scopeOf = (request: Parameters<typeof requireCaller>[0], query: Parameters<typeof resolveScope>[2]) =>
    resolveScope(db, requireCaller(request), query, ctx.clock());

  app.get('/api/v1/reports/summary', {
    schema: {
      tags: ['reports'],
      summary: 'Summary indicators of a unit (and everything below it) for a period / Chỉ tiêu tổng hợp',
      description: 'Rates are ratios 0–1 with their numerator and denominator; value is null when the denominator is 0. '
        + 'received.total counts the new dossiers only; carriedOver is counted apart.',
      querystring: SummaryQuery,
      response: { 200: SummaryResponse, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const scope = await scopeOf(request, request.query);
    const { figures } = await loadSummary(db, scope.unit.id, scope.range, scope.asOf);
    const body = summaryBody(scope, figures);
    if (!request.query.compare) return body;
    const c = await loadComparisons(db, scope);
    return { ...body, comparison: c };
  });

  app.get('/api/v1/reports/procedure-handling', {
    schema: {
      tags: ['reports'],
      summary: 'Table 06 (Circular 01/2020): received, resolved and in progress, by field, procedure or sub-unit / Biểu 06',
      description: 'format=json (default), xlsx (official layout), pdf or csv. The files hold aggregates only, never personal data.',
      querystring: TableQuery,
      response: { 200: TableResponse, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const scope = await scopeOf(request, request.query);
    const groupBy = request.query.groupBy ?? 'field';
    const table = await loadTable06(db, scope, groupBy);
    const period = describeRange(scope.range, scope.convention);
    const format = request.query.format ?? 'json';
    if (format === 'json') {
      return {
        unitId: scope.unit.id, unitName: scope.unit.fullName, from: scope.range.from, to: scope.range.to, asOf: scope.asOf,
        label: period.vi, groupBy, rows: table.rows.map((r) => ({ key: r.key, label: r.label, code: r.code ?? null, ...r.figures })),
        total: table.total,
      };
    }
    if (format === 'csv') return sendFile(reply, 'csv', fileName('bieu-06', scope, 'csv'), table06Csv(table));
    const document = {
      table, issuer: await issuerFor(db, scope.unit), unitName: scope.unit.fullName, createdAt: ctx.clock(),
      periodLine: period.ref ? `${period.vi} (${rangePhraseVi(scope.range)})` : period.vi,
    };
    if (format === 'xlsx') return sendFile(reply, 'xlsx', fileName('bieu-06', scope, 'xlsx'), await table06Xlsx(document));
    return sendFile(reply, 'pdf', fileName('bieu-06', scope, 'pdf'), await table06Pdf(document));
  });

  app.get('/api/v1/reports/narrative', {
    schema: {
      tags: ['reports'],
      summary: 'The periodic report written from the data, in Vietnamese / Báo cáo định kỳ tự động',
      description: 'format=text (default), docx or pdf. Modules add their sections through the paragraph-provider registry.',
      querystring: NarrativeQuery,
      produces: [TYPES.text, TYPES.docx, TYPES.pdf],
      response: { 200: NarrativeFile, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const scope = await scopeOf(request, request.query);
    const now = ctx.clock();
    const document = await writeNarrative(contextOf(db, scope), localDate(now));
    const format = request.query.format ?? 'text';
    if (format === 'docx') return sendFile(reply, 'docx', fileName('bao-cao', scope, 'docx'), await narrativeDocx(document, now));
    if (format === 'pdf') return sendFile(reply, 'pdf', fileName('bao-cao', scope, 'pdf'), await narrativePdf(document, now));
    return reply.type(TYPES.text).header('cache-control', 'private, no-store').send(renderText(document));
  });

  app.get('/api/v1/reports/dashboard', {
    schema: {
      tags: ['reports'],
      summary: 'Everything the reports dashboard shows for a unit and period / Dữ liệu trang tổng quan báo cáo',
      querystring: PlainScopeQuery,
      response: { 200: DashboardResponse, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const scope = await scopeOf(request, request.query);
    const [summary, comparison, months, table, breadcrumbs] = await Promise.all([
      loadSummary(db, scope.unit.id, scope.range, scope.asOf),
      loadComparisons(db, scope),
      loadMonths(db, scope),
      loadTable06(db, scope, 'unit'),
      reachableAncestors(db, caller, scope.unit.id),
    ]);
    const period = describeRange(scope.range, scope.convention);
    const ref = (u: repo.UnitLabel) => ({ id: u.id, name: u.name, fullName: u.fullName, kind: u.kind });
    return {
      unit: ref(scope.unit),
      breadcrumbs: breadcrumbs.map(ref),
      period: {
        from: scope.range.from, to: scope.range.to, asOf: scope.asOf, label: period.vi, labelEn: period.en,
        code: period.ref ? periodCode(period.ref) : null,
        convention: scope.convention.kind, cutoffDay: scope.convention.kind === 'cutoff' ? scope.convention.day : 15,
      },
      summary: summaryBody(scope, summary.figures),
      comparison,
      months,
      subUnits: table.rows.map((r) => ({ id: r.key, label: r.label, drillable: r.key !== scope.unit.id, ...r.figures })),
    };
  });

  app.get('/api/v1/reports/evaluation', {
    schema: {
      tags: ['reports'],
      summary: 'Circular 01/2018 evaluation scores per unit and per official, with classification / Chỉ số đánh giá giải quyết TTHC',
      querystring: PlainScopeQuery,
      response: { 200: EvaluationResponse, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const scope = await scopeOf(request, request.query);
    const e = await loadEvaluation(db, scope);
    return {
      unitId: scope.unit.id, from: scope.range.from, to: scope.range.to,
      unit: evaluationBody(e.unit), subUnits: e.subUnits.map(evaluationBody), officials: e.officials.map(evaluationBody),
    };
  });

  app.get('/api/v1/reports/service-index', {
    schema: {
      tags: ['reports'],
      summary: 'Decision 766 service-quality index, evaluated from the configured formulas / Bộ chỉ số phục vụ (QĐ 766)',
      querystring: PlainScopeQuery,
      response: { 200: ServiceIndexResponse, ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const scope = await scopeOf(request, request.query);
    const index = await loadServiceIndex(db, scope);
    return { unitId: scope.unit.id, from: scope.range.from, to: scope.range.to, scheme: DECISION_766, ...index };
  });

  app.get('/api/v1/reports/formulas', {
    schema: {
      tags: ['reports'],
      summary: 'Index formulas and the indicators they may use / Công thức tính chỉ số',
      response: { 200: FormulaList, ...errors(401, 403) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const reach = reachOf(caller, reportPolicy.read);
    if (reach !== 'all' && !reach.length) throw forbidden();
    const items = await repo.formulas(db, DECISION_766);
    return { items: items.map(({ updatedAt: _, ...f }) => f), indicators: indicatorCatalogue, functions: functionNames };
  });

  app.put('/api/v1/reports/formulas/:scheme/:key', {
    schema: {
      tags: ['reports'],
      summary: 'Change an index formula (system administrators) / Sửa công thức tính chỉ số',
      params: FormulaParams,
      body: FormulaBody,
      response: { 200: FormulaList.properties.items.items, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    if (reachOf(caller, reportPolicy.formulas) !== 'all') throw forbidden('Only system administrators change the formulas.', 'Chỉ quản trị hệ thống được sửa công thức.');
    const { scheme, key } = request.params;
    const body = request.body;
    try {
      checkFormula(body.expression);
    } catch (err) {
      if (!(err instanceof FormulaError)) throw err;
      throw new AppError(400, 'invalid_formula', err.message, err.messageVi, [{ field: 'expression', message: err.message, messageVi: err.messageVi }]);
    }
    return db.transaction().execute(async (trx) => {
      const current = await repo.lockFormula(trx, scheme, key);
      if (!current) throw notFound('Formula', 'Công thức');
      if (current.version !== body.version) throw staleVersion();
      const maxPoints = body.maxPoints ?? current.maxPoints;
      const now = ctx.clock();
      await repo.updateFormula(trx, scheme, key, { expression: body.expression.trim(), maxPoints }, current.version, caller.userId, now);
      await audit(trx, auditContext(request), {
        action: 'report.formula.update', subjectType: 'report_formula', subjectId: `${scheme}/${key}`,
        before: { expression: current.expression, maxPoints: current.maxPoints, version: current.version },
        after: { expression: body.expression.trim(), maxPoints, version: current.version + 1 },
      });
      const { updatedAt: _, ...rest } = current;
      return { ...rest, expression: body.expression.trim(), maxPoints, version: current.version + 1 };
    });
  });

  app.get('/api/v1/reports/settings', {
    schema: {
      tags: ['reports'],
      summary: 'Report settings in force for a unit (period convention, online-share target) / Cấu hình báo cáo',
      querystring: SettingsQuery,
      response: { 200: Settings, ...errors(401, 403, 404) },
    },
  }, async (request) => {
    const scope = await scopeOf(request, { unitId: request.query.unitId });
    const own = await repo.ownSettings(db, scope.unit.id);
    const s = scope.settings;
    return {
      unitId: scope.unit.id, inheritedFrom: s?.unitId ?? null, periodConvention: s?.periodConvention ?? 'calendar',
      cutoffDay: s?.cutoffDay ?? 15, onlineTarget: onlineTargetOf(scope), version: own?.version ?? null,
    };
  });

  app.put('/api/v1/reports/settings', {
    schema: {
      tags: ['reports'],
      summary: 'Set a unit\'s report settings; units below it inherit them / Đặt cấu hình báo cáo của đơn vị',
      body: SettingsBody,
      response: { 200: Settings, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const b = request.body;
    const reach = reachOf(caller, reportPolicy.settings);
    if (reach !== 'all' && !reach.length) throw forbidden('Only administrators change report settings.', 'Chỉ quản trị viên được đặt cấu hình báo cáo.');
    if (!(await isUnitInReach(db, reach, b.unitId))) throw notFound('Unit', 'Đơn vị');
    await db.transaction().execute(async (trx) => {
      const own = await repo.ownSettings(trx, b.unitId, true);
      if ((own?.version ?? null) !== b.version) throw staleVersion();
      await repo.saveSettings(trx, { unitId: b.unitId, periodConvention: b.periodConvention, cutoffDay: b.cutoffDay, onlineTarget: b.onlineTarget }, b.version, caller.userId, ctx.clock());
      await audit(trx, auditContext(request), {
        action: 'report.settings.update', subjectType: 'report_settings', subjectId: b.unitId, unitId: b.unitId,
        before: own, after: { periodConvention: b.periodConvention, cutoffDay: b.cutoffDay, onlineTarget: b.onlineTarget },
      });
    });
    const scope = await scopeOf(request, { unitId: b.unitId });
    return {
      unitId: b.unitId, inheritedFrom: b.unitId, periodConvention: b.periodConvention, cutoffDay: b.cutoffDay,
      onlineTarget: onlineTargetOf(scope), version: (b.version ?? 0) + 1,
    };
  });
}
