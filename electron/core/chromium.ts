/** Debian Chromium as this project launches it: the harness, the end-to-end tests and the PDF printer. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export function chromiumArgs(options: { headless: boolean; userDataDir: string }): string[] {
  return [...(options.headless ? ['--headless'] : []), ...CHROMIUM_FLAGS, `--user-data-dir=${options.userDataDir}`];
}
