/** Error codes produced by the contract machinery itself (router and transports). */
export const CONTRACT_ERRORS = {
  UNKNOWN_METHOD: 'Yêu cầu không được hỗ trợ.',
  INVALID_INPUT: 'Dữ liệu gửi lên không hợp lệ.',
  NOT_IMPLEMENTED: 'Chức năng này chưa có trong phiên bản hiện tại.',
  INTERNAL_ERROR: 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại; nếu lỗi lặp lại, hãy báo cho cơ quan thường trực.',
  TRANSPORT_ERROR: 'Không liên lạc được với phần lõi của ứng dụng.',
  UNAUTHORIZED: 'Yêu cầu không có quyền truy cập.',
  FORBIDDEN_SENDER: 'Yêu cầu đến từ nguồn không được tin cậy.',
  FORBIDDEN_PATH: 'Đường dẫn được yêu cầu không hợp lệ.',
  FORBIDDEN_HOST: 'Địa chỉ máy chủ trong yêu cầu không hợp lệ.',
  METHOD_NOT_ALLOWED: 'Phương thức yêu cầu không được hỗ trợ.',
  PAYLOAD_TOO_LARGE: 'Dữ liệu gửi lên quá lớn.',
} as const;
