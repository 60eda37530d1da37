/** Glue: one ipcMain.handle per contract method, all under the `cchc:` prefix. */
import { ipcMain } from 'electron';
import { contract, ipcChannel, listMethods } from '../../shared/contract/index.ts';
import type { Router } from '../core/router.ts';
import { handleIpcCall } from './ipc-core.ts';

export function registerIpc(router: Router): void {
  for (const method of listMethods(contract)) {
    ipcMain.handle(ipcChannel(method), (event, input: unknown) =>
      handleIpcCall(router, event.senderFrame?.url, method, input),
    );
  }
}
