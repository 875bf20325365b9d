/** The public programme figures' texts (namespace `figures`), loaded with the page. */
export const figuresVi = {
  title: 'Xã hội học tập qua số liệu',
  intro:
    'Số liệu nền tảng tự tính từ các cơ sở, khoá học, lượt ghi danh và chứng chỉ, theo địa bàn, loại cơ sở và kỳ. Ai cũng xem được, không cần đăng nhập.',
  privacy:
    'Số liệu về dưới 5 người được ẩn và ghi là “< 5”, cùng với những số có thể dùng để suy ra chúng, để không ai bị nhận ra.',
  filters: 'Chọn số liệu',
  period: 'Kỳ',
  year: 'Năm {{year}}',
  quarter: 'Quý {{quarter}}/{{year}}',
  facilityType: 'Loại cơ sở',
  allTypes: 'Tất cả các loại',
  show: 'Xem',
  country: 'Cả nước',
  breadcrumb: 'Các cấp địa bàn',
  heading: '{{name}}, {{period}}',
  summary: 'Số liệu của {{name}}',
  children: {
    title: 'Theo địa bàn cấp dưới',
    caption: 'Số liệu của từng địa bàn trực thuộc {{name}}, {{period}}',
    unit: 'Địa bàn',
    open: 'Xem số liệu của {{name}}',
    leaf: 'Địa bàn này không có cấp dưới.',
  },
  chart: {
    series: 'Lượt ghi danh',
    title: 'Lượt ghi danh theo địa bàn',
    most: 'Biểu đồ cho {{count}} địa bàn có nhiều lượt ghi danh nhất; bảng ở trên có đủ.',
  },
  csv: 'Tải số liệu (CSV)',
  csvHint: 'Một dòng cho {{name}} và một dòng cho mỗi địa bàn trực thuộc.',
};
export type FiguresMessages = typeof figuresVi;
