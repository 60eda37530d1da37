import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPdfPrinter } from '../../electron/core/documents/chromium.ts';
import { asciiText, signPdf } from '../../electron/core/documents/sign.ts';
import { documentHtml, headerHtml, titleHtml } from '../../shared/report/html/decree30-page.ts';
import { documentFontCss } from '../../electron/core/documents/fonts.ts';
import { cli } from '../cli/helpers.ts';
import { tempDirs } from '../db/support.ts';
import { demoDb } from '../report/demo-db.ts';
import { flatText } from './pdf.ts';

/** pdfsig exits 0 even on a digest mismatch: read its text. */
function pdfsig(path: string): string {
  try {
    return execFileSync('pdfsig', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? '');
  }
}

describe('digitally signed documents (PKCS#12, @signpdf)', () => {
  const temp = tempDirs('cchc-sign-');
  let dir: string;
  let p12: Buffer;
  const printer = new ChromiumPdfPrinter();
  beforeAll(() => {
    dir = temp();
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '30',
        '-subj',
        '/CN=Nguyen Thi Kim Phuong/O=Hoi dong tham dinh/C=VN',
      ],
      { stdio: 'ignore' },
    );
    execFileSync(
      'openssl',
      [
        'pkcs12',
        '-export',
        '-inkey',
        join(dir, 'key.pem'),
        '-in',
        join(dir, 'cert.pem'),
        '-out',
        join(dir, 'cert.p12'),
        '-passout',
        'pass:mat-khau',
      ],
      { stdio: 'ignore' },
    );
    p12 = readFileSync(join(dir, 'cert.p12'));
  });
  afterAll(() => printer.close());

  it('signs a printed document so that pdfsig verifies it, and the text stays readable', async () => {
    const html = documentHtml({
      title: 'Thử',
      fontCss: documentFontCss(),
      body:
        headerHtml({
          issuerParent: 'UBND tỉnh Sóc Trăng',
          issuer: 'Hội đồng thẩm định',
          number: '',
          place: 'Sóc Trăng',
          date: null,
        }) + titleHtml('Biên bản', 'Thử ký số'),
    });
    const signed = await signPdf(await printer.printToPdf(html), {
      p12,
      passphrase: 'mat-khau',
      reason: 'Biên bản họp Hội đồng thẩm định',
      location: 'Sóc Trăng',
      name: 'Nguyễn Thị Kim Phượng',
    });
    const path = join(dir, 'signed.pdf');
    writeFileSync(path, signed);
    const report = pdfsig(path);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signer Certificate Common Name: Nguyen Thi Kim Phuong');
    expect(report).toContain('Total document signed');
    expect(flatText(path)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // a changed byte breaks the signature
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('BIÊN BẢN') >= 0 ? tampered.indexOf('BIÊN BẢN') : 200;
    tampered[at] = tampered[at]! ^ 1;
    writeFileSync(join(dir, 'tampered.pdf'), tampered);
    expect(pdfsig(join(dir, 'tampered.pdf'))).not.toContain('Signature is Valid.');
  });

  it('refuses a wrong passphrase with a coded error', async () => {
    const pdf = await printer.printToPdf(documentHtml({ title: 'x', fontCss: '', body: '<p>x</p>' }));
    await expect(signPdf(pdf, { p12, passphrase: 'sai', reason: 'x', location: 'y', name: 'z' })).rejects.toMatchObject(
      { code: 'SIGN_CERTIFICATE_INVALID' },
    );
    await expect(
      signPdf(new Uint8Array([37, 80, 68, 70]), { p12, passphrase: 'mat-khau', reason: 'x', location: 'y', name: 'z' }),
    ).rejects.toMatchObject({ code: 'SIGN_FAILED' });
    expect(asciiText('Nguyễn Thị Kim Phượng (Thư ký)')).toBe('Nguyen Thi Kim Phuong Thu ky');
  });

  it('signs from the CLI with the passphrase in the environment', async () => {
    const { path, db } = demoDb(dir, 'cli.sqlite');
    db.close();
    const out = join(dir, 'minutes-signed.pdf');
    process.env['CCHC_TEST_P12_PASS'] = 'mat-khau';
    try {
      const r = await cli(
        'minutes',
        '--db',
        path,
        '--out',
        out,
        '--sign',
        join(dir, 'cert.p12'),
        '--passphrase-env',
        'CCHC_TEST_P12_PASS',
        '--no-charts',
      );
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ signed: true });
      expect(pdfsig(out)).toContain('Signature is Valid.');
      const missing = await cli(
        'sheets',
        '--db',
        path,
        '--unit',
        'Sở Tư pháp',
        '--out',
        join(dir, 'x.pdf'),
        '--sign',
        join(dir, 'cert.p12'),
        '--passphrase-env',
        'CCHC_NOT_SET',
      );
      expect(missing.code).toBe(2);
    } finally {
      delete process.env['CCHC_TEST_P12_PASS'];
    }
  });
});
