import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

// PGlite corrupts its folder when two processes write it, so the embedded mode holds a lock file.

export class DataDirLockedError extends Error {
  constructor(readonly lockFile: string, readonly holderPid: number) {
    super(
      `The embedded database at ${lockFile.replace(/\.lock$/, '')} is in use by process ${holderPid}. ` +
        'Stop the server first (or use its admin API). / Cơ sở dữ liệu nhúng đang được tiến trình khác sử dụng: ' +
        'hãy dừng máy chủ trước (hoặc dùng API quản trị của máy chủ).',
    );
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockFile: string): { pid: number; host: string } | null {
  try {
    const [pid, host] = readFileSync(lockFile, 'utf8').split('\n');
    return { pid: Number(pid), host: host ?? '' };
  } catch {
    return null;
  }
}

/** Takes the lock or throws DataDirLockedError; a lock left by a dead process on this host is taken over. */
export function acquireDataDirLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const holder = readHolder(lockFile);
        if (holder?.pid === process.pid) rmSync(lockFile, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(lockFile);
      const stale = holder && holder.host === hostname() && !processAlive(holder.pid);
      if (!stale) throw new DataDirLockedError(lockFile, holder?.pid ?? 0);
      rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirLockedError(lockFile, 0);
}
