import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { approximateWorkingHours, chooseDefaultTime, formatProcessingTime, parseProcessingTime } from './processing-time.ts';
import type { ChannelOption, ProcessingTime } from './types.ts';

describe('parseProcessingTime', () => {
  const parsed: Array<[string, ProcessingTime]> = [
    ['20 Ngày làm việc', { amount: 20, kind: 'working_days' }],
    ['05 ngày làm việc', { amount: 5, kind: 'working_days' }],
    ['05 ngày', { amount: 5, kind: 'calendar_days' }],
    ['7 Ngày', { amount: 7, kind: 'calendar_days' }],
    ['04 giờ làm việc', { amount: 4, kind: 'working_hours' }],
    ['8 Giờ', { amount: 8, kind: 'working_hours' }],
    ['0,5 ngày làm việc', { amount: 0.5, kind: 'working_days' }],
    ['0.5 ngày làm việc', { amount: 0.5, kind: 'working_days' }],
    ['1/2 ngày làm việc', { amount: 0.5, kind: 'working_days' }],
    ['nửa ngày làm việc', { amount: 0.5, kind: 'working_days' }],
    ['Không quá 07 ngày làm việc', { amount: 7, kind: 'working_days' }],
    ['Trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ hồ sơ', { amount: 3, kind: 'working_days' }],
    ['Trong ngày', { amount: 0, kind: 'same_day' }],
    ['trong ngày làm việc', { amount: 0, kind: 'same_day' }],
    ['Giải quyết ngay', { amount: 0, kind: 'same_day' }],
    ['Ngay trong ngày', { amount: 0, kind: 'same_day' }],
    ['TRONG NGÀY.', { amount: 0, kind: 'same_day' }],
    ['Trong ngày'.normalize('NFD'), { amount: 0, kind: 'same_day' }],
  ];
  for (const [text, time] of parsed) {
    test(`"${text}" is ${time.amount} ${time.kind}`, () => {
      const reading = parseProcessingTime(text);
      assert.equal(reading.status, 'parsed');
      assert.deepEqual(reading.time, time);
      assert.equal(reading.text, text);
    });
  }

  test('a bare number is "unit missing" and keeps the number for the reviewer only', () => {
    for (const [text, amount] of [['1', 1], ['3', 3], ['0', 0], ['0,5', 0.5]] as const) {
      const reading = parseProcessingTime(text);
      assert.equal(reading.status, 'unit_missing');
      assert.equal(reading.time, null);
      assert.equal(reading.bareAmount, amount);
    }
  });

  test('"next working day" is not same day', () => {
    assert.notEqual(parseProcessingTime('trong ngày làm việc tiếp theo').time?.kind, 'same_day');
  });

  test('no information, not applicable and unknown texts', () => {
    for (const text of ['Không có thông tin', 'Không quy định', 'Không', '', '  ']) {
      assert.equal(parseProcessingTime(text).status, 'not_given', text);
    }
    assert.equal(parseProcessingTime('Không phải trả kết quả cho người nộp thuế').status, 'not_applicable');
    for (const text of ['3 tháng', '30 phút', 'Hệ thống phản hồi tự động', '0 ngày', 'ngày làm việc']) {
      assert.equal(parseProcessingTime(text).status, 'unrecognised', text);
      assert.equal(parseProcessingTime(text).time, null);
    }
  });
});

function row(channel: ChannelOption['channel'], time: ProcessingTime | null, timeText = ''): ChannelOption {
  return {
    channel,
    channelText: channel,
    timeStatus: time ? 'parsed' : 'unit_missing',
    processingTime: time,
    timeText,
    fee: { status: 'free', amountVnd: 0, foreignAmount: null, suggestedAmountVnd: null, per: null, note: null, feeText: 'Miễn phí' },
    note: null,
    sourceText: '',
  };
}

describe('chooseDefaultTime', () => {
  const wd = (amount: number): ProcessingTime => ({ amount, kind: 'working_days' });

  test('all channels agree', () => {
    const choice = chooseDefaultTime([row('online', wd(5), '5 Ngày làm việc'), row('in_person', wd(5))]);
    assert.deepEqual(choice, { time: wd(5), rule: 'all_channels_agree', text: '5 Ngày làm việc' });
  });

  test('in person wins when channels differ', () => {
    const choice = chooseDefaultTime([row('online', wd(17)), row('post', wd(20)), row('in_person', wd(27))]);
    assert.deepEqual(choice?.time, wd(27));
    assert.equal(choice?.rule, 'in_person');
    const shorter = chooseDefaultTime([row('online', wd(30)), row('in_person', wd(20))]);
    assert.deepEqual(shorter?.time, wd(20));
  });

  test('longest when there is no single in-person time', () => {
    const choice = chooseDefaultTime([row('in_person', wd(15)), row('in_person', wd(3))]);
    assert.deepEqual(choice, { time: wd(15), rule: 'longest', text: '' });
    const mixed = chooseDefaultTime([row('online', { amount: 8, kind: 'working_hours' }), row('post', wd(2))]);
    assert.deepEqual(mixed?.time, wd(2));
  });

  test('bare numbers never take part; none parsed means no default', () => {
    assert.equal(chooseDefaultTime([row('online', null), row('in_person', null)]), null);
    assert.deepEqual(chooseDefaultTime([row('online', null, '1'), row('in_person', wd(2))])?.time, wd(2));
    assert.equal(chooseDefaultTime([]), null);
  });

  test('durations of different kinds order sensibly', () => {
    assert.ok(approximateWorkingHours({ amount: 4, kind: 'working_hours' }) < approximateWorkingHours(wd(1)));
    assert.ok(approximateWorkingHours({ amount: 0, kind: 'same_day' }) < approximateWorkingHours(wd(1)));
    assert.ok(approximateWorkingHours({ amount: 7, kind: 'calendar_days' }) < approximateWorkingHours(wd(7)));
  });

  test('formatting', () => {
    assert.equal(formatProcessingTime({ amount: 0.5, kind: 'working_days' }), '0,5 ngày làm việc');
    assert.equal(formatProcessingTime({ amount: 0, kind: 'same_day' }), 'trong ngày');
  });
});
