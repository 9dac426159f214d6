#!/usr/bin/env node
// Builds the web app into web/dist when it is missing or older than any file in web/, so a fresh clone serves the
// portal after `npm install` or `npm start` with no extra step. Prints one line; exits non-zero when the build fails.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');
const builtIndex = join(webDir, 'dist', 'index.html');

/**
 * Newest modification time of the sources (everything in web/ except the build output). Folders count too: deleting
 * or renaming a file changes only its folder's time.
 */
function newestSource(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function reasonToBuild() {
  if (!existsSync(builtIndex)) return 'web/dist is missing / chưa có web/dist';
  if (newestSource(webDir) > statSync(builtIndex).mtimeMs) return 'web/ changed since the last build / web/ đã thay đổi';
  return null;
}

async function main() {
  const reason = reasonToBuild();
  if (!reason) {
    console.log('Web app is up to date / Giao diện web đã là bản mới nhất (web/dist)');
    return;
  }
  const started = performance.now();
  let build;
  try {
    ({ build } = await import('vite'));
  } catch (cause) {
    console.error(`Cannot build the web app: Vite is not installed (${cause.message}). Run \`npm install\`. / Không dựng được giao diện web: thiếu Vite, hãy chạy \`npm install\`.`);
    process.exit(1);
  }
  try {
    await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'error' });
  } catch (cause) {
    console.error(`Web app build failed / Dựng giao diện web thất bại: ${cause?.message ?? cause}`);
    process.exit(1);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Built the web app into web/dist in ${seconds} s (${reason}) / Đã dựng giao diện web vào web/dist`);
}

await main();
