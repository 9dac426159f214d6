// One job runner for the whole platform (outbox delivery, deadline flags, recomputations, backups).
// Handlers must re-check their precondition when they run: the world may have moved since scheduling.

export interface JobOptions {
  runAt?: Date;
  /** At most one pending job per (name, singletonKey). */
  singletonKey?: string;
  maxAttempts?: number;
}

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

export interface JobQueue {
  readonly kind: 'embedded' | 'pg-boss';
  register(name: string, handler: JobHandler): void;
  /** Runs the job every `intervalMs` while the queue is started. */
  every(name: string, intervalMs: number, payload?: Record<string, unknown>): void;
  send(name: string, payload?: Record<string, unknown>, options?: JobOptions): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs every job that is due now, then returns how many ran (tests and the CLI use it). */
  drain(): Promise<number>;
}

export function backoffMs(attempt: number): number {
  return Math.min(60 * 60 * 1000, 1000 * 2 ** attempt);
}
