/** Glue: the one BrowserWindow, its remembered bounds, and the navigation guards. */
import { BrowserWindow, screen, shell, type WebContents } from 'electron';
import type { Settings } from '../core/settings.ts';
import { APP_ENTRY_URL, WEB_PREFERENCES, isAllowedExternalUrl } from './security.ts';
import { APP_NAME } from './strings.ts';
import { DEFAULT_SIZE, MIN_SIZE, restoreBounds, restorePreferences } from './window-state.ts';

/** Applied to every web contents the app ever creates. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function createMainWindow(settings: Settings, preloadPath: string): BrowserWindow {
  const bounds = restoreBounds(
    settings.get('windowBounds'),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: APP_NAME,
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: { ...WEB_PREFERENCES, preload: preloadPath },
  });
  const preferences = restorePreferences(settings.get('preferences'));
  win.webContents.on('did-finish-load', () => win.webContents.setZoomFactor(preferences.zoomFactor));
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    if (!win.isMinimized() && !win.isFullScreen()) settings.set('windowBounds', win.getNormalBounds());
    settings.set('preferences', { ...preferences, zoomFactor: win.webContents.getZoomFactor() });
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
