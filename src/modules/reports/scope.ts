// Turns a request's unit and period parameters into a report scope: checks the caller's reach (a unit outside it
// answers 404), picks the period convention from the unit's settings, and resolves `period` codes to dates.
import { reachOf } from '../../access/policy.ts';
import { isUnitInReach, reachHolds } from '../../access/reach.ts';
import type { Caller } from '../../access/roles.ts';
import type { Db } from '../../access/reach.ts';
import { localDate } from '../../calendar/index.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { daysBetween } from './domain/dates.ts';
import {
  DEFAULT_CUTOFF_DAY, parsePeriodCode, periodRange, type DateRange, type PeriodConvention, type PeriodRef,
} from './domain/periods.ts';
import { reportPolicy } from './policy.ts';
import * as repo from './repository.ts';
import type { ReportScope } from './service.ts';
import type { ScopeQueryType } from './schemas.ts';

/** Ten years and a little: a longer range is almost certainly a typo. */
const MAX_RANGE_DAYS = 3700;

function defaultUnit(caller: Caller): string | null {
  const grant = caller.grants.find((g) => reportPolicy.read.roles.includes(g.role));
  return grant?.unitId ?? caller.unitId;
}

/** The year that contains `today` under the convention (with a cut-off, 15 December already opens next year). */
function currentYear(today: string, convention: PeriodConvention): PeriodRef {
  const year = Number(today.slice(0, 4));
  const ref: PeriodRef = { kind: 'year', year, index: 1 };
  return today > periodRange(ref, convention).to ? { ...ref, year: year + 1 } : ref;
}

function rangeOf(q: ScopeQueryType, convention: PeriodConvention, today: string): DateRange {
  if (q.from || q.to) {
    if (!q.from || !q.to) throw badRequest('invalid_input', 'Give both from and to.', 'Hãy nhập cả ngày bắt đầu và ngày kết thúc.', [{ field: q.from ? 'to' : 'from', message: 'required', messageVi: 'bắt buộc' }]);
    if (q.to < q.from) throw badRequest('invalid_input', 'The period ends before it starts.', 'Ngày kết thúc phải sau ngày bắt đầu.', [{ field: 'to', message: 'before from', messageVi: 'trước ngày bắt đầu' }]);
    if (daysBetween(q.from, q.to) > MAX_RANGE_DAYS) throw badRequest('invalid_input', 'A report covers at most ten years.', 'Một báo cáo chỉ tính tối đa mười năm.', [{ field: 'to', message: 'too long', messageVi: 'quá dài' }]);
    return { from: q.from, to: q.to };
  }
  if (q.period) {
    const ref = parsePeriodCode(q.period);
    if (!ref) {
      throw badRequest('invalid_input', 'Unknown period: use 2026, 2026-H1, 2026-9M, 2026-Q1 or 2026-03.',
        'Kỳ báo cáo không hợp lệ: dùng 2026, 2026-H1, 2026-9M, 2026-Q1 hoặc 2026-03.', [{ field: 'period', message: 'invalid', messageVi: 'không hợp lệ' }]);
    }
    return periodRange(ref, convention);
  }
  return periodRange(currentYear(today, convention), convention);
}

export async function resolveScope(db: Db, caller: Caller, q: ScopeQueryType, now: Date): Promise<ReportScope> {
  const reach = reachOf(caller, reportPolicy.read);
  if (reach !== 'all' && !reach.length) throw forbidden('You may not read reports.', 'Bạn không có quyền xem báo cáo.');
  const unitId = q.unitId ?? defaultUnit(caller);
  const found = unitId ? await repo.unitForReport(db, unitId) : null;
  if (!found || !reachHolds(reach, found.ancestry)) throw notFound('Unit', 'Đơn vị');
  const { unit, settings } = found;
  const kind = q.convention ?? settings?.periodConvention ?? 'calendar';
  const convention: PeriodConvention = kind === 'cutoff' ? { kind, day: q.cutoffDay ?? settings?.cutoffDay ?? DEFAULT_CUTOFF_DAY } : { kind };
  const today = localDate(now);
  const range = rangeOf(q, convention, today);
  return { unit, range, asOf: range.to < today ? range.to : today < range.from ? range.from : today, convention, settings };
}

/** Units above `unitId` that the caller may also open, top first (for the dashboard's way back up). */
export async function reachableAncestors(db: Db, caller: Caller, unitId: string): Promise<repo.UnitLabel[]> {
  const reach = reachOf(caller, reportPolicy.read);
  const out: repo.UnitLabel[] = [];
  let current = await repo.unitLabel(db, unitId);
  while (current?.parentId) {
    const parent = await repo.unitLabel(db, current.parentId);
    if (!parent || !(await isUnitInReach(db, reach, parent.id))) break;
    out.unshift(parent);
    current = parent;
  }
  return out;
}
