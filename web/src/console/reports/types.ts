// Shapes of the reports API (GET /api/v1/reports/dashboard) as the dashboard reads them.

export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface Figures {
  received: { total: number; carriedOver: number; online: number; inPersonOrPost: number };
  resolved: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; withinDeadline: number; overdue: number };
  withdrawn: number;
  stopped: number;
}

export interface Indicators extends Figures {
  rates: { onTime: Rate; firstTimeAcceptance: Rate; supplement: Rate; return: Rate; online: Rate; satisfaction: Rate };
  questions: { received: number; answered: number };
  ratings: { count: number; satisfied: number };
  intake: { incomplete: number; refused: number };
  averageProcessingDays: number | null;
}

export interface ComparedPeriod {
  from: string;
  to: string;
  label: string;
  summary: Indicators;
}

export interface UnitRef {
  id: string;
  name: string;
  fullName: string;
  kind: string;
}

export interface MonthPoint {
  month: string;
  received: { online: number; inPersonOrPost: number };
  resolved: { early: number; onTime: number; late: number };
  ratings: { count: number; satisfied: number };
}

export interface SubUnitRow extends Figures {
  id: string;
  label: string;
  drillable: boolean;
}

export interface Dashboard {
  unit: UnitRef;
  breadcrumbs: UnitRef[];
  period: {
    from: string;
    to: string;
    asOf: string;
    label: string;
    labelEn: string;
    code: string | null;
    convention: 'calendar' | 'cutoff';
    cutoffDay: number;
  };
  summary: Indicators & { unitId: string; from: string; to: string; asOf: string };
  comparison: { previous: ComparedPeriod; sameLastYear: ComparedPeriod };
  months: MonthPoint[];
  subUnits: SubUnitRow[];
}
