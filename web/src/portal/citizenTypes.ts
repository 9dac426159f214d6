// Shapes of the citizen-side API (online submission, Q&A, ratings, accounts) and of the catalogue detail the
// portal reads. Kept by hand like api-types.ts.

export interface ProcessingTime {
  amount: number;
  kind: 'working_days' | 'working_hours' | 'calendar_days' | 'same_day';
  label: string;
}

export interface CatalogueDocument {
  name: string;
  copyType: 'original' | 'copy' | 'either' | null;
  count: number | null;
  required: boolean;
  conditional: boolean;
  presentOnly: boolean;
  formFile: string | null;
  quantityText: string | null;
}

export interface CatalogueFee {
  name: string | null;
  status: string;
  amountVnd: number | null;
  free: boolean;
  per: string | null;
  onlineDiscountPercent: number | null;
  note: string | null;
  feeText: string | null;
}

export interface CatalogueCase {
  id: string;
  key: string;
  name: string | null;
  processingTime: ProcessingTime | null;
  processingText: string | null;
  documents: CatalogueDocument[];
  fees: CatalogueFee[];
}

export interface ProcedureDetail {
  code: string;
  name: string;
  field: string | null;
  levelText: string | null;
  implementingBody: string | null;
  results: Array<{ name: string }>;
  conditions: string | null;
  steps: string | null;
  receivingAddress: string | null;
  channels: Array<'in_person' | 'post' | 'online'>;
  onlineLevel: 'full' | 'partial' | 'unknown';
  onlineLevelReason: string | null;
  onTheSpot: boolean;
  cases: CatalogueCase[];
  whereToSubmit: Array<{ unitId: string; unitName: string; includeDescendants: boolean; regardlessOfBoundary: boolean }>;
}

export interface ReceivingUnit {
  id: string;
  name: string;
  fullName: string;
  kind: string;
}

export interface DraftData {
  unitId?: string | null;
  caseKey?: string | null;
  applicant?: { kind?: 'person' | 'organisation'; fullName?: string; idNumber?: string; birthYear?: number | null; address?: string };
  contact?: { phone?: string; email?: string };
  documents?: Array<{ name: string; fileId: string | null }>;
  step?: string;
}

export interface DraftFile {
  id: string;
  name: string;
  size: number;
  mediaType: string;
  url: string;
}

export interface Draft {
  id: string;
  procedureCode: string | null;
  version: number;
  data: DraftData;
  files: DraftFile[];
  updatedAt: string;
  expiresAt: string;
  submitted: { reference: string; dossierId: string; submittedAt: string } | null;
  token?: string;
}

export interface SubmitResult {
  reference: string;
  dossierId: string;
  code: string | null;
  secret: string | null;
  state: string;
  replayed: boolean;
}

export interface SubmissionStatus {
  reference: string;
  code: string | null;
  procedureName: string;
  unitName: string;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  state: string;
  nationalStatus: number;
  statusLabel: string;
  statusLabelEn: string;
}

export interface FaqEntry {
  id: string;
  question: string;
  answer: string;
  publishedAt: string;
  unitName: string;
  procedureCode: string | null;
}

export interface AskedQuestion {
  reference: string;
  secret: string;
  unitName: string;
  targetAnswerAt: string;
}

export interface QuestionStatus {
  reference: string;
  title: string;
  body: string;
  unitName: string;
  askedAt: string;
  targetAnswerAt: string;
  status: 'open' | 'answered' | 'rejected';
  answer: string | null;
  answeredAt: string | null;
  published: boolean;
}

export interface UnitOption {
  id: string;
  name: string;
  fullName: string;
  kind: string;
}

export const satisfactionLevels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;
export type SatisfactionLevel = (typeof satisfactionLevels)[number];

export interface RatingAnswers {
  attitude: SatisfactionLevel;
  overall?: SatisfactionLevel | null;
  contactsNeeded?: number | null;
  bodiesVisited?: number | null;
  infoCorrect?: boolean | null;
  comment?: string | null;
}

export interface MyDossier {
  id: string;
  code: string | null;
  reference: string | null;
  procedureName: string;
  unitName: string;
  state: string;
  statusLabel: string;
  statusLabelEn: string;
  submittedAt: string;
  dueAt: string | null;
  returnedAt: string | null;
  canRate: boolean;
  rated: boolean;
  hasResult: boolean;
}

export interface MyDraft {
  id: string;
  procedureCode: string | null;
  step: string | null;
  updatedAt: string;
  expiresAt: string;
}

export interface MyResult {
  dossierId: string;
  code: string | null;
  procedureName: string;
  resultNumber: string | null;
  signedOn: string | null;
  fileId: string;
  fileName: string;
  url: string;
}

export interface Preferences {
  notifyEmail: boolean;
  notifySms: boolean;
  locale: 'vi' | 'en';
  version: number;
}
