import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { matchingParenthesis, parseChannelTable } from './channel-table.ts';

const HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

describe('parseChannelTable', () => {
  test('one row per channel: time, fee and description split apart', () => {
    const { rows, issues } = parseChannelTable(
      `${HEADER}Trực tiếp20 Ngày làm việcKhông có thông tinNộp tại UBND xãTrực tuyến20 Ngày làm việcMiễn phí`,
    );
    assert.deepEqual(rows.map((r) => r.channel), ['in_person', 'online']);
    assert.deepEqual(rows[0].processingTime, { amount: 20, kind: 'working_days' });
    assert.equal(rows[0].timeText, '20 Ngày làm việc');
    assert.equal(rows[0].fee.status, 'not_given');
    assert.equal(rows[0].fee.feeText, 'Không có thông tin');
    assert.equal(rows[0].note, 'Nộp tại UBND xã');
    assert.equal(rows[0].sourceText, 'Trực tiếp20 Ngày làm việcKhông có thông tinNộp tại UBND xã');
    assert.equal(rows[1].fee.amountVnd, 0);
    assert.equal(rows[1].note, null);
    assert.deepEqual(issues.map((i) => i.kind), ['fee_not_given']);
  });

  test('"Trực tuyến1" is a bare number: unit missing, flagged', () => {
    const { rows, issues } = parseChannelTable(`${HEADER}Trực tuyến1Miễn phíDịch vụ bưu chính1Miễn phí`);
    assert.ok(rows.every((r) => r.timeStatus === 'unit_missing' && r.processingTime === null && r.timeText === '1'));
    assert.equal(issues.filter((i) => i.kind === 'time_unit_missing' && i.severity === 'review').length, 2);
  });

  test('"Trong ngày" and hours', () => {
    const { rows } = parseChannelTable(`${HEADER}Trực tiếpTrong ngàyMiễn phíTrực tuyến04 Giờ làm việcMiễn phí`);
    assert.deepEqual(rows.map((r) => r.processingTime), [{ amount: 0, kind: 'same_day' }, { amount: 4, kind: 'working_hours' }]);
  });

  test('multiple channels with different times, and repeated channels', () => {
    const { rows } = parseChannelTable(
      `${HEADER}Trực tuyến17 Ngày làm việcMiễn phíDịch vụ bưu chính20 Ngày làm việcMiễn phíTrực tiếp27 Ngày làm việcMiễn phíTrực tiếp3 NgàyMiễn phí`,
    );
    assert.deepEqual(rows.map((r) => [r.channel, r.processingTime?.amount, r.processingTime?.kind]), [
      ['online', 17, 'working_days'], ['post', 20, 'working_days'], ['in_person', 27, 'working_days'], ['in_person', 3, 'calendar_days'],
    ]);
  });

  test('channel names inside a description do not start a row', () => {
    const { rows } = parseChannelTable(
      `${HEADER}Trực tuyến7 Ngày làm việcMiễn phí- Trực tiếp: nộp hồ sơ tại Công an; + Trực tuyến qua Cổng dịch vụ công.Dịch vụ bưu chính7 Ngày làm việcMiễn phí`,
    );
    assert.equal(rows.length, 2);
    assert.equal(rows[0].note, '- Trực tiếp: nộp hồ sơ tại Công an; + Trực tuyến qua Cổng dịch vụ công.');
  });

  test('the fee note is the balanced parenthesis after the fee, nested ones included', () => {
    const { rows } = parseChannelTable(
      `${HEADER}Trực tiếp5 Ngày làm việc100,000 VNĐ((Phí thẩm định (lần đầu)) theo TT 01)Mô tả ở đây`,
    );
    assert.equal(rows[0].fee.amountVnd, 100000);
    assert.equal(rows[0].fee.note, '(Phí thẩm định (lần đầu)) theo TT 01');
    assert.equal(rows[0].note, 'Mô tả ở đây');
  });

  test('a time that ran into the fee is split only where the note confirms it', () => {
    const confirmed = parseChannelTable(`${HEADER}Trực tuyến120,000 VNĐ(mức thu là 20.000 VNĐ/tờ khai)`);
    assert.equal(confirmed.rows[0].timeText, '1');
    assert.equal(confirmed.rows[0].timeStatus, 'unit_missing');
    assert.equal(confirmed.rows[0].fee.amountVnd, 20000);
    assert.equal(confirmed.issues.find((i) => i.kind === 'time_fee_run_together')?.severity, 'info');

    const unknown = parseChannelTable(`${HEADER}Trực tuyến120 VNĐ`);
    assert.equal(unknown.rows[0].fee.status, 'unrecognised');
    assert.equal(unknown.rows[0].fee.amountVnd, null);
    assert.equal(unknown.issues.find((i) => i.kind === 'time_fee_run_together')?.severity, 'review');
  });

  test('free text in the time cell is unrecognised, the fee after it still read', () => {
    const { rows, issues } = parseChannelTable(`${HEADER}Trực tiếpHệ thống phản hồi tự động.Không có thông tinTại TTPVHCC`);
    assert.equal(rows[0].timeStatus, 'unrecognised');
    assert.equal(rows[0].fee.status, 'not_given');
    assert.equal(rows[0].note, 'Tại TTPVHCC');
    assert.ok(issues.some((i) => i.kind === 'time_unrecognised'));
  });

  test('unusually long times and calendar days contradicted by the description are flagged', () => {
    const { issues } = parseChannelTable(`${HEADER}Trực tiếp275 NgàyMiễn phíTrực tuyến7 NgàyMiễn phí07 ngày làm việc kể từ ngày nhận đủ hồ sơ`);
    assert.deepEqual(issues.map((i) => i.kind), ['time_unusually_long', 'time_kind_conflicts_with_note']);
  });

  test('no rows at all', () => {
    const { rows, issues } = parseChannelTable(`${HEADER}`);
    assert.equal(rows.length, 0);
    assert.deepEqual(issues.map((i) => i.kind), ['channels_missing']);
  });

  test('matchingParenthesis', () => {
    assert.equal(matchingParenthesis('(a(b)c)d'), 6);
    assert.equal(matchingParenthesis('(a(b'), -1);
  });
});
