/** The few user-visible strings of the main process (menus, dialogs). The UI's are in renderer/i18n/vi.ts. */
import type { MenuStrings } from './security.ts';

export const APP_NAME = 'Thẩm định Chỉ số CCHC';

export const MENU_VI: MenuStrings = {
  file: 'Tệp',
  quit: 'Thoát',
  edit: 'Sửa',
  undo: 'Hoàn tác',
  redo: 'Làm lại',
  cut: 'Cắt',
  copy: 'Sao chép',
  paste: 'Dán',
  selectAll: 'Chọn tất cả',
  view: 'Xem',
  reload: 'Tải lại',
  resetZoom: 'Cỡ chữ mặc định',
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  fullScreen: 'Toàn màn hình',
  devTools: 'Công cụ nhà phát triển',
  window: 'Cửa sổ',
  minimize: 'Thu nhỏ cửa sổ',
  close: 'Đóng cửa sổ',
  help: 'Trợ giúp',
  about: 'Giới thiệu',
};

export function aboutText(
  version: string,
  dataDir: string,
): { title: string; message: string; detail: string; buttons: string[] } {
  return {
    title: 'Giới thiệu',
    buttons: ['Đóng'],
    message: `${APP_NAME} — phiên bản ${version}`,
    detail: `Ứng dụng thẩm định Chỉ số cải cách hành chính dành cho Hội đồng thẩm định.\nThư mục dữ liệu: ${dataDir}`,
  };
}
