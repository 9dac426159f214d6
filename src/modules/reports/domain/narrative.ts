// The generated periodic report: a list of blocks (headings, paragraphs, tables) written in Vietnamese from the
// figures, then rendered as text, DOCX or PDF. Each module contributes its section through a paragraph provider
// (paragraphs.ts); this file holds the pure writers of the dossier, Q&A and satisfaction paragraphs.
import type { SummaryFigures } from './indicators.ts';
import { changePhraseVi, formatVnInteger, formatVnShare, pointsPhraseVi } from './numbers.ts';

export type NarrativeBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; caption: string; columns: string[]; rows: string[][]; numeric?: boolean[] };

export interface NarrativeDocument {
  /** Issuing body and place, for the header of the DOCX and PDF. */
  issuer: { bodyName: string; deskName: string; place: string };
  title: string;
  subtitle: string;
  /** 'YYYY-MM-DD', the date line. */
  date: string;
  blocks: NarrativeBlock[];
}

export interface Comparison {
  /** "cùng kỳ năm 2020", "quý IV năm 2025". */
  label: string;
  summary: SummaryFigures;
}

export interface DossierNarrativeInput {
  /** "Năm 2021", "Quý I năm 2026", "Từ ngày 01/03/2026 đến ngày 15/03/2026". */
  periodLabel: string;
  /** "Phường Bồng Lai", "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh". */
  unitName: string;
  /** 'dd/mm/yyyy' of the period's last day, for "đến ngày …". */
  endDate: string;
  summary: SummaryFigures;
  sameLastYear: Comparison | null;
  previous: Comparison | null;
}

const n = formatVnInteger;

function share(numerator: number, denominator: number): string {
  return formatVnShare(numerator, denominator) ?? '0%';
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.charAt(0).toLocaleUpperCase('vi') + trimmed.slice(1) + (/[.!?]$/.test(trimmed) ? '' : '.');
}

function compareCount(current: number, comparisons: (Comparison | null)[], pick: (s: SummaryFigures) => number): string {
  const parts = comparisons.filter((c): c is Comparison => c !== null && pick(c.summary) > 0)
    .map((c) => changePhraseVi(current, pick(c.summary), c.label));
  return parts.length ? ` (${parts.join('; ')})` : '';
}

