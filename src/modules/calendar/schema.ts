import type { ColumnType, Generated } from 'kysely';
import type { CalendarRules } from '../../calendar/index.ts';

export interface CalendarRuleSetsTable {
  id: Generated<number>;
  version: string;
  rules: ColumnType<CalendarRules, string, string>;
  note: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface CalendarTables {
  calendar_rule_sets: CalendarRuleSetsTable;
}
