// Shapes returned by the Gần Dân API (see /api/openapi.json). Kept by hand: the web app has no code generator.

export const roles = [
  'system_admin', 'unit_admin', 'desk_officer', 'specialist', 'leader', 'petition_handler', 'front_supervisor',
  'report_viewer',
] as const;
export type Role = (typeof roles)[number];

export interface Grant {
  role: Role;
  unitId: string;
  unitName: string;
  label: string;
  labelEn: string;
}

export interface User {
  id: string;
  kind: 'official' | 'citizen';
  username: string | null;
  fullName: string;
  unitId: string | null;
  unitName: string | null;
  grants: Grant[];
}

export interface Session {
  user: User;
  csrfToken: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const unitKinds = [
  'province', 'district', 'commune', 'ward', 'town', 'special_zone', 'agency', 'department', 'one_stop_desk',
  'service_centre',
] as const;
export type UnitKind = (typeof unitKinds)[number];

export interface Unit {
  id: string;
  code: string | null;
  agencyCode: string | null;
  kind: UnitKind;
  name: string;
  fullName: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  version: number;
}

export interface UnitLink {
  id: string;
  fullName: string;
  code: string | null;
  effectiveOn: string;
}

export interface UnitDetail {
  unit: Unit;
  ancestors: Unit[];
  successors: UnitLink[];
  predecessors: UnitLink[];
}

export interface UnitInput {
  code?: string | null;
  agencyCode?: string | null;
  kind: UnitKind;
  name: string;
  fullName?: string;
  parentId: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface OfficialGrant {
  role: Role;
  unitId: string;
}

export interface Official {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  unitId: string;
  unitName: string;
  active: boolean;
  grants: OfficialGrant[];
  version: number;
}

export interface OfficialCreate {
  username: string;
  password: string;
  fullName: string;
  unitId: string;
  email: string | null;
  phone: string | null;
  grants: OfficialGrant[];
}

export interface OfficialPatch {
  version: number;
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  unitId?: string;
  active?: boolean;
  grants?: OfficialGrant[];
  password?: string;
}

export interface RoleInfo {
  role: Role;
  label: string;
  labelEn: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  unitId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

/** A catalogue entry as listed by `GET /api/v1/procedures` (procedure catalogue module). */
export interface ProcedureSummary {
  code: string;
  name: string;
  field: string | null;
  level: string | null;
}

/**
 * What `POST /api/v1/public/dossiers/lookup` answers (dossier module). Every field but `code` is optional so the
 * page shows whatever the server sends; labels come in both languages.
 */
export interface DossierLookupResult {
  code: string;
  procedureName?: string | null;
  applicantName?: string | null;
  status?: string | null;
  statusLabel?: string | null;
  statusLabelEn?: string | null;
  receivedAt?: string | null;
  dueAt?: string | null;
  timeline?: Array<{ at: string; label: string; labelEn?: string | null }>;
}
