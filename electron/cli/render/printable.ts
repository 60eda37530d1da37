/**
 * What the CLI prints reaches a terminal: a unit or member name holding control characters
 * (ESC sequences that recolour or rewrite the screen, a carriage return that overwrites the
 * line, bidirectional overrides that reorder it) is shown escaped as \uXXXX instead. Line
 * feeds and tabs stay. Inside JSON strings \uXXXX is the same character, so JSON output
 * still parses to the same values.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
