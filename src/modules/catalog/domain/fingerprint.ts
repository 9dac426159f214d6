// Content fingerprint of a parsed procedure, so that a re-import can tell "unchanged → nothing to do" from
// "changed → new version". Stable across runs and machines: keys are sorted, text is NFC with whitespace
// collapsed, and nothing time- or run-dependent is part of a parsed procedure.

import { createHash } from 'node:crypto';
import type { ParsedProcedure } from './types.ts';

export function fingerprintProcedure(procedure: ParsedProcedure): string {
  return createHash('sha256').update(canonicalJson(procedure)).digest('hex');
}

/** JSON with object keys sorted and strings normalised; undefined members are dropped like JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC').replace(/\s+/g, ' ').trim());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`Cannot fingerprint a value of type ${typeof value}`);
}
