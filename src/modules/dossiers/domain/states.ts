// Dossier states. The local machine is richer than the national portal's ten status codes; each state maps to
// exactly one of them.
//
//   submitted_online ──accept_online──▶ received ──forward──▶ in_progress ⇄ (forward / return_previous)
//        │                                 │  ▲                    │  ▲
//        ├─▶ intake_incomplete (form 02)    │  └─complete_supplement─┤  │ resume
//        └─▶ intake_refused (form 03)       ├─request_supplement──▶ supplement_requested
//                                          ├─pause_financial─────▶ paused_financial
//   in_progress ──record_result──▶ result_ready ──return_result──▶ returned
//   in_progress ──refuse──▶ refused;   any open state ──withdraw──▶ withdrawn, ──stop──▶ stopped

export const dossierStates = [
  'submitted_online',
  'received',
  'in_progress',
  'supplement_requested',
  'paused_financial',
  'result_ready',
  'returned',
  'refused',
  'withdrawn',
  'stopped',
  'intake_incomplete',
  'intake_refused',
] as const;

export type DossierState = (typeof dossierStates)[number];

/** National status codes (DOMAIN.md §3): 1 newly registered … 10 result returned. */
export const nationalStatus: Record<DossierState, number> = {
  submitted_online: 1,
  received: 2,
  intake_refused: 3,
  refused: 3,
  in_progress: 4,
  supplement_requested: 5,
  intake_incomplete: 5,
  paused_financial: 6,
  withdrawn: 7,
  stopped: 8,
  result_ready: 9,
  returned: 10,
};

export const stateLabels: Record<DossierState, { vi: string; en: string }> = {
  submitted_online: { vi: 'Mới đăng ký trực tuyến, chờ tiếp nhận', en: 'Submitted online, awaiting intake' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_progress: { vi: 'Đang giải quyết', en: 'Being processed' },
  supplement_requested: { vi: 'Chờ bổ sung hồ sơ', en: 'Waiting for supplementary documents' },
  paused_financial: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Waiting for payment of financial obligations' },
  result_ready: { vi: 'Đã có kết quả, chờ trả', en: 'Result ready for collection' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  refused: { vi: 'Từ chối giải quyết', en: 'Refused after appraisal' },
  withdrawn: { vi: 'Đã rút hồ sơ theo yêu cầu', en: 'Withdrawn at the applicant’s request' },
  stopped: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  intake_incomplete: { vi: 'Yêu cầu bổ sung, hoàn thiện khi tiếp nhận', en: 'Incomplete at intake: supplement requested' },
  intake_refused: { vi: 'Từ chối tiếp nhận', en: 'Refused at intake' },
};

/** States in which the processing clock is counting toward the due date. */
export const clockRunning: ReadonlySet<DossierState> = new Set(['received', 'in_progress']);

/** States of a received dossier that is not finished yet. */
export const openStates: ReadonlySet<DossierState> = new Set([
  'received', 'in_progress', 'supplement_requested', 'paused_financial',
]);

/** Finished: a result or a refusal was decided (the "resolved" of the reports). */
export const finishedStates: ReadonlySet<DossierState> = new Set(['result_ready', 'returned', 'refused']);

/** Intake outcomes that never became a received dossier. */
export const intakeOnlyStates: ReadonlySet<DossierState> = new Set(['intake_incomplete', 'intake_refused']);

export function isOpen(state: DossierState): boolean {
  return openStates.has(state);
}
