import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RoleGrant } from '../../access/roles.ts';
import { isCatalogManager, mayManageOwned, mayOfferAt } from './policy.ts';

// Unit tree: province P > wards A and B.
const ancestry = { P: ['P'], A: ['A', 'P'], B: ['B', 'P'] };
const admin: RoleGrant[] = [{ role: 'system_admin', unitId: 'P' }];
const adminOfA: RoleGrant[] = [{ role: 'unit_admin', unitId: 'A' }];
const adminOfP: RoleGrant[] = [{ role: 'unit_admin', unitId: 'P' }];
const deskOfA: RoleGrant[] = [{ role: 'desk_officer', unitId: 'A' }];

test('who may change a procedure or workflow, by owner', () => {
  const table: [string, RoleGrant[], string[] | null, boolean][] = [
    ['system admin, national catalogue', admin, null, true],
    ['system admin, a ward’s own', admin, ancestry.B, true],
    ['unit admin of A, national catalogue', adminOfA, null, false],
    ['unit admin of A, A’s own', adminOfA, ancestry.A, true],
    ['unit admin of A, B’s own', adminOfA, ancestry.B, false],
    ['unit admin of the province, B’s own', adminOfP, ancestry.B, true],
    ['desk officer of A, A’s own', deskOfA, ancestry.A, false],
    ['no grants', [], ancestry.A, false],
  ];
  for (const [name, grants, owner, expected] of table) assert.equal(mayManageOwned(grants, owner), expected, name);
});

test('who may offer a procedure at a unit', () => {
  assert.equal(mayOfferAt(adminOfA, ancestry.A), true);
  assert.equal(mayOfferAt(adminOfA, ancestry.B), false);
  assert.equal(mayOfferAt(adminOfP, ancestry.B), true);
  assert.equal(mayOfferAt(deskOfA, ancestry.A), false);
  assert.equal(mayOfferAt(admin, ancestry.B), true);
});

test('catalogue managers', () => {
  assert.equal(isCatalogManager(admin), true);
  assert.equal(isCatalogManager(adminOfA), true);
  assert.equal(isCatalogManager(deskOfA), false);
});
