import { useCallback } from 'react';
import { ApiError } from '../../api.ts';
import { useFormErrors, type Problem } from '../../components/formErrors.ts';
import { navigate, useLocation } from '../../router.tsx';
import type { Draft, DraftData, DraftFile, ProcedureDetail } from '../citizenTypes.ts';
import type { LocalDraft } from './draftStore.ts';
import { journeyPath, nextStep, previousStep, type StepName } from './journey.ts';

export interface Journey {
  code: string;
  procedure: ProcedureDetail;
  draft: LocalDraft;
  files: DraftFile[];
  offline: boolean;
  change: (patch: Partial<DraftData> | ((data: DraftData) => Partial<DraftData>)) => void;
  save: (patch: Partial<DraftData>) => Promise<LocalDraft>;
  addFile: (file: DraftFile) => void;
  adopt: (server: Draft) => void;
}

/** A lost connection gets a message that says the answers are safe here and what to do. */
export function saveFailure(cause: unknown): unknown {
  if (cause instanceof ApiError && (cause.code === 'network_error' || cause.status === 0 || cause.status >= 500)) {
    return new ApiError(0, 'not_saved',
      'Your answers could not be saved on the server (no connection). They are kept on this device: check your connection and press “Continue” again.',
      'Chưa lưu được câu trả lời lên máy chủ (mất kết nối). Câu trả lời vẫn được giữ trên thiết bị này: hãy kiểm tra kết nối mạng rồi bấm “Tiếp tục” lần nữa.');
  }
  return cause;
}

/** A question page's form: its errors, its back link, and "save, then go on" (to the next page or back to the check). */
export function useStep(journey: Journey, step: StepName, fieldIds: Record<string, string>) {
  const form = useFormErrors(fieldIds);
  const returnTo = useLocation().query.get('quay-lai');
  const previous = previousStep(journey.procedure, step);
  const back = returnTo === 'kiem-tra' ? journeyPath(journey.code, 'kiem-tra') : journeyPath(journey.code, previous ?? undefined);
  const { showProblems, showApiError, clear } = form;

  const saveAndContinue = useCallback(async (patch: Partial<DraftData>, problems: Problem[], firstField?: string) => {
    journey.change(patch);
    if (showProblems(problems)) return;
    const to = returnTo === 'kiem-tra' ? 'kiem-tra' : nextStep(journey.procedure, step);
    try {
      await journey.save({ ...patch, step: to });
      clear();
      navigate(journeyPath(journey.code, to));
    } catch (cause) {
      showApiError(saveFailure(cause), firstField);
    }
  }, [journey, step, returnTo, showProblems, showApiError, clear]);

  return { ...form, back, saveAndContinue };
}
