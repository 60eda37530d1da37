/**
 * `keygen`: this installation's identity (Ed25519 key pair, private key sealed under a
 * passphrase), and the registration of a member's public key on the roster.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createIdentity, publicKeyFile, readIdentityInfo } from '../../core/exchange/keystore.ts';
import { registerMemberKey } from '../../core/council/roster-keys.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { PASSPHRASE_HELP, dataDirOf, json, parseCommandArgs, requireOption } from '../support.ts';
import { cycleOf, openExisting, passphraseFrom, signAuditWith } from '../store.ts';

const USAGE = `Cách dùng:
  cchc keygen --data-dir THƯ_MỤC [--out TỆP.pub.json] [--passphrase-file TỆP]
  cchc keygen --data-dir THƯ_MỤC --show
  cchc keygen --db TỆP --member MÃ --public-key KHÓA|TỆP [--cycle MÃ] [--actor MÃ] [--reason LÝ_DO]

Dạng 1 tạo khóa định danh Ed25519 của máy này (một lần; không ghi đè) trong
THƯ_MỤC/identity.key.json, khóa bí mật được mã hóa (scrypt + AES-256-GCM).
Dạng 2 in khóa công khai và dấu vân tay (8 nhóm 4 ký tự, để đọc và so sánh).
Dạng 3 (cơ quan thường trực) đăng ký khóa công khai của một thành viên vào danh sách
Hội đồng của kỳ đánh giá, sau khi đã đối chiếu dấu vân tay với thành viên đó.

Tùy chọn:
  --data-dir THƯ_MỤC  Thư mục dữ liệu của máy.
  --out TỆP           Ghi thêm khóa công khai ra tệp (identity.pub.json) để gửi cơ quan thường trực.
  --show              Chỉ in thông tin khóa hiện có.
  --db TỆP            Cơ sở dữ liệu của cơ quan thường trực.
  --member MÃ         Mã thành viên trong danh sách Hội đồng.
  --public-key KHÓA   Khóa công khai (base64) hoặc đường dẫn tệp identity.pub.json.
  --cycle MÃ          Kỳ đánh giá (bắt buộc khi có nhiều kỳ).
  --actor MÃ          Người thực hiện, ghi vào nhật ký (mặc định "cli").
  --reason LÝ_DO      Ghi chú, ví dụ cách đã đối chiếu dấu vân tay.
  ${PASSPHRASE_HELP}

Kết quả (JSON): publicKey, fingerprint (64 chữ số hex), display (dạng đọc được).
Mã thoát: 0 thành công, 1 lỗi dữ liệu, 2 sai cách dùng.
`;

const command: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'keygen',
      args,
      {
        'data-dir': { type: 'string' },
        out: { type: 'string' },
        show: { type: 'boolean' },
        db: { type: 'string' },
        member: { type: 'string' },
        'public-key': { type: 'string' },
        cycle: { type: 'string' },
        actor: { type: 'string' },
        reason: { type: 'string' },
        'passphrase-file': { type: 'string' },
      },
      { files: true },
    );
    if (values.help) return void io.out(USAGE);
    if (positionals.length > 0)
      throw new UsageError(`Lệnh "keygen" không nhận đối số "${positionals[0]}". Xem: cchc keygen --help`);
    if (values.db !== undefined) {
      const member = requireOption('keygen', 'member', values.member);
      const keyArg = requireOption('keygen', 'public-key', values['public-key']);
      const keyText = existsSync(keyArg) ? readFileSync(keyArg, 'utf8') : keyArg;
      const db = openExisting(values.db);
      try {
        signAuditWith(db, dataDirOf(values['data-dir'], values.db), values['passphrase-file'], 'keygen');
        const entry = registerMemberKey(
          db,
          cycleOf(db, values.cycle, values.db),
          member,
          keyText,
          values.actor ?? 'cli',
          values.reason ?? null,
        );
        io.out(
          json({
            member: entry.id,
            name: entry.name,
            publicKey: entry.publicKey,
            fingerprint: entry.fingerprint,
            display: entry.display,
          }),
        );
      } finally {
        db.close();
      }
      return 0;
    }
    const dataDir = requireOption('keygen', 'data-dir', values['data-dir']);
    let info = readIdentityInfo(dataDir);
    let created = false;
    if (!values.show && !info) {
      info = createIdentity(dataDir, passphraseFrom(values['passphrase-file'], 'keygen'));
      created = true;
    }
    if (!info)
      throw new UsageError(
        `Thư mục “${dataDir}” chưa có khóa định danh; chạy cchc keygen --data-dir ${dataDir} để tạo.`,
      );
    if (values.out) writeFileSync(values.out, json(publicKeyFile(info)));
    if (!created && !values.show)
      io.err(`Máy này đã có khóa định danh (tạo lúc ${info.createdAt}); không tạo khóa mới.\n`);
    io.out(
      json({
        created,
        publicKey: info.publicKey,
        fingerprint: info.fingerprint,
        display: info.display,
        createdAt: info.createdAt,
        protection: info.protection,
      }),
    );
    return 0;
  },
};

export default command;
