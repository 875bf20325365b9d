/** The compliance dashboard's texts (Vietnamese, the reference every other language follows). */
export const complianceVi = {
  title: 'Tuân thủ đào tạo bắt buộc',
  intro:
    'Tỷ lệ người đã hoàn thành khoá học bắt buộc trong đơn vị và các đơn vị cấp dưới. Chọn một đơn vị để xem sâu hơn.',
  readOnly: 'Bạn đang xem ở chế độ chỉ đọc.',
  breadcrumb: 'Vị trí trong cây đơn vị',
  home: 'Đơn vị của tôi',
  noUnit:
    'Tuân thủ được xem theo đơn vị tổ chức. Tài khoản của bạn không gắn với đơn vị tổ chức nào, nên chưa có đơn vị để hiển thị.',
  adminUnitScope:
    'Phạm vi của bạn là đơn vị hành chính; số liệu tuân thủ chỉ có theo đơn vị tổ chức (bộ, sở, vụ…), nên chưa có đơn vị để hiển thị.',
  areaFigures: 'Xem số liệu chương trình của địa bàn bạn phụ trách.',
  figures: {
    title: 'Số liệu của đơn vị',
    assigned: 'Được giao',
    completed: 'Đã hoàn thành',
    inProgress: 'Đang học',
    overdue: 'Quá hạn',
    compliant: 'Tỷ lệ tuân thủ',
    noStaff: 'Chưa có người được giao',
    noStaffHint: 'Đơn vị này chưa có cán bộ nào được giao khoá học bắt buộc.',
  },
  children: {
    title: 'Các đơn vị trực thuộc',
    caption: 'Tuân thủ theo đơn vị trực thuộc, đơn vị thấp nhất trước',
    unit: 'Đơn vị',
    leaf: 'Đơn vị này không có đơn vị trực thuộc.',
    open: 'Xem {{name}}',
  },
  chart: {
    title: 'Tỷ lệ tuân thủ theo đơn vị trực thuộc',
    worst: '{{count}} đơn vị có tỷ lệ thấp nhất; số liệu đầy đủ của mọi đơn vị ở bảng phía trên.',
    label: 'Biểu đồ cột tỷ lệ tuân thủ theo đơn vị; số liệu ở bảng các đơn vị trực thuộc.',
    series: 'Tỷ lệ tuân thủ',
  },
  export: {
    button: 'Tải CSV',
    hint: 'Một dòng cho mỗi đơn vị trong cây của {{name}}.',
  },
  snapshots: {
    title: 'Chốt số liệu theo kỳ',
    intro:
      'Chốt số liệu giữ nguyên tỷ lệ của một kỳ (năm, quý hoặc tháng) để báo cáo và so sánh về sau.',
    period: 'Kỳ',
    periodHint: 'Ví dụ: 2026, 2026-Q4 hoặc 2026-12',
    periodInvalid: 'Kỳ phải có dạng YYYY, YYYY-Qn hoặc YYYY-MM.',
    take: 'Chốt số liệu',
    taken: 'Đã chốt số liệu kỳ {{period}}.',
    exists:
      'Kỳ {{period}} đã được chốt số liệu trước đó. Mỗi kỳ chỉ chốt một lần để số liệu báo cáo không thay đổi; hãy chọn kỳ khác.',
    none: 'Chưa có kỳ nào được chốt. Chốt kỳ đầu tiên để bắt đầu theo dõi xu hướng.',
    noneReadOnly: 'Chưa có kỳ nào được chốt cho đơn vị này.',
    trend: 'Xu hướng tỷ lệ tuân thủ qua các kỳ',
    trendLabel: 'Biểu đồ đường tỷ lệ tuân thủ qua các kỳ; số liệu ở bảng bên dưới.',
    trendCaption: 'Các kỳ đã chốt',
    takenAt: 'Thời điểm chốt',
  },
  compare: {
    title: 'So sánh hai kỳ',
    from: 'Kỳ trước',
    to: 'Kỳ sau',
    needTwo: 'Cần ít nhất hai kỳ đã chốt để so sánh.',
    caption: 'Thay đổi tỷ lệ tuân thủ từ kỳ {{from}} đến kỳ {{to}}',
    change: 'Thay đổi',
    up: 'Tăng {{value}} điểm',
    down: 'Giảm {{value}} điểm',
    same: 'Không đổi',
    missing: 'Không có trong kỳ',
    sameChoice: 'Hãy chọn hai kỳ khác nhau.',
  },
};

export type ComplianceMessages = typeof complianceVi;
