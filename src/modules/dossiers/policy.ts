import { definePolicy } from '../../access/policy.ts';

// Who may see and create dossiers; what each may do to one is decided by the state machine (domain/transitions.ts)
// from the roles the caller holds over the dossier's unit.
export const dossierPolicy = definePolicy({
  read: { roles: ['system_admin', 'unit_admin', 'desk_officer', 'specialist', 'leader', 'report_viewer'] },
  receive: { roles: ['desk_officer'] },
  pay: { roles: ['desk_officer'] },
  register: { roles: ['system_admin', 'unit_admin', 'desk_officer', 'leader', 'report_viewer'] },
});
