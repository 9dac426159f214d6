// Shapes of the catalogue API (src/modules/catalog/schemas.ts), kept by hand like api-types.ts. The portal's
// catalogue page reads the list item and field counts from here too.
import type { Role, UnitKind } from '../../api-types.ts';

export const procedureLevels = ['commune', 'province', 'ministry', 'other'] as const;
export type ProcedureLevel = (typeof procedureLevels)[number];
export const onlineLevels = ['full', 'partial', 'unknown'] as const;
export type OnlineLevel = (typeof onlineLevels)[number];
export const channels = ['in_person', 'post', 'online'] as const;
export type Channel = (typeof channels)[number];
export const durationKinds = ['working_days', 'working_hours', 'calendar_days', 'same_day'] as const;
export type DurationKind = (typeof durationKinds)[number];
export const copyTypes = ['original', 'copy', 'either'] as const;
export type CopyType = (typeof copyTypes)[number];

export interface ProcessingTime {
  amount: number;
  kind: DurationKind;
}

export interface ProcedureListItem {
  id: string;
  code: string;
  versionId: string;
  name: string;
  field: string | null;
  level: string | null;
  levels: ProcedureLevel[];
  onlineLevel: OnlineLevel;
  onTheSpot: boolean;
  processingTime: (ProcessingTime & { label: string; variesByCase: boolean }) | null;
}

export interface FieldCount {
  field: string;
  count: number;
}

export interface CatalogDocument {
  name: string;
  copyType: CopyType | null;
  count: number | null;
  certifiedCopy: boolean;
  required: boolean;
  conditional: boolean;
  presentOnly: boolean;
  group: string | null;
  formFile: string | null;
  quantityText: string | null;
  sourceText: string | null;
}

export interface CatalogFee {
  name: string | null;
  status: 'amount' | 'free' | 'not_given' | 'foreign_currency' | 'suspect' | 'unrecognised';
  amountVnd: number | null;
  free: boolean;
  per: string | null;
  onlineDiscountPercent: number | null;
  note: string | null;
  feeText: string | null;
}

export const workflowActions = ['forward', 'return_previous', 'request_supplement', 'approve', 'refuse'] as const;
export type WorkflowAction = (typeof workflowActions)[number];

export interface WorkflowStep {
  key: string;
  name: string;
  nameEn: string;
  role: Role;
  unitKind: UnitKind | null;
  unitId: string | null;
  share: number;
  actions: WorkflowAction[];
  next: string[];
  final: boolean;
}

export interface CatalogCase {
  id: string;
  key: string;
  name: string | null;
  processingTime: (ProcessingTime & { label: string }) | null;
  processingText: string | null;
  processingRule: string | null;
  needsReview: boolean;
  workflow: {
    id: string; name: string; versionId: string; versionNumber: number; isDefault: boolean; steps: WorkflowStep[];
  } | null;
  documents: CatalogDocument[];
  fees: CatalogFee[];
}

export interface Offering {
  unitId: string;
  unitName: string;
  unitKind: string;
  includeDescendants: boolean;
  regardlessOfBoundary: boolean;
}

export interface ProcedureAdminDetail {
  id: string;
  code: string;
  ownerUnitId: string | null;
  status: 'draft' | 'published' | 'abolished';
  abolishedOn: string | null;
  abolishDecisionNumber: string | null;
  /** Send it back with any change. */
  version: number;
  versionId: string;
  versionNumber: number;
  versionStatus: 'draft' | 'published';
  effectiveFrom: string | null;
  effectiveTo: string | null;
  publishedAt: string | null;
  name: string;
  field: string | null;
  level: string | null;
  levels: ProcedureLevel[];
  levelText: string | null;
  procedureType: string | null;
  implementingBody: string | null;
  competentAuthority: string | null;
  legalBasis: Array<{ title: string; number: string | null }>;
  results: Array<{ name: string; code: string | null }>;
  subjects: string[];
  conditions: string | null;
  steps: string | null;
  receivingAddress: string | null;
  channels: Channel[];
  onlineLevel: OnlineLevel;
  onlineLevelReason: string | null;
  onTheSpot: boolean;
  decisionNumber: string | null;
  sourceUrl: string | null;
  cases: CatalogCase[];
  whereToSubmit: Offering[];
  hasDraft: boolean;
  abilities: { manage: boolean };
}

export interface VersionSummary {
  id: string;
  number: number;
  status: 'draft' | 'published';
  name: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  decisionNumber: string | null;
  publishedAt: string | null;
}

export interface Workflow {
  id: string;
  name: string;
  ownerUnitId: string | null;
  defaultFor: 'standard' | 'on_the_spot' | null;
  version: number;
  currentVersionId: string | null;
  draftVersionId: string | null;
}

export interface WorkflowVersion {
  id: string;
  workflowId: string;
  workflowName: string;
  number: number;
  status: 'draft' | 'published';
  publishedAt: string | null;
  definition: { steps: WorkflowStep[] };
}

export interface WorkflowProblem {
  field: string;
  code: string;
  message: string;
  messageVi: string;
}

export interface WorkflowDetail {
  workflow: Workflow;
  versions: WorkflowVersion[];
  problems: WorkflowProblem[];
}

interface PublishProblem {
  field: string;
  message: string;
  messageVi: string;
}

export interface ImportResult {
  summary: {
    created: number;
    newVersions: number;
    unchanged: number;
    flagged: number;
    published: number;
    offeringsAdded: number;
    notPublished: Array<{ code: string; problems: PublishProblem[] }>;
    skipped: Array<{ code: string; reason: string; reasonVi: string }>;
  };
  format: 'catalogue' | 'csv' | 'xlsx';
  report: unknown;
  reportText: string;
}
