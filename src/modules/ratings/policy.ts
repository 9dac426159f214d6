import { definePolicy } from '../../access/policy.ts';

// Every official sees the ratings of the dossiers they returned; these roles see their units' ratings.
export const ratingPolicy = definePolicy({
  units: { roles: ['system_admin', 'unit_admin', 'leader', 'report_viewer'] },
  kiosk: { roles: ['system_admin', 'unit_admin', 'desk_officer', 'leader'] },
});
