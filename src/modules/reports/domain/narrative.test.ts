import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptySums, summaryOf, type StatSums } from './indicators.ts';
import { dossierParagraphs, questionParagraphs, renderText, satisfactionParagraphs } from './narrative.ts';

function summary(over: Partial<StatSums>) {
  return summaryOf({
    sums: { ...emptySums(), ...over },
    supplementedAndRefused: 0,
    ratings: { count: 0, satisfied: 0, infoAnswered: 0, infoCorrect: 0 },
    questions: { received: 0, answered: 0 },
    dayLengthMs: 8 * 3_600_000,
  });
}

describe('the narrative writer', () => {
  test('writes the seed article’s sentences from the figures, with Vietnamese number formatting', () => {
    const year2021 = summary({ receivedCounter: 40_000, receivedPost: 81, receivedOnline: 18_000, resolvedEarly: 50_000, resolvedOnTime: 8_081 });
    const year2020 = summary({ receivedCounter: 40_000, receivedOnline: 13_385, resolvedEarly: 53_385 });
    const blocks = dossierParagraphs({
      periodLabel: 'Năm 2021', unitName: 'Trung tâm hành chính công thị xã Quế Võ', endDate: '31/12/2021', summary: year2021,
      sameLastYear: { label: 'cùng kỳ năm 2020', summary: year2020 }, previous: null,
    });
    const text = blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n');
    assert.match(text, /^Năm 2021, Trung tâm hành chính công thị xã Quế Võ tiếp nhận 58\.081 hồ sơ thủ tục hành chính \(tăng 8,8% so với cùng kỳ năm 2020\), trong đó 18\.000 hồ sơ trực tuyến \(chiếm 31%\)/);
    assert.match(text, /Đã giải quyết 58\.081 hồ sơ, trong đó 50\.000 hồ sơ trước hạn, 8\.081 hồ sơ đúng hạn, 0 hồ sơ quá hạn; 100% hồ sơ được giải quyết trước hạn và đúng hạn\./);
    assert.match(text, /đến ngày 31\/12\/2021, không còn hồ sơ đang giải quyết\./i);

    const satisfaction = satisfactionParagraphs({ unitName: 'Trung tâm', count: 1000, satisfied: 956, sameLastYear: { label: 'cùng kỳ năm 2020', count: 500, satisfied: 472 } });
    assert.equal(satisfaction[0].kind === 'paragraph' && satisfaction[0].text,
      'Qua 1.000 lượt đánh giá của người dân, mức độ hài lòng về thái độ làm việc của đội ngũ cán bộ tại Trung tâm đạt 95,6% (tăng 1,2 điểm phần trăm so với cùng kỳ năm 2020).');
    const questions = questionParagraphs({ received: 512, answered: 500, sameLastYear: null });
    assert.equal(questions[0].kind === 'paragraph' && questions[0].text, 'Tiếp nhận 512 lượt hỏi đáp của công dân về thủ tục hành chính, đã trả lời 500 lượt.');
    assert.deepEqual(questionParagraphs({ received: 0, answered: 0, sameLastYear: null }), []);
  });

  test('late results, overdue dossiers and the rates are reported as they are', () => {
    const s = summary({
      receivedCounter: 8, receivedOnline: 2, receivedSupplemented: 2, receivedRefused: 2, resolvedEarly: 4, resolvedOnTime: 1, resolvedLate: 1,
      withdrawn: 1, stopped: 1, receivedBefore: 1, dueBeforeTo: 5, closedDueUpToTo: 4,
    });
    const text = dossierParagraphs({ periodLabel: 'Tháng 3 năm 2026', unitName: 'Phường Bồng Lai', endDate: '31/03/2026', summary: s, sameLastYear: null, previous: null })
      .map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n');
    assert.match(text, /ngoài ra còn 1 hồ sơ của kỳ trước chuyển sang/);
    assert.match(text, /tỷ lệ giải quyết trước hạn và đúng hạn đạt 83,3%/);
    assert.match(text, /còn 3 hồ sơ đang giải quyết \(2 hồ sơ trong hạn, 1 hồ sơ quá hạn\); 1 hồ sơ được rút theo yêu cầu của người nộp; 1 hồ sơ dừng xử lý\./);
    assert.match(text, /tiếp nhận ngay từ lần đầu đạt 60%; tỷ lệ hồ sơ phải bổ sung, hoàn thiện 20%; tỷ lệ hồ sơ bị từ chối giải quyết, trả lại 20%/);
  });

  test('renders as plain text', () => {
    const text = renderText({
      issuer: { bodyName: 'Ủy ban nhân dân', deskName: 'Phường Bồng Lai', place: 'Bồng Lai' }, title: 'Báo cáo', subtitle: 'Kết quả …',
      date: '2026-04-01',
      blocks: [{ kind: 'heading', text: 'I. Kết quả' }, { kind: 'paragraph', text: 'Một câu.' }, { kind: 'table', caption: 'Bảng', columns: ['A', 'B'], rows: [['x', '1']] }],
    });
    assert.equal(text, 'ỦY BAN NHÂN DÂN\nPHƯỜNG BỒNG LAI\n\nBÁO CÁO\nKết quả …\n\nI. KẾT QUẢ\n\nMột câu.\n\nBảng\nA\tB\nx\t1\n');
  });
});
