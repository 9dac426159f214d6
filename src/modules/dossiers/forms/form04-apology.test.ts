import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderForm04 } from './form04-apology.ts';
import { sampleApology, SAMPLE_CODE, SAMPLE_DIACRITICS } from './samples.ts';
import { assertContainsAll, PAGE_POINTS, pdfInfo, pdfText } from '../../../documents/testing.ts';

test('form 04: A5 apology with the original and the new appointment', async () => {
  const pdf = await renderForm04(sampleApology());
  const info = pdfInfo(pdf);
  assert.deepEqual({ width: info.width, height: info.height, pages: info.pages }, { ...PAGE_POINTS.A5, pages: 1 });
  assertContainsAll(pdfText(pdf), [
    'UBND PHƯỜNG BỒNG LAI',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Bồng Lai, ngày 14 tháng 01 năm 2026',
    'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    'Kính gửi: Ông/Bà Nguyễn Thị Ánh Tuyết',
    'Ngày 09 tháng 01 năm 2026, chúng tôi tiếp nhận hồ sơ',
    `Mã hồ sơ: ${SAMPLE_CODE}`,
    'Thời gian hẹn trả kết quả: 17 giờ 00 phút, ngày 16/01/2026',
    SAMPLE_DIACRITICS,
    'xin lỗi',
    '17 giờ 00 phút, ngày 21/01/2026',
    'CHỦ TỊCH',
    'Lê Thị Phượng',
  ]);
});
