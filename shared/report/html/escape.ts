/** Escaping for the HTML and SVG string builders: every piece of data goes through esc(). */
const MAP: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value → safe HTML. */
export function esc(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text).replace(/[&<>"']/g, (c) => MAP[c]!);
}

/** Text with line breaks kept as <br>. */
export function escLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(esc)
    .join('<br>');
}
