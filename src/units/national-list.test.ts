import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAgencyCode, kindFromShortName, validOn } from './kinds.ts';
import { dateFromFileName, parseNationalUnitList } from './national-list.ts';

test('the kind comes from the short name, not the "Type" field', () => {
  const { provinces, problems } = parseNationalUnitList([
    {
      Type: 'province', Code: '24', Name: 'Bắc Ninh', FullName: 'Tỉnh Bắc Ninh', AdministrativeUnitShortName: 'Tỉnh',
      Wards: [
        { Type: 'ward', Code: '09295', Name: 'Bồng Lai', FullName: 'Phường Bồng Lai', AdministrativeUnitShortName: 'Phường' },
        { Type: 'ward', Code: '09313', Name: 'Chi Lăng', FullName: 'Xã Chi Lăng', AdministrativeUnitShortName: 'Xã' },
        { Type: 'ward', Code: '22736', Name: 'Côn Đảo', FullName: 'Đặc khu Côn Đảo', AdministrativeUnitShortName: 'Đặc khu' },
      ],
    },
  ]);
  assert.deepEqual(problems, []);
  assert.deepEqual(provinces[0].communes.map((c) => c.kind), ['ward', 'commune', 'special_zone']);
});

test('problems are reported with their path instead of guessed', () => {
  const { problems } = parseNationalUnitList([
    { Code: '24', Name: 'Bắc Ninh', AdministrativeUnitShortName: 'Tỉnh', Wards: [{ Code: 'x', Name: 'A', AdministrativeUnitShortName: 'Xã' }, { Code: '00001', Name: 'B', AdministrativeUnitShortName: 'Làng' }] },
  ]);
  assert.deepEqual(problems.map((p) => p.path), ['[0].Wards[0]', '[0].Wards[1]']);
  assert.match(problems[1].messageVi, /Không nhận ra loại đơn vị/);
  assert.equal(parseNationalUnitList({}).problems.length, 1);
});

test('helpers', () => {
  assert.equal(kindFromShortName('Thị trấn'), 'town');
  assert.equal(kindFromShortName('Ấp'), null);
  assert.equal(dateFromFileName('units-2025-07-01.json'), '2025-07-01');
  assert.equal(dateFromFileName('units.json'), null);
  assert.ok(isAgencyCode('000.00.30.H05'));
  assert.ok(!isAgencyCode('000.00.30.h05'));
  assert.ok(!isAgencyCode('H05'));
  assert.ok(validOn({ validFrom: '2025-07-01', validTo: null }, '2025-07-01'));
  assert.ok(!validOn({ validFrom: null, validTo: '2025-07-01' }, '2025-07-01'));
});
