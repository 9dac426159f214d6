import type { ColumnType, Generated } from 'kysely';

// Kysely types of the reports module's tables (migration 0006).

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ReportFormulasTable {
  scheme: string;
  key: string;
  label_vi: string;
  label_en: string;
  max_points: number;
  expression: Generated<string>;
  position: number;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface ReportSettingsTable {
  unit_id: string;
  period_convention: Generated<'calendar' | 'cutoff'>;
  cutoff_day: Generated<number>;
  online_target: number | null;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface ReportTables {
  report_formulas: ReportFormulasTable;
  report_settings: ReportSettingsTable;
}
