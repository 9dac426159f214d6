// A year of dossiers from the previous system, through the historical import: the summary and the narrative
// report must give the figures an independent count of the file gives (generate.ts counts from the lines' own
// date strings, without the statistics code).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoSeeders } from '../../demo/seeders.ts';
import { seedDemo } from '../../demo/seed.ts';
import type { Database } from '../../platform/db/engine.ts';
import { createTestDatabase } from '../../platform/db/testing.ts';
import { demoImportProcedures, demoImportUnits, generateImportLines, tallyLines, type FileTally, type ImportLineObject } from '../dossiers/import/generate.ts';
import { importDossiers } from '../dossiers/import/import-dossiers.ts';
import { textSource } from '../dossiers/import/source.ts';
import { formatVnInteger } from './domain/numbers.ts';
import type { SummaryFigures } from './domain/indicators.ts';
import { renderText } from './domain/narrative.ts';
import { contextOf, writeNarrative } from './narrative.ts';
import { unitLabel } from './repository.ts';
import { loadSummary, type ReportScope } from './service.ts';

const NOW = new Date('2026-01-15T03:00:00Z');
const RANGE = { from: '2025-01-01', to: '2026-01-15' };

describe('a historical import of a year', () => {
  let database: Database;
  let lines: ImportLineObject[];
  const roots: Record<'old' | 'new', string> = { old: '', new: '' };

  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database, { password: 'demo-password-1', now: new Date('2025-01-01T00:00:00Z'), seeders: demoSeeders });
    lines = [...generateImportLines({ count: 2500, seed: 11, from: '2025-01-01', to: '2026-01-01', units: demoImportUnits, procedures: demoImportProcedures, now: NOW })];
    const result = await importDossiers(database.db, textSource(lines.map((l) => JSON.stringify(l)).join('\n')), {
      actor: { audit: { actorId: null, actorLabel: 'test', requestId: null, ip: null }, userId: null, name: 'test', unitId: null },
      reach: 'all', now: NOW, skipErrors: false,
    });
    assert.equal(result.imported, lines.length, JSON.stringify(result.errors.slice(0, 3)));
    // The province before the 1 July 2025 merger (code 27) and after it (code 24) are two trees.
    const province = async (code: string, current: boolean) => (await database.db.selectFrom('units').select('id').where('code', '=', code)
      .where('kind', '=', 'province').where('valid_to', current ? 'is' : 'is not', null).executeTakeFirstOrThrow()).id;
    roots.old = await province('27', false);
    roots.new = await province('24', true);
  });
  after(() => database.close());

  function expectFigures(s: Pick<SummaryFigures, 'received' | 'resolved' | 'inProgress' | 'withdrawn' | 'stopped' | 'rates' | 'ratings'>, t: FileTally) {
    assert.deepEqual(s.received, { total: t.received.counter + t.received.online + t.received.post, carriedOver: 0, online: t.received.online, inPersonOrPost: t.received.counter + t.received.post });
    assert.deepEqual(s.resolved, { total: t.resolved.early + t.resolved.onTime + t.resolved.late, ...t.resolved });
    assert.equal(s.inProgress.total, t.inProgress);
    assert.equal(s.withdrawn, t.withdrawn);
    assert.equal(s.stopped, t.stopped);
    assert.equal(s.rates.supplement.numerator, t.supplemented);
    assert.equal(s.rates.return.numerator, t.refused);
    assert.deepEqual(s.ratings, t.ratings);
  }

  test('the summaries of the two provinces add up to the count of the file', async () => {
    const [a, b] = await Promise.all([loadSummary(database.db, roots.old, RANGE, RANGE.to), loadSummary(database.db, roots.new, RANGE, RANGE.to)]);
    const sum = (f: (s: SummaryFigures) => number) => f(a.figures) + f(b.figures);
    const combined = {
      received: { total: sum((s) => s.received.total), carriedOver: sum((s) => s.received.carriedOver), online: sum((s) => s.received.online), inPersonOrPost: sum((s) => s.received.inPersonOrPost) },
      resolved: { total: sum((s) => s.resolved.total), early: sum((s) => s.resolved.early), onTime: sum((s) => s.resolved.onTime), late: sum((s) => s.resolved.late) },
      inProgress: { total: sum((s) => s.inProgress.total), withinDeadline: 0, overdue: 0 },
      withdrawn: sum((s) => s.withdrawn),
      stopped: sum((s) => s.stopped),
      rates: { ...a.figures.rates, supplement: { ...a.figures.rates.supplement, numerator: sum((s) => s.rates.supplement.numerator) }, return: { ...a.figures.rates.return, numerator: sum((s) => s.rates.return.numerator) } },
      ratings: { count: sum((s) => s.ratings.count), satisfied: sum((s) => s.ratings.satisfied) },
    };
    expectFigures(combined, tallyLines(lines));
  });

  test('the narrative report of the merged province states the figures of its part of the file', async () => {
    const mine = lines.filter((l) => l.code.startsWith('000.'));
    const t = tallyLines(mine);
    const unit = (await unitLabel(database.db, roots.new))!;
    const scope: ReportScope = { unit, range: RANGE, asOf: RANGE.to, convention: { kind: 'calendar' }, settings: null };
    const { figures } = await loadSummary(database.db, roots.new, RANGE, RANGE.to);
    expectFigures(figures, t);
    const text = renderText(await writeNarrative(contextOf(database.db, scope), '2026-01-15'));
    const received = t.received.counter + t.received.online + t.received.post;
    const resolved = t.resolved.early + t.resolved.onTime + t.resolved.late;
    assert.match(text, new RegExp(`Từ ngày 01/01/2025 đến ngày 15/01/2026, các cơ quan, đơn vị trên địa bàn tỉnh Bắc Ninh tiếp nhận ${formatVnInteger(received).replace('.', '\\.')} hồ sơ thủ tục hành chính`));
    assert.match(text, new RegExp(`Đã giải quyết ${formatVnInteger(resolved).replace('.', '\\.')} hồ sơ, trong đó ${t.resolved.early} hồ sơ trước hạn, ${t.resolved.onTime} hồ sơ đúng hạn, ${t.resolved.late} hồ sơ quá hạn`));
    assert.match(text, new RegExp(`Qua ${t.ratings.count} lượt đánh giá`));
  });
});
