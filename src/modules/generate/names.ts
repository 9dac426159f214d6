// Vietnamese names and addresses for synthetic applicants. Small weighted lists written for this project from
// published facts (never a copy of a name database):
// - family names and their weights (percent of the population): the census-style figures collected in
//   hungnguyen18/vietnamese-name-generator (MIT), as summarised in ../shared/data/names/vn-names.json; the
//   northern spellings Hoàng and Vũ are Huỳnh and Võ in the south;
// - given names: the most frequent final syllables of the boys' and girls' names in duyet/vietnamese-namedb (MIT),
//   weighted by how many listed names end with them;
// - middle names, street names, village names and organisation names: common forms, weights are our estimates.
// Synthetic use only: a generated name is not a real person.

import { Random, Weighted } from './random.ts';

type Entries = readonly (readonly [string, number])[];

const familyNames: Entries = [
  ['Nguyễn', 31.5], ['Trần', 10.9], ['Lê', 8.9], ['Phạm', 5.9], ['Hoàng', 5.1], ['Vũ', 4.9], ['Phan', 2.8],
  ['Trương', 2.2], ['Bùi', 2.1], ['Đặng', 1.9], ['Đỗ', 1.9], ['Ngô', 1.7], ['Hồ', 1.5], ['Dương', 1.4], ['Hà', 1.2],
  ['Lý', 1.0], ['Trịnh', 1.0], ['Đinh', 0.9], ['Lâm', 0.7], ['Đoàn', 0.7], ['Cao', 0.7], ['Lương', 0.7], ['Mai', 0.6],
  ['Đào', 0.6], ['Lưu', 0.6], ['Thái', 0.5], ['Phùng', 0.4], ['Vương', 0.4], ['Chu', 0.4], ['Tạ', 0.4],
];
const southern: Record<string, string> = { Hoàng: 'Huỳnh', Vũ: 'Võ' };

const middleMale: Entries = [
  ['Văn', 34], ['Đức', 10], ['Minh', 10], ['Quang', 6], ['Hữu', 6], ['Công', 5], ['Thanh', 5], ['Quốc', 5], ['Hoàng', 4],
  ['Xuân', 3], ['Trung', 3], ['Gia', 3], ['Bảo', 3], ['Ngọc', 2], ['Tiến', 2],
];
const middleFemale: Entries = [
  ['Thị', 44], ['Ngọc', 10], ['Thu', 8], ['Thanh', 8], ['Minh', 5], ['Kim', 5], ['Phương', 4], ['Mỹ', 4], ['Thùy', 3],
  ['Hồng', 3], ['Bảo', 2], ['Khánh', 2], ['Diệu', 2],
];

const givenMale: Entries = [
  ['Minh', 31], ['Sơn', 27], ['Dũng', 24], ['Long', 20], ['Anh', 20], ['Hải', 20], ['Thành', 18], ['Hòa', 18],
  ['Giang', 18], ['Phong', 18], ['Nhân', 17], ['Bình', 17], ['Hoàng', 16], ['Việt', 16], ['Thiện', 16], ['Hùng', 16],
  ['Nam', 15], ['Nguyên', 15], ['Cường', 15], ['Khang', 14], ['Tuấn', 14], ['Vũ', 14], ['Đức', 14], ['An', 14],
  ['Thắng', 14], ['Lâm', 13], ['Trung', 13], ['Tường', 12], ['Quân', 12], ['Dương', 12], ['Huy', 12], ['Khánh', 12],
  ['Duy', 11], ['Thịnh', 11], ['Quang', 11], ['Thông', 11], ['Thái', 10], ['Bảo', 10], ['Toàn', 10], ['Hưng', 10],
  ['Vinh', 10], ['Tâm', 9], ['Lộc', 9], ['Đạt', 8], ['Hiếu', 8], ['Hiệp', 8], ['Khôi', 7], ['Tài', 7], ['Kiên', 7],
  ['Tú', 6], ['Tiến', 6], ['Thuận', 6],
];
const givenFemale: Entries = [
  ['Nhi', 38], ['Anh', 34], ['Linh', 34], ['Phương', 30], ['Mai', 29], ['Trang', 28], ['Vân', 27], ['Lan', 27],
  ['Hương', 25], ['Thảo', 24], ['Hà', 23], ['Uyên', 22], ['Hồng', 21], ['Loan', 21], ['Tâm', 21], ['Thanh', 21],
  ['Ngọc', 20], ['Chi', 19], ['Nga', 19], ['Vy', 18], ['Khanh', 18], ['Giang', 18], ['Hạnh', 17], ['Liên', 17],
  ['Quỳnh', 17], ['Yến', 17], ['Hoa', 16], ['Quyên', 15], ['My', 15], ['Oanh', 14], ['Hằng', 13], ['Châu', 13],
  ['Thu', 13], ['Trinh', 13], ['Xuân', 13], ['Hiền', 12], ['Phượng', 12], ['Ly', 12], ['Thư', 11], ['Thủy', 11],
  ['Dung', 11], ['Duyên', 10], ['Trâm', 10], ['Huyền', 10], ['Ngân', 9], ['Như', 9], ['Thúy', 8], ['Huệ', 7], ['Tuyết', 7],
];

