import { kindFromShortName, type UnitKind } from './kinds.ts';

// Reads the national list of administrative units (JSON as published with 34 provinces and their communes).

export interface ListedUnit {
  code: string;
  name: string;
  fullName: string;
  kind: UnitKind;
}

export interface ListedProvince extends ListedUnit {
  communes: ListedUnit[];
}

export interface ListProblem {
  path: string;
  message: string;
  messageVi: string;
}

interface RawUnit {
  Code?: unknown;
  Name?: unknown;
  FullName?: unknown;
  AdministrativeUnitShortName?: unknown;
  Wards?: unknown;
}

function readUnit(raw: RawUnit, path: string, problems: ListProblem[]): ListedUnit | null {
  const code = typeof raw.Code === 'string' ? raw.Code.trim() : '';
  const name = typeof raw.Name === 'string' ? raw.Name.normalize('NFC').trim() : '';
  const fullName = typeof raw.FullName === 'string' ? raw.FullName.normalize('NFC').trim() : name;
  const kind = typeof raw.AdministrativeUnitShortName === 'string' ? kindFromShortName(raw.AdministrativeUnitShortName) : null;
  if (!/^\d{2,5}$/.test(code)) {
    problems.push({ path, message: `missing or invalid Code "${String(raw.Code)}"`, messageVi: `Thiếu hoặc sai mã đơn vị "${String(raw.Code)}"` });
    return null;
  }
  if (!name) {
    problems.push({ path, message: 'missing Name', messageVi: 'Thiếu tên đơn vị' });
    return null;
  }
  if (!kind) {
    problems.push({
      path,
      message: `unknown AdministrativeUnitShortName "${String(raw.AdministrativeUnitShortName)}"`,
      messageVi: `Không nhận ra loại đơn vị "${String(raw.AdministrativeUnitShortName)}"`,
    });
    return null;
  }
  return { code, name, fullName, kind };
}

export function parseNationalUnitList(json: unknown): { provinces: ListedProvince[]; problems: ListProblem[] } {
  const problems: ListProblem[] = [];
  if (!Array.isArray(json)) {
    return { provinces: [], problems: [{ path: '$', message: 'expected a JSON array of provinces', messageVi: 'Tệp phải là một mảng JSON các tỉnh' }] };
  }
  const provinces: ListedProvince[] = [];
  json.forEach((rawProvince: RawUnit, i) => {
    const province = readUnit(rawProvince, `[${i}]`, problems);
    if (!province) return;
    if (province.kind !== 'province') {
      problems.push({ path: `[${i}]`, message: 'top-level entry is not a province', messageVi: 'Phần tử cấp trên cùng không phải là tỉnh' });
      return;
    }
    const wards = Array.isArray(rawProvince.Wards) ? rawProvince.Wards : [];
    const communes = wards
      .map((w: RawUnit, j: number) => readUnit(w, `[${i}].Wards[${j}]`, problems))
      .filter((u): u is ListedUnit => u !== null);
    provinces.push({ ...province, communes });
  });
  return { provinces, problems };
}

/** The effective date written in a file name such as units-2025-07-01.json. */
export function dateFromFileName(fileName: string): string | null {
  const m = /(\d{4}-\d{2}-\d{2})/.exec(fileName);
  return m ? m[1] : null;
}
