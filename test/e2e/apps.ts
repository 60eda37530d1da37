/**
 * The apps of an e2e test file. `const launch = appsPerTest()` at the top of the file builds
 * the renderer before its tests, and closes after each test the app that test opened last
 * (also when the test fails): browser, harness and temp folders.
 */
import { afterEach, beforeAll } from 'vitest';
import { type E2EApp, type OpenAppOptions, buildRenderer, openApp } from './support.ts';

export function appsPerTest(): (options?: OpenAppOptions) => Promise<E2EApp> {
  let last: E2EApp | null = null;
  beforeAll(async () => {
    await buildRenderer();
  });
  afterEach(async () => {
    await last?.close();
    last = null;
  });
  return async (options) => {
    last = await openApp(options);
    return last;
  };
}
