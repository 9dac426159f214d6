import { Type } from 'typebox';
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/http/schemas.ts';
import { dossierStates } from './domain/states.ts';
import { dossierActions } from './domain/transitions.ts';
import { queues } from './queries.ts';

const Str = (max = 500) => Type.String({ maxLength: max });
const Time = Nullable(Type.String());
const Phrase = Type.Object({ status: Type.String(), vi: Type.String(), en: Type.String() });

export const Applicant = Type.Object({
  kind: StringEnum(['person', 'organisation'] as const),
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  idNumber: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  birthYear: Type.Optional(Nullable(Type.Integer({ minimum: 1900, maximum: 2100 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
  address: Type.Optional(Nullable(Str(500))),
  addressUnitId: Type.Optional(Nullable(Uuid)),
}, { additionalProperties: false });

export const IntakeBody = Type.Object({
  unitId: Uuid,
  procedureId: Type.Optional(Uuid),
  procedureCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  caseId: Type.Optional(Uuid),
  channel: StringEnum(['counter', 'post', 'online'] as const),
  applicant: Applicant,
  documents: Type.Array(Type.Object({
    name: Type.String({ minLength: 1, maxLength: 1000 }),
    copyType: Type.Optional(Nullable(StringEnum(['original', 'copy', 'certified_copy', 'either'] as const))),
    count: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    required: Type.Optional(Type.Boolean()),
    received: Type.Boolean(),
    fileId: Type.Optional(Nullable(Uuid)),
    note: Type.Optional(Nullable(Str(500))),
  }, { additionalProperties: false }), { maxItems: 100 }),
  outcome: StringEnum(['complete', 'incomplete', 'refused'] as const),
  missing: Type.Optional(Type.Array(Type.Object({ document: Type.String({ minLength: 1, maxLength: 1000 }), reason: Type.String({ minLength: 1, maxLength: 1000 }) }), { maxItems: 100 })),
  reasons: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { maxItems: 20 })),
  finishNow: Type.Optional(Nullable(Type.Object({ resultNumber: Type.Optional(Nullable(Str(100))), note: Type.Optional(Nullable(Str(1000))) }))),
  note: Type.Optional(Nullable(Str(2000))),
  submittedAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
}, { additionalProperties: false });

export const IntakeResult = Type.Object({
  id: Uuid,
  code: Nullable(Type.String()),
  lookupSecret: Nullable(Type.String()),
  state: Type.String(),
  replayed: Type.Boolean(),
  dueAt: Nullable(Type.String()),
  appointmentAt: Nullable(Type.String()),
});

export const ActionBody = Type.Object({
  action: StringEnum(dossierActions),
  version: Type.Integer({ minimum: 1 }),
  note: Type.Optional(Nullable(Str(2000))),
  toStep: Type.Optional(Type.String({ maxLength: 100 })),
  assigneeId: Type.Optional(Nullable(Uuid)),
  reason: Type.Optional(Str(2000)),
  reasons: Type.Optional(Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 20 })),
  applicantDeadline: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  newAppointmentAt: Type.Optional(Type.String({ format: 'date-time' })),
  items: Type.Optional(Type.Array(Type.Object({ document: Type.String({ minLength: 1, maxLength: 1000 }), reason: Type.String({ minLength: 1, maxLength: 1000 }) }), { maxItems: 100 })),
  result: Type.Optional(Type.Object({
    number: Type.Optional(Nullable(Str(100))), signedOn: Type.Optional(Nullable(IsoDate)), signer: Type.Optional(Nullable(Str(200))), fileId: Type.Optional(Nullable(Uuid)),
  }, { additionalProperties: false })),
  correction: Type.Optional(Type.Object({
    applicant: Type.Optional(Type.Partial(Applicant)),
    dueAt: Type.Optional(Type.String({ format: 'date-time' })),
    procedureCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    caseId: Type.Optional(Uuid),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

export const ListItem = Type.Object({
  id: Uuid, code: Nullable(Type.String()), unitId: Uuid, procedureCode: Type.String(), procedureName: Type.String(),
  channel: Type.String(), state: StringEnum(dossierStates), stateLabel: Type.String(), stateLabelEn: Type.String(), nationalStatus: Type.Integer(),
  applicantName: Type.String(), submittedAt: Time, receivedAt: Time, dueAt: Time, appointmentAt: Time, finishedAt: Time, returnedAt: Time,
  assigneeId: Nullable(Uuid), stepKey: Nullable(Type.String()), version: Type.Integer(), deadline: Nullable(Phrase),
}, { $id: 'DossierListItem' });

export const ListQuery = Type.Object({
  unitId: Type.Optional(Uuid),
  queue: Type.Optional(StringEnum(queues)),
  status: Type.Optional(StringEnum(dossierStates)),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

const Event = Type.Object({
  id: Type.Integer(), at: Type.String(), actorName: Type.String(), action: Type.String(), actionLabel: Type.String(), actionLabelEn: Type.String(),
  stepNameEn: Nullable(Type.String()),
  fromState: Nullable(Type.String()), toState: Type.String(), fromStep: Nullable(Type.String()), toStep: Nullable(Type.String()),
  stepName: Nullable(Type.String()), stepDeadline: Time, dueAt: Time, note: Nullable(Type.String()), data: Type.Unknown(),
});

export const Detail = Type.Object({
  ...ListItem.properties,
  unitName: Type.String(),
  field: Nullable(Type.String()),
  procedureId: Uuid,
  caseId: Nullable(Uuid),
  workflowVersionId: Nullable(Uuid),
  duration: Type.Object({ kind: Type.String(), amount: Nullable(Type.Number()) }),
  applicant: Type.Object({
    kind: Type.String(), fullName: Type.String(), idNumber: Nullable(Type.String()), birthYear: Nullable(Type.Integer()),
    phone: Nullable(Type.String()), email: Nullable(Type.String()), address: Nullable(Type.String()),
  }),
  lookupSecret: Nullable(Type.String()),
  calendarRuleVersion: Nullable(Type.String()),
  classification: Nullable(Type.String()),
  supplementRoundCount: Type.Integer(),
  apologyCount: Type.Integer(),
  fees: Type.Object({ total: Type.Number(), paid: Type.Number(), gate: Type.Boolean() }),
  result: Type.Object({ number: Nullable(Type.String()), signedOn: Nullable(Type.String()), signer: Nullable(Type.String()), fileId: Nullable(Uuid) }),
  step: Nullable(Type.Object({
    key: Type.String(), name: Type.String(), nameEn: Type.String(), role: Type.String(), final: Type.Boolean(),
    next: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), role: Nullable(Type.String()) })),
  })),
  receiptIssue: Type.Integer(),
  documents: Type.Array(Type.Object({
    id: Uuid, name: Type.String(), copyType: Nullable(Type.String()), count: Type.Integer(), required: Type.Boolean(), received: Type.Boolean(), fileId: Nullable(Uuid), note: Nullable(Type.String()),
  })),
  timeline: Type.Array(Event),
  supplementRounds: Type.Array(Type.Object({
    id: Uuid, stage: Type.String(), requestedAt: Type.String(), reason: Type.String(), items: Type.Unknown(),
    applicantDeadline: Time, completedAt: Time, oldDueAt: Time, newDueAt: Time,
  })),
  payments: Type.Array(Type.Object({
    id: Uuid, amount: Type.Number(), method: Type.String(), receiptNumber: Nullable(Type.String()), paidAt: Type.String(), refundedAt: Time, refundAmount: Nullable(Type.Number()),
  })),
  availableActions: Type.Array(Type.Object({ action: Type.String(), label: Type.String(), labelEn: Type.String() })),
});
