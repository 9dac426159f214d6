import { Type } from 'typebox';
import { reachOf } from '../../access/policy.ts';
import { isUnitInReach, unitInReach } from '../../access/reach.ts';
import { localInstant } from '../../calendar/index.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { requireCaller, type App, type AppContext } from '../../platform/http/context.ts';
import { Binary, errors, IsoDate, StringEnum, Uuid } from '../../platform/http/schemas.ts';
import { getUnit } from '../../units/repository.ts';
import { calendarFor } from '../calendar/repository.ts';
import { rolesOver } from './commands/roles.ts';
import { stateLabels, type DossierState } from './domain/states.ts';
import { renderForm01, renderForm02, renderForm03, renderForm04, renderForm05, renderRegisterPdf, renderRegisterXlsx } from './forms/index.ts';
import { apologyData, controlSheetData, issuerOf, receiptData, refusalData, supplementData } from './forms-data.ts';
import { dossierPolicy } from './policy.ts';
import { deadlineOf } from './present.ts';
import { getDossierRow } from './repository.ts';

// Printable forms 01–05 of a dossier and the register (form 06) of a unit for a period.

const forms = ['01', '02', '03', '04', '05'] as const;
export const registerRowLimit = 10_000;

export function formRoutes(app: App, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get('/api/v1/dossiers/:id/forms/:form.pdf', {
    schema: {
      tags: ['dossiers'],
      summary: 'Print a form: 01 receipt, 02 supplement request, 03 refusal, 04 apology, 05 control sheet / In biểu mẫu',
      params: Type.Object({ id: Uuid, form: StringEnum(forms) }),
      response: { 200: Binary('application/pdf'), ...errors(401, 404, 409) },
    },
  }, async (request, reply) => {
    const caller = requireCaller(request);
    const row = await getDossierRow(db, request.params.id);
    const roles = row ? await rolesOver(db, caller.grants, row.unit_id) : [];
    if (!row || !roles.some((r) => dossierPolicy.read.roles.includes(r))) throw notFound('Dossier', 'Hồ sơ');
    const form = request.params.form;
    const pdf = form === '01' ? await renderForm01(await receiptData(db, row, ctx.config.publicUrl))
      : form === '02' ? await renderForm02(await supplementData(db, row))
      : form === '03' ? await renderForm03(await refusalData(db, row))
      : form === '04' ? await renderForm04(await apologyData(db, row))
      : await renderForm05({ ...(await controlSheetData(db, row)), printedAt: ctx.clock() });
    const name = `mau-${form}-${(row.code ?? row.id).replace(/[^0-9A-Za-z.-]/g, '_')}.pdf`;
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).send(pdf);
  });

  app.get('/api/v1/units/:id/dossier-register', {
    schema: {
      tags: ['dossiers'],
      summary: 'Dossier register (form 06) of a unit and the units below it for a period / Sổ theo dõi hồ sơ',
      params: Type.Object({ id: Uuid }),
      querystring: Type.Object({ from: IsoDate, to: IsoDate, format: Type.Optional(StringEnum(['pdf', 'xlsx'] as const)) }),
      response: { 200: Binary('application/pdf or XLSX'), ...errors(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => {
    const caller = requireCaller(request);
    const { from, to, format = 'pdf' } = request.query;
    if (from > to) throw new AppError(400, 'invalid_period', '`from` must not be after `to`.', 'Ngày bắt đầu không được sau ngày kết thúc.');
    const unit = await getUnit(db, request.params.id);
    if (!unit) throw notFound('Unit', 'Đơn vị');
    const reach = reachOf(caller, dossierPolicy.register);
    if (!(await isUnitInReach(db, reach, unit.id))) throw forbidden();
    const start = localInstant(from, '00:00');
    const end = new Date(localInstant(to, '00:00').getTime() + 86_400_000);
    const rows = await db.selectFrom('dossiers as d')
      .select(['d.code', 'd.applicant_name', 'd.procedure_name', 'd.channel', 'd.received_at', 'd.due_at', 'd.finished_at', 'd.returned_at', 'd.state', 'd.intake_note'])
      .where('d.received_at', '>=', start).where('d.received_at', '<', end)
      .where(unitInReach('d.unit_id', [unit.id])).where(unitInReach('d.unit_id', reach))
      .orderBy('d.received_at').orderBy('d.id').limit(registerRowLimit + 1).execute();
    if (rows.length > registerRowLimit) {
      throw new AppError(422, 'register_too_large', `More than ${registerRowLimit} dossiers: choose a shorter period.`, `Quá ${registerRowLimit} hồ sơ: hãy chọn khoảng thời gian ngắn hơn.`);
    }
    const { calendar } = await calendarFor(db, unit.id);
    const now = ctx.clock();
    const data = {
      issuer: await issuerOf(db, unit.id), unitName: unit.fullName, from, to, printedAt: now,
      rows: rows.map((r, i) => {
        const state = r.state as DossierState;
        const deadline = deadlineOf({ state, due_at: r.due_at, finished_at: r.finished_at }, calendar, now);
        return {
          ordinal: i + 1, code: r.code ?? '', applicantName: r.applicant_name, procedureName: r.procedure_name, channel: r.channel,
          receivedAt: r.received_at!, dueAt: r.due_at!, finishedAt: r.finished_at, returnedAt: r.returned_at,
          status: stateLabels[state].vi, classification: deadline ? labelOf(deadline.status) : '', note: r.intake_note,
        };
      }),
    };
    const base = `so-theo-doi-${unit.code ?? unit.id}-${from}-${to}`;
    if (format === 'xlsx') {
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${base}.xlsx"`).send(await renderRegisterXlsx(data));
    }
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${base}.pdf"`).send(await renderRegisterPdf(data));
  });
}

const classificationLabels: Record<string, string> = {
  early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Trễ hạn', within_deadline: 'Đang giải quyết trong hạn', overdue: 'Đang giải quyết quá hạn',
};

function labelOf(status: string): string {
  return classificationLabels[status] ?? status;
}
