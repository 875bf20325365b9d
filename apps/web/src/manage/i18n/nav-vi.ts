/** The manage area's own navigation (each page adds its link's text here). */
export const navVi = {
  sections: 'Các mục quản lý đào tạo',
  compliance: 'Tuân thủ',
  staff: 'Cán bộ của tôi',
  requirements: 'Yêu cầu bồi dưỡng',
  imports: 'Nhập danh sách cán bộ',
  reports: 'Báo cáo năm của cơ sở',
  inspections: 'Kiểm tra',
  inspectionResults: 'Kết quả kiểm tra của đơn vị',
  figures: 'Số liệu chương trình',
};

export type NavMessages = typeof navVi;
