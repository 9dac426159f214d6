// A case's form values, checks and request body. Numbers stay text while typed ("70.000", "0,5") and are read on
// saving; fields the form does not show (certified copy, group…) are carried over unchanged.
import type { Problem } from '../../components/formErrors.ts';
import { caseIds } from './ids.ts';
import type { CatalogCase, CatalogDocument, CatalogFee, CopyType, DurationKind } from './types.ts';

export interface DocumentRow {
  name: string;
  copyType: CopyType | '';
  count: string;
  required: boolean;
  presentOnly: boolean;
  formFile: string;
  kept: Pick<CatalogDocument, 'certifiedCopy' | 'conditional' | 'group' | 'sourceText'>;
}

export interface FeeRow {
  name: string;
  free: boolean;
  amount: string;
  per: string;
  discount: string;
  note: string;
  /** The published text the fee was read from (import), shown while it is reviewed. */
  sourceText: string | null;
}

export interface CaseValues {
  name: string;
  kind: DurationKind | '';
  amount: string;
  workflowId: string;
  documents: DocumentRow[];
  fees: FeeRow[];
}

export const newDocument = (): DocumentRow => ({
  name: '', copyType: 'original', count: '1', required: true, presentOnly: false, formFile: '',
  kept: { certifiedCopy: false, conditional: false, group: null, sourceText: null },
});

export const newFee = (): FeeRow => ({ name: '', free: false, amount: '', per: '', discount: '', note: '', sourceText: null });

export function caseValues(item: CatalogCase): CaseValues {
  const time = item.processingTime;
  return {
    name: item.name ?? '',
    kind: time?.kind ?? '',
    amount: time && time.kind !== 'same_day' ? String(time.amount).replace('.', ',') : '',
    workflowId: item.workflow && !item.workflow.isDefault ? item.workflow.id : '',
    documents: item.documents.map(documentRow),
    fees: item.fees.map(feeRow),
  };
}

function documentRow(d: CatalogDocument): DocumentRow {
  return {
    name: d.name, copyType: d.copyType ?? '', count: d.count === null ? '' : String(d.count), required: d.required,
    presentOnly: d.presentOnly, formFile: d.formFile ?? '',
    kept: { certifiedCopy: d.certifiedCopy, conditional: d.conditional, group: d.group, sourceText: d.sourceText },
  };
}

function feeRow(f: CatalogFee): FeeRow {
  return {
    name: f.name ?? '', free: f.free, amount: f.amountVnd === null || f.free ? '' : String(f.amountVnd), per: f.per ?? '',
    discount: f.onlineDiscountPercent === null ? '' : String(f.onlineDiscountPercent), note: f.note ?? '',
    sourceText: f.status === 'suspect' || f.status === 'unrecognised' || f.status === 'foreign_currency' ? f.feeText : null,
  };
}

/** "0,5" → 0.5; empty or not a number → NaN. */
export function decimal(text: string): number {
  const clean = text.trim().replace(',', '.');
  return clean && /^\d+(\.\d+)?$/.test(clean) ? Number(clean) : Number.NaN;
}

/** "70.000", "70,000" and "70 000" are seventy thousand đồng: separators of thousands, never decimals. */
export function vnd(text: string): number {
  const clean = text.trim();
  return /^\d{1,3}([.,\s]\d{3})*$|^\d+$/.test(clean) ? Number(clean.replace(/[.,\s]/g, '')) : Number.NaN;
}

export function checkCase(key: string, values: CaseValues): Problem[] {
  const ids = caseIds(key);
  const problems: Problem[] = [];
  if (values.kind && values.kind !== 'same_day') {
    const amount = decimal(values.amount);
    if (!(amount > 0)) problems.push([ids.amount, 'catalog.amountMissing']);
    else if (values.kind === 'working_days' && !Number.isInteger(amount * 2)) problems.push([ids.amount, 'catalog.amountHalfDays']);
    else if (values.kind === 'calendar_days' && !Number.isInteger(amount)) problems.push([ids.amount, 'catalog.amountWholeDays']);
  }
  values.documents.forEach((d, j) => {
    if (!d.name.trim()) problems.push([ids.doc(j, 'name'), 'catalog.documentNameMissing']);
    if (d.count.trim() && !/^\d{1,2}$/.test(d.count.trim())) problems.push([ids.doc(j, 'count'), 'catalog.documentCountInvalid']);
  });
  values.fees.forEach((f, j) => {
    if (!f.free && f.amount.trim() && Number.isNaN(vnd(f.amount))) problems.push([ids.fee(j, 'amount'), 'catalog.feeAmountInvalid']);
    if (f.discount.trim() && !(decimal(f.discount) <= 100)) problems.push([ids.fee(j, 'discount'), 'catalog.feeDiscountInvalid']);
  });
  return problems;
}

const textOrNull = (text: string) => (text.trim() ? text.trim() : null);

/** The body of `PATCH …/cases/{key}` (without the version): documents and fees replace the stored lists. */
export function caseBody(values: CaseValues): Record<string, unknown> {
  return {
    name: textOrNull(values.name),
    processingTime: values.kind ? { kind: values.kind, amount: values.kind === 'same_day' ? 0 : decimal(values.amount) } : null,
    workflowId: values.workflowId || null,
    documents: values.documents.map((d) => ({
      name: d.name.trim(), copyType: d.copyType || null, count: d.count.trim() ? Number(d.count.trim()) : null,
      required: d.required, presentOnly: d.presentOnly, formFile: textOrNull(d.formFile),
      certifiedCopy: d.kept.certifiedCopy, conditional: d.kept.conditional, group: d.kept.group,
    })),
    fees: values.fees.map((f) => ({
      name: textOrNull(f.name), free: f.free, amountVnd: f.free ? 0 : f.amount.trim() ? vnd(f.amount) : null,
      per: textOrNull(f.per), onlineDiscountPercent: f.discount.trim() ? decimal(f.discount) : null, note: textOrNull(f.note),
    })),
  };
}
