/** Vietnamese text without its diacritics ("Đơn vị sự nghiệp" → "Don vi su nghiep"). */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** A file-name part from a label: ASCII, lower case, words joined by "-" ("ĐVSN công lập" → "dvsn-cong-lap"). */
export function slug(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
