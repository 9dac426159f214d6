import type { CliCommand } from './commands.ts';
import { platformCommands } from './platform-commands.ts';
import { calendarCommands } from '../modules/calendar/cli.ts';
import { catalogCommands } from '../modules/catalog/cli.ts';
import { dossierImportCommands } from '../modules/dossiers/import/cli.ts';
import { generateCommands } from '../modules/generate/cli.ts';

export function allCommands(): CliCommand[] {
  return [...platformCommands, ...calendarCommands, ...catalogCommands, ...dossierImportCommands, ...generateCommands];
}
