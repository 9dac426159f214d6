// Demo catalogue: 25 common commune-level procedures after the July 2025 two-tier reform, authored for Gần Dân.
// Facts (codes, names, fields, deciding documents, results, fees, channels) are those published in the national
// procedure database (dichvucong.gov.vn) as hand-checked in the project's 25-procedure sample; document names
// are our own short summaries of the published lists. Re-verify against the national database before relying
// on them.
//
// Processing times. The national catalogue lost the unit of many civil-status times (it shows a bare "1" or
// "3"), and gives none for certifications; we never guess from a bare number. Where the catalogue has no usable
// time, the time below comes from the law or the published steps, and the reason is written beside it:
// - 1.001193 birth registration (khai sinh): same day ("Trong ngày"). Law on Civil Status 2014 Art. 16(2) has
//   the certificate issued as soon as the papers are complete, and the catalogue's own steps say the result is
//   returned the same day, the next working day when received after 15:00; the calendar module applies that
//   15:00 cut-off, so "same day" is exact, where the bare "1" could have meant a day, a working day or an hour.
// - certifications (chứng thực): Decree 23/2015/NĐ-CP Art. 7 — same day (after 15:00: next working day);
//   transactions and wills: at most 2 working days (Art. 37).

import type { Channel, CopyType, OnlineLevel, ProcessingTime } from './domain/index.ts';

export interface DemoDocument {
  name: string;
  copyType: CopyType;
  count: number;
  required?: boolean;
  presentOnly?: boolean;
  formFile?: string;
}

export interface DemoCase {
  name: string | null;
  time: ProcessingTime;
  /** Why this time, when the catalogue does not publish it with a unit. */
  timeNote?: string;
  documents: DemoDocument[];
}

export interface DemoProcedure {
  code: string;
  name: string;
  field: string;
  decision: string;
  result: string;
  implementingBody: string;
  channels: Channel[];
  onlineLevel: OnlineLevel;
  onlineLevelReason?: string;
  onTheSpot?: boolean;
  /** "Phi địa giới": any desk of the province receives it. */
  regardlessOfBoundary?: boolean;
  /** null: the catalogue gives no fee. */
  fee: { amountVnd: number; per?: string; note?: string; onlineDiscountPercent?: number } | null;
  cases: DemoCase[];
}

const ALL: Channel[] = ['in_person', 'post', 'online'];
const COMMUNE = 'Ủy ban nhân dân cấp xã';
const POLICE = 'Công an cấp xã';
const FREE = { amountVnd: 0 };
const days = (amount: number): ProcessingTime => ({ amount, kind: 'working_days' });
const calendarDays = (amount: number): ProcessingTime => ({ amount, kind: 'calendar_days' });
const SAME_DAY: ProcessingTime = { amount: 0, kind: 'same_day' };

const original = (name: string, extra: Partial<DemoDocument> = {}): DemoDocument => ({ name, copyType: 'original', count: 1, ...extra });
const copy = (name: string, extra: Partial<DemoDocument> = {}): DemoDocument => ({ name, copyType: 'copy', count: 1, ...extra });
const identity = original('Giấy tờ tùy thân của người yêu cầu (hộ chiếu, thẻ căn cước hoặc căn cước điện tử)', { presentOnly: true });
const residence = original('Giấy tờ chứng minh nơi cư trú, khi không khai thác được từ Cơ sở dữ liệu quốc gia về dân cư', { presentOnly: true, required: false });
const proxy = (what: string) => original(`Văn bản ủy quyền ${what} (khi ủy quyền)`, { required: false });
const CERTIFY_PRESENCE = 'Người yêu cầu phải có mặt để ký trước người thực hiện chứng thực hoặc để đối chiếu bản chính.';

