/**
 * A small RFC 4180 CSV reader: quoted fields with embedded delimiters, doubled quotes
 * and line breaks; CRLF, LF or lone CR line ends; an optional UTF-8 BOM. Every record
 * carries the 1-based line of the file on which it starts, so that errors can name it.
 */

export interface CsvRecord {
  /** 1-based line number, in the file, of the record's first character. */
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvSyntaxProblem = 'unterminated_quote' | 'text_after_quote';

export class CsvSyntaxError extends Error {
  readonly line: number;
  readonly problem: CsvSyntaxProblem;
  constructor(problem: CsvSyntaxProblem, line: number) {
    super(`${problem} at line ${line}`);
    this.name = 'CsvSyntaxError';
    this.problem = problem;
    this.line = line;
  }
}

export interface CsvOptions {
  /** A single character; by default guessed from the first record (see sniffDelimiter). */
  readonly delimiter?: string;
}

const BOM = '\uFEFF';
const CANDIDATES = [',', ';', '\t'] as const;

/**
 * The delimiter of the first record: the most frequent of comma, semicolon and tab
 * outside quotes (a comma on a tie or when none occurs). Spreadsheets set to Vietnamese
 * list settings export with semicolons.
 */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (let i = text.startsWith(BOM) ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

/** Parses the whole text. Throws CsvSyntaxError on an unterminated quote or text after a closing quote. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvRecord[] {
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new RangeError(`invalid CSV delimiter: ${JSON.stringify(delimiter)}`);
  }
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.startsWith(BOM) ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let recordLine = 1;
  let field = '';

  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  /** Consumes a line break at i (CRLF, LF or CR); returns whether there was one. */
  const lineBreak = (): boolean => {
    const ch = text[i];
    if (ch === '\r') {
      i += text[i + 1] === '\n' ? 2 : 1;
    } else if (ch === '\n') {
      i += 1;
    } else {
      return false;
    }
    line += 1;
    return true;
  };

  if (i >= n) return records;
  for (;;) {
    // At the start of a field.
    if (text[i] === '"') {
      const quoteLine = line;
      i += 1;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError('unterminated_quote', quoteLine);
        const ch = text[i]!;
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (ch === '\r' || ch === '\n') {
          const start = i;
          lineBreak();
          field += text.slice(start, i);
          continue;
        }
        field += ch;
        i += 1;
      }
      // After the closing quote: a delimiter, a line break or the end.
      if (i >= n) {
        endRecord();
        return records;
      }
      if (text[i] === delimiter) {
        fields.push(field);
        field = '';
        i += 1;
        continue;
      }
      if (lineBreak()) {
        endRecord();
        recordLine = line;
        if (i >= n) return records;
        continue;
      }
      throw new CsvSyntaxError('text_after_quote', line);
    }
    // An unquoted field, up to a delimiter, a line break or the end.
    let j = i;
    while (j < n) {
      const ch = text[j]!;
      if (ch === delimiter || ch === '\n' || ch === '\r') break;
      j += 1;
    }
    field += text.slice(i, j);
    i = j;
    if (i >= n) {
      endRecord();
      return records;
    }
    if (text[i] === delimiter) {
      fields.push(field);
      field = '';
      i += 1;
      continue;
    }
    lineBreak();
    endRecord();
    recordLine = line;
    if (i >= n) return records;
  }
}
