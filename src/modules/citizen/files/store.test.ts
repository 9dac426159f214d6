import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DiskFileStore, sha256Of } from './store.ts';

describe('disk file store', () => {
  const root = mkdtempSync(join(tmpdir(), 'gandan-files-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const store = new DiskFileStore(root);

  test('stores content under files/ab/cd/<sha256>, once, and reads it back', async () => {
    const content = Buffer.from('%PDF-1.4 giấy khai sinh');
    const { sha256, size } = await store.put(content);
    assert.equal(sha256, sha256Of(content));
    assert.equal(size, content.length);
    const path = join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    assert.ok(statSync(path).isFile());
    assert.deepEqual(await store.get(sha256), content);
    assert.equal(await store.exists(sha256), true);
    await store.put(content);
    assert.deepEqual(await store.get(sha256), content);
  });

  test('unknown hashes read as absent; malformed hashes are refused', async () => {
    assert.equal(await store.get('0'.repeat(64)), null);
    assert.equal(await store.exists('0'.repeat(64)), false);
    assert.throws(() => store.pathOf('../../etc/passwd'));
  });
});
