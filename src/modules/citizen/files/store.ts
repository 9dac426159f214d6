import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Content-addressed storage: a file is stored once under its SHA-256 (files/ab/cd/<sha256>), whoever uploads it
// and however often. The `files` table keeps the metadata (name, type, uploader); this only keeps bytes.

export interface FileStore {
  /** Stores the bytes (a no-op when the same content is already there) and returns their hash. */
  put(content: Uint8Array): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Buffer | null>;
  exists(sha256: string): Promise<boolean>;
}

const shaPattern = /^[0-9a-f]{64}$/;

export function sha256Of(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export class DiskFileStore implements FileStore {
  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    if (!shaPattern.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Of(content);
    const target = this.pathOf(sha256);
    if (!(await this.exists(sha256))) {
      await mkdir(join(target, '..'), { recursive: true });
      // Write beside the target, then rename: a reader never sees half a file, and two writers of the same
      // content both end with the same complete file.
      const tmp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(tmp, content, { mode: 0o640 });
        await rename(tmp, target);
      } finally {
        await rm(tmp, { force: true });
      }
    }
    return { sha256, size: content.length };
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }
}

/** In memory, for tests of code that only needs the interface. */
export class MemoryFileStore implements FileStore {
  private readonly blobs = new Map<string, Buffer>();

  async put(content: Uint8Array) {
    const sha256 = sha256Of(content);
    this.blobs.set(sha256, Buffer.from(content));
    return { sha256, size: content.length };
  }

  async get(sha256: string) {
    return this.blobs.get(sha256) ?? null;
  }

  async exists(sha256: string) {
    return this.blobs.has(sha256);
  }
}
