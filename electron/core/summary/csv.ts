/**
 * A small RFC 4180 CSV reader: quoted fields with embedded delimiters, doubled quotes
 * and line breaks; CRLF, LF or lone CR line ends; an optional UTF-8 BOM. Every record
 * carries the 1-based line of the file on which it starts, so that errors can name it.
 * One parser for a whole text (parseCsv) and for text that comes in pieces (CsvStream):
 * a record cut by the end of a piece waits for the next one.
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

/** The delimiter guess, and whether the first record ended (a line break outside quotes) within `text`. */
function sniff(text: string): { delimiter: string; complete: boolean } {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  let complete = false;
  for (let i = text.startsWith(BOM) ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      complete = true;
      break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return { delimiter: best, complete };
}

/**
 * The delimiter of the first record: the most frequent of comma, semicolon and tab
 * outside quotes (a comma on a tie or when none occurs). Spreadsheets set to Vietnamese
 * list settings export with semicolons.
 */
export function sniffDelimiter(text: string): string {
  return sniff(text).delimiter;
}

function checkDelimiter(delimiter: string): void {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new RangeError(`invalid CSV delimiter: ${JSON.stringify(delimiter)}`);
  }
}

/**
 * Parses the records of `text` from `from` (the start of a record, on line `line`), handing
 * each to `emit`. Unless `final`, a record the text may not hold whole (it runs to the end,
 * or ends on a CR or a quote whose next character decides) is left: the result says where
 * it starts and on which line. Throws CsvSyntaxError.
 */
function parseRecords(
  text: string,
  from: number,
  startLine: number,
  delimiter: string,
  final: boolean,
  emit: (r: CsvRecord) => void,
): { next: number; line: number } {
  const n = text.length;
  let i = from;
  let line = startLine;
  let recordStart = from;
  let recordLine = startLine;
  let fields: string[] = [];
  let field = '';
  const pending = () => ({ next: recordStart, line: recordLine });
  const endRecord = () => {
    fields.push(field);
    emit({ line: recordLine, fields });
    fields = [];
    field = '';
  };

  if (i >= n) return { next: i, line };
  for (;;) {
    // At the start of a field.
    if (text[i] === '"') {
      const quoteLine = line;
      i += 1;
      for (;;) {
        if (i >= n) {
          if (!final) return pending();
          throw new CsvSyntaxError('unterminated_quote', quoteLine);
        }
        const ch = text[i]!;
        if (ch === '"') {
          if (i + 1 >= n && !final) return pending();
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (ch === '\r' || ch === '\n') {
          if (ch === '\r' && i + 1 >= n && !final) return pending();
          const start = i;
          i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
          line += 1;
          field += text.slice(start, i);
          continue;
        }
        field += ch;
        i += 1;
      }
      // After the closing quote: a delimiter, a line break or the end.
      if (i >= n) {
        if (!final) return pending();
        endRecord();
        return { next: i, line };
      }
    } else {
      // An unquoted field, up to a delimiter, a line break or the end.
      let j = i;
      while (j < n) {
        const ch = text[j]!;
        if (ch === delimiter || ch === '\n' || ch === '\r') break;
        j += 1;
      }
      if (j >= n) {
        if (!final) return pending();
        field += text.slice(i, j);
        endRecord();
        return { next: j, line };
      }
      field += text.slice(i, j);
      i = j;
    }
    const ch = text[i];
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && i + 1 >= n && !final) return pending();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      endRecord();
      recordStart = i;
      recordLine = line;
      if (i >= n) return { next: i, line };
      continue;
    }
    throw new CsvSyntaxError('text_after_quote', line);
  }
}

/** Parses the whole text. Throws CsvSyntaxError on an unterminated quote or text after a closing quote. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvRecord[] {
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  checkDelimiter(delimiter);
  const records: CsvRecord[] = [];
  parseRecords(text, text.startsWith(BOM) ? 1 : 0, 1, delimiter, true, (r) => records.push(r));
  return records;
}

/**
 * The same parser for text that comes in pieces: `push` each piece, then `end`; records go
 * to `emit` as soon as they are whole. Memory holds one unfinished record, not the text.
 */
export class CsvStream {
  private delimiter: string | undefined;
  private rest = '';
  private line = 1;
  private started = false;
  /** Parse again only once the unfinished record has doubled: a long one is not re-read at every piece. */
  private waitFor = 0;

  constructor(
    private readonly emit: (r: CsvRecord) => void,
    options: CsvOptions = {},
  ) {
    if (options.delimiter !== undefined) checkDelimiter(options.delimiter);
    this.delimiter = options.delimiter;
  }

  push(piece: string): void {
    this.rest += piece;
    if (this.rest.length >= this.waitFor) this.parse(false);
  }

  end(): void {
    this.parse(true);
  }

  private parse(final: boolean): void {
    let text = this.rest;
    if (!this.started) {
      if (this.delimiter === undefined) {
        const guess = sniff(text);
        if (!guess.complete && !final) return;
        this.delimiter = guess.delimiter;
      }
      if (text.startsWith(BOM)) text = text.slice(1);
      this.started = true;
    }
    const at = parseRecords(text, 0, this.line, this.delimiter!, final, this.emit);
    this.rest = text.slice(at.next);
    this.line = at.line;
    this.waitFor = 2 * this.rest.length;
  }
}
