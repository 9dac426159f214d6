import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCatalogue } from './domain/index.ts';
import { demoProcedures } from './demo-data.ts';
import { demoDraft } from './demo.ts';
import { draftFromParsed, onlineDiscount, processingTimeProblem, publishProblems } from './model.ts';

const crawl = JSON.parse(readFileSync(new URL('../../../../shared/data/procedures/commune-procedures-crawl-2026.json', import.meta.url), 'utf8'));
const { entries } = parseCatalogue(crawl);
const byCode = new Map(entries.map((e) => [e.procedure.code, e.procedure]));
let n = 0;
const key = () => `k${n++}`;

test('an imported procedure keeps the published text beside a time it could not read', () => {
  const draft = draftFromParsed(byCode.get('1.001193')!, key);
  const only = draft.cases[0];
  assert.equal(only.processingTime, null);
  assert.equal(only.needsReview, true);
  assert.equal(only.processingText, 'Trực tuyến: 1; Dịch vụ bưu chính: 1; Trực tiếp: 1');
  assert.equal(draft.content.onlineLevel, 'unknown');
  assert.equal(draft.sourceFingerprint?.length, 64);
  const problems = publishProblems(draft, new Set());
  assert.equal(problems.length, 1);
  assert.equal(problems[0].field, 'cases[0].processingTime');
  assert.match(problems[0].message, /no processing time with a unit \(published text: "Trực tuyến: 1;/);
});

test('a parsed time is kept with its text and rule; the online fee becomes a discount', () => {
  const draft = draftFromParsed(byCode.get('1.004222')!, key);
  assert.deepEqual(draft.cases[0].processingTime, { amount: 7, kind: 'working_days' });
  assert.equal(draft.cases[0].needsReview, false);
  assert.equal(draft.cases[0].fees[0].amountVnd, 20000);
  assert.equal(draft.cases[0].fees[0].onlineDiscountPercent, 50);
  assert.deepEqual(publishProblems(draft, new Set()), []);
  assert.equal(onlineDiscount(null, []), null);
});

test('processing times follow the calendar module’s limits', () => {
  assert.equal(processingTimeProblem({ amount: 0, kind: 'same_day' }), null);
  assert.equal(processingTimeProblem({ amount: 2.5, kind: 'working_days' }), null);
  assert.ok(processingTimeProblem({ amount: 2.3, kind: 'working_days' }));
  assert.ok(processingTimeProblem({ amount: 1.5, kind: 'calendar_days' }));
  assert.ok(processingTimeProblem({ amount: 0, kind: 'working_days' }));
  assert.ok(processingTimeProblem({ amount: 1, kind: 'same_day' }));
});

test('publish checks: partial online needs its reason; on the spot cannot take days; unknown workflows', () => {
  const draft = demoDraft(demoProcedures.find((p) => p.code === '2.000815')!);
  assert.deepEqual(publishProblems(draft, new Set()), []);
  draft.content.onlineLevelReason = null;
  draft.cases[0].processingTime = { amount: 3, kind: 'working_days' };
  draft.cases[0].workflowId = 'w1';
  const fields = publishProblems(draft, new Set()).map((p) => p.field);
  assert.deepEqual(fields, ['onlineLevelReason', 'cases[0].processingTime', 'cases[0].workflowId']);
  assert.deepEqual(publishProblems(draft, new Set(['w1'])).map((p) => p.field), ['onlineLevelReason', 'cases[0].processingTime']);
});

test('the demo catalogue: 25 procedures that all pass the publish checks', () => {
  assert.equal(demoProcedures.length, 25);
  assert.equal(new Set(demoProcedures.map((p) => p.code)).size, 25);
  for (const p of demoProcedures) assert.deepEqual(publishProblems(demoDraft(p), new Set()), [], p.code);
  const birth = demoProcedures.find((p) => p.code === '1.001193')!;
  assert.deepEqual(birth.cases[0].time, { amount: 0, kind: 'same_day' });
  assert.ok(demoProcedures.some((p) => p.onTheSpot && p.name.startsWith('Chứng thực bản sao')));
  assert.ok(demoProcedures.some((p) => p.cases.some((c) => c.time.kind === 'working_days' && c.time.amount > 5)));
  // Every demo procedure is in the national catalogue file with the same name.
  for (const p of demoProcedures) assert.equal(byCode.get(p.code)?.name, p.name, p.code);
});
