import type { Db } from '../../access/reach.ts';
import { classifyDeadline } from '../../calendar/index.ts';
import { AppError } from '../../platform/errors.ts';
import { ancestorsOf, getUnit, type Unit } from '../../units/repository.ts';
import type {
  ApologyFormData, ControlSheetFormData, Handover, Issuer, ReceiptFormData, RefusalFormData, SupplementRequestFormData,
} from './forms/index.ts';
import { documentsOf, eventsOf, supplementRoundsOf } from './repository.ts';
import type { DossierRow } from './tables.ts';

// Builds the forms' data from what the dossier recorded: nothing on a form is typed twice.

type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];

const unavailable = (form: string, en: string, vi: string) =>
  new AppError(409, 'form_not_available', `Form ${form} is not available: ${en}`, `Không có mẫu ${form}: ${vi}`);

/** "UBND PHƯỜNG BỒNG LAI" / "BỘ PHẬN MỘT CỬA" / "Bồng Lai". */
export async function issuerOf(db: Db, unitId: string): Promise<Issuer> {
  const unit = (await getUnit(db, unitId))!;
  const isBody = ['agency', 'department', 'service_centre', 'one_stop_desk'].includes(unit.kind);
  let home: Unit = unit;
  if (isBody) home = (await ancestorsOf(db, unit.id)).reverse().find((u) => !['agency', 'department', 'service_centre', 'one_stop_desk'].includes(u.kind)) ?? unit;
  return {
    bodyName: isBody ? unit.fullName.toUpperCase() : `UBND ${unit.fullName.toUpperCase()}`,
    deskName: unit.kind === 'service_centre' ? 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG' : 'BỘ PHẬN MỘT CỬA',
    place: home.name,
  };
}

function applicantOf(row: DossierRow) {
  return { fullName: row.applicant_name, idNumber: row.applicant_id_number, phone: row.applicant_phone, email: row.applicant_email, address: row.applicant_address };
}

const procedureOf = (row: DossierRow) => ({ code: row.procedure_code, name: row.procedure_name });

function dataOf<T>(e: EventRow | undefined): T {
  return ((e?.data ?? {}) as T);
}

async function officerName(db: Db, userId: string | null): Promise<string> {
  if (!userId) return '';
  return (await db.selectFrom('users').select('full_name').where('id', '=', userId).executeTakeFirst())?.full_name ?? '';
}

export async function receiptData(db: Db, row: DossierRow, publicUrl: string): Promise<ReceiptFormData> {
  if (!row.code || !row.received_at || !row.due_at) throw unavailable('01', 'the dossier was not received.', 'hồ sơ chưa được tiếp nhận.');
  const docs = await documentsOf(db, row.id);
  const events = await eventsOf(db, row.id);
  const correction = [...events].reverse().find((e) => e.action === 'correct_intake');
  return {
    issuer: await issuerOf(db, row.unit_id),
    dossierCode: row.code,
    lookupSecret: row.lookup_secret ?? '',
    lookupUrl: `${publicUrl}/tra-cuu`,
    applicant: applicantOf(row),
    procedure: procedureOf(row),
    documents: docs.filter((d) => d.received).map((d) => ({ name: d.name, copyType: d.copy_type === 'either' ? null : (d.copy_type as 'original' | 'copy' | 'certified_copy' | null), count: d.count })),
    channel: row.channel,
    receivedAt: row.received_at,
    dueAt: row.appointment_at ?? row.due_at,
    fees: row.fees ?? [],
    officer: { fullName: await officerName(db, row.received_by) },
    note: row.intake_note,
    reissue: row.receipt_issue > 1 ? { number: row.receipt_issue - 1, reason: correction?.note ?? '' } : null,
  };
}

export async function supplementData(db: Db, row: DossierRow): Promise<SupplementRequestFormData> {
  const round = (await supplementRoundsOf(db, row.id)).at(-1);
  if (!round) throw unavailable('02', 'no supplement was requested.', 'chưa có yêu cầu bổ sung.');
  const items = (round.items ?? []) as { document: string; reason: string }[];
  return {
    issuer: await issuerOf(db, row.unit_id),
    dossierCode: row.code,
    applicant: applicantOf(row),
    procedure: procedureOf(row),
    requestedAt: round.requested_at,
    items: items.length ? items : [{ document: round.reason, reason: '' }],
    applicantDeadline: round.applicant_deadline,
    officer: { fullName: await officerName(db, round.requested_by) },
  };
}

