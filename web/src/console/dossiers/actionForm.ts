// One action on a dossier as a form: which fields it needs, the checks before sending, and the request body.
import type { Problem } from '../../components/formErrors.ts';
import { reasonLines } from '../intake/intakeForm.ts';
import { vietnamInstant, vietnamLocalValue } from './labels.ts';
import type { ActionBody, DossierAction, DossierDetail, DossierStep, MissingItem } from './types.ts';

const reasonActions: readonly DossierAction[] = [
  'return_previous', 'request_supplement', 'pause_financial', 'withdraw', 'stop', 'apologize', 'correct_intake', 'request_intake_supplement',
];
const reasonsActions: readonly DossierAction[] = ['refuse', 'refuse_intake'];

export interface ActionNeeds {
  reason: boolean;
  reasons: boolean;
  note: boolean;
  appointment: boolean;
  items: boolean;
  applicantDeadline: boolean;
  result: boolean;
  correction: boolean;
  /** The steps to choose from when the current step hands over to several. */
  nextSteps: DossierStep['next'];
}

export function needsOf(action: DossierAction, dossier: DossierDetail): ActionNeeds {
  const reason = reasonActions.includes(action);
  const reasons = reasonsActions.includes(action);
  const next = dossier.step?.next ?? [];
  return {
    reason,
    reasons,
    note: !reason && !reasons,
    appointment: action === 'apologize',
    items: action === 'request_supplement' || action === 'request_intake_supplement',
    applicantDeadline: action === 'request_supplement',
    result: action === 'record_result',
    correction: action === 'correct_intake',
    nextSteps: (action === 'forward' || action === 'approve') && next.length > 1 ? next : [],
  };
}

export interface ActionValues {
  note: string;
  reason: string;
  reasons: string;
  appointment: string;
  applicantDeadline: string;
  items: MissingItem[];
  toStep: string;
  resultNumber: string;
  resultSignedOn: string;
  resultSigner: string;
  fullName: string;
  idNumber: string;
  birthYear: string;
  phone: string;
  email: string;
  address: string;
  dueAt: string;
}

export function initialValues(dossier: DossierDetail): ActionValues {
  const a = dossier.applicant;
  return {
    note: '', reason: '', reasons: '', appointment: '', applicantDeadline: '', items: [], toStep: '',
    resultNumber: dossier.result.number ?? '', resultSignedOn: dossier.result.signedOn ?? '', resultSigner: dossier.result.signer ?? '',
    fullName: a.fullName, idNumber: a.idNumber ?? '', birthYear: a.birthYear ? String(a.birthYear) : '', phone: a.phone ?? '',
    email: a.email ?? '', address: a.address ?? '', dueAt: dossier.dueAt ? vietnamLocalValue(dossier.dueAt) : '',
  };
}

export const actionIds = {
  note: 'action-note',
  reason: 'action-reason',
  reasons: 'action-reasons',
  appointment: 'action-appointment',
  applicantDeadline: 'action-applicant-deadline',
  items: 'action-items',
  toStepFirst: 'action-to-step-0',
  resultNumber: 'action-result-number',
  resultSignedOn: 'action-result-signed-on',
  resultSigner: 'action-result-signer',
  fullName: 'action-fix-name',
  idNumber: 'action-fix-id-number',
  birthYear: 'action-fix-birth-year',
  phone: 'action-fix-phone',
  email: 'action-fix-email',
  address: 'action-fix-address',
  dueAt: 'action-fix-due-at',
} as const;

export function actionFieldIds(itemCount: number): Record<string, string> {
  const map: Record<string, string> = {
    note: actionIds.note, reason: actionIds.reason, reasons: actionIds.reasons, newAppointmentAt: actionIds.appointment,
    applicantDeadline: actionIds.applicantDeadline, items: `${actionIds.items}-add`, toStep: actionIds.toStepFirst,
    'result.number': actionIds.resultNumber, 'result.signedOn': actionIds.resultSignedOn, 'result.signer': actionIds.resultSigner,
    'correction.applicant.fullName': actionIds.fullName, 'correction.applicant.idNumber': actionIds.idNumber,
    'correction.applicant.birthYear': actionIds.birthYear, 'correction.applicant.phone': actionIds.phone,
    'correction.applicant.email': actionIds.email, 'correction.applicant.address': actionIds.address,
    'correction.dueAt': actionIds.dueAt,
  };
  for (let i = 0; i < itemCount; i++) {
    map[`items.${i}.document`] = `${actionIds.items}-${i}-document`;
    map[`items.${i}.reason`] = `${actionIds.items}-${i}-reason`;
  }
  return map;
}

const localDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function checkAction(needs: ActionNeeds, v: ActionValues, dossier: DossierDetail): Problem[] {
  const problems: Problem[] = [];
  if (needs.nextSteps.length && !v.toStep) problems.push([actionIds.toStepFirst, 'dossier.nextStepMissing']);
  if (needs.reason && !v.reason.trim()) problems.push([actionIds.reason, 'dossier.reasonMissing']);
  if (needs.reasons && !reasonLines(v.reasons).length) problems.push([actionIds.reasons, 'dossier.reasonsMissing']);
  if (needs.appointment) {
    if (!localDateTime.test(v.appointment)) problems.push([actionIds.appointment, 'dossier.appointmentMissing']);
    else if (dossier.dueAt && new Date(vietnamInstant(v.appointment)) <= new Date(dossier.dueAt)) {
      problems.push([actionIds.appointment, 'dossier.appointmentNotLater']);
    }
  }
  if (needs.applicantDeadline && v.applicantDeadline && !localDateTime.test(v.applicantDeadline)) {
    problems.push([actionIds.applicantDeadline, 'dossier.dateTimeInvalid']);
  }
  if (needs.items) {
    v.items.forEach((item, i) => {
      if (!item.document.trim()) problems.push([`${actionIds.items}-${i}-document`, 'intake.missingDocumentEmpty']);
      if (!item.reason.trim()) problems.push([`${actionIds.items}-${i}-reason`, 'intake.missingReasonEmpty']);
    });
  }
  if (needs.correction) {
    if (!v.fullName.trim()) problems.push([actionIds.fullName, 'intake.nameMissing']);
    if (v.idNumber.trim() && dossier.applicant.kind === 'person' && !/^\d{12}$/.test(v.idNumber.trim())) {
      problems.push([actionIds.idNumber, 'intake.idNumberInvalid']);
    }
    if (v.birthYear.trim() && !/^\d{4}$/.test(v.birthYear.trim())) problems.push([actionIds.birthYear, 'intake.birthYearInvalid']);
    if (v.dueAt && !localDateTime.test(v.dueAt)) problems.push([actionIds.dueAt, 'dossier.dateTimeInvalid']);
  }
  return problems;
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

function correctionOf(v: ActionValues, dossier: DossierDetail): ActionBody['correction'] {
  const a = dossier.applicant;
  const applicant: NonNullable<ActionBody['correction']>['applicant'] = {};
  if (v.fullName.trim() !== a.fullName) applicant.fullName = v.fullName.trim();
  if (orNull(v.idNumber) !== a.idNumber) applicant.idNumber = orNull(v.idNumber);
  const birthYear = v.birthYear.trim() ? Number(v.birthYear.trim()) : null;
  if (birthYear !== a.birthYear) applicant.birthYear = birthYear;
  if (orNull(v.phone) !== a.phone) applicant.phone = orNull(v.phone);
  if (orNull(v.email) !== a.email) applicant.email = orNull(v.email);
  if (orNull(v.address) !== a.address) applicant.address = orNull(v.address);
  const correction: NonNullable<ActionBody['correction']> = {};
  if (Object.keys(applicant).length) correction.applicant = applicant;
  if (v.dueAt && dossier.dueAt && v.dueAt !== vietnamLocalValue(dossier.dueAt)) correction.dueAt = vietnamInstant(v.dueAt);
  return correction;
}

export function actionBody(action: DossierAction, needs: ActionNeeds, v: ActionValues, dossier: DossierDetail): ActionBody {
  const body: ActionBody = { action, version: dossier.version };
  if (needs.reason) body.reason = v.reason.trim();
  if (needs.note && v.note.trim()) body.note = v.note.trim();
  if (needs.reasons) body.reasons = reasonLines(v.reasons);
  if (needs.appointment) body.newAppointmentAt = vietnamInstant(v.appointment);
  if (needs.items && v.items.length) body.items = v.items.map((i) => ({ document: i.document.trim(), reason: i.reason.trim() }));
  if (needs.applicantDeadline && v.applicantDeadline) body.applicantDeadline = vietnamInstant(v.applicantDeadline);
  if (needs.nextSteps.length) body.toStep = v.toStep;
  if (needs.result) body.result = { number: orNull(v.resultNumber), signedOn: orNull(v.resultSignedOn), signer: orNull(v.resultSigner) };
  if (needs.correction) body.correction = correctionOf(v, dossier);
  return body;
}
