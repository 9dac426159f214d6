// gandan import procedures FILE [--publish] [--unit <code>] [--owner <code>] [--report FILE]
// stderr: progress bar and the report of what could not be parsed; stdout: one JSON summary line.

import { readFileSync, writeFileSync } from 'node:fs';
import { systemActor } from '../../audit/audit.ts';
import { parseOptions, UsageError, type CliCommand } from '../../cli/commands.ts';
import { withDatabase } from '../../cli/platform-commands.ts';
import { progressBar } from '../../cli/progress.ts';
import { vnDate } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { resolveUnitCode } from '../../units/repository.ts';
import { importProcedures } from './commands/import.ts';
import { detectFormat, parseImportFile } from './commands/import-file.ts';

export const catalogCommands: CliCommand[] = [
  {
    words: ['import', 'procedures'],
    usage: 'gandan import procedures FILE [--publish] [--unit <unit code>] [--owner <unit code>] [--report report.json]',
    description: 'Import procedures: national catalogue JSON or the CSV/XLSX template; idempotent / Nhập danh mục thủ tục',
    async run(args, config) {
      const { options, positional } = parseOptions(args);
      const file = positional[0];
      if (!file) throw new UsageError('FILE is required / thiếu tên tệp');
      const format = detectFormat(file);
      if (!format) throw new UsageError('FILE must end in .json, .csv or .xlsx / tệp phải có đuôi .json, .csv hoặc .xlsx');
      const started = Date.now();
      let parsed;
      try {
        parsed = await parseImportFile(format, readFileSync(file));
      } catch (err) {
        if (err instanceof AppError) throw new UsageError(`${err.message} / ${err.messageVi}`);
        throw err;
      }
      console.error(parsed.reportText);
      if (typeof options.report === 'string') writeFileSync(options.report, JSON.stringify(parsed.report, null, 2));
      return withDatabase(config, async (database) => {
        const now = new Date();
        const offerAt = await unitOption(database.db, options.unit, vnDate(now));
        const owner = await unitOption(database.db, options.owner, vnDate(now));
        const bar = progressBar('procedures');
        const summary = await importProcedures(database.db, { audit: systemActor('cli:import-procedures'), grants: null }, now,
          parsed.entries, { publish: options.publish === true, ownerUnitId: owner?.unitId ?? null, offerAt, onProgress: bar.update });
        bar.stop();
        for (const item of summary.notPublished) {
          console.error(`not published / chưa ban hành ${item.code}: ${item.problems.map((p) => p.messageVi).join('; ')}`);
        }
        for (const item of summary.skipped) console.error(`skipped / bỏ qua ${item.code}: ${item.reason} / ${item.reasonVi}`);
        console.log(JSON.stringify({
          created: summary.created, newVersions: summary.newVersions, unchanged: summary.unchanged, flagged: summary.flagged,
          published: summary.published, notPublished: summary.notPublished.length, skipped: summary.skipped.length,
          offeringsAdded: summary.offeringsAdded, seconds: (Date.now() - started) / 1000,
        }));
        return 0;
      });
    },
  },
];

async function unitOption(db: Parameters<typeof resolveUnitCode>[0], code: string | true | undefined, at: string) {
  if (code === undefined) return null;
  if (code === true) throw new UsageError('--unit and --owner need a unit code / cần mã đơn vị');
  const unit = await resolveUnitCode(db, code, at);
  if (!unit) throw new UsageError(`No unit with code ${code} / Không có đơn vị mã ${code}`);
  return { unitId: unit.id, includeDescendants: unit.kind === 'province' || unit.kind === 'district' };
}
