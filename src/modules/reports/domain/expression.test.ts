import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { evaluate, evaluateFormula, FormulaError, namesIn, parseFormula } from './expression.ts';

const known = new Set(['a', 'b', 'rate', 'target', 'missing']);
const calc = (text: string, values: Record<string, number | null> = { a: 2, b: 3, rate: 0.5, target: 0.7, missing: null }) =>
  evaluate(parseFormula(text, known), values);

describe('formula expressions', () => {
  test('arithmetic with the usual precedence', () => {
    assert.equal(calc('1 + 2 * 3'), 7);
    assert.equal(calc('(1 + 2) * 3'), 9);
    assert.equal(calc('a - b - 1'), -2);
    assert.equal(calc('a / b * 3'), 2);
    assert.equal(calc('-a + -(-b)'), 1);
    assert.equal(calc('22 * min(1, rate / target)'), 22 * (0.5 / 0.7));
    assert.equal(calc('max(a, b, 10)'), 10);
    assert.equal(calc('clamp(25, 0, 18)'), 18);
    assert.equal(calc('round(2 / 3, 2)'), 0.67);
    assert.equal(calc('abs(a - b)'), 1);
    assert.equal(calc('.5 + 1.'), 1.5);
  });

  test('comparisons and if', () => {
    assert.equal(calc('a < b'), 1);
    assert.equal(calc('a >= b'), 0);
    assert.equal(calc('a == 2'), 1);
    assert.equal(calc('a != 2'), 0);
    assert.equal(calc('if(rate >= target, 22, 22 * rate / target)'), 22 * (0.5 / 0.7));
    assert.equal(calc('if(a, 1, 2)'), 1);
  });

  test('null means not measured: it spreads, division by zero gives it, coalesce stops it', () => {
    assert.equal(calc('18 * missing'), null);
    assert.equal(calc('a / 0'), null);
    assert.equal(calc('missing < 1'), null);
    assert.equal(calc('if(missing, 1, 2)'), null);
    assert.equal(calc('min(1, missing)'), null);
    assert.equal(calc('coalesce(missing, a / 0, 4)'), 4);
    assert.equal(calc('20 * (0.7 * rate + 0.3 * (1 - coalesce(missing, 0)))'), 20 * (0.35 + 0.3));
  });

  test('only known names and the listed functions; nothing reaches JavaScript', () => {
    const bad = ['constructor', '__proto__', 'a.b', 'a[0]', 'process.exit(1)', 'eval("1")', 'toString()', 'Math.max(1)',
      'a +', '(a', 'a)', 'min()', 'clamp(1, 2)', 'round(1, 2, 3)', '1 2', 'a = 1', '"x"', 'a ; b', '`1`', 'unknown'];
    for (const text of bad) assert.throws(() => parseFormula(text, known), FormulaError, text);
    assert.throws(() => parseFormula('x'.repeat(1001), known), /at most 1000/);
    assert.throws(() => parseFormula(`${'('.repeat(60)}1${')'.repeat(60)}`, known), /nested too deeply/);
    const error = (() => { try { parseFormula('a + unknown', known); } catch (e) { return e as FormulaError; } })();
    assert.equal(error?.position, 4);
    assert.match(error!.messageVi, /Không có chỉ tiêu "unknown"/);
  });

  test('names used by a formula', () => {
    assert.deepEqual([...namesIn(parseFormula('22 * min(1, rate / target) + a', known))].sort(), ['a', 'rate', 'target']);
  });

  test('evaluates like JavaScript arithmetic on random sums and products', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 8 }), (xs) => {
      const values = Object.fromEntries(xs.map((x, i) => [`v${i}`, x]));
      const text = xs.map((_, i) => `v${i}`).join(' + ') + ' * 2';
      const expected = xs.slice(0, -1).reduce((s, x) => s + x, 0) + xs[xs.length - 1] * 2;
      assert.equal(evaluateFormula(text, values), expected);
    }), { numRuns: 50 });
  });
});
