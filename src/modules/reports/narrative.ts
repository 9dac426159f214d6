// Writes the leader's periodic report from the data: asks every registered paragraph provider for its section and
// assembles the document (header, title, numbered sections). The reports module registers its own three
// providers here: dossiers (with table 06 by field), questions and answers, satisfaction.
import {
  dossierParagraphs, questionParagraphs, satisfactionParagraphs, type NarrativeBlock, type NarrativeDocument,
} from './domain/narrative.ts';
import { formatVnInteger } from './domain/numbers.ts';
import { describeRange, previousRange, sameRangeLastYear } from './domain/periods.ts';
import { TOTAL_LABEL } from './domain/table06.ts';
import { paragraphProviders, registerParagraphProvider, type NarrativeContext } from './paragraphs.ts';
import { childUnits, type UnitLabel } from './repository.ts';
import { loadSummary, loadTable06, type ReportScope } from './service.ts';
import * as repo from './repository.ts';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const administrativeKinds = new Set(['province', 'district', 'commune', 'ward', 'town', 'special_zone']);

function dmy(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** The issuing body of a report: "ỦY BAN NHÂN DÂN / PHƯỜNG BỒNG LAI", or the parent body above a centre. */
export async function issuerFor(db: NarrativeContext['db'], u: UnitLabel): Promise<NarrativeDocument['issuer']> {
  if (administrativeKinds.has(u.kind)) return { bodyName: 'Ủy ban nhân dân', deskName: u.fullName, place: u.name };
  const parent = u.parentId ? await repo.unitLabel(db, u.parentId) : null;
  return parent
    ? { bodyName: `UBND ${parent.fullName}`, deskName: u.fullName, place: parent.name }
    : { bodyName: u.fullName, deskName: '', place: u.name };
}

export function contextOf(db: NarrativeContext['db'], scope: ReportScope): NarrativeContext {
  const period = describeRange(scope.range, scope.convention);
  const prev = previousRange(scope.range, scope.convention);
  const prevDescription = describeRange(prev, scope.convention);
  return {
    db, unit: scope.unit, range: scope.range, asOf: scope.asOf, convention: scope.convention, period,
    previous: { range: prev, label: prevDescription.ref ? prevDescription.vi.toLocaleLowerCase('vi') : 'kỳ trước' },
    sameLastYear: { range: sameRangeLastYear(scope.range, scope.convention), label: period.sameLastYearVi },
  };
}

export async function writeNarrative(ctx: NarrativeContext, reportDate: string): Promise<NarrativeDocument> {
  const blocks: NarrativeBlock[] = [];
  let section = 0;
  for (const provider of paragraphProviders()) {
    const written = await provider.write(ctx);
    if (!written.length) continue;
    blocks.push({ kind: 'heading', text: `${ROMAN[section] ?? section + 1}. ${provider.heading}` }, ...written);
    section++;
  }
  if (!blocks.length) blocks.push({ kind: 'paragraph', text: `${ctx.period.vi}, chưa có số liệu để báo cáo.` });
  return {
    issuer: await issuerFor(ctx.db, ctx.unit),
    title: 'Báo cáo',
    subtitle: `Kết quả giải quyết thủ tục hành chính và mức độ hài lòng của người dân, ${lowerFirst(ctx.period.vi)}`,
    date: reportDate,
    blocks,
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

function scopeOf(ctx: NarrativeContext, range = ctx.range, asOf = ctx.asOf): ReportScope {
  return { unit: ctx.unit, range, asOf, convention: ctx.convention, settings: null };
}

/** A leader names the unit by its full name; a rollup over a province or district says "trên địa bàn". */
async function unitPhrase(ctx: NarrativeContext, unit: UnitLabel): Promise<string> {
  if (unit.kind !== 'province' && unit.kind !== 'district') return unit.fullName;
  const children = await childUnits(ctx.db, unit.id);
  return children.length ? `các cơ quan, đơn vị trên địa bàn ${lowerFirst(unit.fullName)}` : unit.fullName;
}

registerParagraphProvider({
  key: 'dossiers',
  order: 10,
  heading: 'Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính',
  async write(ctx) {
    const [current, lastYear, previous] = await Promise.all([
      loadSummary(ctx.db, ctx.unit.id, ctx.range, ctx.asOf),
      loadSummary(ctx.db, ctx.unit.id, ctx.sameLastYear.range, ctx.sameLastYear.range.to),
      loadSummary(ctx.db, ctx.unit.id, ctx.previous.range, ctx.previous.range.to),
    ]);
    const blocks = dossierParagraphs({
      periodLabel: ctx.period.vi,
      unitName: await unitPhrase(ctx, ctx.unit),
      endDate: dmy(ctx.asOf),
      summary: current.figures,
      sameLastYear: { label: ctx.sameLastYear.label, summary: lastYear.figures },
      // For a year the previous period is the same period last year: say it once.
      previous: ctx.previous.range.from === ctx.sameLastYear.range.from ? null : { label: ctx.previous.label, summary: previous.figures },
    });
    const table = await loadTable06(ctx.db, scopeOf(ctx), 'field');
    if (table.rows.length) {
      blocks.push({
        kind: 'table',
        caption: `Bảng: Tình hình, kết quả giải quyết thủ tục hành chính theo lĩnh vực (${ctx.period.vi.toLocaleLowerCase('vi')})`,
        columns: ['Lĩnh vực', 'Tiếp nhận mới', 'Kỳ trước chuyển qua', 'Đã giải quyết', 'Trước hạn, đúng hạn', 'Quá hạn', 'Đang giải quyết', 'Đang quá hạn'],
        numeric: [false, true, true, true, true, true, true, true],
        rows: [...table.rows.map((r) => ({ label: r.label, f: r.figures })), { label: TOTAL_LABEL, f: table.total }].map(({ label, f }) => [
          label, formatVnInteger(f.received.total), formatVnInteger(f.received.carriedOver), formatVnInteger(f.resolved.total),
          formatVnInteger(f.resolved.early + f.resolved.onTime), formatVnInteger(f.resolved.late), formatVnInteger(f.inProgress.total),
          formatVnInteger(f.inProgress.overdue),
        ]),
      });
    }
    return blocks;
  },
});

registerParagraphProvider({
  key: 'questions',
  order: 20,
  heading: 'Tiếp nhận, giải đáp hỏi đáp của công dân',
  async write(ctx) {
    const [current, lastYear] = await Promise.all([
      repo.questionCounts(ctx.db, ctx.unit.id, ctx.range),
      repo.questionCounts(ctx.db, ctx.unit.id, ctx.sameLastYear.range),
    ]);
    return questionParagraphs({ ...current, sameLastYear: { label: ctx.sameLastYear.label, received: lastYear.received } });
  },
});

registerParagraphProvider({
  key: 'satisfaction',
  order: 30,
  heading: 'Đánh giá mức độ hài lòng của người dân',
  async write(ctx) {
    const [current, lastYear] = await Promise.all([
      repo.ratingCounts(ctx.db, ctx.unit.id, ctx.range),
      repo.ratingCounts(ctx.db, ctx.unit.id, ctx.sameLastYear.range),
    ]);
    return satisfactionParagraphs({
      unitName: await unitPhrase(ctx, ctx.unit), count: current.count, satisfied: current.satisfied,
      sameLastYear: { label: ctx.sameLastYear.label, count: lastYear.count, satisfied: lastYear.satisfied },
    });
  },
});

