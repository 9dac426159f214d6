// gandan import dossiers FILE [--skip-errors] [--dry-run]
// stdout: one JSON line { imported, skipped, errors: [{ line, field, message, messageVi }], errorCount, proceduresCreated };
// stderr: progress. Exit code 0 all fine, 1 errors in the file, 2 could not run.

import { systemActor } from '../../../audit/audit.ts';
import { parseOptions, UsageError, type CliCommand } from '../../../cli/commands.ts';
import { withDatabase } from '../../../cli/platform-commands.ts';
import { progressBar } from '../../../cli/progress.ts';
import type { Config } from '../../../config.ts';
import { DataDirLockedError } from '../../../platform/db/lock.ts';
import { importDossiers, ImportAbortedError } from './import-dossiers.ts';
import { fileSource, type LineSource } from './source.ts';

function lockedMessage(config: Config, file: string): string {
  const url = `${config.publicUrl.replace(/\/$/, '')}/api/v1/dossiers/import`;
  return [
    'The running server holds the embedded database, so the command line cannot open it. Import through the server instead',
    '(an API token of a system administrator or unit administrator; add ?skipErrors=true to import the good lines of a file with errors):',
    'Máy chủ đang chạy giữ cơ sở dữ liệu nhúng nên dòng lệnh không mở được. Hãy nhập qua máy chủ:',
    `  curl -X POST -H 'content-type: application/x-ndjson' -H 'authorization: Bearer <API token>' --data-binary @${file} '${url}'`,
  ].join('\n');
}

export const dossierImportCommands: CliCommand[] = [
  {
    words: ['import', 'dossiers'],
    usage: 'gandan import dossiers FILE [--skip-errors] [--dry-run]',
    description: 'Import historical dossiers from JSON Lines (one dossier per line); a file with errors imports nothing unless --skip-errors / Nhập hồ sơ từ hệ thống cũ',
    async run(args, config) {
      const { options, positional } = parseOptions(args);
      const file = positional[0];
      if (!file) throw new UsageError('FILE is required / thiếu tên tệp');
      let source: LineSource;
      try {
        source = fileSource(file);
      } catch (err) {
        console.error(`Cannot read ${file}: ${(err as Error).message} / Không đọc được tệp ${file}`);
        return 2;
      }
      try {
        return await withDatabase(config, async (database) => {
          const bars = { check: progressBar('checking / kiểm tra'), write: progressBar('importing / nhập') };
          let stage: 'check' | 'write' = 'check';
          const result = await importDossiers(database.db, source, {
            actor: { audit: systemActor('cli:import-dossiers'), userId: null, name: 'Nhập dữ liệu lịch sử (dòng lệnh)', unitId: null },
            reach: 'all', now: new Date(), skipErrors: options['skip-errors'] === true, dryRun: options['dry-run'] === true,
            onProgress(next, done, total) {
              if (next !== stage) bars[stage].stop();
              stage = next;
              bars[next].update(done, total);
            },
          }).finally(() => bars[stage].stop());
          console.log(JSON.stringify(result));
          return result.errorCount ? 1 : 0;
        });
      } catch (err) {
        if (err instanceof DataDirLockedError) {
          console.error(lockedMessage(config, file));
          return 2;
        }
        if (err instanceof ImportAbortedError) {
          console.error(`${err.message}\n${err.messageVi}`);
          return 2;
        }
        throw err;
      }
    },
  },
];
