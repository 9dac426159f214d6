import { Type } from 'typebox';
import { DateTime, Nullable, StringEnum, Uuid } from '../../../platform/http/schemas.ts';

// Draft answers are saved as typed, half-finished ones included: the limits here are sizes, not correctness,
// which is checked on submit (model.ts).

const Text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

export const DraftDataSchema = Type.Object({
  unitId: Type.Optional(Nullable(Uuid)),
  caseKey: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  applicant: Type.Optional(Type.Object({
    kind: Type.Optional(StringEnum(['person', 'organisation'] as const)),
    fullName: Text(200),
    idNumber: Text(20),
    birthYear: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 3000 }))),
    address: Text(500),
  }, { additionalProperties: false })),
  contact: Type.Optional(Type.Object({ phone: Text(20), email: Text(200) }, { additionalProperties: false })),
  documents: Type.Optional(Type.Array(Type.Object({ name: Type.String({ maxLength: 2000 }), fileId: Nullable(Uuid) }, { additionalProperties: false }), { maxItems: 100 })),
  step: Text(40),
}, { additionalProperties: false, $id: 'DraftData' });

export const DraftFileSchema = Type.Object({
  id: Uuid, name: Type.String(), size: Type.Integer(), mediaType: Type.String(), url: Type.String({ description: 'Signed download link, valid 30 minutes' }),
}, { $id: 'DraftFile' });

export const DraftSchema = Type.Object({
  id: Uuid,
  procedureCode: Nullable(Type.String()),
  version: Type.Integer(),
  data: Type.Ref('DraftData'),
  files: Type.Array(Type.Ref('DraftFile')),
  updatedAt: DateTime,
  expiresAt: DateTime,
  submitted: Nullable(Type.Object({ reference: Type.String(), dossierId: Uuid, submittedAt: DateTime })),
  token: Type.Optional(Type.String({ description: 'Only when the draft is created: keep it, send it as X-Draft-Token' })),
}, { $id: 'Draft' });

export const SubmitResultSchema = Type.Object({
  reference: Type.String({ description: 'Submission reference, e.g. TT-260302-7KQ4MZ' }),
  dossierId: Uuid,
  code: Nullable(Type.String({ description: 'Dossier code: null until the desk accepts the submission' })),
  secret: Nullable(Type.String({ description: 'Lookup secret (second factor of every lookup)' })),
  state: Type.String(),
  replayed: Type.Boolean(),
});
