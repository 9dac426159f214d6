// TypeBox schemas of the catalogue API: they validate requests, shape responses and feed OpenAPI.

import { Type, type TSchema } from 'typebox';
import { roles } from '../../access/roles.ts';
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/http/schemas.ts';
import { unitKinds } from '../../units/kinds.ts';
import { workflowActions } from './workflow/types.ts';

export const durationKinds = ['working_days', 'working_hours', 'calendar_days', 'same_day'] as const;
export const procedureLevels = ['ministry', 'province', 'commune', 'other'] as const;
export const onlineLevels = ['full', 'partial', 'unknown'] as const;
export const channels = ['in_person', 'post', 'online'] as const;
const copyTypes = ['original', 'copy', 'either'] as const;
const feeStatuses = ['amount', 'free', 'not_given', 'foreign_currency', 'suspect', 'unrecognised'] as const;
const timeStatuses = ['parsed', 'unit_missing', 'not_given', 'not_applicable', 'unrecognised'] as const;

const Text = (maxLength: number) => Type.String({ maxLength });
const OptionalText = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));
const obj = <T extends Record<string, TSchema>>(properties: T, $id?: string) =>
  Type.Object(properties, { additionalProperties: false, ...($id ? { $id } : {}) });

export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 50 }) });
export const CaseParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 50 }), key: Uuid });
export const UnitParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 50 }), unitId: Uuid });
export const VersionQuery = Type.Object({ version: Type.Integer({ minimum: 1 }) });

export const ProcessingTimeSchema = obj({
  amount: Type.Number({ minimum: 0, maximum: 3650, description: '0 for same_day; half working days allowed' }),
  kind: StringEnum(durationKinds),
});

// ---------------------------------------------------------------------------------------------------------------
// Input

export const DocumentBody = obj({
  name: Type.String({ minLength: 1, maxLength: 2000 }),
  copyType: Type.Optional(Nullable(StringEnum(copyTypes))),
  count: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
  certifiedCopy: Type.Optional(Type.Boolean()),
  required: Type.Optional(Type.Boolean({ default: true })),
  conditional: Type.Optional(Type.Boolean()),
  presentOnly: Type.Optional(Type.Boolean({ description: 'Shown at the desk, not handed in' })),
  group: OptionalText(500),
  formFile: OptionalText(500),
});

export const FeeBody = obj({
  name: OptionalText(200),
  amountVnd: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }))),
  free: Type.Optional(Type.Boolean({ description: 'Miễn phí; the amount is then 0' })),
  per: OptionalText(200),
  onlineDiscountPercent: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 100 }))),
  note: OptionalText(2000),
});

export const CaseBody = obj({
  name: OptionalText(500),
  processingTime: Type.Optional(Nullable(ProcessingTimeSchema)),
  processingText: OptionalText(1000),
  workflowId: Type.Optional(Nullable(Uuid)),
  documents: Type.Optional(Type.Array(DocumentBody, { maxItems: 200 })),
  fees: Type.Optional(Type.Array(FeeBody, { maxItems: 20 })),
});

const contentFields = {
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  field: OptionalText(300),
  levels: Type.Optional(Type.Array(StringEnum(procedureLevels), { maxItems: 4, uniqueItems: true })),
  procedureType: OptionalText(300),
  implementingBody: OptionalText(2000),
  competentAuthority: OptionalText(2000),
  legalBasis: Type.Optional(Type.Array(obj({ title: Text(2000), number: Nullable(Text(100)) }), { maxItems: 200 })),
  results: Type.Optional(Type.Array(obj({ name: Text(1000), code: Nullable(Text(100)) }), { maxItems: 50 })),
  subjects: Type.Optional(Type.Array(Text(500), { maxItems: 50 })),
  conditions: OptionalText(20000),
  steps: OptionalText(50000),
  receivingAddress: OptionalText(2000),
  channels: Type.Optional(Type.Array(StringEnum(channels), { maxItems: 3, uniqueItems: true })),
  onlineLevel: Type.Optional(StringEnum(onlineLevels)),
  onlineLevelReason: OptionalText(2000),
  onTheSpot: Type.Optional(Type.Boolean()),
  decisionNumber: OptionalText(100),
};

export const CreateProcedureBody = obj({
  code: Type.String({ pattern: '^[0-9A-Za-z][0-9A-Za-z._-]{0,49}$', description: 'National code (e.g. 1.001193) or the province’s own' }),
  ownerUnitId: Type.Optional(Nullable(Uuid)),
  ...contentFields,
  name: Type.String({ minLength: 1, maxLength: 1000 }),
  cases: Type.Optional(Type.Array(CaseBody, { maxItems: 50 })),
});

