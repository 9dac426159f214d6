// Request and response schemas of the reports API (TypeBox; they also feed OpenAPI).
import { Type, type Static } from 'typebox';
import { IsoDate, Nullable, StringEnum, Uuid } from '../../platform/http/schemas.ts';
import { groupings } from './domain/table06.ts';

export const ScopeQuery = {
  unitId: Type.Optional(Type.String({ format: 'uuid', description: 'The unit; everything below it is included. Default: your own reach.' })),
  from: Type.Optional(Type.String({ format: 'date', description: 'First day, inclusive (YYYY-MM-DD, in Vietnam). With `to`; overrides `period`.' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Last day, inclusive.' })),
  period: Type.Optional(Type.String({ maxLength: 10, description: 'Instead of from/to: 2026, 2026-H1, 2026-9M, 2026-Q1 or 2026-03. Default: the current year.' })),
  convention: Type.Optional(StringEnum(['calendar', 'cutoff'] as const, {
    description: 'Where periods start: calendar months, or the official cut-off (from the 15th of the month before). Default: the unit\'s setting.',
  })),
  cutoffDay: Type.Optional(Type.Integer({ minimum: 2, maximum: 28, description: 'Cut-off day for convention=cutoff (default 15).' })),
};

export const SummaryQuery = Type.Object({
  ...ScopeQuery,
  compare: Type.Optional(Type.Boolean({ description: 'Add the previous period and the same period last year.' })),
});

export const TableQuery = Type.Object({
  ...ScopeQuery,
  groupBy: Type.Optional(StringEnum(groupings, { default: 'field', description: 'Rows per field, per procedure or per sub-unit.' })),
  format: Type.Optional(StringEnum(['json', 'xlsx', 'pdf', 'csv'] as const, { default: 'json' })),
});

export const NarrativeQuery = Type.Object({
  ...ScopeQuery,
  format: Type.Optional(StringEnum(['text', 'docx', 'pdf'] as const, { default: 'text' })),
});

/** The written report: plain text, or a DOCX or PDF file. */
export const NarrativeFile = Type.Unsafe<string | Buffer>({ type: 'string', format: 'binary', description: 'text/plain, DOCX or PDF' });

export const PlainScopeQuery = Type.Object(ScopeQuery);

const RateSchema = Type.Object({
  value: Nullable(Type.Number({ description: 'numerator ÷ denominator (0–1); null when the denominator is 0' })),
  numerator: Type.Integer(),
  denominator: Type.Integer(),
});

const FiguresProperties = {
  received: Type.Object({
    total: Type.Integer({ description: 'New in the period = online + inPersonOrPost (carried over counted apart)' }),
    carriedOver: Type.Integer({ description: 'Received before the period and still open at its start' }),
    online: Type.Integer(),
    inPersonOrPost: Type.Integer(),
  }),
  resolved: Type.Object({ total: Type.Integer(), early: Type.Integer(), onTime: Type.Integer(), late: Type.Integer() }),
  inProgress: Type.Object({ total: Type.Integer(), withinDeadline: Type.Integer(), overdue: Type.Integer() }),
  withdrawn: Type.Integer(),
  stopped: Type.Integer(),
};

export const Figures = Type.Object(FiguresProperties);

const IndicatorProperties = {
  ...FiguresProperties,
  rates: Type.Object({
    onTime: RateSchema,
    firstTimeAcceptance: RateSchema,
    supplement: RateSchema,
    return: RateSchema,
    online: RateSchema,
    satisfaction: RateSchema,
  }),
  questions: Type.Object({ received: Type.Integer(), answered: Type.Integer() }),
  ratings: Type.Object({ count: Type.Integer(), satisfied: Type.Integer() }),
  intake: Type.Object({ incomplete: Type.Integer({ description: 'Supplement requested at the counter' }), refused: Type.Integer({ description: 'Refused at the counter' }) }),
  averageProcessingDays: Nullable(Type.Number({ description: 'Working days from the clock start to finishing, over the resolved' })),
};

const SummaryProperties = {
  unitId: Uuid,
  from: IsoDate,
  to: IsoDate,
  asOf: Type.String({ format: 'date', description: 'The day in-progress and overdue are counted on: `to`, or today while the period runs.' }),
  ...IndicatorProperties,
};

export const Summary = Type.Object(SummaryProperties);

const Compared = Type.Object({ from: IsoDate, to: IsoDate, label: Type.String(), summary: Type.Object(IndicatorProperties) });

export const SummaryResponse = Type.Object({
  ...SummaryProperties,
  comparison: Type.Optional(Type.Object({ previous: Compared, sameLastYear: Compared })),
});

export const TableResponse = Type.Object({
  unitId: Uuid,
  unitName: Type.String(),
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate,
  label: Type.String(),
  groupBy: StringEnum(groupings),
  rows: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), code: Type.Optional(Nullable(Type.String())), ...FiguresProperties })),
  total: Figures,
});

