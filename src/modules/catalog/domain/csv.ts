// A small RFC 4180 CSV reader and writer: quoted fields, doubled quotes, commas and line breaks inside quotes,
// CRLF or LF line ends, and the byte-order mark Excel writes. Excel set to Vietnamese writes ";" between fields
// (the comma is the decimal mark there), so the delimiter is detected from the first line unless given.

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

export interface CsvReadOptions {
  delimiter?: ',' | ';' | '\t';
}

export function readCsv(input: string, options: CsvReadOptions = {}): string[][] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else {
      // A quote in the middle of an unquoted field is kept as text, as Excel does.
      field += char;
    }
  }
  if (quoted) throw new CsvError(`Unterminated quoted field starting on line ${quoteLine}`, quoteLine);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The delimiter used most often outside quotes on the first line; comma when none. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  const best = (Object.keys(counts) as Array<keyof typeof counts>).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] === 0 ? ',' : best;
}

export function writeCsv(rows: ReadonlyArray<ReadonlyArray<string>>, delimiter = ','): string {
  const needsQuotes = new RegExp(`["\\r\\n${delimiter === '\t' ? '\\t' : delimiter}]|^\\s|\\s$`);
  const cell = (value: string) => (needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}
