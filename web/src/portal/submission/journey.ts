// The pages of the online submission, in order. A procedure with one case skips the case question.
import type { MessageKey } from '../../i18n/vi.ts';
import type { ProcedureDetail } from '../citizenTypes.ts';

export type StepName = 'noi-nop' | 'truong-hop' | 'nguoi-nop' | 'lien-he' | 'giay-to' | 'kiem-tra';

export const stepTitles: Record<StepName, MessageKey> = {
  'noi-nop': 'journey.unit.title',
  'truong-hop': 'journey.case.title',
  'nguoi-nop': 'journey.applicant.title',
  'lien-he': 'journey.contact.title',
  'giay-to': 'journey.documents.title',
  'kiem-tra': 'journey.check.title',
};

export function stepsOf(procedure: ProcedureDetail): StepName[] {
  return ['noi-nop', ...(procedure.cases.length > 1 ? ['truong-hop' as const] : []), 'nguoi-nop', 'lien-he', 'giay-to', 'kiem-tra'];
}

export const journeyPath = (code: string, step?: string) => `/nop-truc-tuyen/${encodeURIComponent(code)}${step ? `/${step}` : ''}`;

export function nextStep(procedure: ProcedureDetail, step: StepName): StepName {
  const steps = stepsOf(procedure);
  return steps[Math.min(steps.indexOf(step) + 1, steps.length - 1)];
}

export function previousStep(procedure: ProcedureDetail, step: StepName): StepName | null {
  const steps = stepsOf(procedure);
  const i = steps.indexOf(step);
  return i > 0 ? steps[i - 1] : null;
}

/** Which page asks for an API field, so the server's problems link to the right question. */
export function stepOfField(field: string): StepName {
  if (field === 'unitId') return 'noi-nop';
  if (field === 'caseKey') return 'truong-hop';
  if (field.startsWith('applicant.')) return 'nguoi-nop';
  if (field.startsWith('contact.')) return 'lien-he';
  if (field.startsWith('documents')) return 'giay-to';
  return 'kiem-tra';
}

export function isStep(value: string): value is StepName {
  return value in stepTitles;
}

/** The case the answers chose, or the only one. */
export function chosenCase(procedure: ProcedureDetail, caseKey: string | null | undefined) {
  return procedure.cases.length === 1 ? procedure.cases[0] : procedure.cases.find((c) => c.key === caseKey) ?? null;
}
