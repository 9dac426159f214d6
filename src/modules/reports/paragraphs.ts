// The paragraph-provider registry of the generated periodic report. Each module that has something to say in a
// leader's report (dossiers, Q&A and ratings here; petitions, dialogues, supervision later) registers a provider
// once — e.g. from its routes function in src/modules.ts:
//
//   registerParagraphProvider({ key: 'petitions', order: 40, heading: 'Công tác tiếp công dân, giải quyết đơn thư',
//     write: async (ctx) => [{ kind: 'paragraph', text: `…` }] });
//
// The writer (narrative.ts) asks every provider in `order` and puts the sections it returns under numbered
// headings, so a new module adds its section without touching the writer. A provider returning no blocks is left
// out of the report.
import type { Db } from '../../access/reach.ts';
import type { NarrativeBlock } from './domain/narrative.ts';
import type { DateRange, PeriodConvention, PeriodDescription } from './domain/periods.ts';
import type { UnitLabel } from './repository.ts';

export interface NarrativeContext {
  db: Db;
  unit: UnitLabel;
  range: DateRange;
  /** The day the in-progress snapshot is taken (the period's end, or today while it runs). */
  asOf: string;
  convention: PeriodConvention;
  /** "Năm 2021", "Quý I năm 2026", "Từ ngày … đến ngày …". */
  period: PeriodDescription;
  previous: { range: DateRange; label: string };
  sameLastYear: { range: DateRange; label: string };
}

export interface ParagraphProvider {
  /** Unique; registering the same key again replaces the provider. */
  key: string;
  /** Position in the report: dossiers 10, questions 20, ratings 30; leave gaps for others. */
  order: number;
  /** The section heading, e.g. "Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính". */
  heading: string;
  write(ctx: NarrativeContext): Promise<NarrativeBlock[]>;
}

const providers = new Map<string, ParagraphProvider>();

export function registerParagraphProvider(provider: ParagraphProvider): void {
  providers.set(provider.key, provider);
}

export function paragraphProviders(): ParagraphProvider[] {
  return [...providers.values()].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}