const PeriodInfo = Type.Object({
  from: IsoDate, to: IsoDate, asOf: IsoDate, label: Type.String(), labelEn: Type.String(), code: Nullable(Type.String()),
  convention: StringEnum(['calendar', 'cutoff'] as const), cutoffDay: Type.Integer(),
});

const UnitRef = Type.Object({ id: Uuid, name: Type.String(), fullName: Type.String(), kind: Type.String() });

export const DashboardResponse = Type.Object({
  unit: UnitRef,
  breadcrumbs: Type.Array(UnitRef, { description: 'Units above this one that you may also open, top first' }),
  period: PeriodInfo,
  summary: Summary,
  comparison: Type.Object({ previous: Compared, sameLastYear: Compared }),
  months: Type.Array(Type.Object({
    month: IsoDate,
    received: Type.Object({ online: Type.Integer(), inPersonOrPost: Type.Integer() }),
    resolved: Type.Object({ early: Type.Integer(), onTime: Type.Integer(), late: Type.Integer() }),
    ratings: Type.Object({ count: Type.Integer(), satisfied: Type.Integer() }),
  })),
  subUnits: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), drillable: Type.Boolean(), ...FiguresProperties })),
});

const EvaluationEntry = Type.Object({
  id: Type.String(),
  name: Type.String(),
  dossiers: Type.Integer(),
  score: Nullable(Type.Number({ description: 'On the full scale (10 for officials, 18 for units), one decimal' })),
  max: Type.Integer(),
  measuredScore: Type.Number(),
  measuredMax: Type.Integer(),
  classification: Nullable(Type.String()),
  classificationVi: Nullable(Type.String()),
  indices: Type.Array(Type.Object({ key: Type.String(), vi: Type.String(), en: Type.String(), score: Nullable(Type.Number()), dossiers: Type.Integer() })),
});

export const EvaluationResponse = Type.Object({
  unitId: Uuid, from: IsoDate, to: IsoDate,
  unit: EvaluationEntry,
  subUnits: Type.Array(EvaluationEntry),
  officials: Type.Array(EvaluationEntry),
});

export const ServiceIndexResponse = Type.Object({
  unitId: Uuid, from: IsoDate, to: IsoDate,
  scheme: Type.String(),
  total: Type.Number(),
  measuredMax: Type.Number(),
  max: Type.Number(),
  onlineTarget: Type.Number(),
  groups: Type.Array(Type.Object({
    key: Type.String(), labelVi: Type.String(), labelEn: Type.String(), maxPoints: Type.Number(), expression: Type.String(),
    points: Nullable(Type.Number()),
  })),
});

export const Formula = Type.Object({
  scheme: Type.String(), key: Type.String(), labelVi: Type.String(), labelEn: Type.String(), maxPoints: Type.Number(),
  expression: Type.String(), position: Type.Integer(), version: Type.Integer(),
});

export const FormulaList = Type.Object({
  items: Type.Array(Formula),
  indicators: Type.Array(Type.Object({ name: Type.String(), vi: Type.String(), en: Type.String() })),
  functions: Type.Array(Type.String()),
});

export const FormulaParams = Type.Object({ scheme: Type.String({ maxLength: 40 }), key: Type.String({ maxLength: 40 }) });

export const FormulaBody = Type.Object({
  expression: Type.String({ maxLength: 1000, description: 'Empty: not measured. Names from `indicators`, numbers, + - * /, comparisons, functions.' }),
  maxPoints: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
  version: Type.Integer({ minimum: 1 }),
});

export const SettingsQuery = Type.Object({ unitId: Type.Optional(Type.String({ format: 'uuid' })) });

export const Settings = Type.Object({
  unitId: Uuid,
  /** The unit whose row applies (this one or an ancestor); null = the defaults. */
  inheritedFrom: Nullable(Uuid),
  periodConvention: StringEnum(['calendar', 'cutoff'] as const),
  cutoffDay: Type.Integer(),
  onlineTarget: Type.Number(),
  version: Nullable(Type.Integer({ description: 'Version of this unit\'s own row; null when it has none yet' })),
});

export const SettingsBody = Type.Object({
  unitId: Uuid,
  periodConvention: StringEnum(['calendar', 'cutoff'] as const),
  cutoffDay: Type.Integer({ minimum: 2, maximum: 28 }),
  onlineTarget: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
  version: Nullable(Type.Integer({ minimum: 1, description: 'The version you read; null to create the unit\'s first row' })),
});

export type ScopeQueryType = Static<typeof PlainScopeQuery>;
