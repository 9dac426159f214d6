import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { hashPassword, minPasswordLength } from '../access/passwords.ts';
import { isRole, roles } from '../access/roles.ts';
import { audit, systemActor } from '../audit/audit.ts';
import type { Config } from '../config.ts';
import { demoSeeders } from '../demo/seeders.ts';
import { formatDemoAccounts, seedDemo } from '../demo/seed.ts';
import { vnDate } from '../platform/clock.ts';
import { openDatabase, type Database } from '../platform/db/engine.ts';
import { migrate } from '../platform/db/migrate.ts';
import { backupTo, restoreFrom } from '../platform/backup.ts';
import { foldVietnamese } from '../platform/text.ts';
import { importNationalList } from '../units/commands.ts';
import { dateFromFileName, parseNationalUnitList } from '../units/national-list.ts';
import { resolveUnitCode } from '../units/repository.ts';
import { parseOptions, requireOption, UsageError, type CliCommand } from './commands.ts';
import { progressBar } from './progress.ts';

/** Opens and migrates the database for one command, then closes it. */
export async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    await migrate(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

export const platformCommands: CliCommand[] = [
  {
    words: ['serve'],
    usage: 'gandan serve',
    description: 'Start the server (same as npm start) / Chạy máy chủ',
    async run() {
      await import('../server.ts');
      return new Promise<number>(() => undefined); // runs until a signal stops it
    },
  },
  {
    words: ['migrate'],
    usage: 'gandan migrate',
    description: 'Apply database migrations / Cập nhật cấu trúc cơ sở dữ liệu',
    async run(_args, config) {
      const database = await openDatabase(config);
      try {
        const applied = await migrate(database);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply / Không có gì cần cập nhật');
      } finally {
        await database.close();
      }
      return 0;
    },
  },
  {
    words: ['seed-demo'],
    usage: 'gandan seed-demo [--password P]',
    description: 'Load the demo province into an empty database / Nạp dữ liệu demo',
    async run(args, config) {
      const { options } = parseOptions(args);
      return withDatabase(config, async (database) => {
        const password = typeof options.password === 'string' ? options.password : process.env.DEMO_PASSWORD || undefined;
        const accounts = await seedDemo(database, { password, seeders: demoSeeders });
        if (!accounts) {
          console.error('The database already has data; demo not loaded. / Cơ sở dữ liệu đã có dữ liệu; không nạp demo.');
          return 1;
        }
        console.log(formatDemoAccounts(accounts));
        return 0;
      });
    },
  },
  {
    words: ['import', 'units'],
    usage: 'gandan import units FILE [--valid-from YYYY-MM-DD]',
    description: 'Import the national list of administrative units (idempotent) / Nhập danh mục đơn vị hành chính',
    async run(args, config) {
      const { options, positional } = parseOptions(args);
      const file = positional[0];
      if (!file) throw new UsageError('FILE is required / thiếu tên tệp');
      const validFrom = typeof options['valid-from'] === 'string' ? options['valid-from'] : dateFromFileName(basename(file));
      if (!validFrom) throw new UsageError('--valid-from is required when the file name has no date / cần --valid-from');
      const { provinces, problems } = parseNationalUnitList(JSON.parse(readFileSync(file, 'utf8')));
      for (const p of problems) console.error(`${p.path}: ${p.message} / ${p.messageVi}`);
      if (problems.length) return 1;
      return withDatabase(config, async (database) => {
        const bar = progressBar('units');
        const result = await importNationalList(database.db, systemActor('cli:import-units'), provinces, validFrom, bar.update);
        bar.stop();
        console.log(JSON.stringify({ validFrom, ...result }));
        return 0;
      });
    },
  },
  {
    words: ['create-user'],
    usage: 'gandan create-user --username U --password P --unit <unit code> --role <role> [--full-name "Name"]',
    description: 'Create an official with one role / Tạo tài khoản cán bộ',
    async run(args, config) {
      const { options } = parseOptions(args);
      const username = requireOption(options, 'username');
      const password = requireOption(options, 'password');
      const unitCode = requireOption(options, 'unit');
      const role = requireOption(options, 'role');
      if (!isRole(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
      if (password.length < minPasswordLength) throw new UsageError(`the password needs at least ${minPasswordLength} characters / mật khẩu cần ít nhất ${minPasswordLength} ký tự`);
      const fullName = typeof options['full-name'] === 'string' ? options['full-name'] : username;
      return withDatabase(config, async (database) => {
        const unit = await resolveUnitCode(database.db, unitCode, vnDate(new Date()));
        if (!unit) {
          console.error(`No unit with code ${unitCode} / Không có đơn vị mã ${unitCode}`);
          return 1;
        }
        const passwordHash = await hashPassword(password);
        await database.db.transaction().execute(async (trx) => {
          const row = await trx.insertInto('users').values({
            kind: 'official', username, full_name: fullName, full_name_folded: foldVietnamese(fullName), unit_id: unit.id, password_hash: passwordHash,
          }).returning('id').executeTakeFirstOrThrow();
          await trx.insertInto('role_grants').values({ user_id: row.id, role, unit_id: unit.id }).execute();
          await audit(trx, systemActor('cli:create-user'), { action: 'user.create', subjectType: 'user', subjectId: row.id, unitId: unit.id, after: { username, role } });
        }).catch((err) => {
          if ((err as { code?: string }).code === '23505') throw new UsageError(`username ${username} is taken / tên đăng nhập đã tồn tại`);
          throw err;
        });
        console.log(`Created ${username} (${role}) at ${unit.fullName}`);
        return 0;
      });
    },
  },
  {
    words: ['backup'],
    usage: 'gandan backup FILE',
    description: 'Write a backup (embedded: data-folder dump; PostgreSQL: pg_dump) / Sao lưu',
    async run(args, config) {
      const file = parseOptions(args).positional[0];
      if (!file) throw new UsageError('FILE is required / thiếu tên tệp');
      return withDatabase(config, async (database) => {
        await backupTo(database, config, file);
        console.log(`Backup written / Đã sao lưu: ${file}`);
        return 0;
      });
    },
  },
  {
    words: ['restore'],
    usage: 'gandan restore FILE',
    description: 'Replace the database with a backup (stop the server first) / Khôi phục từ bản sao lưu',
    async run(args, config) {
      const file = parseOptions(args).positional[0];
      if (!file) throw new UsageError('FILE is required / thiếu tên tệp');
      await restoreFrom(config, file);
      console.log(`Restored / Đã khôi phục: ${file}`);
      return 0;
    },
  },
];
