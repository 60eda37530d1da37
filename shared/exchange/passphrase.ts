/**
 * Is a new passphrase good enough to seal a private key? At least MIN_NEW_PASSPHRASE
 * characters and not one of the commonest passwords or a trivial pattern (one repeated
 * character, a run of consecutive digits or keyboard letters). Opening a key sealed
 * earlier is not judged again.
 */
import { foldDiacritics } from '../format/fold.ts';

export const MIN_NEW_PASSPHRASE = 10;

/** The commonest passwords (published breach lists, and their Vietnamese favourites), folded. */
const COMMON = new Set([
  '123456789',
  '1234567890',
  '12345678910',
  '0123456789',
  '987654321',
  '9876543210',
  '1122334455',
  '1234512345',
  '1234567899',
  '111111111',
  '0000000000',
  '1111111111',
  '123123123',
  '123123123123',
  '123456123456',
  '147258369',
  '123654789',
  '1q2w3e4r5t',
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'qwertyuiop',
  'qwerty123',
  'qwertyuiop123',
  'asdfghjkl',
  'zxcvbnm123',
  'iloveyou',
  'iloveyou123',
  'abc123456',
  'abcd1234',
  'abcdefgh',
  'abcdefghij',
  'a123456789',
  'aa123456789',
  'matkhau',
  'matkhau123',
  'matkhau1234',
  'matkhaumoi',
  'anhyeuem',
  'anhyeuem123',
  'emyeuanh',
  'emyeuanh123',
  'admin123',
  'administrator',
  'welcome123',
  'changeme',
  'letmein123',
  'football',
  'princess',
  'sunshine',
  'baseball',
  'superman',
  'trustno1',
  'dragon123',
  'vietnam',
  'vietnam123',
  'hanoi123',
  'saigon123',
  'soctrang',
  'soctrang123',
  'cchc2023',
  'cchc2024',
  'cchc12345',
  'thamdinh',
  'thamdinh123',
]);

function fold(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, '');
}

const RUNS = ['01234567890', '09876543210', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** null when acceptable; otherwise why not (Vietnamese). */
export function passphraseProblem(passphrase: string): string | null {
  if ([...passphrase].length < MIN_NEW_PASSPHRASE)
    return `Mật khẩu bảo vệ khóa phải có ít nhất ${MIN_NEW_PASSPHRASE} ký tự.`;
  const f = fold(passphrase);
  const trivial = COMMON.has(f) || /^(.)\1*$/u.test(f) || RUNS.some((r) => r.includes(f)) || /^(.{1,4})\1+$/u.test(f);
  return trivial
    ? 'Mật khẩu này thuộc loại phổ biến nhất hoặc quá dễ đoán; hãy chọn một câu dài hơn, khó đoán hơn.'
    : null;
}
