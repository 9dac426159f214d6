// From request bodies to the model: text in NFC and trimmed, empty text as null, only the fields sent changed.

import type { Static } from 'typebox';
import type { ProcessingTime } from './domain/index.ts';
import { emptyContent, levelText, type CaseInput, type DocumentInput, type FeeInput, type ProcedureContent } from './model.ts';
import type { CaseBody, DocumentBody, FeeBody, UpdateProcedureBody } from './schemas.ts';

export type ContentBody = Omit<Static<typeof UpdateProcedureBody>, 'version'>;

export function contentFrom(body: ContentBody, base: ProcedureContent | null): ProcedureContent {
  const out: ProcedureContent = { ...(base ?? emptyContent('')) };
  const set = <K extends keyof ProcedureContent>(key: K, value: ProcedureContent[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('name', body.name?.normalize('NFC').trim());
  set('field', nfcOrNull(body.field));
  if (body.levels !== undefined) {
    out.levels = body.levels;
    out.levelText = levelText(body.levels);
  }
  set('procedureType', nfcOrNull(body.procedureType));
  set('implementingBody', nfcOrNull(body.implementingBody));
  set('competentAuthority', nfcOrNull(body.competentAuthority));
  set('legalBasis', body.legalBasis?.map((l) => ({ title: l.title.normalize('NFC'), number: l.number })));
  set('results', body.results?.map((r) => ({ name: r.name.normalize('NFC'), code: r.code })));
  set('subjects', body.subjects?.map((s) => s.normalize('NFC')));
  set('conditions', nfcOrNull(body.conditions));
  set('steps', nfcOrNull(body.steps));
  set('receivingAddress', nfcOrNull(body.receivingAddress));
  set('channels', body.channels);
  set('onlineLevel', body.onlineLevel);
  set('onlineLevelReason', nfcOrNull(body.onlineLevelReason));
  set('onTheSpot', body.onTheSpot);
  set('decisionNumber', nfcOrNull(body.decisionNumber));
  return out;
}

type CaseFields = Static<typeof CaseBody>;

/** A case from the body, on top of `base` when changing one. Setting a time ends its review. */
export function caseFrom(body: CaseFields, base: CaseInput | null): Omit<CaseInput, 'key'> {
  const time: ProcessingTime | null | undefined = body.processingTime;
  return {
    name: body.name !== undefined ? nfcOrNull(body.name) ?? null : base?.name ?? null,
    processingTime: time !== undefined ? time : base?.processingTime ?? null,
    processingText: body.processingText !== undefined ? nfcOrNull(body.processingText) ?? null : base?.processingText ?? null,
    processingRule: time !== undefined ? null : base?.processingRule ?? null,
    needsReview: time !== undefined ? time === null : base?.needsReview ?? true,
    workflowId: body.workflowId !== undefined ? body.workflowId : base?.workflowId ?? null,
    documents: body.documents ? body.documents.map(documentFrom) : base?.documents ?? [],
    fees: body.fees ? body.fees.map(feeFrom) : base?.fees ?? [],
  };
}

function documentFrom(d: Static<typeof DocumentBody>): DocumentInput {
  const copyType = d.copyType ?? null;
  const count = d.count ?? null;
  return {
    name: d.name.normalize('NFC').trim(), copyType, count,
    originalCount: copyType === 'original' ? count : null, copyCount: copyType === 'copy' ? count : null,
    certifiedCopy: d.certifiedCopy ?? false, required: d.required ?? true, conditional: d.conditional ?? false,
    presentOnly: d.presentOnly ?? false, group: nfcOrNull(d.group) ?? null, formFile: nfcOrNull(d.formFile) ?? null,
    quantityText: null, sourceText: null,
  };
}

function feeFrom(f: Static<typeof FeeBody>): FeeInput {
  const free = f.free === true || f.amountVnd === 0;
  const amount = free ? 0 : f.amountVnd ?? null;
  return {
    name: nfcOrNull(f.name) ?? null, status: free ? 'free' : amount === null ? 'not_given' : 'amount', amountVnd: amount,
    per: nfcOrNull(f.per) ?? null, onlineDiscountPercent: f.onlineDiscountPercent ?? null, foreignAmount: null,
    suggestedAmountVnd: null, note: nfcOrNull(f.note) ?? null, feeText: null,
  };
}

function nfcOrNull(text: string | null | undefined): string | null | undefined {
  if (text === undefined) return undefined;
  if (text === null) return null;
  const t = text.normalize('NFC').trim();
  return t === '' ? null : t;
}
