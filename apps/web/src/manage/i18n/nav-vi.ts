/** The manage area's own navigation (each page adds its link's text here). */
export const navVi = {
  sections: 'Các mục quản lý đào tạo',
  compliance: 'Tuân thủ',
};

export type NavMessages = typeof navVi;
