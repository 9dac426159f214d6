import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CALENDAR_RULES, getCalendar } from '../../../calendar/index.ts';
import { checkCitizenId, maskName, maskPhone, normalisePhone } from './applicant.ts';
import { dossierCode, dossierCodePattern, lookupSecretFrom } from './code.ts';
import { dossierStates, nationalStatus } from './states.ts';
import { contributions, statDeltas, type StatView } from './stats.ts';
import { availableActions, decide, DomainError, type DecideEnv, type DossierSnapshot } from './transitions.ts';
import type { Workflow } from './workflow.ts';

const workflow: Workflow = {
  versionId: 'w1',
  definition: {
    steps: [
      { key: 'receive', name: 'Tiếp nhận', nameEn: 'Receive', role: 'desk_officer', unitKind: null, unitId: null, share: 10, actions: ['forward', 'request_supplement', 'refuse'], next: ['appraise'], final: false },
      { key: 'appraise', name: 'Thẩm định', nameEn: 'Appraise', role: 'specialist', unitKind: null, unitId: null, share: 60, actions: ['forward', 'return_previous', 'request_supplement', 'refuse'], next: ['approve'], final: false },
      { key: 'approve', name: 'Phê duyệt', nameEn: 'Approve', role: 'leader', unitKind: null, unitId: null, share: 20, actions: ['approve', 'return_previous', 'refuse'], next: ['return'], final: false },
      { key: 'return', name: 'Trả kết quả', nameEn: 'Return', role: 'desk_officer', unitKind: null, unitId: null, share: 10, actions: ['forward'], next: [], final: true },
    ],
  },
};
const calendar = getCalendar(DEFAULT_CALENDAR_RULES);
const env = (roles: DecideEnv['roles'], now = new Date('2026-03-03T02:00:00Z')): DecideEnv => ({
  now, calendar, duration: { kind: 'working_days', amount: 3 }, workflow, roles, ruleVersion: 'v', supplementWindowWorkingDays: 3,
});
const received: DossierSnapshot = {
  state: 'received', stepKey: 'receive', stepTrail: [], stateBeforePause: null, stateBeforeSupplement: null,
  receivedAt: new Date('2026-03-02T02:00:00Z'), clockStartAt: new Date('2026-03-02T02:00:00Z'), dueAt: new Date('2026-03-05T10:00:00Z'),
  appointmentAt: new Date('2026-03-05T10:00:00Z'), apologyCount: 0, pausedSince: null, paymentDue: false,
};

