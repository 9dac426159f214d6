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

/** dossier_stats summed over procedures, per unit and day or month (migration 0009, kept by triggers; read only). */
export interface DossierUnitStatsTable {
  unit_id: string;
  period: 'day' | 'month';
  period_start: string;
  received_counter: ColumnType<string, never, never>;
  received_post: ColumnType<string, never, never>;
  received_online: ColumnType<string, never, never>;
  received_supplemented: ColumnType<string, never, never>;
  received_refused: ColumnType<string, never, never>;
  intake_incomplete: ColumnType<string, never, never>;
  intake_refused: ColumnType<string, never, never>;
  resolved_early: ColumnType<string, never, never>;
  resolved_on_time: ColumnType<string, never, never>;
  resolved_late: ColumnType<string, never, never>;
  resolved_refused: ColumnType<string, never, never>;
  withdrawn: ColumnType<string, never, never>;
  stopped: ColumnType<string, never, never>;
  due: ColumnType<string, never, never>;
  closed_due: ColumnType<string, never, never>;
  processing_ms: ColumnType<string, never, never>;
}

export interface ReportTables {
  report_formulas: ReportFormulasTable;
  report_settings: ReportSettingsTable;
  dossier_unit_stats: DossierUnitStatsTable;
}
