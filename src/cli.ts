import { loadConfig } from './config.ts';
import { UsageError, type CliCommand } from './cli/commands.ts';
import { allCommands } from './cli/registry.ts';
import { DataDirLockedError } from './platform/db/lock.ts';

function help(commands: CliCommand[]): string {
  return ['Gần Dân command line / Dòng lệnh Gần Dân', '', ...commands.map((c) => `  ${c.usage}\n      ${c.description}`)].join('\n');
}

function match(commands: CliCommand[], argv: string[]): { command: CliCommand; rest: string[] } | null {
  const sorted = [...commands].sort((a, b) => b.words.length - a.words.length);
  for (const command of sorted) {
    if (command.words.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(command.words.length) };
  }
  return null;
}

const argv = process.argv.slice(2);
const commands = allCommands();
const found = match(commands, argv);
if (!found || argv.includes('--help')) {
  console.log(help(commands));
  process.exit(found || argv.length === 0 || argv.includes('--help') ? 0 : 2);
}
try {
  const code = await found.command.run(found.rest, loadConfig());
  process.exit(code);
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`${err.message}\nusage: ${found.command.usage}`);
    process.exit(2);
  }
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error((err as Error).message ?? err);
  process.exit(2);
}
