import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { WorkflowDefinition, WorkflowStep } from './types.ts';
import { validateWorkflow } from './validate.ts';

const step = (key: string, share: number, next: string[], extra: Partial<WorkflowStep> = {}): WorkflowStep => ({
  key, name: `Bước ${key}`, nameEn: `Step ${key}`, role: 'specialist', unitKind: null, unitId: null, share,
  actions: ['forward'], next, final: next.length === 0, ...extra,
});

const standard: WorkflowDefinition = {
  steps: [
    step('receive', 10, ['appraise'], { role: 'desk_officer', actions: ['forward', 'request_supplement', 'refuse'] }),
    step('appraise', 60, ['approve'], { actions: ['forward', 'return_previous', 'request_supplement', 'refuse'] }),
    step('approve', 20, ['return_result'], { role: 'leader', actions: ['approve', 'return_previous', 'refuse'] }),
    step('return_result', 10, [], { role: 'desk_officer' }),
  ],
};

const codes = (d: WorkflowDefinition) => validateWorkflow(d).map((p) => p.code);

describe('workflow validation before publish', () => {
  test('desk → specialist → leader → desk is valid; so is a one-step on-the-spot workflow', () => {
    assert.deepEqual(validateWorkflow(standard), []);
    assert.deepEqual(validateWorkflow({ steps: [step('resolve', 100, [], { actions: ['approve', 'refuse'] })] }), []);
  });

  test('a workflow that cannot reach its end is refused with a clear message', () => {
    const noEnd: WorkflowDefinition = {
      steps: [step('receive', 50, ['appraise']), step('appraise', 50, ['receive'])],
    };
    const problems = validateWorkflow(noEnd);
    assert.ok(problems.some((p) => p.code === 'no_reachable_end'), JSON.stringify(problems));
    const end = problems.find((p) => p.code === 'no_reachable_end')!;
    assert.match(end.message, /no final step can be reached/);
    assert.match(end.messageVi, /không có bước kết thúc nào đến được/);
  });

  test('dead and unreachable steps are named', () => {
    const d: WorkflowDefinition = {
      steps: [
        step('receive', 10, ['appraise', 'stuck']),
        step('appraise', 90, []),
        step('stuck', 90, ['loop']),
        step('loop', 0, ['stuck']),
        step('orphan', 0, []),
      ],
    };
    const problems = validateWorkflow(d);
    assert.ok(problems.some((p) => p.code === 'dead_step' && p.message.includes('"stuck"')));
    assert.ok(problems.some((p) => p.code === 'unreachable_step' && p.message.includes('"orphan"')));
    assert.ok(problems.some((p) => p.code === 'cycle'));
  });

  test('shares must sum to 100% along every path, branches included', () => {
    assert.deepEqual(codes({ steps: [step('a', 30, ['b']), step('b', 60, [])] }), ['shares_not_total']);
    const branch: WorkflowDefinition = {
      steps: [step('a', 10, ['b', 'c']), step('b', 80, ['d']), step('c', 70, ['d']), step('d', 10, [])],
    };
    const problems = validateWorkflow(branch);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /a → c → d sum to 90%/);
    branch.steps[2].share = 80;
    assert.deepEqual(validateWorkflow(branch), []);
  });

  test('structural mistakes: unknown next step, duplicate keys, final with next, no way on, return from the first step', () => {
    assert.ok(codes({ steps: [step('a', 100, ['zzz'])] }).includes('unknown_next'));
    assert.ok(codes({ steps: [step('a', 50, ['a2']), step('a', 50, [])] }).includes('duplicate_key'));
    assert.ok(codes({ steps: [step('a', 50, ['b'], { final: true }), step('b', 50, [])] }).includes('final_with_next'));
    assert.ok(codes({ steps: [step('a', 100, [], { actions: ['refuse'] })] }).includes('no_way_on'));
    assert.ok(codes({ steps: [step('a', 100, [], { actions: ['forward', 'return_previous'] })] }).includes('return_from_first'));
    assert.ok(codes({ steps: [] }).includes('no_steps'));
    assert.ok(codes({ steps: [step('A b', 100, [])] }).includes('invalid_key'));
    assert.ok(codes({ steps: [step('a', 100, [], { role: 'mayor' as never })] }).includes('invalid_role'));
  });
});
