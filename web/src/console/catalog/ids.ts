// Input ids of a procedure's page, and where an API field name (a publish problem, a validation error) points.
import { fieldPath } from './problems.ts';
import type { CatalogCase } from './types.ts';

export const infoIds = {
  name: 'info-name',
  field: 'info-field',
  levels: 'info-levels',
  procedureType: 'info-type',
  implementingBody: 'info-body',
  competentAuthority: 'info-authority',
  legalBasis: 'info-legal',
  results: 'info-results',
  subjects: 'info-subjects',
  conditions: 'info-conditions',
  steps: 'info-steps',
  receivingAddress: 'info-address',
  channels: 'info-channels',
  onlineLevel: 'info-online',
  onlineLevelReason: 'info-online-reason',
  onTheSpot: 'info-on-the-spot',
  decisionNumber: 'info-decision',
} as const;

/** The first input of a group (checkboxes, radios, rows), which error links focus. */
export const firstOf = {
  levels: `${infoIds.levels}-commune`,
  channels: `${infoIds.channels}-in_person`,
  onlineLevel: `${infoIds.onlineLevel}-full`,
  legalBasis: (i: number) => `${infoIds.legalBasis}-${i}-title`,
  results: (i: number) => `${infoIds.results}-${i}-name`,
};

export const actionIds = {
  addCase: 'case-add',
  publishFrom: 'publish-from',
  publishDecision: 'publish-decision',
  abolishOn: 'abolish-on',
  abolishDecision: 'abolish-decision',
  offerUnit: 'offer-unit',
};

export function caseIds(key: string) {
  const at = `case-${key}`;
  return {
    section: `${at}-heading`,
    name: `${at}-name`,
    kind: `${at}-kind`,
    amount: `${at}-amount`,
    workflow: `${at}-workflow`,
    docs: `${at}-docs`,
    docAdd: `${at}-doc-add`,
    doc: (j: number, part: 'name' | 'copy' | 'count' | 'required' | 'present' | 'form') => `${at}-doc-${j}-${part}`,
    fees: `${at}-fees`,
    feeAdd: `${at}-fee-add`,
    fee: (j: number, part: 'name' | 'free' | 'amount' | 'per' | 'discount' | 'note') => `${at}-fee-${j}-${part}`,
  };
}

/** `path` inside one case's body: `processingTime.amount`, `documents.2.name`, `fees.0`… */
export function locateInCase(key: string, path: string[]): string | undefined {
  const ids = caseIds(key);
  const [head, index, part] = path;
  const j = Number(index);
  switch (head) {
    case 'name': return ids.name;
    case 'processingTime': return index === 'amount' ? ids.amount : ids.kind;
    case 'workflowId': return ids.workflow;
    case 'documents':
      if (index === undefined) return ids.docAdd;
      return ids.doc(j, part === 'count' ? 'count' : part === 'copyType' ? 'copy' : part === 'formFile' ? 'form' : 'name');
    case 'fees':
      if (index === undefined) return ids.feeAdd;
      return ids.fee(j, part === 'onlineDiscountPercent' ? 'discount' : part === 'per' ? 'per' : part === 'name' ? 'name' : 'amount');
    default: return undefined;
  }
}

/** Any field of the procedure: its information, `cases[i]…`, or the publish form's date. */
export function locateInProcedure(field: string, cases: readonly CatalogCase[]): string | undefined {
  const path = fieldPath(field);
  const [head, index] = path;
  if (head === 'cases') {
    if (index === undefined) return actionIds.addCase;
    const item = cases[Number(index)];
    return item ? locateInCase(item.key, path.slice(2)) : actionIds.addCase;
  }
  if (head === 'effectiveFrom') return actionIds.publishFrom;
  if (head === 'levels') return firstOf.levels;
  if (head === 'channels') return firstOf.channels;
  if (head === 'onlineLevel') return firstOf.onlineLevel;
  if (head === 'legalBasis') return firstOf.legalBasis(Number(index ?? 0));
  if (head === 'results') return firstOf.results(Number(index ?? 0));
  return head in infoIds ? infoIds[head as keyof typeof infoIds] : undefined;
}
