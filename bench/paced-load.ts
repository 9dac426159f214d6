// A paced load in a process of its own (see lib/paced.ts), so the bench process's own collections never delay a
// request or its timing. Reads { url, rate, seconds, connections, warmUpSeconds, requests } as JSON from the file
// named by its argument and prints the LoadResult as JSON.
import { readFileSync } from 'node:fs';
import type { RequestSpec } from './lib/load.ts';
import { pacedRun } from './lib/paced.ts';

interface PacedSpec {
  url: string;
  rate: number;
  seconds: number;
  connections: number;
  warmUpSeconds: number;
  requests: RequestSpec[];
}

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8')) as PacedSpec;
let i = 0;
const next = () => spec.requests[i++ % spec.requests.length];
if (spec.warmUpSeconds) await pacedRun({ ...spec, seconds: spec.warmUpSeconds, next });
process.stdout.write(`${JSON.stringify(await pacedRun({ ...spec, next }))}\n`);
