/** The smaller attacks as data: one line per attempt. */

/** New passphrases that must be refused (too short, or among the commonest, or a trivial pattern). */
export const WEAK_PASSPHRASES: readonly string[] = [
  '12345678',
  '123456789',
  '1234567890',
  'password123',
  'Mật khẩu',
  'matkhau123',
  'MậtKhẩu123',
  'aaaaaaaaaaaa',
  'abcdefghijk',
  'qwertyuiop',
  'abcabcabcabc',
  '0000000000',
  'anh yeu em 123',
];
/** …and some that are accepted. */
export const GOOD_PASSPHRASES: readonly string[] = [
  'mật khẩu của chị Linh',
  'Sóc Trăng mùa nước nổi 2024',
  'correct horse battery staple',
];

/** Links the app must not hand to the system browser. */
export const LOCAL_URLS: readonly string[] = [
  'http://127.0.0.1:5173/?token=abc',
  'http://127.1/',
  'http://2130706433/',
  'http://0x7f000001/',
  'http://localhost:8080/',
  'http://LOCALHOST./',
  'http://app.localhost/',
  'https://0.0.0.0/',
  'http://169.254.169.254/latest/meta-data/',
  'http://[::1]:9000/',
  'http://[::]/',
  'http://[fe80::1]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:169.254.1.1]/',
];
export const ALLOWED_URLS: readonly string[] = [
  'https://sonoivu.soctrang.gov.vn/',
  'https://thuvienphapluat.vn/van-ban/',
  'http://192.168.1.10/cong-thong-tin',
];

/** Times that have the ISO shape but do not exist. */
export const IMPOSSIBLE_TIMES: readonly string[] = [
  '2024-13-45T99:99:99Z',
  '2023-02-29T10:00:00Z',
  '2024-04-31T00:00:00Z',
  '2024-01-01T24:00:00Z',
  '2024-01-01T23:60:00Z',
  '2024-01-01T23:59:60Z',
  '2024-00-10T00:00:00Z',
  '2024-01-01T00:00:00+15:00',
];
export const REAL_TIMES: readonly string[] = [
  '2024-02-29T23:59:59Z',
  '2024-01-05T00:00:00.000Z',
  '2024-12-31T17:00:00+07:00',
];

/** Names that try to take over a terminal. */
export const CONTROL_NAMES: readonly string[] = [
  'UBND huyện \u001b[31mĐỎ\u001b[0m',
  'UBND huyện A\rUBND huyện Z',
  'UBND huyện \u202eA dnuh',
  'UBND huyện \u0007chuông',
  'UBND huyện \u009b2J',
];
