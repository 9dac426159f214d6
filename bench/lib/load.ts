// HTTP load from this process (the servers run in others): autocannon, bounded in time or in requests.
import autocannon from 'autocannon';

export interface LoadResult {
  /** Successful (2xx) responses per second. */
  rps: number;
  ok: number;
  errors: number;
  p50: number;
  p99: number;
  seconds: number;
}

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration?: number;
  amount?: number;
  /** Fixed offered load (requests/s over all connections). */
  overallRate?: number;
  /** Called before each request; returns what to send. */
  next: () => RequestSpec;
}

export async function run(options: LoadOptions): Promise<LoadResult> {
  const first = options.next();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration ?? 10,
    amount: options.amount,
    overallRate: options.overallRate,
    timeout: 30,
    method: first.method,
    headers: { 'content-type': 'application/json', ...first.headers },
    requests: [{
      setupRequest: (request: Record<string, unknown>) => {
        const spec = options.next();
        request.method = spec.method;
        request.path = spec.path;
        request.headers = { 'content-type': 'application/json', ...spec.headers };
        request.body = spec.body;
        return request;
      },
    }],
  } as autocannon.Options);
  const ok = result['2xx'];
  return {
    rps: ok / result.duration, ok, errors: result.errors + result.non2xx + result.timeouts,
    p50: result.latency.p50, p99: result.latency.p99, seconds: result.duration,
  };
}

/** Turns of one load as one result: requests per second over all turns, the median of their p50s, the highest p99. */
export function combineTurns(turns: LoadResult[]): LoadResult {
  const ok = turns.reduce((n, t) => n + t.ok, 0);
  const seconds = turns.reduce((n, t) => n + t.seconds, 0);
  const p50s = turns.map((t) => t.p50).sort((a, b) => a - b);
  return {
    rps: ok / seconds, ok, errors: turns.reduce((n, t) => n + t.errors, 0),
    p50: p50s[Math.floor(p50s.length / 2)], p99: Math.max(...turns.map((t) => t.p99)), seconds,
  };
}
