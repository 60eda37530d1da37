/**
 * Reading an appraisal package without any store: size cap → JSON → schema → signature.
 * What needs the store (roster, cycle, scope, order) is in import.ts.
 *
 *   parseAppraisalPackage(bytes, file, maxBytes?) → VerifiedPackage   (throws ExchangeRefusal)
 *   readAppraisalPackage(path, maxBytes?)         → VerifiedPackage
 * maxBytes: the store's cap (package-cap.ts); without a store, the ceiling.
 *   encodeAppraisalPackage(payload, signer) → { text, packageHash }
 */
import { jsonTooDeep } from '../../../shared/exchange/json-depth.ts';
import {
  APPRAISAL_CEILING_BYTES,
  APPRAISAL_FORMAT,
  APPRAISAL_VERSION,
  type AppraisalPayload,
  AppraisalPayload as PayloadSchema,
  type SignatureBlock,
  SignatureBlock as SignatureSchema,
  describeIssues,
} from '../../../shared/exchange/appraisal-package.ts';
import { decodeBase64Strict, fingerprintOf, type Signer, sha256Hex, verifyEd25519 } from './keys.ts';
import { ExchangeRefusal, displayName, readCapped } from './refusal.ts';
import { canonicalJson } from '../../../shared/exchange/jcs.ts';

export interface VerifiedPackage {
  /** File name shown in messages. */
  readonly file: string;
  readonly size: number;
  /** sha256 of the canonical payload: the package's identity. */
  readonly packageHash: string;
  /** The canonical payload text that was signed. */
  readonly canonical: string;
  readonly payload: AppraisalPayload;
  readonly signature: SignatureBlock;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Looks like a tar archive (a cycle package)? ustar magic at offset 257. */
export function looksLikeTar(bytes: Uint8Array): boolean {
  return bytes.length >= 263 && Buffer.from(bytes.subarray(257, 262)).toString('latin1') === 'ustar';
}

export function parseAppraisalPackage(
  bytes: Uint8Array,
  file: string,
  maxBytes: number = APPRAISAL_CEILING_BYTES,
): VerifiedPackage {
  if (bytes.length > maxBytes)
    throw new ExchangeRefusal(file, 'EXCHANGE_TOO_LARGE', `${bytes.length} byte, tối đa ${maxBytes} byte`);
  if (bytes.length === 0) throw new ExchangeRefusal(file, 'EXCHANGE_TRUNCATED', 'tệp rỗng');
  if (looksLikeTar(bytes))
    throw new ExchangeRefusal(file, 'EXCHANGE_WRONG_KIND', 'đây là gói kỳ đánh giá, không phải gói kết quả thẩm định');

  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new ExchangeRefusal(file, 'EXCHANGE_INVALID_JSON', 'không phải văn bản UTF-8');
  }
  if (jsonTooDeep(text)) throw new ExchangeRefusal(file, 'EXCHANGE_TOO_DEEP');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if (/end of (JSON )?input|Unterminated string/i.test(msg) && text.trimStart().startsWith('{')) {
      throw new ExchangeRefusal(file, 'EXCHANGE_TRUNCATED');
    }
    throw new ExchangeRefusal(file, 'EXCHANGE_INVALID_JSON');
  }

  // Schema: the envelope, the kind and version, then the payload.
  if (!isObject(doc) || !isObject(doc['payload']))
    throw new ExchangeRefusal(file, 'EXCHANGE_SCHEMA', 'thiếu phần nội dung (payload)');
  const raw = doc['payload'];
  if (raw['format'] !== APPRAISAL_FORMAT) {
    throw new ExchangeRefusal(
      file,
      'EXCHANGE_WRONG_KIND',
      `định dạng “${String(raw['format']).slice(0, 40)}”, cần “${APPRAISAL_FORMAT}”`,
    );
  }
  if (raw['version'] !== APPRAISAL_VERSION) {
    throw new ExchangeRefusal(
      file,
      'EXCHANGE_UNSUPPORTED_VERSION',
      `phiên bản ${String(raw['version']).slice(0, 20)}, hỗ trợ ${APPRAISAL_VERSION}`,
    );
  }
  const keys = Object.keys(doc).filter((k) => k !== 'payload' && k !== 'signature');
  if (keys.length > 0) throw new ExchangeRefusal(file, 'EXCHANGE_SCHEMA', `trường lạ “${keys[0]!.slice(0, 40)}”`);
  const sig = SignatureSchema.safeParse(doc['signature']);
  if (!sig.success) throw new ExchangeRefusal(file, 'EXCHANGE_SCHEMA', `chữ ký: ${describeIssues(sig.error.issues)}`);
  const parsed = PayloadSchema.safeParse(raw);
  if (!parsed.success) throw new ExchangeRefusal(file, 'EXCHANGE_SCHEMA', describeIssues(parsed.error.issues));
  if (!decodeBase64Strict(sig.data.publicKey, 32) || !decodeBase64Strict(sig.data.value, 64)) {
    throw new ExchangeRefusal(file, 'EXCHANGE_SCHEMA', 'khóa hoặc chữ ký không ở dạng base64 chuẩn');
  }

  // Signature over the canonical payload, by the key the payload names.
  if (fingerprintOf(sig.data.publicKey) !== parsed.data.keyFingerprint)
    throw new ExchangeRefusal(file, 'EXCHANGE_KEY_MISMATCH');
  let canonical: string;
  try {
    canonical = canonicalJson(raw);
  } catch {
    throw new ExchangeRefusal(file, 'EXCHANGE_SCHEMA', 'nội dung không biểu diễn được ở dạng JSON chuẩn tắc');
  }
  const message = Buffer.from(canonical, 'utf8');
  if (!verifyEd25519(sig.data.publicKey, message, sig.data.value))
    throw new ExchangeRefusal(file, 'EXCHANGE_BAD_SIGNATURE');
  return {
    file,
    size: bytes.length,
    packageHash: sha256Hex(message),
    canonical,
    payload: parsed.data,
    signature: sig.data,
  };
}

export function readAppraisalPackage(path: string, maxBytes: number = APPRAISAL_CEILING_BYTES): VerifiedPackage {
  return parseAppraisalPackage(readCapped(path, maxBytes), displayName(path), maxBytes);
}

/** Signs a payload: the file text (canonical JSON of payload and signature) and the package hash. */
export function encodeAppraisalPackage(
  payload: AppraisalPayload,
  signer: Signer,
): { text: string; packageHash: string } {
  const canonical = canonicalJson(payload);
  const message = Buffer.from(canonical, 'utf8');
  const signature: SignatureBlock = {
    algorithm: 'Ed25519',
    publicKey: signer.publicKey,
    value: signer.sign(message).toString('base64'),
  };
  return { text: canonicalJson({ payload, signature }), packageHash: sha256Hex(message) };
}