export async function refusalData(db: Db, row: DossierRow): Promise<RefusalFormData> {
  if (row.state !== 'refused' && row.state !== 'intake_refused') throw unavailable('03', 'the dossier was not refused.', 'hồ sơ không bị từ chối.');
  const event = (await eventsOf(db, row.id)).reverse().find((e) => e.to_state === row.state)!;
  return {
    issuer: await issuerOf(db, row.unit_id),
    dossierCode: row.code,
    applicant: applicantOf(row),
    procedure: procedureOf(row),
    decidedAt: event.at,
    reasons: dataOf<{ reasons?: string[] }>(event).reasons ?? [],
    atIntake: row.state === 'intake_refused',
    officer: { fullName: event.actor_name },
  };
}

export async function apologyData(db: Db, row: DossierRow): Promise<ApologyFormData> {
  const event = (await eventsOf(db, row.id)).reverse().find((e) => e.action === 'apologize');
  if (!event || !row.code || !row.received_at) throw unavailable('04', 'no new appointment was given.', 'chưa có phiếu xin lỗi và hẹn lại.');
  const newDueAt = new Date(dataOf<{ newAppointmentAt: string }>(event).newAppointmentAt);
  return {
    issuer: await issuerOf(db, row.unit_id),
    dossierCode: row.code,
    applicant: applicantOf(row),
    procedure: procedureOf(row),
    receivedAt: row.received_at,
    originalDueAt: event.due_at ?? row.due_at!,
    reason: event.note ?? '',
    newDueAt,
    issuedAt: event.at,
    signer: { fullName: event.actor_name, title: 'LÃNH ĐẠO' },
  };
}

const leaving = new Set(['forward', 'approve', 'return_previous', 'record_result', 'return_result', 'refuse', 'request_supplement']);

/** Form 05: every hand-over, with the deadline of the step handed over and whether it was kept. */
export async function controlSheetData(db: Db, row: DossierRow): Promise<ControlSheetFormData> {
  if (!row.code || !row.received_at || !row.due_at) throw unavailable('05', 'the dossier was not received.', 'hồ sơ chưa được tiếp nhận.');
  const events = await eventsOf(db, row.id);
  const unitIds = [...new Set(events.map((e) => e.actor_unit_id).filter((x): x is string => !!x))];
  const units = unitIds.length ? await db.selectFrom('units').select(['id', 'full_name']).where('id', 'in', unitIds).execute() : [];
  const unitName = new Map(units.map((u) => [u.id, u.full_name]));
  const handovers: Handover[] = [];
  let deadline: Date | null = null;
  let stepName: string | null = null;
  let number = 0;
  events.forEach((e, i) => {
    if (i > 0 && leaving.has(e.action)) {
      const next = events[i + 1];
      number++;
      handovers.push({
        step: stepName ? `${number}. ${stepName}` : number,
        fromName: e.actor_name,
        fromUnit: unitName.get(e.actor_unit_id ?? '') ?? '',
        toName: next?.actor_name ?? (e.action === 'return_result' ? row.applicant_name : ''),
        toUnit: next ? unitName.get(next.actor_unit_id ?? '') ?? '' : '',
        at: e.at,
        stepDeadline: deadline,
        result: deadline ? classifyDeadline({ dueAt: deadline, finishedAt: e.at }) as Handover['result'] : null,
        note: e.note,
      });
    }
    if (e.step_deadline || e.step_name) {
      deadline = e.step_deadline;
      stepName = e.step_name;
    }
  });
  const finished = row.finished_at ? classifyDeadline({ dueAt: row.due_at, finishedAt: row.finished_at }) as Handover['result'] : null;
  return {
    issuer: await issuerOf(db, row.unit_id),
    dossierCode: row.code,
    applicant: applicantOf(row),
    procedure: procedureOf(row),
    receivedAt: row.received_at,
    dueAt: row.due_at,
    handovers,
    outcome: row.finished_at ? { result: finished, finishedAt: row.finished_at, returnedAt: row.returned_at } : null,
  };
}
