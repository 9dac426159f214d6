import type { FieldError } from '../errors.ts';

// Turns JSON-schema validation failures into field errors in English and Vietnamese.

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const formatVi: Record<string, string> = {
  date: 'ngày dạng YYYY-MM-DD',
  'date-time': 'thời điểm dạng RFC 3339 (ví dụ 2026-01-09T10:00:00+07:00)',
  email: 'địa chỉ email hợp lệ',
  uuid: 'mã định danh (UUID) hợp lệ',
};

const typeVi: Record<string, string> = {
  string: 'chuỗi ký tự',
  integer: 'số nguyên',
  number: 'số',
  boolean: 'true hoặc false',
  object: 'đối tượng',
  array: 'danh sách',
};

function describe(e: AjvError): { en: string; vi: string } {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return { en: 'is required', vi: 'là bắt buộc' };
    case 'type':
      return { en: `must be ${p.type}`, vi: `phải là ${typeVi[String(p.type)] ?? p.type}` };
    case 'minLength':
      return Number(p.limit) === 1
        ? { en: 'must not be empty', vi: 'không được để trống' }
        : { en: `must have at least ${p.limit} characters`, vi: `phải có ít nhất ${p.limit} ký tự` };
    case 'maxLength':
      return { en: `must have at most ${p.limit} characters`, vi: `không được quá ${p.limit} ký tự` };
    case 'minimum':
      return { en: `must be ≥ ${p.limit}`, vi: `phải lớn hơn hoặc bằng ${p.limit}` };
    case 'maximum':
      return { en: `must be ≤ ${p.limit}`, vi: `phải nhỏ hơn hoặc bằng ${p.limit}` };
    case 'minItems':
      return { en: `must have at least ${p.limit} items`, vi: `phải có ít nhất ${p.limit} mục` };
    case 'maxItems':
      return { en: `must have at most ${p.limit} items`, vi: `không được quá ${p.limit} mục` };
    case 'format':
      return { en: `must be a valid ${p.format}`, vi: `phải là ${formatVi[String(p.format)] ?? String(p.format)}` };
    case 'enum':
      return {
        en: `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`,
        vi: `phải là một trong: ${(p.allowedValues as unknown[]).join(', ')}`,
      };
    case 'const':
      return { en: `must be ${JSON.stringify(p.allowedValue)}`, vi: `phải là ${JSON.stringify(p.allowedValue)}` };
    case 'pattern':
      return { en: 'has the wrong format', vi: 'không đúng định dạng' };
    case 'additionalProperties':
      return { en: 'is not an accepted field', vi: 'không phải là trường được chấp nhận' };
    default:
      return { en: e.message ?? 'is invalid', vi: 'không hợp lệ' };
  }
}

function fieldName(e: AjvError): string {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra =
    e.keyword === 'required' ? String(e.params.missingProperty)
    : e.keyword === 'additionalProperties' ? String(e.params.additionalProperty)
    : '';
  return [path, extra].filter(Boolean).join('.') || '(root)';
}

export function fieldErrorsFrom(validation: AjvError[], context?: string): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of validation) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const field = fieldName(e);
    if (seen.has(field)) continue;
    seen.add(field);
    const { en, vi } = describe(e);
    const where = context && context !== 'body' ? `${context}.` : '';
    out.push({ field: `${where}${field}`, message: `${field} ${en}`, messageVi: `Trường «${field}» ${vi}` });
  }
  return out;
}
