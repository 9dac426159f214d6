import { definePolicy } from '../../access/policy.ts';

// Who may read reports (within reach: a province viewer sees all its communes, a ward leader only the ward), who
// may change a unit's report settings, and who may change the index formulas used everywhere.
export const reportPolicy = definePolicy({
  read: { roles: ['system_admin', 'unit_admin', 'leader', 'report_viewer'] },
  settings: { roles: ['system_admin', 'unit_admin'] },
  formulas: { roles: ['system_admin'] },
});
