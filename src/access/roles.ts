// The roles an official can hold. A role held at a unit reaches that unit and every unit below it.

export const roles = [
  'system_admin',
  'unit_admin',
  'desk_officer',
  'specialist',
  'leader',
  'petition_handler',
  'front_supervisor',
  'report_viewer',
] as const;

export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { vi: string; en: string }> = {
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  unit_admin: { vi: 'Quản trị đơn vị', en: 'Unit administrator' },
  desk_officer: { vi: 'Cán bộ một cửa', en: 'Desk officer' },
  specialist: { vi: 'Chuyên viên xử lý', en: 'Specialist' },
  leader: { vi: 'Lãnh đạo ký duyệt', en: 'Leader' },
  petition_handler: { vi: 'Cán bộ xử lý đơn thư', en: 'Petition handler' },
  front_supervisor: { vi: 'Giám sát viên Mặt trận', en: 'Fatherland Front supervisor' },
  report_viewer: { vi: 'Xem báo cáo', en: 'Report viewer' },
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export interface RoleGrant {
  role: Role;
  unitId: string;
}

export interface Caller {
  kind: 'official' | 'citizen';
  userId: string;
  username: string | null;
  fullName: string;
  unitId: string | null;
  grants: RoleGrant[];
  csrfToken: string | null;
  via: 'session' | 'token';
  sessionHash: string | null;
}
