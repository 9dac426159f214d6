import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { foldVietnamese } from '../../platform/text.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { calendarFor } from '../calendar/repository.ts';
import { listDossiers } from './queries.ts';
import { intake, listCaller } from './test/helpers.ts';

// A search by name means "the name contains the text typed" (accents and case aside), whichever way it is answered:
// walking the list or through the word index with the vocabulary. Both are compared with a plain substring test.

const names = [
  'Tạ Thị Tuyết', 'Tạ Thị Tuyết Mai', 'Trần Tuyết', 'Nguyễn Thị Ánh Tuyết', 'Lê Thị Hồng', 'Lê Thị Hồng Nhung', 'Hồ Thị Thanh',
  'Công ty TNHH 100% Vốn Việt', 'Nguyễn_Văn A', 'Đặng Văn Đức', 'Phạm Thị Thanh Tâm',
];
const searches = [
  'Tạ Thị Tuyết', 'tuyet', 'uyết', 'thị', 'a thi tu', 'guyen thi anh tuy', '100%', 'n_v', '_', 'thi thanh', 'Không Ai Tên Này',
  'ê thị hồ', 'hong', 'ty tnhh 100', 'dang van duc', 'đức', 'T', 'thi  thanh  tam', 'tuyet mai x',
];

describe('search by applicant name', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const desk = await t.login('bonglai.motcua1');
    for (const [i, fullName] of names.entries()) {
      t.setNow(new Date(Date.parse('2026-03-02T02:00:00Z') + i * 60_000).toISOString());
      const res = await intake(t, desk, { applicant: { fullName } });
      assert.equal(res.statusCode, 201, res.body);
    }
  });
  after(async () => t.close());

  async function caller(username: string) {
    const c = await listCaller(t, username);
    const { calendar } = await calendarFor(t.database.db, c.unitId);
    return { reach: c.reach, userId: c.userId, grants: c.grants, calendar, now: t.ctx.clock(), queue: 'all' as const, limit: 100 };
  }

  async function expected(q: string): Promise<string[]> {
    const folded = foldVietnamese(q);
    const rows = await t.database.db.selectFrom('dossiers').select(['id', 'applicant_name_folded']).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.filter((r) => r.applicant_name_folded.includes(folded)).map((r) => r.id);
  }

  test('walking and the word index find exactly the names that contain the text, for a ward desk, the province and the administrator', async () => {
    let found = 0;
    for (const username of ['bonglai.motcua1', 'tinh.baocao', 'admin']) {
      const base = await caller(username);
      for (const q of searches) {
        const want = await expected(q);
        for (const by of ['walk', 'words', undefined] as const) {
          const got = (await listDossiers(t.database.db, { ...base, q, nameSearchBy: by })).items.map((d) => d.id);
          assert.deepEqual(got, want, `${username} "${q}" by ${by ?? 'statistics'}`);
        }
        found += want.length;
      }
      await sql`analyze dossiers`.execute(t.database.db);
    }
    assert.ok(found > 50, 'the searches find something');
  });

  test('the vocabulary holds every word of every name, also renamed ones, with per-row triggers on or off (bulk loads)', async () => {
    const db = t.database.db;
    const vocabulary = async () => new Set((await db.selectFrom('applicant_name_words').select('word').execute()).map((r) => r.word));
    for (const name of names) for (const w of foldVietnamese(name).split(' ')) assert.ok((await vocabulary()).has(w), w);
    const one = await db.selectFrom('dossiers').select('id').limit(1).executeTakeFirstOrThrow();
    await db.updateTable('dossiers').set({ applicant_name_folded: 'quach thi xoan' }).where('id', '=', one.id).execute();
    await db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update dossiers set applicant_name_folded = 'mac van khuong' where id <> ${one.id} and id in (select id from dossiers limit 1)`.execute(trx);
    });
    const words = await vocabulary();
    for (const w of ['quach', 'xoan', 'mac', 'khuong']) assert.ok(words.has(w), w);
  });
});
