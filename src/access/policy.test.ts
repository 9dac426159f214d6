import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allows, reachOf, type Rule } from './policy.ts';
import type { Caller, Role } from './roles.ts';

// A small tree: province P with communes A and B; A has a desk D.
const ancestry: Record<string, string[]> = {
  P: ['P'],
  A: ['A', 'P'],
  B: ['B', 'P'],
  D: ['D', 'A', 'P'],
};

type Relation = 'same' | 'descendant' | 'ancestor' | 'sibling';
const grantUnitFor: Record<Relation, { grant: string; target: string }> = {
  same: { grant: 'A', target: 'A' },
  descendant: { grant: 'A', target: 'D' },
  ancestor: { grant: 'A', target: 'P' },
  sibling: { grant: 'A', target: 'B' },
};

const deskWork: Rule = { roles: ['desk_officer', 'leader'] };

const table: [Role, Relation, boolean][] = [
  ['desk_officer', 'same', true],
  ['desk_officer', 'descendant', true],
  ['desk_officer', 'ancestor', false],
  ['desk_officer', 'sibling', false],
  ['leader', 'same', true],
  ['leader', 'sibling', false],
  ['specialist', 'same', false],
  ['report_viewer', 'same', false],
  ['system_admin', 'sibling', false], // not in the rule's roles
];

for (const [role, relation, expected] of table) {
  test(`${role} on a ${relation} unit → ${expected ? 'allowed' : 'denied'}`, () => {
    const { grant, target } = grantUnitFor[relation];
    assert.equal(allows([{ role, unitId: grant }], deskWork, ancestry[target]), expected);
  });
}

test('a system administrator reaches every unit when the rule includes the role', () => {
  const rule: Rule = { roles: ['system_admin', 'unit_admin'] };
  assert.equal(allows([{ role: 'system_admin', unitId: 'B' }], rule, ancestry.D), true);
  const caller = { kind: 'official', grants: [{ role: 'system_admin', unitId: 'P' }] } as Caller;
  assert.equal(reachOf(caller, rule), 'all');
});

test('reach lists the grant units of the roles the rule accepts; citizens reach nothing', () => {
  const caller = {
    kind: 'official',
    grants: [{ role: 'desk_officer', unitId: 'A' }, { role: 'report_viewer', unitId: 'P' }, { role: 'leader', unitId: 'A' }],
  } as Caller;
  assert.deepEqual(reachOf(caller, deskWork), ['A']);
  assert.deepEqual(reachOf({ kind: 'citizen', grants: [] } as unknown as Caller, deskWork), []);
  assert.deepEqual(reachOf(null, deskWork), []);
});
