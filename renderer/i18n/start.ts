/** Strings of the first run's choice and of the guide on a machine with no cycle. */
export const start = {
  demoLabel: 'Dữ liệu minh họa',
  demoLabelHint:
    'Kỳ đánh giá mẫu “Sóc Trăng 2023” để làm quen: số liệu chỉ mang tính minh họa, không phải kết quả thật.',
  chooseTitle: 'Bạn muốn bắt đầu thế nào?',
  modes: {
    demo: {
      title: 'Khám phá dữ liệu minh họa',
      text: 'Kỳ đánh giá mẫu “Sóc Trăng 2023” (40 đơn vị), riêng biệt với kỳ thật. Có thể thử trọn vòng: chấm điểm, gửi cho cơ quan thường trực mẫu.',
    },
    join: {
      title: 'Tham gia kỳ đánh giá thật',
      text: 'Thành viên Hội đồng: nhận gói kỳ đánh giá do cơ quan thường trực gửi, rồi chấm điểm các lĩnh vực được phân công.',
    },
    setup: {
      title: 'Thiết lập kỳ đánh giá mới',
      text: 'Cơ quan thường trực: tạo kỳ đánh giá, bộ tiêu chí, danh sách đơn vị và Hội đồng, rồi gửi gói kỳ đánh giá cho các thành viên.',
    },
  },
  submit: 'Lưu và bắt đầu',
  noCycle: {
    title: 'Máy này chưa có kỳ đánh giá nào',
    intro: 'Chọn một trong ba cách để bắt đầu:',
    join: 'Nhận gói kỳ đánh giá',
    joinText: 'Thành viên Hội đồng: mở tệp .cchc-cycle.tar do cơ quan thường trực gửi.',
    setup: 'Thiết lập kỳ đánh giá',
    setupText: 'Cơ quan thường trực: tạo một kỳ đánh giá mới.',
    demo: 'Mở dữ liệu minh họa',
    demoText: 'Kỳ đánh giá mẫu “Sóc Trăng 2023” để làm quen.',
    opening: 'Đang mở…',
  },
};