export const UpdateProcedureBody = obj({ version: Type.Integer({ minimum: 1 }), ...contentFields });
export const NewCaseBody = obj({ version: Type.Integer({ minimum: 1 }), ...CaseBody.properties });
export const VersionBody = obj({ version: Type.Integer({ minimum: 1 }) });
export const PublishBody = obj({
  version: Type.Integer({ minimum: 1 }),
  effectiveFrom: Type.Optional(IsoDate),
  decisionNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});
export const AbolishBody = obj({
  version: Type.Integer({ minimum: 1 }),
  abolishedOn: IsoDate,
  decisionNumber: Type.String({ minLength: 1, maxLength: 100 }),
});
export const OfferingBody = obj({
  includeDescendants: Type.Optional(Type.Boolean({ default: false })),
  regardlessOfBoundary: Type.Optional(Type.Boolean({ default: false })),
});

// ---------------------------------------------------------------------------------------------------------------
// Output

const ProcessingTimeLabelled = Type.Object({ amount: Type.Number(), kind: StringEnum(durationKinds), label: Type.String() });

export const ProcedureListItemSchema = Type.Object({
  id: Uuid,
  code: Type.String(),
  versionId: Uuid,
  name: Type.String(),
  field: Nullable(Type.String()),
  level: Nullable(Type.String({ description: 'As published, e.g. "Cấp xã"' })),
  levels: Type.Array(StringEnum(procedureLevels)),
  onlineLevel: StringEnum(onlineLevels),
  onTheSpot: Type.Boolean(),
  processingTime: Nullable(Type.Object({
    amount: Type.Number(), kind: StringEnum(durationKinds), label: Type.String(),
    variesByCase: Type.Boolean({ description: 'Cases differ; this is the first case’s time' }),
  })),
}, { $id: 'ProcedureListItem' });

const DocumentOut = Type.Object({
  name: Type.String(), copyType: Nullable(StringEnum(copyTypes)), count: Nullable(Type.Integer()),
  originalCount: Nullable(Type.Integer()), copyCount: Nullable(Type.Integer()), certifiedCopy: Type.Boolean(),
  required: Type.Boolean(), conditional: Type.Boolean(), presentOnly: Type.Boolean(), group: Nullable(Type.String()),
  formFile: Nullable(Type.String()), quantityText: Nullable(Type.String()), sourceText: Nullable(Type.String()),
});

const FeeOut = Type.Object({
  name: Nullable(Type.String()), status: StringEnum(feeStatuses), amountVnd: Nullable(Type.Integer()), free: Type.Boolean(),
  per: Nullable(Type.String()), onlineDiscountPercent: Nullable(Type.Number()),
  foreignAmount: Nullable(Type.Object({ amount: Type.Number(), currency: Type.String() })),
  suggestedAmountVnd: Nullable(Type.Integer()), note: Nullable(Type.String()), feeText: Nullable(Type.String()),
});

export const WorkflowStepSchema = obj({
  key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  nameEn: Type.String({ maxLength: 300 }),
  role: StringEnum(roles),
  unitKind: Nullable(StringEnum(unitKinds)),
  unitId: Nullable(Uuid),
  share: Type.Number({ minimum: 0, maximum: 100, description: 'Percent of the processing time' }),
  actions: Type.Array(StringEnum(workflowActions), { maxItems: 5, uniqueItems: true }),
  next: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
  final: Type.Boolean(),
}, 'WorkflowStep');

const CaseOut = Type.Object({
  id: Uuid,
  key: Uuid,
  name: Nullable(Type.String()),
  processingTime: Nullable(ProcessingTimeLabelled),
  processingText: Nullable(Type.String({ description: 'The text the time was read from' })),
  processingRule: Nullable(Type.String()),
  needsReview: Type.Boolean(),
  workflow: Nullable(Type.Object({
    id: Uuid, name: Type.String(), versionId: Uuid, versionNumber: Type.Integer(), isDefault: Type.Boolean(),
    steps: Type.Array(Type.Ref('WorkflowStep')),
  })),
  documents: Type.Array(DocumentOut),
  fees: Type.Array(FeeOut),
});

const ChannelOptionOut = Type.Object({
  channel: StringEnum(channels),
  channelText: Type.String(),
  timeStatus: StringEnum(timeStatuses),
  processingTime: Nullable(Type.Object({ amount: Type.Number(), kind: StringEnum(durationKinds) })),
  timeText: Type.String(),
  fee: Type.Object({
    status: StringEnum(feeStatuses), amountVnd: Nullable(Type.Integer()), per: Nullable(Type.String()),
    note: Nullable(Type.String()), feeText: Type.String(),
  }),
  note: Nullable(Type.String()),
});