test('every local state maps to one national status code 1–10', () => {
  for (const s of dossierStates) assert.ok(nationalStatus[s] >= 1 && nationalStatus[s] <= 10, s);
  assert.deepEqual([...new Set(Object.values(nationalStatus))].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('the actions offered follow the state, the step and the roles', () => {
  assert.deepEqual(availableActions(received, workflow, ['desk_officer']).sort(), ['apologize', 'correct_intake', 'forward', 'pause_financial', 'refuse', 'request_supplement', 'withdraw'].sort());
  assert.deepEqual(availableActions(received, workflow, ['report_viewer']), []);
  const atLeader = { ...received, state: 'in_progress' as const, stepKey: 'approve', stepTrail: ['receive', 'appraise'] };
  assert.ok(availableActions(atLeader, workflow, ['leader']).includes('approve'));
  assert.ok(!availableActions(atLeader, workflow, ['desk_officer']).includes('approve'));
  const returned = { ...received, state: 'returned' as const };
  assert.deepEqual(availableActions(returned, workflow, ['desk_officer', 'leader', 'specialist']), []);
});

test('illegal transitions are refused with a bilingual reason', () => {
  const returned = { ...received, state: 'returned' as const };
  assert.throws(() => decide(returned, { action: 'forward' }, env(['desk_officer'])), (e: DomainError) => e.code === 'action_not_allowed' && /Không thể/.test(e.messageVi));
  assert.throws(() => decide(received, { action: 'forward' }, env(['specialist'])), (e: DomainError) => e.code === 'role_not_allowed');
  assert.throws(() => decide(received, { action: 'forward', toStep: 'approve' }, env(['desk_officer'])), (e: DomainError) => e.code === 'invalid_next_step');
});

test('forward records the trail and a step deadline inside the processing time', () => {
  const d = decide(received, { action: 'forward' }, env(['desk_officer']));
  assert.equal(d.next.stepKey, 'appraise');
  assert.deepEqual(d.next.stepTrail, ['receive']);
  assert.ok(d.stepDeadline && d.stepDeadline <= received.dueAt!);
  const back = decide(d.next, { action: 'return_previous', note: 'Thiếu chữ ký' }, env(['specialist']));
  assert.equal(back.next.stepKey, 'receive');
  assert.equal(back.next.state, 'received');
});

test('a supplement after 3 working days is refused; completion restarts the clock', () => {
  assert.throws(() => decide(received, { action: 'request_supplement', reason: 'x' }, env(['desk_officer'], new Date('2026-03-06T02:00:00Z'))),
    (e: DomainError) => e.code === 'supplement_window_closed');
  const asked = decide(received, { action: 'request_supplement', reason: 'x' }, env(['desk_officer'])).next;
  const done = decide(asked, { action: 'complete_supplement' }, env(['desk_officer'], new Date('2026-03-09T02:00:00Z')));
  assert.equal(done.next.dueAt!.toISOString(), '2026-03-12T10:00:00.000Z');
  assert.equal(done.next.state, 'received');
});

test('CCCD format and birth-year consistency; phones; masking', () => {
  assert.ok(checkCitizenId('027190001234', 1990).ok);
  assert.ok(checkCitizenId('001305012345', 2005).ok);
  assert.equal(checkCitizenId('02719000123').ok, false);
  assert.match(checkCitizenId('027190001234', 1991).messageVi!, /1990/);
  assert.equal(normalisePhone('+84 912 345 678'), '0912345678');
  assert.equal(normalisePhone('12345'), null);
  assert.equal(maskName('Nguyễn Văn An'), 'N***** V** An');
  assert.equal(maskPhone('0912345678'), '*******678');
});

test('dossier codes and lookup secrets', () => {
  const code = dossierCode('000.29.24.H04', new Date('2026-03-01T18:30:00Z'), 12);
  assert.equal(code, '000.29.24.H04-260302-0012'); // 01:30 on 2 March in Vietnam
  assert.match(code, dossierCodePattern);
  assert.throws(() => dossierCode('X.Y', new Date(), 10000));
  assert.match(lookupSecretFrom(new Uint8Array(10).fill(255)), /^[A-Z2-9]{10}$/);
});

test('statistics: contributions net out; a late finish counts once as late', () => {
  const base: StatView = {
    unitId: 'u', procedureId: 'p', channel: 'online', state: 'in_progress', submittedAt: new Date('2026-03-02T02:00:00Z'),
    receivedAt: new Date('2026-03-02T02:00:00Z'), dueAt: new Date('2026-03-05T10:00:00Z'), finishedAt: null, closedAt: null, supplemented: false, processingMs: null,
  };
  assert.deepEqual(contributions(base).map((c) => `${c.day}:${c.column}`).sort(), ['2026-03-02:received_online', '2026-03-05:due']);
  const late = { ...base, state: 'result_ready' as const, finishedAt: new Date('2026-03-06T02:00:00Z'), closedAt: new Date('2026-03-06T02:00:00Z'), processingMs: 1 };
  const delta = statDeltas(base, late).map((d) => `${d.day}:${d.column}:${d.amount}`).sort();
  assert.deepEqual(delta, ['2026-03-06:closed_due:1', '2026-03-06:processing_ms:1', '2026-03-06:resolved_late:1']);
  assert.deepEqual(statDeltas(late, late), []);
});
