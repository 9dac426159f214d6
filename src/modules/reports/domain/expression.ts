// A small, safe expression language for index formulas stored as data (e.g. the Decision 766 groups):
// numbers, named indicators, + − * /, comparisons, parentheses and a few functions. It is parsed into a tree
// and evaluated by walking it — no eval, no property access, nothing but arithmetic over the named values.
//
//   expr    := compare
//   compare := sum (('<' | '<=' | '>' | '>=' | '==' | '!=') sum)?
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := '-' unary | primary
//   primary := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'
//
// Values are numbers or null ("not measured"). Null spreads through arithmetic and comparisons, and division by
// zero gives null, so a formula over a missing indicator says "not measured" instead of a made-up score.
// coalesce(a, b, …) takes the first non-null argument. Comparisons give 1 or 0.

export type Value = number | null;

export type Node =
  | { kind: 'number'; value: number }
  | { kind: 'name'; name: string }
  | { kind: 'unary'; operand: Node }
  | { kind: 'binary'; op: BinaryOp; left: Node; right: Node }
  | { kind: 'call'; fn: FunctionName; args: Node[] };

type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=';

const functions = {
  min: { min: 1, max: Infinity },
  max: { min: 1, max: Infinity },
  abs: { min: 1, max: 1 },
  round: { min: 1, max: 2 },
  clamp: { min: 3, max: 3 },
  coalesce: { min: 1, max: Infinity },
  if: { min: 3, max: 3 },
} as const;
export type FunctionName = keyof typeof functions;
export const functionNames = Object.keys(functions) as FunctionName[];

export class FormulaError extends Error {
  constructor(message: string, readonly messageVi: string, readonly position: number) {
    super(message);
  }
}

export const MAX_FORMULA_LENGTH = 1000;
const MAX_DEPTH = 40;

