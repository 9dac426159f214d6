import { Type, type Static, type TSchema } from 'typebox';

// Schemas shared by every route: the error shape, identifiers, pagination.

export const FieldErrorSchema = Type.Object({
  field: Type.String(),
  message: Type.String(),
  messageVi: Type.String(),
});

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      messageVi: Type.String(),
      fields: Type.Optional(Type.Array(FieldErrorSchema)),
    }),
  },
  { $id: 'Error', description: 'Every failure: HTTP status plus this body, in English and Vietnamese.' },
);

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input / Dữ liệu không hợp lệ',
  401: 'Not signed in / Chưa đăng nhập',
  403: 'Not allowed / Không có quyền',
  404: 'Not found / Không tìm thấy',
  409: 'Conflict / Xung đột dữ liệu',
  413: 'Too large / Quá lớn',
  415: 'Unsupported type / Định dạng không hỗ trợ',
  422: 'Cannot process / Không thể xử lý',
  429: 'Too many requests / Quá nhiều yêu cầu',
};

/** Response schemas for the listed error statuses, to spread into a route's `response`. */
export function errors(...statuses: number[]): Record<number, TSchema> {
  const out: Record<number, TSchema> = {};
  for (const s of statuses) out[s] = Type.Ref('Error', { description: errorDescriptions[s] ?? 'Error' });
  return out;
}

export const Uuid = Type.String({ format: 'uuid' });
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const DateTime = Type.String({ format: 'date-time' });
/**
 * The schema, or null. With a `type`, written as OpenAPI 3.0's `nullable: true` (which the response serialiser
 * handles without validating each value against the alternatives); otherwise as a union with null.
 */
export function Nullable<T extends TSchema>(schema: T) {
  const s = schema as { type?: unknown; enum?: unknown[] };
  if (typeof s.type !== 'string') return Type.Unsafe<Static<T> | null>(Type.Union([schema, Type.Null()]));
  return Type.Unsafe<Static<T> | null>({ ...schema, nullable: true, ...(s.enum ? { enum: [...s.enum, null] } : {}) });
}

export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'Opaque cursor from nextCursor' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const IdParams = Type.Object({ id: Uuid });
export const Ok = Type.Object({ ok: Type.Boolean() });

/** A string that is one of `values`, typed as their union (and shown as an enum in OpenAPI). */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

/** A file response (PDF, XLSX, CSV…): sent as bytes, described in OpenAPI. */
export const Binary = (description: string) => Type.Unsafe<Buffer | string>({ type: 'string', format: 'binary', description });
