// Validation of a workflow definition before it is published. A published workflow must let every dossier
// finish: every step is reachable from the first, every step can reach a final step, the hand-over graph has no
// loop (going back is the return_previous action, not an edge), and the time shares along every path from the
// first step to a final step sum to 100%.

import { roles } from '../../../access/roles.ts';
import { unitKinds } from '../../../units/kinds.ts';
import { workflowActions, type WorkflowDefinition, type WorkflowProblem, type WorkflowStep } from './types.ts';

const SHARE_TOTAL = 100;
const EPSILON = 1e-6;
const KEY = /^[a-z][a-z0-9_]{0,39}$/;

export function validateWorkflow(definition: WorkflowDefinition): WorkflowProblem[] {
  const steps = definition.steps ?? [];
  if (steps.length === 0) {
    return [problem('steps', 'no_steps', 'the workflow has no steps', 'quy trình chưa có bước nào')];
  }
  const problems = steps.flatMap((step, i) => stepProblems(step, i, steps));
  const keys = new Map(steps.map((s, i) => [s.key, i]));
  if (problems.some((p) => p.code === 'duplicate_key' || p.code === 'unknown_next')) return problems;

  const reachable = reach(steps[0].key, (key) => steps[keys.get(key)!].next);
  steps.forEach((step, i) => {
    if (!reachable.has(step.key)) {
      problems.push(problem(`steps[${i}]`, 'unreachable_step',
        `step "${step.key}" cannot be reached from the first step "${steps[0].key}"`,
        `bước "${step.name}" không thể đến được từ bước đầu tiên "${steps[0].name}"`));
    }
  });
  const finals = steps.filter((s) => s.final).map((s) => s.key);
  if (!finals.some((k) => reachable.has(k))) {
    problems.push(problem('steps', 'no_reachable_end',
      'no final step can be reached from the first step: a dossier could never finish',
      'không có bước kết thúc nào đến được từ bước đầu tiên: hồ sơ sẽ không bao giờ hoàn thành'));
  }
  const predecessors = new Map<string, string[]>(steps.map((s) => [s.key, []]));
  for (const s of steps) for (const n of s.next) predecessors.get(n)!.push(s.key);
  const canFinish = new Set(finals.flatMap((f) => [...reach(f, (key) => predecessors.get(key)!)]));
  steps.forEach((step, i) => {
    if (reachable.has(step.key) && !canFinish.has(step.key)) {
      problems.push(problem(`steps[${i}]`, 'dead_step',
        `a dossier at step "${step.key}" can never reach a final step`,
        `hồ sơ ở bước "${step.name}" không bao giờ đến được bước kết thúc`));
    }
  });
  const cycle = findCycle(steps);
  if (cycle) {
    problems.push(problem('steps', 'cycle',
      `the hand-overs form a loop (${cycle.join(' → ')}); use return_previous to send a dossier back`,
      `các bước chuyển tạo thành vòng lặp (${cycle.join(' → ')}); hãy dùng thao tác trả lại bước trước`));
  }
  if (problems.length === 0) problems.push(...shareProblems(steps));
  return problems;
}