const streets = [
  'Lý Thái Tổ', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Lê Lợi', 'Hai Bà Trưng', 'Quang Trung', 'Lê Thánh Tông', 'Nguyễn Du',
  'Hùng Vương', 'Ngô Gia Tự', 'Lý Thường Kiệt', 'Trần Phú', 'Nguyễn Văn Cừ', 'Lê Duẩn', 'Phạm Văn Đồng', 'Võ Nguyên Giáp',
  'Hoàng Quốc Việt', 'Nguyễn Huệ', 'Bà Triệu', 'Điện Biên Phủ', 'Lạc Long Quân', 'Âu Cơ', 'Kinh Dương Vương', 'Thiên Đức',
];
const villageWords = ['Đông', 'Tây', 'Nam', 'Bắc', 'Thượng', 'Hạ', 'Trung', 'Mới', 'Cả', 'Đoài', 'Phú', 'An', 'Yên', 'Hòa', 'Lai', 'Vân'];
const companyWords = ['Hưng Thịnh', 'Phú Gia', 'An Phát', 'Minh Long', 'Thành Công', 'Hoàng Gia', 'Đại Việt', 'Kinh Bắc', 'Sao Mai', 'Bình Minh', 'Tân Tiến', 'Việt Hưng'];
const companyKinds: Entries = [['Công ty TNHH', 50], ['Công ty cổ phần', 25], ['Hợp tác xã', 10], ['Doanh nghiệp tư nhân', 10], ['Hộ kinh doanh', 5]];
const companyTrades = ['Thương mại', 'Xây dựng', 'Dịch vụ', 'Sản xuất', 'Vận tải', 'Nông nghiệp', 'Đầu tư'];

/** Mobile prefixes in use (Viettel, Vinaphone, MobiFone, Vietnamobile) with rough market shares. */
const mobilePrefixes: Entries = [
  ['086', 3], ['096', 8], ['097', 8], ['098', 8], ['032', 4], ['033', 4], ['034', 4], ['035', 4], ['036', 3], ['037', 3],
  ['038', 3], ['039', 3], ['091', 6], ['094', 5], ['088', 3], ['081', 2], ['082', 2], ['083', 2], ['084', 2], ['085', 2],
  ['090', 5], ['093', 4], ['089', 2], ['070', 1], ['076', 1], ['077', 1], ['078', 1], ['079', 1], ['092', 1], ['056', 1],
];

export type Region = 'north' | 'south';

/** Provinces from Huế southwards use the southern spellings (statistics-office codes 46 and above). */
export function regionOf(provinceCode: string | null): Region {
  return provinceCode && Number(provinceCode) >= 46 ? 'south' : 'north';
}

export interface Person {
  fullName: string;
  male: boolean;
  birthYear: number;
  idNumber: string | null;
  phone: string | null;
}

export class NameMaker {
  private readonly family: Weighted<string>;
  private readonly middle = { male: Weighted.of(middleMale), female: Weighted.of(middleFemale) };
  private readonly given = { male: Weighted.of(givenMale), female: Weighted.of(givenFemale) };
  private readonly prefixes = Weighted.of(mobilePrefixes);
  private readonly companyKind = Weighted.of(companyKinds);

  /** `birthPlaceCode`: the 3-digit province code a CCCD starts with (e.g. '027'). */
  constructor(region: Region, private readonly birthPlaceCode: string) {
    this.family = Weighted.of(familyNames.map(([name, w]) => [region === 'south' ? southern[name] ?? name : name, w] as const));
  }

  /** A person aged 18–80 at `year`, with a CCCD that encodes their birth year and sex (see checkCitizenId). */
  person(random: Random, year: number): Person {
    const male = random.chance(0.48);
    const sex = male ? 'male' : 'female';
    const fullName = `${this.family.pick(random)} ${this.middle[sex].pick(random)} ${this.given[sex].pick(random)}`;
    const birthYear = year - 18 - Math.min(62, Math.floor(random.exponential(17)));
    const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (male ? 0 : 1);
    const idNumber = random.chance(0.93)
      ? `${this.birthPlaceCode}${centuryDigit}${String(birthYear % 100).padStart(2, '0')}${String(random.int(1_000_000)).padStart(6, '0')}`
      : null;
    const phone = random.chance(0.92) ? `${this.prefixes.pick(random)}${String(random.int(10_000_000)).padStart(7, '0')}` : null;
    return { fullName, male, birthYear, idNumber, phone };
  }

  organisation(random: Random): string {
    const kind = this.companyKind.pick(random);
    const trade = kind.startsWith('Công ty') ? ` ${random.pick(companyTrades)}` : '';
    return `${kind}${trade} ${random.pick(companyWords)}`;
  }

  /** A street address in a ward, a village in a commune. */
  address(random: Random, unit: { fullName: string; kind: string }, provinceName: string): string {
    if (unit.kind === 'ward') {
      return `Số ${random.between(1, 250)} đường ${random.pick(streets)}, tổ dân phố ${random.between(1, 30)}, ${unit.fullName}, ${provinceName}`;
    }
    return `Thôn ${random.pick(villageWords)} ${random.pick(villageWords)}, ${unit.fullName}, ${provinceName}`;
  }
}
