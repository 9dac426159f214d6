import type { CliCommand } from './commands.ts';
import { platformCommands } from './platform-commands.ts';

export function allCommands(): CliCommand[] {
  return [...platformCommands];
}