export const ProcedureDetailSchema = Type.Object({
  id: Uuid,
  code: Type.String(),
  ownerUnitId: Nullable(Uuid),
  status: StringEnum(['draft', 'published', 'abolished'] as const),
  abolishedOn: Nullable(Type.String()),
  abolishDecisionNumber: Nullable(Type.String()),
  version: Type.Integer({ description: 'Send it back with any change' }),
  versionId: Uuid,
  versionNumber: Type.Integer(),
  versionStatus: StringEnum(['draft', 'published'] as const),
  effectiveFrom: Nullable(Type.String()),
  effectiveTo: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  name: Type.String(),
  field: Nullable(Type.String()),
  level: Nullable(Type.String()),
  levels: Type.Array(StringEnum(procedureLevels)),
  levelText: Nullable(Type.String()),
  procedureType: Nullable(Type.String()),
  implementingBody: Nullable(Type.String()),
  competentAuthority: Nullable(Type.String()),
  legalBasis: Type.Array(Type.Object({ title: Type.String(), number: Nullable(Type.String()) })),
  results: Type.Array(Type.Object({ name: Type.String(), code: Nullable(Type.String()) })),
  subjects: Type.Array(Type.String()),
  conditions: Nullable(Type.String()),
  steps: Nullable(Type.String()),
  receivingAddress: Nullable(Type.String()),
  channels: Type.Array(StringEnum(channels)),
  channelOptions: Type.Array(ChannelOptionOut),
  onlineLevel: StringEnum(onlineLevels),
  onlineLevelReason: Nullable(Type.String()),
  onTheSpot: Type.Boolean(),
  decisionNumber: Nullable(Type.String()),
  sourceUrl: Nullable(Type.String()),
  cases: Type.Array(CaseOut),
  whereToSubmit: Type.Array(Type.Object({
    unitId: Uuid, unitName: Type.String(), unitKind: Type.String(), includeDescendants: Type.Boolean(),
    regardlessOfBoundary: Type.Boolean(),
  })),
  hasDraft: Type.Boolean(),
  abilities: Type.Object({ manage: Type.Boolean() }),
}, { $id: 'ProcedureDetail' });

export const VersionSummarySchema = Type.Object({
  id: Uuid, number: Type.Integer(), status: StringEnum(['draft', 'published'] as const), name: Type.String(),
  effectiveFrom: Nullable(Type.String()), effectiveTo: Nullable(Type.String()), decisionNumber: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
});

export const WorkflowDefinitionSchema = obj({ steps: Type.Array(Type.Ref('WorkflowStep'), { minItems: 1, maxItems: 30 }) });

export const WorkflowSchema = Type.Object({
  id: Uuid, name: Type.String(), ownerUnitId: Nullable(Uuid),
  defaultFor: Nullable(StringEnum(['standard', 'on_the_spot'] as const)),
  version: Type.Integer(), currentVersionId: Nullable(Uuid), draftVersionId: Nullable(Uuid),
}, { $id: 'Workflow' });

export const WorkflowVersionSchema = Type.Object({
  id: Uuid, workflowId: Uuid, workflowName: Type.String(), number: Type.Integer(),
  status: StringEnum(['draft', 'published'] as const), publishedAt: Nullable(Type.String()),
  definition: Type.Object({ steps: Type.Array(Type.Ref('WorkflowStep')) }),
}, { $id: 'WorkflowVersion' });

const PublishProblemSchema = Type.Object({ field: Type.String(), message: Type.String(), messageVi: Type.String() });

export const ImportResultSchema = Type.Object({
  summary: Type.Object({
    created: Type.Integer(), newVersions: Type.Integer(), unchanged: Type.Integer(), flagged: Type.Integer(),
    published: Type.Integer(), offeringsAdded: Type.Integer(),
    notPublished: Type.Array(Type.Object({ code: Type.String(), problems: Type.Array(PublishProblemSchema) })),
    skipped: Type.Array(Type.Object({ code: Type.String(), reason: Type.String(), reasonVi: Type.String() })),
  }),
  format: StringEnum(['catalogue', 'csv', 'xlsx'] as const),
  /** The parser's report: counts and every item to review (catalogue), or the template's row errors. */
  report: Type.Unknown(),
  reportText: Type.String(),
});
