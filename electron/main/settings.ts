/** The app's settings store: electron-store (a JSON file in userData). The only file that imports it. */
import Store from 'electron-store';
import { storeSettings, type Settings } from '../core/settings.ts';

export function createAppSettings(): Settings {
  return storeSettings(new Store({ name: 'settings', clearInvalidConfig: true }));
}