function stepProblems(step: WorkflowStep, i: number, steps: WorkflowStep[]): WorkflowProblem[] {
  const at = `steps[${i}]`;
  const out: WorkflowProblem[] = [];
  const add = (field: string, code: string, message: string, messageVi: string) =>
    out.push(problem(`${at}${field}`, code, message, messageVi));
  if (!KEY.test(step.key ?? '')) {
    add('.key', 'invalid_key', `step key "${step.key}" must be lower-case letters, digits and _`,
      `mã bước "${step.key}" chỉ gồm chữ thường không dấu, chữ số và dấu _`);
  }
  if (steps.findIndex((s) => s.key === step.key) !== i) {
    add('.key', 'duplicate_key', `step key "${step.key}" is used twice`, `mã bước "${step.key}" bị trùng`);
  }
  if (!step.name?.trim()) add('.name', 'name_missing', 'the step needs a name', 'bước cần có tên');
  if (!(roles as readonly string[]).includes(step.role)) {
    add('.role', 'invalid_role', `unknown role "${step.role}"`, `vai trò "${step.role}" không hợp lệ`);
  }
  if (step.unitKind !== null && !(unitKinds as readonly string[]).includes(step.unitKind)) {
    add('.unitKind', 'invalid_unit_kind', `unknown unit kind "${step.unitKind}"`, `loại đơn vị "${step.unitKind}" không hợp lệ`);
  }
  if (!(Number.isFinite(step.share) && step.share >= 0 && step.share <= SHARE_TOTAL)) {
    add('.share', 'invalid_share', 'the share must be a percentage between 0 and 100', 'tỷ lệ thời gian phải từ 0 đến 100 (%)');
  }
  const unknown = step.actions.filter((a) => !(workflowActions as readonly string[]).includes(a));
  if (unknown.length > 0) {
    add('.actions', 'invalid_action', `unknown actions: ${unknown.join(', ')}`, `thao tác không hợp lệ: ${unknown.join(', ')}`);
  }
  if (!step.actions.includes('forward') && !step.actions.includes('approve')) {
    add('.actions', 'no_way_on', `step "${step.key}" allows neither forward nor approve: a dossier would stop there`,
      `bước "${step.name}" không cho phép chuyển tiếp hay phê duyệt: hồ sơ sẽ dừng tại đó`);
  }
  if (i === 0 && step.actions.includes('return_previous')) {
    add('.actions', 'return_from_first', 'the first step has no previous step to return to',
      'bước đầu tiên không có bước trước để trả lại');
  }
  for (const next of step.next) {
    if (!steps.some((s) => s.key === next)) {
      add('.next', 'unknown_next', `step "${step.key}" hands over to unknown step "${next}"`,
        `bước "${step.name}" chuyển đến bước không tồn tại "${next}"`);
    }
  }
  if (new Set(step.next).size !== step.next.length || step.next.includes(step.key)) {
    add('.next', 'invalid_next', 'next steps must be distinct and not the step itself',
      'các bước tiếp theo phải khác nhau và khác chính bước này');
  }
  if (step.final && step.next.length > 0) {
    add('.next', 'final_with_next', `final step "${step.key}" cannot hand over to another step`,
      `bước kết thúc "${step.name}" không thể chuyển sang bước khác`);
  }
  if (!step.final && step.next.length === 0) {
    add('.next', 'dead_end', `step "${step.key}" is not final and hands over to no step`,
      `bước "${step.name}" không phải bước kết thúc nhưng không chuyển đến bước nào`);
  }
  return out;
}

/** Along every path from the first step to a final step, the shares must sum to 100%. */
function shareProblems(steps: WorkflowStep[]): WorkflowProblem[] {
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const memo = new Map<string, { min: Path; max: Path }>();
  const extremes = (key: string): { min: Path; max: Path } => {
    const cached = memo.get(key);
    if (cached) return cached;
    const step = byKey.get(key)!;
    const own = { sum: step.share, keys: [key] };
    let result = step.final ? { min: own, max: own } : null;
    for (const next of step.next) {
      const sub = extremes(next);
      const min = { sum: own.sum + sub.min.sum, keys: [key, ...sub.min.keys] };
      const max = { sum: own.sum + sub.max.sum, keys: [key, ...sub.max.keys] };
      result = result === null ? { min, max } : {
        min: min.sum < result.min.sum ? min : result.min,
        max: max.sum > result.max.sum ? max : result.max,
      };
    }
    memo.set(key, result!);
    return result!;
  };
  const { min, max } = extremes(steps[0].key);
  const out: WorkflowProblem[] = [];
  for (const path of min.keys.join() === max.keys.join() ? [min] : [min, max]) {
    if (Math.abs(path.sum - SHARE_TOTAL) > EPSILON) {
      const route = path.keys.join(' → ');
      out.push(problem('steps', 'shares_not_total',
        `time shares along ${route} sum to ${round(path.sum)}%, not 100%`,
        `tổng tỷ lệ thời gian theo các bước ${route} là ${round(path.sum)}%, không phải 100%`));
    }
  }
  return out;
}

interface Path {
  sum: number;
  keys: string[];
}

function reach(start: string, edges: (key: string) => string[]): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const next of edges(stack.pop()!)) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

function findCycle(steps: WorkflowStep[]): string[] | null {
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | null => {
    if (state.get(key) === 'done') return null;
    if (state.get(key) === 'visiting') return [...path.slice(path.indexOf(key)), key];
    state.set(key, 'visiting');
    path.push(key);
    for (const next of byKey.get(key)!.next) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(key, 'done');
    return null;
  };
  for (const step of steps) {
    const found = visit(step.key);
    if (found) return found;
  }
  return null;
}

function problem(field: string, code: string, message: string, messageVi: string): WorkflowProblem {
  return { field, code, message, messageVi };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
