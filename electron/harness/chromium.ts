/** The harness launches Chromium as the rest of the project does (electron/core/chromium.ts). */
export { CHROMIUM_FLAGS, CHROMIUM_PATH, chromiumArgs } from '../core/chromium.ts';
