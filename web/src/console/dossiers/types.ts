// Shapes of the dossier and catalogue API as the console's dossier pages use them (see /api/openapi.json).
// Kept here rather than in api-types.ts: only these pages read them.

export const dossierStates = [
  'submitted_online', 'received', 'in_progress', 'supplement_requested', 'paused_financial', 'result_ready', 'returned',
  'refused', 'withdrawn', 'stopped', 'intake_incomplete', 'intake_refused',
] as const;
export type DossierState = (typeof dossierStates)[number];

export const dossierActions = [
  'accept_online', 'request_intake_supplement', 'refuse_intake',
  'forward', 'return_previous', 'request_supplement', 'complete_supplement',
  'pause_financial', 'resume', 'approve', 'refuse', 'apologize',
  'record_result', 'return_result', 'withdraw', 'stop', 'correct_intake',
] as const;
export type DossierAction = (typeof dossierActions)[number];

/** The work queues, in the order the console shows them ('all' last). */
export const queueNames = [
  'mine', 'due_soon', 'overdue', 'waiting_supplement', 'ready_to_return', 'submitted_online', 'unassigned', 'all',
] as const;
export type QueueName = (typeof queueNames)[number];
export type QueueCounts = Partial<Record<Exclude<QueueName, 'all'>, number>>;

export interface DeadlinePhrase {
  status: string;
  vi: string;
  en: string;
}

export interface DossierListItem {
  id: string;
  code: string | null;
  unitId: string;
  procedureCode: string;
  procedureName: string;
  channel: string;
  state: DossierState;
  stateLabel: string;
  stateLabelEn: string;
  nationalStatus: number;
  applicantName: string;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  appointmentAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  assigneeId: string | null;
  stepKey: string | null;
  version: number;
  deadline: DeadlinePhrase | null;
}

export interface MissingItem {
  document: string;
  reason: string;
}

export interface TimelineEvent {
  id: number;
  at: string;
  actorName: string;
  action: string;
  actionLabel: string;
  fromState: string | null;
  toState: string;
  fromStep: string | null;
  toStep: string | null;
  stepName: string | null;
  stepDeadline: string | null;
  dueAt: string | null;
  note: string | null;
  data: unknown;
}

export interface DossierStep {
  key: string;
  name: string;
  nameEn: string;
  role: string;
  final: boolean;
  next: Array<{ key: string; name: string; role: string | null }>;
}

export interface DossierDetail extends DossierListItem {
  unitName: string;
  field: string | null;
  procedureId: string;
  caseId: string | null;
  duration: { kind: string; amount: number | null };
  applicant: {
    kind: string;
    fullName: string;
    idNumber: string | null;
    birthYear: number | null;
    phone: string | null;
    email: string | null;
    address: string | null;
  };
  lookupSecret: string | null;
  calendarRuleVersion: string | null;
  classification: string | null;
  supplementRoundCount: number;
  apologyCount: number;
  fees: { total: number; paid: number; gate: boolean };
  result: { number: string | null; signedOn: string | null; signer: string | null; fileId: string | null };
  step: DossierStep | null;
  receiptIssue: number;
  documents: Array<{
    id: string; name: string; copyType: string | null; count: number; required: boolean; received: boolean; fileId: string | null; note: string | null;
  }>;
  timeline: TimelineEvent[];
  supplementRounds: Array<{
    id: string; stage: string; requestedAt: string; reason: string; items: unknown; applicantDeadline: string | null;
    completedAt: string | null; oldDueAt: string | null; newDueAt: string | null;
  }>;
  payments: Array<{
    id: string; amount: number; method: string; receiptNumber: string | null; paidAt: string; refundedAt: string | null; refundAmount: number | null;
  }>;
  availableActions: Array<{ action: string; label: string; labelEn: string }>;
}

/** The body of `POST /api/v1/dossiers/{id}/actions`. */
export interface ActionBody {
  action: DossierAction;
  version: number;
  note?: string | null;
  toStep?: string;
  reason?: string;
  reasons?: string[];
  applicantDeadline?: string | null;
  newAppointmentAt?: string;
  items?: MissingItem[];
  result?: { number?: string | null; signedOn?: string | null; signer?: string | null };
  correction?: {
    applicant?: { fullName?: string; idNumber?: string | null; birthYear?: number | null; phone?: string | null; email?: string | null; address?: string | null };
    dueAt?: string;
  };
}

// --- Catalogue (procedure search and the chosen procedure's cases) -------------------------------------------

export interface ProcedureOption {
  id: string;
  code: string;
  name: string;
  field: string | null;
  onTheSpot: boolean;
  processingTime: { amount: number; kind: string; label: string; variesByCase: boolean } | null;
}

export interface CatalogueDocument {
  name: string;
  copyType: 'original' | 'copy' | 'either' | null;
  count: number | null;
  originalCount: number | null;
  copyCount: number | null;
  certifiedCopy: boolean;
  required: boolean;
  conditional: boolean;
  presentOnly: boolean;
  group: string | null;
}

export interface CatalogueFee {
  name: string | null;
  status: string;
  amountVnd: number | null;
  free: boolean;
  per: string | null;
  note: string | null;
  feeText: string | null;
}

export interface ProcedureCase {
  id: string;
  key: string;
  name: string | null;
  processingTime: { amount: number; kind: string; label: string } | null;
  documents: CatalogueDocument[];
  fees: CatalogueFee[];
}

export interface ProcedureForIntake {
  id: string;
  code: string;
  name: string;
  field: string | null;
  onTheSpot: boolean;
  cases: ProcedureCase[];
}

// --- Intake -----------------------------------------------------------------------------------------------------

export type CopyType = 'original' | 'copy' | 'certified_copy';
export type IntakeOutcome = 'complete' | 'incomplete' | 'refused';

export interface IntakeBody {
  unitId: string;
  procedureId: string;
  caseId: string;
  channel: 'counter' | 'post';
  applicant: {
    kind: 'person' | 'organisation';
    fullName: string;
    idNumber: string | null;
    birthYear: number | null;
    phone: string | null;
    email: string | null;
    address: string | null;
  };
  documents: Array<{ name: string; copyType: CopyType; count: number; required: boolean; received: boolean }>;
  outcome: IntakeOutcome;
  missing?: MissingItem[];
  reasons?: string[];
  finishNow?: { resultNumber: string | null } | null;
  note: string | null;
}

export interface IntakeResult {
  id: string;
  code: string | null;
  lookupSecret: string | null;
  state: string;
  replayed: boolean;
}
