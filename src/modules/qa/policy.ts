import { definePolicy } from '../../access/policy.ts';

// Who works the Q&A queue of a unit (and the units below it).
export const qaPolicy = definePolicy({
  read: { roles: ['system_admin', 'unit_admin', 'desk_officer', 'specialist', 'leader', 'report_viewer'] },
  answer: { roles: ['system_admin', 'unit_admin', 'desk_officer', 'specialist', 'leader'] },
  publish: { roles: ['system_admin', 'unit_admin', 'leader'] },
});
