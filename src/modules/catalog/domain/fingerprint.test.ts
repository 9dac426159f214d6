import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseCatalogue, parseCatalogueProcedure } from './catalogue.ts';
import { canonicalJson, fingerprintProcedure } from './fingerprint.ts';

const crawl = JSON.parse(
  readFileSync(new URL('../../../../../shared/data/procedures/commune-procedures-crawl-2026.json', import.meta.url), 'utf8'),
);
const birth = crawl.procedures.find((p: { ma_thu_tuc: string }) => p.ma_thu_tuc === '1.001193');

describe('fingerprintProcedure', () => {
  test('re-importing the same text gives the same fingerprint', () => {
    const a = fingerprintProcedure(parseCatalogueProcedure(birth).procedure);
    const b = fingerprintProcedure(parseCatalogueProcedure(structuredClone(birth)).procedure);
    assert.equal(a, b);
    assert.match(a, /^[0-9a-f]{64}$/);
  });

  test('key order, Unicode normal form and spacing do not matter', () => {
    const reordered = Object.fromEntries(Object.entries(birth).reverse());
    const respaced = { ...birth, ten_thu_tuc: `  ${birth.ten_thu_tuc.normalize('NFD')} ` };
    const base = fingerprintProcedure(parseCatalogueProcedure(birth).procedure);
    assert.equal(fingerprintProcedure(parseCatalogueProcedure(reordered).procedure), base);
    assert.equal(fingerprintProcedure(parseCatalogueProcedure(respaced).procedure), base);
  });

  test('a changed time or fee gives a new fingerprint', () => {
    const base = fingerprintProcedure(parseCatalogueProcedure(birth).procedure);
    const changed = { ...birth, cach_thuc_thuc_hien: birth.cach_thuc_thuc_hien.replace('Trực tiếp1Miễn phí', 'Trực tiếp1 Ngày làm việcMiễn phí') };
    assert.notEqual(fingerprintProcedure(parseCatalogueProcedure(changed).procedure), base);
  });

  test('all 588 fingerprints are distinct and stable across runs', () => {
    const first = parseCatalogue(crawl).entries.map((e) => fingerprintProcedure(e.procedure));
    const second = parseCatalogue(crawl).entries.map((e) => fingerprintProcedure(e.procedure));
    assert.deepEqual(first, second);
    assert.equal(new Set(first).size, 588);
  });

  test('canonicalJson sorts keys and drops undefined members', () => {
    assert.equal(canonicalJson({ b: 1, a: [undefined, 'x  y'], c: undefined }), '{"a":[null,"x y"],"b":1}');
  });
});
