/** Vietnamese: the default language. Every key here exists in en.ts too (a test checks). */
export const vi = {
  app: {
    name: 'Lifelong',
    tagline: 'Học tập suốt đời cho mọi người',
    skipToContent: 'Chuyển đến nội dung chính',
    loading: 'Đang tải…',
  },
  nav: {
    home: 'Trang chủ',
    catalogue: 'Khoá học',
    television: 'Lịch truyền hình',
    verify: 'Xác thực chứng chỉ',
    myLearning: 'Học tập của tôi',
    signIn: 'Đăng nhập',
    register: 'Đăng ký',
    signOut: 'Đăng xuất',
    menu: 'Mở trình đơn',
    language: 'Ngôn ngữ',
    account: 'Tài khoản',
  },
  home: {
    title: 'Học tập suốt đời, ở bất cứ đâu',
    intro:
      'Tìm khoá học của các cơ sở giáo dục thường xuyên trên cả nước, học trên điện thoại hay xem bài giảng trên truyền hình, và nhận chứng chỉ ai cũng xác thực được.',
    searchLabel: 'Tìm khoá học',
    searchPlaceholder: 'Ví dụ: học tập suốt đời, tin học, kỹ năng số',
    searchButton: 'Tìm kiếm',
  },
  auth: {
    email: 'Email',
    password: 'Mật khẩu',
    fullName: 'Họ và tên',
    signInTitle: 'Đăng nhập',
    registerTitle: 'Tạo tài khoản',
    signInButton: 'Đăng nhập',
    registerButton: 'Tạo tài khoản',
    noAccount: 'Chưa có tài khoản?',
    haveAccount: 'Đã có tài khoản?',
    passwordHint: 'Ít nhất 8 ký tự.',
    emailInvalid: 'Email không hợp lệ.',
    passwordTooShort: 'Mật khẩu cần ít nhất 8 ký tự.',
    fullNameRequired: 'Hãy nhập họ và tên.',
    signedOut: 'Bạn đã đăng xuất.',
  },
  language: { vi: 'Tiếng Việt', en: 'English' },
  errors: {
    NETWORK: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    UNKNOWN: 'Đã có lỗi. Vui lòng thử lại.',
    VALIDATION_FAILED: 'Thông tin chưa hợp lệ. Kiểm tra các ô được đánh dấu.',
    INVALID_CREDENTIALS: 'Email hoặc mật khẩu không đúng.',
    EMAIL_TAKEN: 'Email này đã có tài khoản. Hãy đăng nhập.',
    RATE_LIMITED: 'Bạn thử quá nhiều lần. Hãy đợi một lát rồi thử lại.',
    UNAUTHENTICATED: 'Hãy đăng nhập để tiếp tục.',
    FORBIDDEN: 'Bạn không có quyền làm việc này.',
    NOT_FOUND: 'Không tìm thấy nội dung này.',
    retry: 'Thử lại',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    body: 'Đường dẫn có thể đã sai hoặc trang đã được chuyển đi.',
    back: 'Về trang chủ',
  },
};

/** The shape every catalog has: the same keys, each a string. */
type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
export type Messages = Catalog<typeof vi>;
