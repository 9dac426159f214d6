import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { foldVietnamese } from '../../../platform/text.ts';
import { formatCatalogueReport, parseCatalogue, parseCatalogueProcedure, parseLegalBasis, parseResults } from './catalogue.ts';
import type { Channel, DurationKind, ParsedProcedure, RequiredDocument } from './types.ts';

const crawl = JSON.parse(
  readFileSync(new URL('../../../../../shared/data/procedures/commune-procedures-crawl-2026.json', import.meta.url), 'utf8'),
);
const sample = JSON.parse(
  readFileSync(new URL('../../../../../shared/data/procedures/commune-procedures-25.json', import.meta.url), 'utf8'),
);
const { entries, report } = parseCatalogue(crawl);
const byCode = new Map(entries.map((e) => [e.procedure.code, e]));

function get(code: string) {
  const entry = byCode.get(code);
  assert.ok(entry, `procedure ${code} is in the file`);
  return entry;
}

describe('the 588-procedure catalogue file', () => {
  test('every procedure is imported', () => {
    assert.equal(entries.length, 588);
    assert.equal(report.total, 588);
    assert.equal(report.declaredCount, 588);
    assert.equal(new Set(entries.map((e) => e.procedure.code)).size, 588);
    assert.ok(entries.every((e) => e.procedure.name !== ''));
  });

  test('388 procedures get a parsed processing time; the rest are bare numbers or have none', () => {
    const p = report.procedures;
    assert.equal(p.withParsedTime, 388);
    assert.equal(p.withDefaultTime, 388);
    assert.equal(p.withUnitMissingTime, 164);
    assert.equal(p.onlyUnitMissingTime, 161);
    assert.equal(p.withoutTime, 39);
    assert.equal(p.withParsedTime + p.onlyUnitMissingTime + p.withoutTime, 588);
  });

  test('every time cell that carries a unit is parsed, and only those', () => {
    const withUnit = /^\d+(?:[.,]\d+)?\s*(?:ngày|giờ)/iu;
    for (const { procedure } of entries) {
      for (const row of procedure.channelOptions) {
        const cell = row.sourceText.slice(row.channelText.length);
        assert.equal(row.timeStatus === 'parsed', withUnit.test(cell), `${procedure.code}: ${row.sourceText.slice(0, 60)}`);
      }
    }
  });

  test('bare numbers are flagged for review and never used as a duration', () => {
    let bareRows = 0;
    for (const { procedure, issues } of entries) {
      for (const row of procedure.channelOptions.filter((r) => r.timeStatus === 'unit_missing')) {
        bareRows++;
        assert.equal(row.processingTime, null);
        const flagged = issues.find((i) => i.kind === 'time_unit_missing' && i.text === row.sourceText);
        assert.ok(flagged, `${procedure.code} flags ${row.sourceText.slice(0, 40)}`);
        assert.equal(flagged.severity, 'review');
        assert.match(flagged.message, /unit missing — review/);
      }
      const chosen = procedure.cases[0].processingTime;
      if (chosen) {
        assert.ok(procedure.channelOptions.some((r) => r.processingTime && r.processingTime.amount === chosen.amount
          && r.processingTime.kind === chosen.kind), `${procedure.code}: default comes from a parsed row`);
      }
    }
    assert.equal(bareRows, 386);
    assert.equal(report.channelRows.byTimeStatus.unit_missing, 386);
  });

  test('the report counts issues per kind and lists everything that needs review', () => {
    assert.equal(report.issueCounts.time_unit_missing?.procedures, 164);
    assert.equal(report.issueCounts.no_processing_time?.procedures, 200);
    assert.equal(report.issueCounts.documents_unstructured?.procedures, 22);
    const reviewIssues = entries.flatMap((e) => e.issues.filter((i) => i.severity === 'review'));
    assert.equal(report.review.length, reviewIssues.length);
    assert.ok(report.review.every((r) => r.code && r.message && r.messageVi));
    const text = formatCatalogueReport(report);
    assert.match(text, /Procedures \/ thủ tục: 588/);
    assert.match(text, /with a parsed processing time \/ có thời hạn đọc được: 388/);
  });

  test('online level starts unknown for every catalogue procedure', () => {
    assert.ok(entries.every((e) => e.procedure.onlineLevel === 'unknown' && e.procedure.onlineLevelReason === null));
  });

  test('parsing is deterministic', () => {
    const again = parseCatalogue(crawl);
    assert.deepEqual(again.report, report);
    assert.deepEqual(again.entries[100], entries[100]);
  });

  test('a file that is not a catalogue is refused', () => {
    assert.throws(() => parseCatalogue({ foo: 1 }), TypeError);
    assert.throws(() => parseCatalogue(null), TypeError);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The hand-checked sample of 25: where both have a value, they must agree.

const SAMPLE_UNITS: Record<string, DurationKind> = {
  working_day: 'working_days',
  day: 'calendar_days',
  same_day: 'same_day',
};
const SAMPLE_CHANNELS: Record<string, Channel> = {
  'Trực tiếp': 'in_person',
  'Dịch vụ bưu chính': 'post',
  'Trực tuyến': 'online',
};
// Where the sample records more than the catalogue column says, with the reason.
const CHANNEL_EXCEPTIONS: Record<string, string> = {
  '1.003677': 'only "Trực tuyến" rows in the column; the sample adds in-person from the description text',
};

const key = (text: string) => foldVietnamese(text).replace(/^[^a-z0-9]+/, '').slice(0, 40);

function findDocument(procedure: ParsedProcedure, text: string): RequiredDocument | undefined {
  const documents = procedure.cases[0].documents;
  // The sample's parser glued a section heading ("… gồm các giấy tờ sau đây:") onto the first item; here the
  // heading is the group.
  return documents.find((d) => key(d.name) === key(text)) ?? documents.find((d) => d.group && key(d.group) === key(text));
}

describe('agreement with the 25-procedure hand-checked sample', () => {
  for (const expected of sample.procedures) {
    test(`${expected.code} ${expected.name}`, () => {
      const { procedure, issues } = get(expected.code);
      assert.equal(procedure.name, expected.name);
      assert.equal(procedure.field, expected.field);
      assert.equal(procedure.levelText, expected.level);
      assert.equal(procedure.decisionNumber, expected.decision);
      assert.equal(procedure.results[0]?.name, expected.result);

      const parsedRows = procedure.channelOptions.filter((r) => r.processingTime);
      const sampleTime = expected.processingTime;
      if (parsedRows.length > 0) {
        assert.ok(sampleTime.value !== null && SAMPLE_UNITS[sampleTime.unit], 'sample has a time with a unit');
        assert.ok(parsedRows.some((r) => r.processingTime!.amount === sampleTime.value
          && r.processingTime!.kind === SAMPLE_UNITS[sampleTime.unit]), 'sample time is one of the channel times');
      } else {
        // No unit in the catalogue: the sample's value came from elsewhere (steps, law); ours stays empty.
        assert.equal(procedure.cases[0].processingTime, null);
        assert.ok(issues.some((i) => i.kind === 'no_processing_time'));
      }

      if (expected.fee.amountVnd === null) {
        assert.ok(procedure.channelOptions.every((r) => r.fee.amountVnd === null));
      } else {
        assert.ok(procedure.channelOptions.some((r) => r.fee.amountVnd === expected.fee.amountVnd),
          `fee ${expected.fee.amountVnd} is one of ${procedure.channelOptions.map((r) => r.fee.amountVnd)}`);
      }

      const sampleChannels = new Set<Channel>(expected.channels.value.map((c: string) => SAMPLE_CHANNELS[c]));
      if (CHANNEL_EXCEPTIONS[expected.code]) {
        assert.ok(procedure.channels.every((c) => sampleChannels.has(c)));
      } else {
        assert.deepEqual(new Set(procedure.channels), sampleChannels);
      }

      const parsedDocuments = (expected.documents ?? []).filter(
        (d: { source: string; text: string }) => d.source === 'crawl:thanh_phan_ho_so (parsed)' && d.text.trim() !== ',',
      );
      for (const document of parsedDocuments) {
        const ours = findDocument(procedure, document.text);
        assert.ok(ours, `document "${document.text.slice(0, 50)}" found`);
        assert.equal(ours.count, document.quantity);
        const allowed = document.copyType === 'bản chính' ? ['original', 'either'] : ['copy', 'either'];
        assert.ok(allowed.includes(ours.copyType!), `${document.copyType} vs ${ours.copyType}`);
        // "Thành phần hồ sơ" is the sample's label for "no heading".
        if (ours.group && document.group !== 'Thành phần hồ sơ') assert.equal(ours.group, document.group);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Particular procedures

describe('particular procedures', () => {
  test('1.001193 birth registration: "Trực tuyến1" is a bare number, flagged, not defaulted', () => {
    const { procedure, issues } = get('1.001193');
    assert.deepEqual(procedure.channels, ['in_person', 'post', 'online']);
    for (const row of procedure.channelOptions) {
      assert.equal(row.timeStatus, 'unit_missing');
      assert.equal(row.timeText, '1');
      assert.equal(row.processingTime, null);
      assert.equal(row.fee.status, 'free');
      assert.equal(row.fee.amountVnd, 0);
      assert.equal(row.fee.feeText, 'Miễn phí');
    }
    assert.equal(procedure.cases[0].processingTime, null);
    assert.equal(procedure.onTheSpot, false);
    assert.equal(issues.filter((i) => i.kind === 'time_unit_missing').length, 3);
    assert.ok(issues.some((i) => i.kind === 'no_processing_time' && i.severity === 'review'));
  });

  test('1.004036: "70,000 VNĐ" is 70000 with its note kept', () => {
    const { procedure } = get('1.004036');
    for (const row of procedure.channelOptions) {
      assert.equal(row.fee.amountVnd, 70000);
      assert.equal(row.fee.feeText, '70,000 VNĐ');
      assert.equal(row.fee.note, '70.000 đồng/Giấy chứng nhận.');
      assert.equal(row.fee.per, 'Giấy chứng nhận');
      assert.deepEqual(row.processingTime, { amount: 2, kind: 'working_days' });
      assert.equal(row.timeText, '2 Ngày làm việc');
    }
    assert.equal(procedure.cases[0].fee?.amountVnd, 70000);
  });

  test('1.013978: different times per channel, default is the in-person one', () => {
    const { procedure, issues } = get('1.013978');
    const times = procedure.channelOptions.map((r) => [r.channel, r.processingTime?.amount]);
    assert.deepEqual(times, [['online', 17], ['post', 20], ['in_person', 27]]);
    assert.deepEqual(procedure.cases[0].processingTime, { amount: 27, kind: 'working_days' });
    assert.equal(procedure.cases[0].processingTimeRule, 'in_person');
    assert.ok(issues.some((i) => i.kind === 'times_differ_by_channel' && i.severity === 'info'));
  });

  test('1.010041: two online rows with different times, default is the longest', () => {
    const { procedure } = get('1.010041');
    assert.deepEqual(procedure.channelOptions.map((r) => r.processingTime?.amount), [1, 3]);
    assert.deepEqual(procedure.cases[0].processingTime, { amount: 3, kind: 'working_days' });
    assert.equal(procedure.cases[0].processingTimeRule, 'longest');
  });

  test('1.004222: online and in-person fees differ; the default case takes the in-person fee', () => {
    const { procedure } = get('1.004222');
    assert.deepEqual(procedure.channelOptions.map((r) => [r.channel, r.fee.amountVnd]), [['online', 10000], ['in_person', 20000]]);
    assert.equal(procedure.cases[0].fee?.amountVnd, 20000);
  });

  test('2.001023: "15 Ngày" is calendar days, flagged because the description says working days', () => {
    const { procedure, issues } = get('2.001023');
    assert.deepEqual(procedure.cases[0].processingTime, { amount: 15, kind: 'calendar_days' });
    assert.ok(issues.some((i) => i.kind === 'time_kind_conflicts_with_note'));
  });

  test('1.007882: time and fee ran together; the note tells where to split, the fee stays under review', () => {
    const { procedure, issues } = get('1.007882');
    const row = procedure.channelOptions[0];
    assert.equal(row.timeText, '1');
    assert.equal(row.timeStatus, 'unit_missing');
    assert.equal(row.fee.status, 'suspect');
    assert.equal(row.fee.amountVnd, null);
    assert.equal(row.fee.suggestedAmountVnd, 20000);
    assert.ok(issues.some((i) => i.kind === 'time_fee_run_together'));
  });

  test('2.001206: "120,000 VNĐ" splits into "1" and 20,000 because the note says 20.000 VNĐ', () => {
    const { procedure } = get('2.001206');
    const row = procedure.channelOptions[0];
    assert.equal(row.timeText, '1');
    assert.equal(row.fee.amountVnd, 20000);
  });

  test('1.007642: "120 VNĐ" without a note is left unsplit, both time and fee under review', () => {
    const { procedure, issues } = get('1.007642');
    const row = procedure.channelOptions[0];
    assert.equal(row.timeStatus, 'unit_missing');
    assert.equal(row.fee.status, 'unrecognised');
    assert.equal(row.fee.amountVnd, null);
    assert.ok(issues.some((i) => i.kind === 'time_fee_run_together' && i.severity === 'review'));
  });

  test('2.000815: a fee in USD is kept as foreign currency', () => {
    const { procedure } = get('2.000815');
    const usd = procedure.channelOptions.find((r) => r.fee.status === 'foreign_currency');
    assert.deepEqual(usd?.fee.foreignAmount, { amount: 10, currency: 'USD' });
    assert.equal(usd?.fee.amountVnd, null);
  });

  test('1.008335: "Không phải trả kết quả" is not applicable, not a time', () => {
    const { procedure } = get('1.008335');
    assert.ok(procedure.channelOptions.every((r) => r.timeStatus === 'not_applicable' && r.fee.status === 'free'));
  });

  test('1.000689: documents with both original and copy counts, and form-less items', () => {
    const { procedure } = get('1.000689');
    const declaration = procedure.cases[0].documents.find((d) => d.name.startsWith('Tờ khai đăng ký nhận cha'));
    assert.equal(declaration?.copyType, 'either');
    assert.equal(declaration?.originalCount, 1);
    assert.equal(declaration?.copyCount, 1);
    assert.equal(declaration?.group, 'Giấy tờ phải nộp');
    const passport = procedure.cases[0].documents.find((d) => d.name.startsWith('Hộ chiếu'));
    assert.equal(passport?.presentOnly, true);
    assert.ok(procedure.documentNotes.some((n) => n.startsWith('Trường hợp người yêu cầu đã nộp bản điện tử')));
  });

  test('1.014056: the blank form file name is separated from the document name', () => {
    const { procedure } = get('1.014056');
    const form = procedure.cases[0].documents.find((d) => d.formFile);
    assert.equal(form?.formFile, 'Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc');
    assert.match(form!.name, /^Phiếu đề nghị giải quyết thủ tục về căn cước \(Mẫu DC02/);
  });

  test('2.000809: a documents field without a table is reported, not guessed', () => {
    const { procedure, issues } = get('2.000809');
    assert.equal(procedure.cases[0].documents.length, 0);
    assert.ok(issues.some((i) => i.kind === 'documents_unstructured' && i.severity === 'review'));
  });

  test('subjects are split on commas outside parentheses', () => {
    const { procedure } = get('1.012537');
    assert.ok(procedure.subjects.length >= 1);
    for (const entry of entries) {
      for (const subject of entry.procedure.subjects) assert.equal(subject.split('(').length, subject.split(')').length);
    }
  });

  test('text is NFC whatever the input', () => {
    const raw = { ...crawl.procedures[0], ten_thu_tuc: 'Thủ tục đăng ký khai sinh'.normalize('NFD') };
    assert.equal(parseCatalogueProcedure(raw).procedure.name, 'Thủ tục đăng ký khai sinh'.normalize('NFC'));
  });

  test('a record without code or name is reported', () => {
    const { issues } = parseCatalogueProcedure({ cach_thuc_thuc_hien: '' });
    assert.deepEqual(issues.filter((i) => i.kind === 'field_missing').map((i) => i.field), ['ma_thu_tuc', 'ten_thu_tuc']);
    assert.ok(issues.some((i) => i.kind === 'channels_missing'));
  });
});

describe('results and legal basis', () => {
  test('result names are split at their codes and the page furniture is dropped', () => {
    assert.deepEqual(
      parseResults('Giấy chứng nhận đăng ký xeMã: KQ.G01.000014Biển số xeMã: KQ.G01.000015Từ khóaKhông có thông tinMô tả'),
      [{ name: 'Giấy chứng nhận đăng ký xe', code: 'KQ.G01.000014' }, { name: 'Biển số xe', code: 'KQ.G01.000015' }],
    );
    assert.deepEqual(parseResults(''), []);
  });

  test('legal documents are split at the number glued to the next title', () => {
    const refs = parseLegalBasis(
      'Tên văn bản pháp lýMã văn bảnThông tư Hướng dẫn về phí và lệ phí85/2019/TT-BTCNghị định số 123/2015/NĐ-CP ngày 15/11/2015 quy định chi tiết Luật Hộ tịch123/2015/NĐ-CP',
    );
    assert.deepEqual(refs, [
      { title: 'Thông tư Hướng dẫn về phí và lệ phí', number: '85/2019/TT-BTC' },
      { title: 'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 quy định chi tiết Luật Hộ tịch', number: '123/2015/NĐ-CP' },
    ]);
    assert.ok(get('1.001193').procedure.legalBasis.length >= 5);
  });
});
