/**
 * The kinds of document accepted as evidence (tài liệu kiểm chứng): PDF, images and office
 * documents. Anything else (.exe, .hta, .js, .lnk, .html…) is refused where it enters —
 * a member's upload, a cycle package — and never handed to the system to open.
 */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
};

/** The file name's extension in lower case, with its dot ("" when none). */
function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

export function isEvidenceType(fileName: string): boolean {
  return Object.hasOwn(EVIDENCE_TYPES, extensionOf(fileName));
}

/** Vietnamese list for messages: "pdf, png, jpg, …". */
export const EVIDENCE_TYPES_TEXT = Object.keys(EVIDENCE_TYPES)
  .map((e) => e.slice(1))
  .join(', ');