interface Token {
  kind: 'number' | 'name' | 'op' | 'end';
  text: string;
  at: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const number = /^(?:\d+(?:\.\d*)?|\.\d+)/.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: 'number', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (name) {
      tokens.push({ kind: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const op = /^(?:<=|>=|==|!=|[-+*/()<>,])/.exec(text.slice(i));
    if (!op) throw new FormulaError(`Unexpected character "${c}" at ${i + 1}`, `Ký tự không hợp lệ "${c}" ở vị trí ${i + 1}`, i);
    tokens.push({ kind: 'op', text: op[0], at: i });
    i += op[0].length;
  }
  tokens.push({ kind: 'end', text: '', at: text.length });
  return tokens;
}

/** Parses a formula; every name must be in `known` (the indicators a formula may use). */
export function parseFormula(text: string, known: ReadonlySet<string>): Node {
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(`A formula has at most ${MAX_FORMULA_LENGTH} characters`, `Công thức dài tối đa ${MAX_FORMULA_LENGTH} ký tự`, 0);
  }
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const expect = (op: string) => {
    const t = next();
    if (t.kind !== 'op' || t.text !== op) {
      throw new FormulaError(`Expected "${op}" at ${t.at + 1}`, `Thiếu "${op}" ở vị trí ${t.at + 1}`, t.at);
    }
  };
  const isOp = (...ops: string[]) => peek().kind === 'op' && ops.includes(peek().text);

  const expr = (depth: number): Node => {
    if (depth > MAX_DEPTH) throw new FormulaError('The formula is nested too deeply', 'Công thức lồng nhau quá sâu', peek().at);
    let left = sum(depth);
    if (isOp('<', '<=', '>', '>=', '==', '!=')) {
      const op = next().text as BinaryOp;
      left = { kind: 'binary', op, left, right: sum(depth) };
    }
    return left;
  };
  const sum = (depth: number): Node => {
    let left = product(depth);
    while (isOp('+', '-')) {
      const op = next().text as BinaryOp;
      left = { kind: 'binary', op, left, right: product(depth) };
    }
    return left;
  };
  const product = (depth: number): Node => {
    let left = unary(depth);
    while (isOp('*', '/')) {
      const op = next().text as BinaryOp;
      left = { kind: 'binary', op, left, right: unary(depth) };
    }
    return left;
  };
  const unary = (depth: number): Node => {
    if (isOp('-')) {
      next();
      return { kind: 'unary', operand: unary(depth + 1) };
    }
    return primary(depth);
  };
  const primary = (depth: number): Node => {
    const t = next();
    if (t.kind === 'number') return { kind: 'number', value: Number(t.text) };
    if (t.kind === 'op' && t.text === '(') {
      const inner = expr(depth + 1);
      expect(')');
      return inner;
    }
    if (t.kind === 'name') {
      if (isOp('(')) {
        const fn = t.text as FunctionName;
        if (!Object.prototype.hasOwnProperty.call(functions, fn)) {
          throw new FormulaError(`Unknown function "${t.text}"`, `Không có hàm "${t.text}"`, t.at);
        }
        next();
        const args = [expr(depth + 1)];
        while (isOp(',')) {
          next();
          args.push(expr(depth + 1));
        }
        expect(')');
        const arity = functions[fn];
        if (args.length < arity.min || args.length > arity.max) {
          throw new FormulaError(`Wrong number of arguments for ${fn}()`, `Hàm ${fn}() nhận sai số tham số`, t.at);
        }
        return { kind: 'call', fn, args };
      }
      if (!known.has(t.text)) throw new FormulaError(`Unknown indicator "${t.text}"`, `Không có chỉ tiêu "${t.text}"`, t.at);
      return { kind: 'name', name: t.text };
    }
    const shown = t.kind === 'end' ? 'the end' : `"${t.text}"`;
    throw new FormulaError(`Unexpected ${shown} at ${t.at + 1}`, `Không mong đợi ${t.kind === 'end' ? 'kết thúc công thức' : `"${t.text}"`} ở vị trí ${t.at + 1}`, t.at);
  };

  const tree = expr(0);
  const rest = peek();
  if (rest.kind !== 'end') {
    throw new FormulaError(`Unexpected "${rest.text}" at ${rest.at + 1}`, `Không mong đợi "${rest.text}" ở vị trí ${rest.at + 1}`, rest.at);
  }
  return tree;
}

/** The indicator names a formula uses. */
export function namesIn(node: Node, out = new Set<string>()): Set<string> {
  switch (node.kind) {
    case 'name':
      out.add(node.name);
      break;
    case 'unary':
      namesIn(node.operand, out);
      break;
    case 'binary':
      namesIn(node.left, out);
      namesIn(node.right, out);
      break;
    case 'call':
      node.args.forEach((a) => namesIn(a, out));
      break;
    default:
      break;
  }
  return out;
}

const finite = (v: number): Value => (Number.isFinite(v) ? v : null);

export function evaluate(node: Node, values: Readonly<Record<string, Value>>): Value {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'name':
      return values[node.name] ?? null;
    case 'unary': {
      const v = evaluate(node.operand, values);
      return v === null ? null : -v;
    }
    case 'binary': {
      const a = evaluate(node.left, values);
      const b = evaluate(node.right, values);
      if (a === null || b === null) return null;
      switch (node.op) {
        case '+': return finite(a + b);
        case '-': return finite(a - b);
        case '*': return finite(a * b);
        case '/': return b === 0 ? null : finite(a / b);
        case '<': return a < b ? 1 : 0;
        case '<=': return a <= b ? 1 : 0;
        case '>': return a > b ? 1 : 0;
        case '>=': return a >= b ? 1 : 0;
        case '==': return a === b ? 1 : 0;
        case '!=': return a !== b ? 1 : 0;
      }
      break;
    }
    case 'call':
      return call(node.fn, node.args, values);
  }
  return null;
}

function call(fn: FunctionName, args: Node[], values: Readonly<Record<string, Value>>): Value {
  if (fn === 'coalesce') {
    for (const a of args) {
      const v = evaluate(a, values);
      if (v !== null) return v;
    }
    return null;
  }
  if (fn === 'if') {
    const condition = evaluate(args[0], values);
    if (condition === null) return null;
    return evaluate(condition !== 0 ? args[1] : args[2], values);
  }
  const v = args.map((a) => evaluate(a, values));
  if (v.some((x) => x === null)) return null;
  const n = v as number[];
  switch (fn) {
    case 'min': return Math.min(...n);
    case 'max': return Math.max(...n);
    case 'abs': return Math.abs(n[0]);
    case 'round': {
      const scale = 10 ** Math.max(0, Math.min(6, Math.trunc(n[1] ?? 0)));
      return Math.round(n[0] * scale) / scale;
    }
    case 'clamp': return Math.min(Math.max(n[0], n[1]), n[2]);
  }
}

/** Parses and evaluates in one step (for tests and one-off use). */
export function evaluateFormula(text: string, values: Readonly<Record<string, Value>>): Value {
  return evaluate(parseFormula(text, new Set(Object.keys(values))), values);
}