function compareRate(value: number | null, comparisons: (Comparison | null)[], pick: (s: SummaryFigures) => number | null): string {
  if (value === null) return '';
  const parts = comparisons.filter((c): c is Comparison => c !== null && pick(c.summary) !== null)
    .map((c) => pointsPhraseVi(value, pick(c.summary)!, c.label));
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** The paragraph on dossiers received and resolved, as a leader writes it. */
export function dossierParagraphs(input: DossierNarrativeInput): NarrativeBlock[] {
  const s = input.summary;
  const comparisons = [input.sameLastYear, input.previous];
  const out: NarrativeBlock[] = [];
  const r = s.received;
  if (r.total === 0 && r.carriedOver === 0 && s.resolved.total === 0) {
    out.push({ kind: 'paragraph', text: sentence(`${input.periodLabel}, ${input.unitName} không tiếp nhận hồ sơ thủ tục hành chính nào`) });
    return out;
  }
  let received = `${input.periodLabel}, ${input.unitName} tiếp nhận ${n(r.total)} hồ sơ thủ tục hành chính`
    + compareCount(r.total, comparisons, (x) => x.received.total);
  if (r.total > 0) {
    received += `, trong đó ${n(r.online)} hồ sơ trực tuyến (chiếm ${share(r.online, r.total)}) và ${n(r.inPersonOrPost)} hồ sơ nộp trực tiếp hoặc qua dịch vụ bưu chính`;
  }
  if (r.carriedOver > 0) received += `; ngoài ra còn ${n(r.carriedOver)} hồ sơ của kỳ trước chuyển sang`;
  out.push({ kind: 'paragraph', text: sentence(received) });

  const d = s.resolved;
  if (d.total > 0) {
    let resolved = `Đã giải quyết ${n(d.total)} hồ sơ, trong đó ${n(d.early)} hồ sơ trước hạn, ${n(d.onTime)} hồ sơ đúng hạn, ${n(d.late)} hồ sơ quá hạn`;
    resolved += d.late === 0
      ? '; 100% hồ sơ được giải quyết trước hạn và đúng hạn'
      : `; tỷ lệ giải quyết trước hạn và đúng hạn đạt ${share(d.early + d.onTime, d.total)}`
        + compareRate(s.rates.onTime.value, comparisons, (x) => x.rates.onTime.value);
    out.push({ kind: 'paragraph', text: sentence(resolved) });
  }
  const p = s.inProgress;
  const closing: string[] = [];
  if (p.total > 0) {
    closing.push(`đến ngày ${input.endDate}, còn ${n(p.total)} hồ sơ đang giải quyết (${n(p.withinDeadline)} hồ sơ trong hạn, ${n(p.overdue)} hồ sơ quá hạn)`);
  } else {
    closing.push(`đến ngày ${input.endDate}, không còn hồ sơ đang giải quyết`);
  }
  if (s.withdrawn > 0) closing.push(`${n(s.withdrawn)} hồ sơ được rút theo yêu cầu của người nộp`);
  if (s.stopped > 0) closing.push(`${n(s.stopped)} hồ sơ dừng xử lý`);
  out.push({ kind: 'paragraph', text: sentence(closing.join('; ')) });

  if (r.total > 0) {
    const rates = s.rates;
    out.push({
      kind: 'paragraph',
      text: sentence(`tỷ lệ hồ sơ được tiếp nhận ngay từ lần đầu đạt ${share(rates.firstTimeAcceptance.numerator, r.total)}; `
        + `tỷ lệ hồ sơ phải bổ sung, hoàn thiện ${share(rates.supplement.numerator, r.total)}; `
        + `tỷ lệ hồ sơ bị từ chối giải quyết, trả lại ${share(rates.return.numerator, r.total)}`),
    });
  }
  return out;
}

export interface QuestionNarrativeInput {
  received: number;
  answered: number;
  sameLastYear: { label: string; received: number } | null;
}

export function questionParagraphs(q: QuestionNarrativeInput): NarrativeBlock[] {
  if (q.received === 0 && q.answered === 0) return [];
  let text = `tiếp nhận ${n(q.received)} lượt hỏi đáp của công dân về thủ tục hành chính`;
  if (q.sameLastYear && q.sameLastYear.received > 0) text += ` (${changePhraseVi(q.received, q.sameLastYear.received, q.sameLastYear.label)})`;
  text += `, đã trả lời ${n(q.answered)} lượt`;
  return [{ kind: 'paragraph', text: sentence(text) }];
}

export interface SatisfactionNarrativeInput {
  unitName: string;
  count: number;
  satisfied: number;
  sameLastYear: { label: string; count: number; satisfied: number } | null;
}

/** "Qua 1.250 lượt đánh giá, mức độ hài lòng về thái độ làm việc của cán bộ tại … đạt 95,6%". */
export function satisfactionParagraphs(s: SatisfactionNarrativeInput): NarrativeBlock[] {
  if (s.count === 0) return [];
  let text = `qua ${n(s.count)} lượt đánh giá của người dân, mức độ hài lòng về thái độ làm việc của đội ngũ cán bộ tại ${s.unitName} đạt ${share(s.satisfied, s.count)}`;
  const last = s.sameLastYear;
  if (last && last.count > 0) text += ` (${pointsPhraseVi(s.satisfied / s.count, last.satisfied / last.count, last.label)})`;
  return [{ kind: 'paragraph', text: sentence(text) }];
}

/** Plain text: headings in capitals, paragraphs separated by blank lines, tables as tab-separated lines. */
export function renderText(doc: NarrativeDocument): string {
  const lines: string[] = [doc.issuer.bodyName.toLocaleUpperCase('vi'), doc.issuer.deskName.toLocaleUpperCase('vi'), '',
    doc.title.toLocaleUpperCase('vi'), doc.subtitle, ''];
  for (const block of doc.blocks) {
    if (block.kind === 'heading') lines.push(block.text.toLocaleUpperCase('vi'), '');
    else if (block.kind === 'paragraph') lines.push(block.text, '');
    else {
      lines.push(block.caption, block.columns.join('\t'), ...block.rows.map((row) => row.join('\t')), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
