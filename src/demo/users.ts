import type { Role } from '../access/roles.ts';

// Demo accounts: one per role at phường Bồng Lai (three at its one-stop desk, as in the seed article),
// a report viewer for the whole province and a desk officer of the neighbouring phường Kinh Bắc.

export interface DemoUser {
  username: string;
  fullName: string;
  unit: string;
  grants: { role: Role; unit: string }[];
}

export const demoUsers: DemoUser[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', unit: 'bac-ninh', grants: [{ role: 'system_admin', unit: 'bac-ninh' }] },
  { username: 'bonglai.quantri', fullName: 'Đỗ Văn Hùng', unit: 'bong-lai', grants: [{ role: 'unit_admin', unit: 'bong-lai' }] },
  { username: 'bonglai.motcua1', fullName: 'Nguyễn Thị Lan', unit: 'bong-lai-desk', grants: [{ role: 'desk_officer', unit: 'bong-lai' }] },
  { username: 'bonglai.motcua2', fullName: 'Trần Văn Minh', unit: 'bong-lai-desk', grants: [{ role: 'desk_officer', unit: 'bong-lai' }] },
  { username: 'bonglai.motcua3', fullName: 'Lê Thị Hoa', unit: 'bong-lai-desk', grants: [{ role: 'desk_officer', unit: 'bong-lai' }] },
  { username: 'bonglai.chuyenvien', fullName: 'Phạm Đức Anh', unit: 'bong-lai-culture', grants: [{ role: 'specialist', unit: 'bong-lai' }] },
  { username: 'bonglai.lanhdao', fullName: 'Hoàng Văn Nam', unit: 'bong-lai', grants: [{ role: 'leader', unit: 'bong-lai' }] },
  { username: 'bonglai.donthu', fullName: 'Vũ Thị Mai', unit: 'bong-lai', grants: [{ role: 'petition_handler', unit: 'bong-lai' }] },
  { username: 'bonglai.mttq', fullName: 'Đặng Quốc Huy', unit: 'bong-lai', grants: [{ role: 'front_supervisor', unit: 'bong-lai' }] },
  { username: 'tinh.baocao', fullName: 'Bùi Thị Thu', unit: 'bac-ninh', grants: [{ role: 'report_viewer', unit: 'bac-ninh' }] },
  { username: 'kinhbac.motcua', fullName: 'Ngô Thị Hạnh', unit: 'kinh-bac-desk', grants: [{ role: 'desk_officer', unit: 'kinh-bac' }] },
];

export const demoCitizen = { phone: '0912345678', email: 'cong.dan@example.vn', fullName: 'Nguyễn Văn An' };
