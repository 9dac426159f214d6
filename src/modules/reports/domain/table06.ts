// The layout of table 06 (Circular 01/2020/TT-VPCP): "Tình hình, kết quả giải quyết thủ tục hành chính". Shared
// by the XLSX, PDF and CSV exports so the three show the same columns in the same order.
//
// In the official layout "Số hồ sơ nhận giải quyết — Tổng số" (column 3) counts the carried-over dossiers and the
// new ones together; in the API `received.total` is only the new ones (DOMAIN.md §5), so column 3 is
// received.total + received.carriedOver here.
import { addFigures, zeroFigures, type Table06Figures } from './indicators.ts';
import { formatVnInteger } from './numbers.ts';

export const groupings = ['field', 'procedure', 'unit'] as const;
export type Grouping = (typeof groupings)[number];

export const groupingLabels: Record<Grouping, string> = {
  field: 'Lĩnh vực giải quyết',
  procedure: 'Thủ tục hành chính',
  unit: 'Đơn vị',
};

export interface Table06Row {
  key: string;
  label: string;
  /** The procedure code for procedure rows. */
  code?: string | null;
  figures: Table06Figures;
}

export interface Table06 {
  groupBy: Grouping;
  rows: Table06Row[];
  total: Table06Figures;
}

export function totalOf(rows: Table06Row[]): Table06Figures {
  return rows.reduce((sum, r) => addFigures(sum, r.figures), zeroFigures());
}

export interface Table06Column {
  /** The group header above the column ('' for STT and the label column, which span both header rows). */
  group: string;
  header: string;
  value: (f: Table06Figures) => number;
}

export const RECEIVED_GROUP = 'Số hồ sơ nhận giải quyết';
export const RESOLVED_GROUP = 'Kết quả giải quyết: số hồ sơ đã giải quyết';
export const IN_PROGRESS_GROUP = 'Số hồ sơ đang giải quyết';

export const table06Columns: Table06Column[] = [
  { group: RECEIVED_GROUP, header: 'Tổng số', value: (f) => f.received.total + f.received.carriedOver },
  { group: RECEIVED_GROUP, header: 'Số kỳ trước chuyển qua', value: (f) => f.received.carriedOver },
  { group: RECEIVED_GROUP, header: 'Số mới tiếp nhận trực tuyến', value: (f) => f.received.online },
  { group: RECEIVED_GROUP, header: 'Số mới tiếp nhận trực tiếp, qua dịch vụ bưu chính', value: (f) => f.received.inPersonOrPost },
  { group: RESOLVED_GROUP, header: 'Tổng số', value: (f) => f.resolved.total },
  { group: RESOLVED_GROUP, header: 'Trả trước hạn', value: (f) => f.resolved.early },
  { group: RESOLVED_GROUP, header: 'Trả đúng thời hạn', value: (f) => f.resolved.onTime },
  { group: RESOLVED_GROUP, header: 'Trả quá hạn', value: (f) => f.resolved.late },
  { group: IN_PROGRESS_GROUP, header: 'Tổng số', value: (f) => f.inProgress.total },
  { group: IN_PROGRESS_GROUP, header: 'Trong hạn', value: (f) => f.inProgress.withinDeadline },
  { group: IN_PROGRESS_GROUP, header: 'Quá hạn', value: (f) => f.inProgress.overdue },
];

export const TABLE_06_TITLE = 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
export const TOTAL_LABEL = 'Tổng cộng';

/** The note under the table: withdrawn and stopped dossiers close without being resolved. */
export function closedApartNote(total: Table06Figures): string | null {
  if (!total.withdrawn && !total.stopped) return null;
  return `Ghi chú: trong kỳ có ${formatVnInteger(total.withdrawn)} hồ sơ rút theo yêu cầu và ${formatVnInteger(total.stopped)} hồ sơ dừng xử lý; `
    + 'các hồ sơ này không tính là đã giải quyết và không còn đang giải quyết.';
}
