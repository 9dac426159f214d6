// A fixed offered load: requests sent at evenly spaced instants whatever the answers (an open loop), each one's
// latency counted from the instant it was due, so a slow answer that delays the next sends is counted too.
// (autocannon's overallRate gives every connection a budget per second and spends it at once, so "2,000 req/s"
// arrives as 64 simultaneous streams for part of each second and then nothing.)
import http from 'node:http';
import type { LoadResult, RequestSpec } from './load.ts';
import { percentile } from './results.ts';

export interface PacedOptions {
  url: string;
  /** Requests per second. */
  rate: number;
  seconds: number;
  /** Sockets kept open; requests beyond them wait for one (and that wait counts). */
  connections: number;
  next: () => RequestSpec;
}

export function pacedRun(options: PacedOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.seconds);
  const spacing = 1000 / options.rate;
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let sent = 0;
  let settled = 0;
  const start = performance.now();
  return new Promise((resolve) => {
    const finish = () => {
      if (++settled < total) return;
      agent.destroy();
      const seconds = (performance.now() - start) / 1000;
      resolve({ rps: ok / seconds, ok, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99), seconds });
    };
    const send = (due: number) => {
      const spec = options.next();
      const body = spec.body ? Buffer.from(spec.body) : null;
      let counted = false;
      const count = (success: boolean) => {
        if (counted) return; // a failing request may report more than once
        counted = true;
        latencies.push(performance.now() - due);
        if (success) ok++;
        else errors++;
        finish();
      };
      const request = http.request({
        agent, host: target.hostname, port: target.port, method: spec.method, path: spec.path,
        headers: { 'content-type': 'application/json', ...(body ? { 'content-length': body.length } : {}), ...spec.headers },
      }, (response) => {
        response.resume();
        response.on('end', () => count(response.statusCode! >= 200 && response.statusCode! < 300));
        response.on('close', () => count(false)); // closed before its end: cut off
      });
      request.on('error', () => count(false));
      request.end(body ?? undefined);
    };
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / spacing) + 1);
      while (sent < due) send(start + spacing * sent++);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}
