// gandan generate --province <code> --dossiers N [--years 2021-2025] [--seed S] [--now ISO] [--defer-indexes]
// Synthetic data for trials and benchmarks; never on a production database. stdout: one JSON line with the
// counts; stderr: progress. Exit code 0 done, 1 nothing generated, 2 could not run.

import v8 from 'node:v8';
import { systemActor } from '../../audit/audit.ts';
import { localDate } from '../../calendar/index.ts';
import { parseOptions, requireOption, UsageError, type CliCommand } from '../../cli/commands.ts';
import { withDatabase } from '../../cli/platform-commands.ts';
import { progressBar } from '../../cli/progress.ts';
import { generateProvince, GenerateError } from './generate.ts';
import { SetupError } from './setup.ts';

/** "1000000", "1_000_000", "300k", "10m". */
export function parseCount(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.replace(/[_,]/g, '').trim());
  if (!m) return null;
  const n = Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** "2021-2025" → [2021-01-01, 2026-01-01); "2025" → that year. */
export function parseYears(text: string): { from: string; to: string } | null {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text.trim());
  if (!m) return null;
  const first = Number(m[1]);
  const lastYear = Number(m[2] ?? m[1]);
  if (lastYear < first || first < 2000 || lastYear > 2100) return null;
  return { from: `${first}-01-01`, to: `${lastYear + 1}-01-01` };
}

export const generateCommands: CliCommand[] = [
  {
    words: ['generate'],
    usage: 'gandan generate --province <code> --dossiers N [--years 2024-2026] [--seed 1] [--now 2026-11-26T10:00:00+07:00] [--defer-indexes]',
    description: 'Generate synthetic dossiers, ratings and questions for a province (trials and benchmarks only) / Sinh dữ liệu giả lập cấp tỉnh',
    async run(args, config) {
      // Generation allocates millions of short-lived objects: a larger young generation saves about a third of the
      // CPU time spent collecting them (measured at 100,000 dossiers). Most effective as a start-up flag
      // (node --max-semi-space-size=64); set here too for `npx gandan generate`.
      v8.setFlagsFromString('--max-semi-space-size=64');
      const { options } = parseOptions(args);
      const provinceCode = requireOption(options, 'province');
      const count = parseCount(requireOption(options, 'dossiers'));
      if (!count) throw new UsageError('--dossiers must be a positive number such as 1000000 or 1m / --dossiers phải là số dương');
      const realNow = new Date();
      const thisYear = Number(localDate(realNow).slice(0, 4));
      const years = parseYears(typeof options.years === 'string' ? options.years : `${thisYear - 1}-${thisYear}`);
      if (!years) throw new UsageError('--years must look like 2021-2025 / --years có dạng 2021-2025');
      const seed = typeof options.seed === 'string' ? Number(options.seed) : 1;
      if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number / --seed phải là số nguyên');
      // Nothing after the end of the period or after today: a period in the past gives the same data every day.
      const end = new Date(`${years.to}T00:00:00+07:00`);
      const now = typeof options.now === 'string' ? new Date(options.now) : new Date(Math.min(realNow.getTime(), end.getTime() - 1000));
      if (Number.isNaN(now.getTime())) throw new UsageError('--now must be an RFC 3339 time / --now phải là thời điểm RFC 3339');
      return withDatabase(config, async (database) => {
        const bar = progressBar('dossiers / hồ sơ');
        try {
          const result = await generateProvince(database, {
            provinceCode, count, from: years.from, to: years.to, seed, now, actor: systemActor('cli:generate'),
            deferIndexes: options['defer-indexes'] === true,
            onProgress: (done, total) => bar.update(done, total),
            onNote: (message) => process.stderr.write(`${message}\n`),
          });
          bar.stop();
          console.log(JSON.stringify(result));
          return result.dossiers ? 0 : 1;
        } catch (err) {
          bar.stop();
          if (err instanceof SetupError || err instanceof GenerateError) {
            console.error(err.message);
            return 2;
          }
          throw err;
        }
      });
    },
  },
];
