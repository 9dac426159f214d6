import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarise } from './scale.ts';

test('the summary counts each level and the share satisfied or better', () => {
  const s = summarise([
    { attitude: 'very_satisfied', overall: 'satisfied', n: 3 },
    { attitude: 'satisfied', overall: null, n: 3 },
    { attitude: 'dissatisfied', overall: 'neutral', n: 1 },
  ]);
  assert.equal(s.total, 7);
  assert.equal(s.attitude.very_satisfied, 3);
  assert.equal(s.attitudeSatisfiedPercent, 85.7);
  assert.equal(s.overallSatisfiedPercent, 75);
  assert.equal(summarise([]).attitudeSatisfiedPercent, null);
});
