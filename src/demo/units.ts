import type { UnitKind } from '../units/kinds.ts';

// Demo unit tree, authored from public facts:
// - statistics-office codes and names: the national lists of administrative units of 1 Jul 2025 (34 provinces)
//   and before it (63 provinces, 3 tiers);
// - phường Cách Bi, phường Bồng Lai and xã Mộ Đạo of thị xã Quế Võ merged into phường Bồng Lai on 1 Jul 2025
//   (Resolution 1658/NQ-UBTVQH15); Bắc Giang (code 24) and Bắc Ninh (code 27) merged into Bắc Ninh, code 24.
// Agency electronic identifiers below are demo values in the official format, not the real ones.

export interface DemoUnit {
  key: string;
  parent?: string;
  code?: string;
  agencyCode?: string;
  kind: UnitKind;
  name: string;
  fullName: string;
  validFrom?: string;
  validTo?: string;
}

const merged = '2025-07-01';

export const demoUnits: DemoUnit[] = [
  // Before 1 July 2025.
  { key: 'old-bac-giang', code: '24', kind: 'province', name: 'Bắc Giang', fullName: 'Tỉnh Bắc Giang', validTo: merged },
  { key: 'old-bac-ninh', code: '27', kind: 'province', name: 'Bắc Ninh', fullName: 'Tỉnh Bắc Ninh', validTo: merged },
  { key: 'que-vo', parent: 'old-bac-ninh', code: '259', kind: 'district', name: 'Quế Võ', fullName: 'Thị xã Quế Võ', validTo: merged },
  { key: 'old-bong-lai', parent: 'que-vo', code: '09295', kind: 'ward', name: 'Bồng Lai', fullName: 'Phường Bồng Lai', validTo: merged },
  { key: 'old-cach-bi', parent: 'que-vo', code: '09298', kind: 'ward', name: 'Cách Bi', fullName: 'Phường Cách Bi', validTo: merged },
  { key: 'old-mo-dao', parent: 'que-vo', code: '09307', kind: 'commune', name: 'Mộ Đạo', fullName: 'Xã Mộ Đạo', validTo: merged },
  { key: 'que-vo-centre', parent: 'que-vo', kind: 'service_centre', name: 'Trung tâm Hành chính công thị xã Quế Võ', fullName: 'Trung tâm Hành chính công thị xã Quế Võ', validTo: merged },

  // From 1 July 2025.
  { key: 'bac-ninh', code: '24', agencyCode: '000.00.00.H04', kind: 'province', name: 'Bắc Ninh', fullName: 'Tỉnh Bắc Ninh', validFrom: merged },
  { key: 'province-centre', parent: 'bac-ninh', agencyCode: '000.00.10.H04', kind: 'service_centre', name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh', fullName: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh', validFrom: merged },
  { key: 'bong-lai', parent: 'bac-ninh', code: '09295', agencyCode: '000.29.24.H04', kind: 'ward', name: 'Bồng Lai', fullName: 'Phường Bồng Lai', validFrom: merged },
  { key: 'bong-lai-desk', parent: 'bong-lai', kind: 'one_stop_desk', name: 'Bộ phận Một cửa phường Bồng Lai', fullName: 'Bộ phận Một cửa phường Bồng Lai', validFrom: merged },
  { key: 'bong-lai-culture', parent: 'bong-lai', kind: 'department', name: 'Phòng Văn hóa - Xã hội phường Bồng Lai', fullName: 'Phòng Văn hóa - Xã hội phường Bồng Lai', validFrom: merged },
  { key: 'bong-lai-economy', parent: 'bong-lai', kind: 'department', name: 'Phòng Kinh tế, Hạ tầng và Đô thị phường Bồng Lai', fullName: 'Phòng Kinh tế, Hạ tầng và Đô thị phường Bồng Lai', validFrom: merged },
  { key: 'que-vo-ward', parent: 'bac-ninh', code: '09247', agencyCode: '000.24.24.H04', kind: 'ward', name: 'Quế Võ', fullName: 'Phường Quế Võ', validFrom: merged },
  { key: 'kinh-bac', parent: 'bac-ninh', code: '09187', agencyCode: '000.18.24.H04', kind: 'ward', name: 'Kinh Bắc', fullName: 'Phường Kinh Bắc', validFrom: merged },
  { key: 'kinh-bac-desk', parent: 'kinh-bac', kind: 'one_stop_desk', name: 'Bộ phận Một cửa phường Kinh Bắc', fullName: 'Bộ phận Một cửa phường Kinh Bắc', validFrom: merged },
  { key: 'dao-vien', parent: 'bac-ninh', code: '09301', agencyCode: '000.30.24.H04', kind: 'ward', name: 'Đào Viên', fullName: 'Phường Đào Viên', validFrom: merged },
  { key: 'chi-lang', parent: 'bac-ninh', code: '09313', agencyCode: '000.31.24.H04', kind: 'commune', name: 'Chi Lăng', fullName: 'Xã Chi Lăng', validFrom: merged },
  { key: 'yen-phong', parent: 'bac-ninh', code: '09193', agencyCode: '000.19.24.H04', kind: 'commune', name: 'Yên Phong', fullName: 'Xã Yên Phong', validFrom: merged },
];

export const demoSuccessions: { from: string; to: string; on: string }[] = [
  { from: 'old-bong-lai', to: 'bong-lai', on: merged },
  { from: 'old-cach-bi', to: 'bong-lai', on: merged },
  { from: 'old-mo-dao', to: 'bong-lai', on: merged },
  { from: 'old-bac-ninh', to: 'bac-ninh', on: merged },
  { from: 'old-bac-giang', to: 'bac-ninh', on: merged },
];
