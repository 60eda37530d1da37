/**
 * Electron main process: lifecycle only; every decision lives in security.ts and the core.
 *
 * `npm start` = `prestart` (electron-rebuild -f -w better-sqlite3: rebuilds the native
 * module for Electron's ABI) + build + `electron .`. That rebuild replaces the Node build
 * in node_modules that the tests use; after using the Electron app, run
 * `npm rebuild better-sqlite3` to restore the Node build before `npm test`.
 */
import { app, BrowserWindow, dialog, Menu, safeStorage, session, shell } from 'electron';
import path from 'node:path';
import { CodedFailure } from '../../shared/errors/codes.ts';
import { openCore } from '../core/open.ts';
import { createRouter } from '../core/router.ts';
import { handlers } from '../core/handlers/index.ts';
import { displayPath } from '../core/context.ts';
import { registerAppScheme, serveAppProtocol } from './protocol.ts';
import { registerIpc } from './ipc.ts';
import { createAppSettings } from './settings.ts';
import { createMainWindow, guardWebContents } from './window.ts';
import { menuTemplate } from './security.ts';
import { MENU_VI, aboutText } from './strings.ts';
import { saveWithDialog } from './save-dialog.ts';
import { ElectronPdfPrinter } from './pdf-printer.ts';
import { safeStorageAvailable, safeStorageBox } from './safe-storage.ts';

/** Unpackaged (`npm start`): developer tools in the Xem menu. */
const dev = !app.isPackaged;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

/** Evidence documents open in the system's viewer; shell.openPath answers with an error text or ''. */
async function openFile(file: string): Promise<void> {
  const error = await shell.openPath(file);
  if (error)
    throw new CodedFailure('EVIDENCE_OPEN_FAILED', `Không mở được tài liệu bằng chương trình xem của máy: ${error}`);
}

async function start(): Promise<void> {
  const root = app.getAppPath();
  const dataDir = app.getPath('userData');
  const core = await openCore(dataDir);
  const settings = createAppSettings();
  const router = createRouter(handlers, {
    context: {
      core,
      settings,
      app: { version: app.getVersion(), transport: 'electron' },
      openFile,
      printer: new ElectronPdfPrinter(),
      saveFile: saveWithDialog(
        dialog,
        () => BrowserWindow.getFocusedWindow(),
        () => app.getPath('documents'),
      ),
      // The OS keychain seals the identity key; where it would fall back to plain text, a passphrase does.
      ...(safeStorageAvailable(safeStorage) ? { keyBox: safeStorageBox(safeStorage) } : {}),
    },
  });
  app.on('will-quit', () => core.close());

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveAppProtocol(path.join(root, 'dist', 'renderer'));
  registerIpc(router);

  let win = createMainWindow(settings, path.join(root, 'dist', 'electron', 'preload.cjs'));
  app.on('second-instance', () => {
    if (win.isDestroyed()) win = createMainWindow(settings, path.join(root, 'dist', 'electron', 'preload.cjs'));
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(MENU_VI, {
        dev,
        onAbout: () => {
          const about = aboutText(app.getVersion(), displayPath(dataDir, app.getPath('home')));
          void dialog.showMessageBox(win, { type: 'info', ...about });
        },
      }),
    ),
  );
}