export const demoProcedures: DemoProcedure[] = [
  {
    code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', decision: '163/QĐ-BTP', result: 'Giấy khai sinh',
    implementingBody: COMMUNE, channels: ALL, onlineLevel: 'full', fee: FREE,
    cases: [{
      name: null, time: SAME_DAY,
      timeNote: 'Luật Hộ tịch 2014 Điều 16: cấp ngay khi đủ giấy tờ; sau 15 giờ thì trả trong ngày làm việc tiếp theo (catalogue shows a bare "1")',
      documents: [
        original('Tờ khai đăng ký khai sinh theo mẫu', { formFile: 'to-khai-dang-ky-khai-sinh.docx' }),
        original('Giấy chứng sinh; nếu không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh'),
        original('Biên bản về việc trẻ bị bỏ rơi (trường hợp trẻ bị bỏ rơi)', { required: false }),
        original('Văn bản xác nhận của cơ sở y tế đã thực hiện mang thai hộ (trường hợp mang thai hộ)', { required: false }),
        proxy('đăng ký khai sinh'), identity, residence,
      ],
    }],
  },
  {
    code: '1.000656', name: 'Thủ tục đăng ký khai tử', field: 'Hộ tịch', decision: '163/QĐ-BTP', result: 'Trích lục khai tử',
    implementingBody: COMMUNE, channels: ALL, onlineLevel: 'full', fee: { amountVnd: 0, note: 'Miễn lệ phí khi đăng ký đúng hạn' },
    cases: [{
      name: null, time: SAME_DAY, timeNote: 'Luật Hộ tịch 2014 Điều 34: ngay sau khi nhận đủ giấy tờ (catalogue shows a bare "1")',
      documents: [
        original('Tờ khai đăng ký khai tử theo mẫu'),
        original('Giấy báo tử hoặc giấy tờ thay Giấy báo tử do cơ quan có thẩm quyền cấp'),
        proxy('đăng ký khai tử'), identity, residence,
      ],
    }],
  },
  {
    code: '1.000894', name: 'Thủ tục đăng ký kết hôn', field: 'Hộ tịch', decision: '163/QĐ-BTP', result: 'Giấy chứng nhận kết hôn',
    implementingBody: COMMUNE, channels: ALL, onlineLevel: 'full', fee: FREE,
    cases: [
      {
        name: 'Đủ điều kiện, không cần xác minh', time: SAME_DAY,
        timeNote: 'Luật Hộ tịch 2014 Điều 18: cấp ngay khi đủ điều kiện (catalogue shows a bare "1")',
        documents: [original('Tờ khai đăng ký kết hôn theo mẫu (hai bên cùng ký)'), identity, residence],
      },
      {
        name: 'Cần xác minh điều kiện kết hôn', time: days(5),
        timeNote: 'Luật Hộ tịch 2014 Điều 18: thêm không quá 05 ngày làm việc khi cần xác minh',
        documents: [original('Tờ khai đăng ký kết hôn theo mẫu (hai bên cùng ký)'), identity, residence],
      },
    ],
  },
  {
    code: '1.004873', name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân', field: 'Hộ tịch', decision: '163/QĐ-BTP',
    result: 'Giấy xác nhận tình trạng hôn nhân', implementingBody: COMMUNE, channels: ALL, onlineLevel: 'full',
    fee: { amountVnd: 0, note: 'Mức thu do HĐND tỉnh quy định; miễn cho người có công, hộ nghèo, người khuyết tật' },
    cases: [{
      name: null, time: days(3), timeNote: 'các bước thực hiện nêu 03 ngày làm việc (catalogue shows a bare "3")',
      documents: [original('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu'), proxy('xin cấp giấy xác nhận'), identity, residence],
    }],
  },
  {
    code: '1.001022', name: 'Thủ tục đăng ký nhận cha, mẹ, con', field: 'Hộ tịch', decision: '163/QĐ-BTP',
    result: 'Trích lục đăng ký nhận cha, mẹ, con', implementingBody: COMMUNE, channels: ALL, onlineLevel: 'full', fee: FREE,
    cases: [{
      name: null, time: days(3), timeNote: 'Luật Hộ tịch 2014 Điều 25 (catalogue shows a bare "3")',
      documents: [
        original('Tờ khai đăng ký nhận cha, mẹ, con theo mẫu'),
        original('Văn bản của cơ quan y tế, cơ quan giám định xác nhận quan hệ cha con, mẹ con; nếu không có thì văn bản cam đoan và hai người làm chứng'),
        identity,
      ],
    }],
  },
  {
    code: '1.000689', name: 'Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con', field: 'Hộ tịch', decision: '163/QĐ-BTP',
    result: 'Giấy khai sinh', implementingBody: COMMUNE, channels: ALL, onlineLevel: 'full', fee: FREE,
    cases: [{
      name: null, time: days(3), timeNote: 'catalogue shows a bare "3"; same limit as nhận cha, mẹ, con',
      documents: [
        original('Tờ khai đăng ký khai sinh theo mẫu'),
        original('Tờ khai đăng ký nhận cha, mẹ, con theo mẫu'),
        original('Giấy chứng sinh hoặc giấy tờ thay thế'),
        original('Văn bản xác nhận quan hệ cha con, mẹ con hoặc văn bản cam đoan có người làm chứng'),
        identity,
      ],
    }],
  },
  {
    code: '1.004884', name: 'Thủ tục đăng ký lại khai sinh', field: 'Hộ tịch', decision: '163/QĐ-BTP', result: 'Giấy khai sinh',
    implementingBody: COMMUNE, channels: ALL, onlineLevel: 'full', fee: FREE,
    cases: [{
      name: null, time: days(5), timeNote: 'Nghị định 123/2015/NĐ-CP Điều 26 (catalogue shows a bare "5")',
      documents: [
        original('Tờ khai đăng ký lại khai sinh theo mẫu, có cam đoan đã nộp đủ giấy tờ đang có'),
        copy('Bản sao giấy tờ có thông tin khai sinh (hồ sơ, giấy tờ cá nhân)'),
        proxy('đăng ký lại khai sinh'), identity, residence,
      ],
    }],
  },
  {
    code: '1.004859', name: 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc', field: 'Hộ tịch',
    decision: '163/QĐ-BTP', result: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
    implementingBody: COMMUNE, channels: ALL, onlineLevel: 'full', fee: FREE,
    cases: [{
      name: null, time: days(3), timeNote: 'Luật Hộ tịch 2014 Điều 28: 03 ngày làm việc (bổ sung thông tin: trong ngày); catalogue shows a bare "1"',
      documents: [
        original('Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch theo mẫu'),
        original('Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung thông tin hộ tịch'),
        proxy('đăng ký thay đổi, cải chính'), identity, residence,
      ],
    }],
  },
  {
    code: '1.004837', name: 'Thủ tục đăng ký giám hộ', field: 'Hộ tịch', decision: '163/QĐ-BTP', result: 'Trích lục đăng ký giám hộ',
    implementingBody: COMMUNE, channels: ALL, onlineLevel: 'full', fee: FREE,
    cases: [{
      name: null, time: days(3),
      documents: [
        original('Tờ khai đăng ký giám hộ theo mẫu'),
        original('Văn bản cử người giám hộ, hoặc giấy tờ chứng minh điều kiện giám hộ đương nhiên'),
        proxy('đăng ký giám hộ'), identity, residence,
      ],
    }],
  },
  {
    code: '2.000635', name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh', field: 'Hộ tịch', decision: '163/QĐ-BTP',
    result: 'Bản sao Trích lục hộ tịch, bản sao giấy khai sinh', implementingBody: COMMUNE, channels: ALL, onlineLevel: 'full',
    fee: { amountVnd: 8000, per: 'bản sao' },
    cases: [{
      name: null, time: SAME_DAY, timeNote: 'catalogue gives no time; its steps: same day, after 15:00 the next working day',
      documents: [original('Tờ khai cấp bản sao trích lục hộ tịch theo mẫu'), proxy('yêu cầu cấp bản sao'), identity, residence],
    }],
  },
  {
    code: '2.002516', name: 'Thủ tục xác nhận thông tin hộ tịch', field: 'Hộ tịch', decision: '163/QĐ-BTP',
    result: 'Văn bản xác nhận thông tin hộ tịch', implementingBody: COMMUNE, channels: ALL, onlineLevel: 'full',
    fee: { amountVnd: 8000, per: 'văn bản xác nhận', note: 'Miễn cho người có công, hộ nghèo, người khuyết tật' },
    cases: [{
      name: null, time: days(3), timeNote: 'catalogue gives no time; demo value, to be reviewed',
      documents: [
        original('Tờ khai đề nghị xác nhận thông tin hộ tịch theo mẫu'),
        original('Giấy tờ, tài liệu liên quan đến nội dung đề nghị xác nhận'),
        proxy('xin xác nhận thông tin hộ tịch'), identity, residence,
      ],
    }],
  },
  {
    code: '2.001023', name: 'Liên thông các thủ tục hành chính về đăng ký khai sinh, cấp Thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    field: 'Hộ tịch', decision: 'QĐ/0001-BTP', result: 'Giấy khai sinh', implementingBody: COMMUNE, channels: ['in_person'],
    onlineLevel: 'full', fee: FREE,
    cases: [{
      name: null, time: calendarDays(15),
      documents: [
        original('Tờ khai đăng ký khai sinh theo mẫu'),
        original('Giấy chứng sinh'),
        original('Tờ khai tham gia bảo hiểm y tế cho trẻ em dưới 6 tuổi'),
      ],
    }],
  },
  {
    code: '2.000986', name: 'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    field: 'Hộ tịch', decision: 'QĐ/0001-BTP', result: 'Giấy khai sinh; thông báo kết quả đăng ký thường trú; thẻ bảo hiểm y tế',
    implementingBody: COMMUNE, channels: ['in_person'], onlineLevel: 'full', fee: FREE,
    cases: [{
      name: null, time: calendarDays(20),
      documents: [
        original('Tờ khai đăng ký khai sinh theo mẫu'),
        original('Giấy chứng sinh'),
        original('Tờ khai thay đổi thông tin cư trú'),
        original('Tờ khai tham gia bảo hiểm y tế cho trẻ em dưới 6 tuổi'),
      ],
    }],
  },
  {
    code: '2.000815', name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ chức có thẩm quyền của nước ngoài; cơ quan, tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan, tổ chức có thẩm quyền của nước ngoài cấp hoặc chứng nhận',
    field: 'Chứng thực', decision: '3152/QĐ-BTP', result: 'Bản sao được chứng thực từ bản chính', implementingBody: COMMUNE,
    channels: ['in_person'], onlineLevel: 'partial', onlineLevelReason: CERTIFY_PRESENCE, onTheSpot: true, regardlessOfBoundary: true,
    fee: { amountVnd: 2000, per: 'trang', note: 'Từ trang thứ ba: 1.000 đồng/trang; tối đa 200.000 đồng/bản' },
    cases: [{
      name: null, time: SAME_DAY, timeNote: 'Nghị định 23/2015/NĐ-CP Điều 7: trong ngày; sau 15 giờ thì ngày làm việc tiếp theo',
      documents: [original('Bản chính giấy tờ, văn bản làm cơ sở chứng thực'), copy('Bản sao cần chứng thực')],
    }],
  },
  {
    code: '2.000884', name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
    field: 'Chứng thực', decision: '858/QĐ-BTP', result: 'Giấy tờ, văn bản được chứng thực chữ ký/điểm chỉ', implementingBody: COMMUNE,
    channels: ['in_person'], onlineLevel: 'partial', onlineLevelReason: CERTIFY_PRESENCE, onTheSpot: true, regardlessOfBoundary: true,
    fee: { amountVnd: 10000, per: 'trường hợp' },
    cases: [{
      name: null, time: SAME_DAY, timeNote: 'Nghị định 23/2015/NĐ-CP Điều 7',
      documents: [identity, original('Giấy tờ, văn bản sẽ ký trước người thực hiện chứng thực')],
    }],
  },
  {
    code: '2.001035', name: 'Chứng thực giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở', field: 'Chứng thực',
    decision: '858/QĐ-BTP', result: 'Giao dịch được chứng thực', implementingBody: COMMUNE, channels: ALL, onlineLevel: 'partial',
    onlineLevelReason: CERTIFY_PRESENCE, fee: { amountVnd: 50000, per: 'giao dịch' },
    cases: [{
      name: null, time: days(2), timeNote: 'Nghị định 23/2015/NĐ-CP Điều 37: không quá 02 ngày làm việc',
      documents: [
        original('Dự thảo hợp đồng, giao dịch'),
        copy('Bản sao giấy tờ tùy thân của người yêu cầu chứng thực'),
        copy('Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản'),
      ],
    }],
  },
  {
    code: '2.001019', name: 'Chứng thực di chúc', field: 'Chứng thực', decision: '858/QĐ-BTP', result: 'Di chúc được chứng thực',
    implementingBody: COMMUNE, channels: ALL, onlineLevel: 'partial', onlineLevelReason: CERTIFY_PRESENCE,
    fee: { amountVnd: 50000, per: 'di chúc' },
    cases: [{
      name: null, time: days(2), timeNote: 'Nghị định 23/2015/NĐ-CP Điều 37',
      documents: [original('Dự thảo di chúc'), copy('Bản sao giấy tờ tùy thân của người lập di chúc')],
    }],
  },
  {
    code: '2.000908', name: 'Thủ tục cấp bản sao từ sổ gốc', field: 'Chứng thực', decision: '858/QĐ-BTP', result: 'Bản sao được cấp từ sổ gốc',
    implementingBody: COMMUNE, channels: ALL, onlineLevel: 'partial', onlineLevelReason: 'Bản sao từ sổ gốc được nhận trực tiếp hoặc qua bưu chính.',
    fee: FREE,
    cases: [{
      name: null, time: days(1),
      documents: [identity, original('Giấy tờ chứng minh quan hệ với người được cấp bản chính (khi yêu cầu thay người đó)', { required: false })],
    }],
  },
  {
    code: '1.004222', name: 'Đăng ký thường trú', field: 'Đăng ký, quản lý cư trú', decision: '1523/QĐ-BCA-C06',
    result: 'Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư', implementingBody: POLICE, channels: ['in_person', 'online'],
    onlineLevel: 'full', fee: { amountVnd: 20000, per: 'lần đăng ký', note: '10.000 đồng khi nộp trực tuyến', onlineDiscountPercent: 50 },
    cases: [{
      name: null, time: days(7),
      documents: [
        original('Tờ khai thay đổi thông tin cư trú (Mẫu CT01)'),
        original('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (khi không khai thác được từ cơ sở dữ liệu)', { required: false }),
        original('Giấy tờ chứng minh quan hệ nhân thân với chủ hộ (khi nhập vào chỗ ở của người khác)', { required: false }),
      ],
    }],
  },
  {
    code: '1.004194', name: 'Đăng ký tạm trú', field: 'Đăng ký, quản lý cư trú', decision: '9354/QĐ-BCA-C06',
    result: 'Cập nhật thông tin trong Cơ sở dữ liệu quốc gia về dân cư', implementingBody: POLICE, channels: ['in_person', 'online'],
    onlineLevel: 'full', fee: { amountVnd: 10000, per: 'người/lần đăng ký', note: '7.000 đồng khi nộp trực tuyến', onlineDiscountPercent: 30 },
    cases: [{
      name: null, time: days(3),
      documents: [
        original('Tờ khai thay đổi thông tin cư trú (Mẫu CT01)'),
        original('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (khi không khai thác được từ cơ sở dữ liệu)', { required: false }),
      ],
    }],
  },
  {
    code: '1.010041', name: 'Xác nhận thông tin về cư trú', field: 'Đăng ký, quản lý cư trú', decision: '9354/QĐ-BCA-C06',
    result: 'Văn bản xác nhận thông tin về cư trú', implementingBody: POLICE, channels: ['online'], onlineLevel: 'full', fee: FREE,
    cases: [{
      name: null, time: days(3), timeNote: 'the catalogue publishes 1 and 3 working days; the longer one, so no appointment is set too early',
      documents: [original('Tờ khai thay đổi thông tin cư trú (Mẫu CT01)')],
    }],
  },
  {
    code: '1.003677', name: 'Khai báo tạm vắng', field: 'Đăng ký, quản lý cư trú', decision: '9354/QĐ-BCA-C06',
    result: 'Thông báo kết quả giải quyết thủ tục về cư trú', implementingBody: POLICE, channels: ['in_person', 'online'],
    onlineLevel: 'full', fee: null,
    cases: [{
      name: null, time: days(1),
      documents: [
        original('Đề nghị khai báo tạm vắng (Mẫu CT01)'),
        original('Văn bản đồng ý của cơ quan quản lý, giám sát (đối với người đang bị quản lý, giám sát)', { required: false }),
      ],
    }],
  },
  {
    code: '1.012812', name: 'Hòa giải tranh chấp đất đai', field: 'Đất đai', decision: '2304/QĐ-BNNMT',
    result: 'Biên bản hòa giải tranh chấp đất đai', implementingBody: COMMUNE, channels: ['in_person', 'post'], onlineLevel: 'unknown',
    fee: FREE,
    cases: [{
      name: null, time: calendarDays(30),
      documents: [
        original('Đơn yêu cầu hòa giải tranh chấp đất đai'),
        copy('Các giấy tờ có liên quan đến việc sử dụng đất', { required: false }),
      ],
    }],
  },
  {
    code: '1.013978', name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với hộ gia đình, cá nhân, cộng đồng dân cư, người gốc Việt Nam định cư ở nước ngoài',
    field: 'Đất đai', decision: '3380/QĐ-BNNMT', result: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    implementingBody: COMMUNE, channels: ALL, onlineLevel: 'unknown',
    fee: { amountVnd: 0, note: 'Lệ phí cấp giấy chứng nhận và nghĩa vụ tài chính về đất theo quy định của tỉnh' },
    cases: [{
      name: null, time: days(20), timeNote: 'the catalogue publishes 17 (online) to 27 working days by channel; 20 for the demo',
      documents: [
        original('Đơn đăng ký đất đai, tài sản gắn liền với đất'),
        copy('Giấy tờ về quyền sử dụng đất theo Luật Đất đai 2024 (nếu có)', { required: false }),
        original('Mảnh trích đo bản đồ địa chính thửa đất (nếu có)', { required: false }),
        original('Chứng từ thực hiện nghĩa vụ tài chính (nếu có)', { required: false }),
      ],
    }],
  },
  {
    code: '1.011607', name: 'Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm', field: 'Giảm nghèo', decision: '967/QĐ-BNNMT',
    result: 'Quyết định công nhận danh sách hộ nghèo, hộ cận nghèo', implementingBody: COMMUNE, channels: ['in_person', 'post'],
    onlineLevel: 'unknown', fee: FREE,
    cases: [{
      name: null, time: calendarDays(15),
      documents: [original('Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo (Mẫu số 01)')],
    }],
  },
];
