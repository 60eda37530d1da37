/**
 * Optional digital signature of a printed document with a PKCS#12 certificate (.p12/.pfx):
 * an invisible signature field (placeholder) added to the Chromium PDF, then a detached
 * CMS signature over it (@signpdf), so that pdfsig and PDF readers verify it.
 */
import { CodedFailure } from '../../../shared/errors/codes.ts';
import { foldDiacritics } from '../../../shared/format/fold.ts';

export interface SignOptions {
  /** The certificate and its private key (.p12 / .pfx bytes). */
  readonly p12: Uint8Array;
  readonly passphrase?: string;
  /** "Biên bản họp Hội đồng thẩm định" */
  readonly reason: string;
  /** "Sóc Trăng" */
  readonly location: string;
  /** The signer's name (shown by readers). */
  readonly name: string;
  readonly contactInfo?: string;
  readonly signingTime?: Date;
}

/**
 * The signature dictionary's texts in ASCII: @signpdf/placeholder-plain 3.3 writes
 * non-ASCII strings as UTF-16 re-encoded to UTF-8 (unreadable, and a name with spaces
 * breaks the dictionary), so Vietnamese is folded ("Nguyễn Thị" → "Nguyen Thi").
 */
export function asciiText(text: string): string {
  return foldDiacritics(text)
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[()\\]/g, '')
    .trim();
}

export async function signPdf(pdf: Uint8Array, o: SignOptions): Promise<Uint8Array> {
  const [{ SignPdf }, { plainAddPlaceholder }, { P12Signer }] = await Promise.all([
    import('@signpdf/signpdf'),
    import('@signpdf/placeholder-plain'),
    import('@signpdf/signer-p12'),
  ]);
  const signer = new P12Signer(Buffer.from(o.p12), { passphrase: o.passphrase ?? '' });
  let withPlaceholder: Buffer;
  try {
    withPlaceholder = plainAddPlaceholder({
      pdfBuffer: Buffer.from(pdf),
      reason: asciiText(o.reason),
      location: asciiText(o.location),
      name: asciiText(o.name),
      contactInfo: asciiText(o.contactInfo ?? ''),
      signingTime: o.signingTime ?? new Date(),
      appName: 'CCHC-Tham-dinh',
    });
  } catch (e) {
    throw new CodedFailure('SIGN_FAILED', `Không thêm được chữ ký số vào tệp PDF: ${(e as Error).message}`);
  }
  try {
    const signed = await new SignPdf().sign(withPlaceholder, signer, o.signingTime ?? new Date());
    return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
  } catch (e) {
    const msg = (e as Error).message;
    if (/password|MAC|PKCS#12|pkcs12|asn1|certificate|private key/i.test(msg)) {
      throw new CodedFailure(
        'SIGN_CERTIFICATE_INVALID',
        `Không đọc được chứng thư số (.p12): ${msg}. Kiểm tra tệp và mật khẩu.`,
      );
    }
    throw new CodedFailure('SIGN_FAILED', `Không ký số được văn bản: ${msg}`);
  }
}
