// Where the lines come from. The import reads them twice (check, then write), so a source is re-readable and
// never holds every parsed line in memory.

import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface LineSource {
  /** Every line, without its line break; a new pass each call. */
  lines(): AsyncIterable<string>;
  /** Size in bytes, for the progress bar; null when unknown. */
  size: number | null;
}

const stripBom = (line: string) => (line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);

export function fileSource(path: string): LineSource {
  const size = statSync(path).size; // throws for a missing file before anything starts
  return {
    size,
    async *lines() {
      const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
      const reader = createInterface({ input, crlfDelay: Infinity });
      let first = true;
      try {
        for await (const line of reader) {
          yield first ? stripBom(line) : line;
          first = false;
        }
      } finally {
        reader.close();
        input.destroy();
      }
    },
  };
}

export function textSource(text: string): LineSource {
  return {
    size: Buffer.byteLength(text),
    async *lines() {
      let start = 0;
      while (start < text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        const line = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
        yield start === 0 ? stripBom(line) : line;
        start = end + 1;
      }
    },
  };
}
