// The counter intake form as data: its values, the checks made before sending, and the request body.
import type { Problem } from '../../components/formErrors.ts';
import type {
  CatalogueDocument, CopyType, IntakeBody, IntakeOutcome, MissingItem, ProcedureCase, ProcedureForIntake, ProcedureOption,
} from '../dossiers/types.ts';

export interface ChecklistRow {
  name: string;
  copyType: CopyType;
  count: string;
  required: boolean;
  conditional: boolean;
  presentOnly: boolean;
  received: boolean;
}

export interface ApplicantValues {
  kind: 'person' | 'organisation';
  fullName: string;
  idNumber: string;
  birthYear: string;
  phone: string;
  email: string;
  address: string;
}

export interface IntakeValues {
  unitId: string;
  procedure: ProcedureOption | null;
  caseId: string | null;
  channel: 'counter' | 'post';
  applicant: ApplicantValues;
  documents: ChecklistRow[];
  outcome: IntakeOutcome;
  /** null until the officer edits the list: until then it follows the unticked required documents. */
  missing: MissingItem[] | null;
  reasons: string;
  finishNow: boolean;
  resultNumber: string;
  note: string;
}

export const ids = {
  unit: 'intake-unit',
  procedure: 'intake-procedure',
  caseFirst: 'intake-case-0',
  channel: 'intake-channel',
  kind: 'intake-kind-person',
  fullName: 'intake-name',
  idNumber: 'intake-id-number',
  birthYear: 'intake-birth-year',
  phone: 'intake-phone',
  email: 'intake-email',
  address: 'intake-address',
  tickAll: 'intake-tick-all',
  outcomeFirst: 'intake-outcome-complete',
  missingAdd: 'intake-missing-add',
  reasons: 'intake-reasons',
  finishNow: 'intake-finish-now',
  resultNumber: 'intake-result-number',
  note: 'intake-note',
  submit: 'intake-submit',
} as const;

export const docId = (index: number, part: 'received' | 'copy' | 'count') => `intake-doc-${index}-${part}`;
export const missingId = (index: number, part: 'document' | 'reason') => `intake-missing-${index}-${part}`;

export function emptyIntake(unitId: string): IntakeValues {
  return {
    unitId,
    procedure: null,
    caseId: null,
    channel: 'counter',
    applicant: { kind: 'person', fullName: '', idNumber: '', birthYear: '', phone: '', email: '', address: '' },
    documents: [],
    outcome: 'complete',
    missing: null,
    reasons: '',
    finishNow: false,
    resultNumber: '',
    note: '',
  };
}

function copyTypeOf(doc: CatalogueDocument): CopyType {
  if (doc.certifiedCopy) return 'certified_copy';
  return doc.copyType === 'copy' ? 'copy' : 'original';
}

/** The case's document list as an unticked checklist. */
export function checklistOf(procedureCase: ProcedureCase): ChecklistRow[] {
  return procedureCase.documents.map((doc) => ({
    name: doc.name,
    copyType: copyTypeOf(doc),
    count: String(doc.count ?? doc.originalCount ?? doc.copyCount ?? 1),
    required: doc.required,
    conditional: doc.conditional,
    presentOnly: doc.presentOnly,
    received: false,
  }));
}

/** The case in use: the one chosen, or the only one. */
export function chosenCase(detail: ProcedureForIntake | null, caseId: string | null): ProcedureCase | null {
  if (!detail) return null;
  if (detail.cases.length === 1) return detail.cases[0];
  return detail.cases.find((c) => c.id === caseId) ?? null;
}

/** What form 02 lists when the officer has not edited it: every required document not ticked as received. */
export function missingOf(values: IntakeValues, defaultReason: string): MissingItem[] {
  if (values.missing) return values.missing;
  return values.documents.filter((d) => d.required && !d.received).map((d) => ({ document: d.name, reason: defaultReason }));
}

const digitsOnly = (text: string) => text.replace(/[\s.-]/g, '');

export function validPhone(phone: string): boolean {
  return /^(?:\+?84|0)\d{9,10}$/.test(digitsOnly(phone));
}

/** The birth year a 12-digit CCCD encodes (digit 4 = century and sex, digits 5–6 = year). */
export function birthYearOfCitizenId(idNumber: string): number {
  const century = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800][Number(idNumber[3])];
  return century + Number(idNumber.slice(4, 6));
}

