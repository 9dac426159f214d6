// Kinds of administrative units and bodies, and how the national list names them.

export const unitKinds = [
  'province', 'district', 'commune', 'ward', 'town', 'special_zone',
  'agency', 'department', 'one_stop_desk', 'service_centre',
] as const;
export type UnitKind = (typeof unitKinds)[number];

export const unitKindLabels: Record<UnitKind, { vi: string; en: string }> = {
  province: { vi: 'Tỉnh/Thành phố', en: 'Province' },
  district: { vi: 'Huyện/Quận/Thị xã', en: 'District' },
  commune: { vi: 'Xã', en: 'Commune' },
  ward: { vi: 'Phường', en: 'Ward' },
  town: { vi: 'Thị trấn', en: 'Town' },
  special_zone: { vi: 'Đặc khu', en: 'Special zone' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  department: { vi: 'Phòng/Ban', en: 'Department' },
  one_stop_desk: { vi: 'Bộ phận Một cửa', en: 'One-stop desk' },
  service_centre: { vi: 'Trung tâm Phục vụ hành chính công', en: 'Public administration service centre' },
};

/** Commune-level kinds: the units where a citizen lives. */
export const communeLevelKinds: readonly UnitKind[] = ['commune', 'ward', 'town', 'special_zone'];

/**
 * The national list marks every commune-level unit "Type": "ward"; its short name tells the real kind.
 * Returns null for a name we do not know, so an import can report it instead of guessing.
 */
export function kindFromShortName(shortName: string): UnitKind | null {
  switch (shortName.trim().toLowerCase()) {
    case 'xã':
      return 'commune';
    case 'phường':
      return 'ward';
    case 'thị trấn':
      return 'town';
    case 'đặc khu':
      return 'special_zone';
    case 'tỉnh':
    case 'thành phố':
      return 'province';
    case 'huyện':
    case 'quận':
    case 'thị xã':
      return 'district';
    default:
      return null;
  }
}

/** Agency electronic identifier (Decision 20/2020/QĐ-TTg): dotted groups, at most 35 characters. */
export function isAgencyCode(code: string): boolean {
  return code.length <= 35 && /^[0-9A-Z]+(\.[0-9A-Z]+)+$/.test(code);
}

/** A unit exists on a date when validFrom ≤ date < validTo (open ends allowed). */
export function validOn(unit: { validFrom: string | null; validTo: string | null }, date: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || date < unit.validTo);
}
