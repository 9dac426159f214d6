import type { Config } from '../config.ts';

// The CLI is a table of commands; modules add theirs.

export interface CliCommand {
  /** Words that select the command, e.g. ['import', 'units']. */
  words: string[];
  usage: string;
  description: string;
  /** Returns the process exit code. */
  run(args: string[], config: Config): Promise<number>;
}

export class UsageError extends Error {}

/** Reads --name value / --name=value / --flag options and positional arguments. */
export function parseOptions(args: string[]): { options: Record<string, string | true>; positional: string[] } {
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) options[a.slice(2, eq)] = a.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith('--')) options[a.slice(2)] = args[++i];
    else options[a.slice(2)] = true;
  }
  return { options, positional };
}

export function requireOption(options: Record<string, string | true>, name: string): string {
  const v = options[name];
  if (typeof v !== 'string' || !v) throw new UsageError(`--${name} is required / thiếu tham số --${name}`);
  return v;
}