function applicantProblems(a: ApplicantValues, thisYear: number): Problem[] {
  const problems: Problem[] = [];
  if (!a.fullName.trim()) problems.push([ids.fullName, a.kind === 'person' ? 'intake.nameMissing' : 'intake.orgNameMissing']);
  const idNumber = a.idNumber.trim();
  const year = a.birthYear.trim();
  const yearOk = /^\d{4}$/.test(year) && Number(year) >= 1900 && Number(year) <= thisYear;
  if (a.kind === 'person' && idNumber && !/^\d{12}$/.test(idNumber)) problems.push([ids.idNumber, 'intake.idNumberInvalid']);
  if (a.kind === 'person' && year && !yearOk) problems.push([ids.birthYear, 'intake.birthYearInvalid']);
  if (a.kind === 'person' && yearOk && /^\d{12}$/.test(idNumber) && birthYearOfCitizenId(idNumber) !== Number(year)) {
    problems.push([ids.birthYear, 'intake.birthYearMismatch']);
  }
  if (a.phone.trim() && !validPhone(a.phone)) problems.push([ids.phone, 'intake.phoneInvalid']);
  if (a.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email.trim())) problems.push([ids.email, 'intake.emailInvalid']);
  return problems;
}

function outcomeProblems(values: IntakeValues, defaultReason: string): Problem[] {
  const problems: Problem[] = [];
  if (values.outcome === 'complete') {
    const first = values.documents.findIndex((d) => d.required && !d.received);
    if (first >= 0) problems.push([docId(first, 'received'), 'intake.requiredNotReceived']);
  }
  if (values.outcome === 'incomplete') {
    const missing = missingOf(values, defaultReason);
    if (!missing.length) problems.push([ids.missingAdd, 'intake.missingEmpty']);
    missing.forEach((item, i) => {
      if (!item.document.trim()) problems.push([missingId(i, 'document'), 'intake.missingDocumentEmpty']);
      if (!item.reason.trim()) problems.push([missingId(i, 'reason'), 'intake.missingReasonEmpty']);
    });
  }
  if (values.outcome === 'refused' && !reasonLines(values.reasons).length) problems.push([ids.reasons, 'intake.reasonsMissing']);
  return problems;
}

export function checkIntake(values: IntakeValues, detail: ProcedureForIntake | null, thisYear: number, defaultReason: string): Problem[] {
  const problems: Problem[] = [];
  if (!values.procedure) problems.push([ids.procedure, 'intake.procedureMissing']);
  else if (detail && !chosenCase(detail, values.caseId)) problems.push([ids.caseFirst, 'intake.caseMissing']);
  problems.push(...applicantProblems(values.applicant, thisYear));
  values.documents.forEach((d, i) => {
    if (!/^\d{1,3}$/.test(d.count.trim()) || Number(d.count) > 100) problems.push([docId(i, 'count'), 'intake.countInvalid']);
  });
  problems.push(...outcomeProblems(values, defaultReason));
  return problems;
}

export const reasonLines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);
const optional = (text: string) => (text.trim() ? text.trim() : null);

export function intakeBody(values: IntakeValues, procedureCase: ProcedureCase, defaultReason: string): IntakeBody {
  const a = values.applicant;
  const person = a.kind === 'person';
  return {
    unitId: values.unitId,
    procedureId: values.procedure!.id,
    caseId: procedureCase.id,
    channel: values.channel,
    applicant: {
      kind: a.kind,
      fullName: a.fullName.trim(),
      idNumber: optional(a.idNumber),
      birthYear: person && a.birthYear.trim() ? Number(a.birthYear.trim()) : null,
      phone: a.phone.trim() ? digitsOnly(a.phone) : null,
      email: optional(a.email),
      address: optional(a.address),
    },
    documents: values.documents.map((d) => ({ name: d.name, copyType: d.copyType, count: Number(d.count), required: d.required, received: d.received })),
    outcome: values.outcome,
    ...(values.outcome === 'incomplete'
      ? { missing: missingOf(values, defaultReason).map((m) => ({ document: m.document.trim(), reason: m.reason.trim() })) }
      : {}),
    ...(values.outcome === 'refused' ? { reasons: reasonLines(values.reasons) } : {}),
    ...(values.outcome === 'complete' && values.finishNow ? { finishNow: { resultNumber: optional(values.resultNumber) } } : {}),
    note: optional(values.note),
  };
}

/** The API's field names (after `body.`) → this form's input ids, for the error summary's links. */
export function apiFieldIds(documentCount: number, missingCount: number): Record<string, string> {
  const map: Record<string, string> = {
    unitId: ids.unit, procedureId: ids.procedure, procedureCode: ids.procedure, caseId: ids.caseFirst, channel: ids.channel,
    'applicant.kind': ids.kind, 'applicant.fullName': ids.fullName, 'applicant.idNumber': ids.idNumber,
    'applicant.birthYear': ids.birthYear, 'applicant.phone': ids.phone, 'applicant.email': ids.email,
    'applicant.address': ids.address, documents: ids.tickAll, missing: ids.missingAdd, reasons: ids.reasons,
    finishNow: ids.finishNow, 'finishNow.resultNumber': ids.resultNumber, note: ids.note,
  };
  for (let i = 0; i < documentCount; i++) map[`documents.${i}.count`] = docId(i, 'count');
  for (let i = 0; i < missingCount; i++) {
    map[`missing.${i}.document`] = missingId(i, 'document');
    map[`missing.${i}.reason`] = missingId(i, 'reason');
  }
  return map;
}
