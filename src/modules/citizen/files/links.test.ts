import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signedFileUrl, verifyFileLink } from './links.ts';

test('a signed file link works for its file until it expires', () => {
  const now = new Date('2026-03-02T02:00:00Z');
  const id = '6f1c1f5e-2f6a-4a53-9b7e-2b0c8d7f1a11';
  const url = signedFileUrl('s3cret', id, now);
  const link = new URL(url, 'http://x').searchParams.get('link')!;
  assert.equal(verifyFileLink('s3cret', id, link, now), true);
  assert.equal(verifyFileLink('s3cret', id, link, new Date(now.getTime() + 29 * 60_000)), true);
  assert.equal(verifyFileLink('s3cret', id, link, new Date(now.getTime() + 31 * 60_000)), false);
  assert.equal(verifyFileLink('other', id, link, now), false);
  assert.equal(verifyFileLink('s3cret', '00000000-0000-0000-0000-000000000000', link, now), false);
  assert.equal(verifyFileLink('s3cret', id, 'garbage', now), false);
});
