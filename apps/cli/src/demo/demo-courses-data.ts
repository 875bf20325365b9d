import type { QuestionDraft } from '@lifelong/courses';

/**
 * A dozen published demo courses in Vietnamese across the demo facilities, each with a lesson of
 * every kind. Video and television lessons are optional for now: no video can be ready before
 * the distance-lessons issue lands, and television attendance comes with its own issue, so a
 * required one would keep the course from publishing (video) or from ever completing (television).
 */

export type DemoLesson =
  | { kind: 'video' | 'television'; title: string }
  | { kind: 'reading'; title: string; body: string }
  | {
      kind: 'quiz';
      title: string;
      passMark: number;
      attemptLimit: number;
      questions: QuestionDraft[];
    };

export interface DemoCourse {
  facilityCode: string;
  /** The course's own code (what a broadcaster's schedule names it by); unique, the seed's key. */
  code: string;
  title: string;
  summary: string;
  description: string;
  tags: string[];
  hours: number;
  capacity?: number;
  validityMonths?: number;
  sections: { title: string; lessons: DemoLesson[] }[];
}

const single = (text: string, right: string, ...wrong: string[]): QuestionDraft => ({
  text,
  multiple: false,
  choices: [
    { text: right, correct: true },
    ...wrong.map((choice) => ({ text: choice, correct: false })),
  ],
});

const several = (text: string, right: string[], wrong: string[]): QuestionDraft => ({
  text,
  multiple: true,
  choices: [
    ...right.map((choice) => ({ text: choice, correct: true })),
    ...wrong.map((choice) => ({ text: choice, correct: false })),
  ],
});

/** A course in two parts: watch and read, then a broadcast and a check. */
function course(
  head: Omit<DemoCourse, 'sections'>,
  part1: { title: string; video: string; reading: string; body: string },
  part2: { title: string; television: string; quiz: QuestionDraft[] },
): DemoCourse {
  return {
    ...head,
    sections: [
      {
        title: part1.title,
        lessons: [
          { kind: 'video', title: part1.video },
          { kind: 'reading', title: part1.reading, body: part1.body },
        ],
      },
      {
        title: part2.title,
        lessons: [
          { kind: 'television', title: part2.television },
          {
            kind: 'quiz',
            title: 'Kiểm tra cuối khóa',
            passMark: 70,
            attemptLimit: 3,
            questions: part2.quiz,
          },
        ],
      },
    ],
  };
}

export const DEMO_COURSES: DemoCourse[] = [
  course(
    {
      facilityCode: 'DH-MO-HN',
      code: 'KNS-01',
      title: 'Kỹ năng số cho mọi người',
      summary: 'Dùng điện thoại và máy tính an toàn, hiệu quả cho học tập, công việc và đời sống.',
      description:
        'Khóa học dành cho người mới bắt đầu: tìm kiếm thông tin, dịch vụ công trực tuyến, thanh toán số và giữ an toàn trên mạng.',
      tags: ['kỹ năng số', 'chuyển đổi số'],
      hours: 6,
      capacity: 200,
    },
    {
      title: 'Phần 1. Làm quen với thiết bị số',
      video: 'Điện thoại thông minh dùng để làm gì?',
      reading: 'Tìm kiếm thông tin đáng tin cậy',
      body: '<h2>Tìm kiếm thông tin</h2><p>Hãy dùng <strong>từ khóa ngắn</strong> và kiểm tra nguồn: trang của cơ quan nhà nước thường có đuôi <em>.gov.vn</em>.</p><ul><li>So sánh ít nhất hai nguồn.</li><li>Xem ngày đăng bài.</li></ul>',
    },
    {
      title: 'Phần 2. Dịch vụ công trực tuyến',
      television: 'Chuyên đề: Nộp hồ sơ trên Cổng dịch vụ công quốc gia',
      quiz: [
        single(
          'Trang nào thường là nguồn chính thống của cơ quan nhà nước?',
          'Trang có đuôi .gov.vn',
          'Trang quảng cáo',
          'Nhóm trò chuyện',
        ),
        several(
          'Những việc nào giúp giữ tài khoản an toàn?',
          ['Dùng mật khẩu mạnh', 'Bật xác thực hai lớp'],
          ['Chia sẻ mã OTP cho người lạ'],
        ),
      ],
    },
  ),
  course(
    {
      facilityCode: 'DH-MO-HN',
      code: 'HTSD-01',
      title: 'Học tập suốt đời: phương pháp tự học',
      summary: 'Đặt mục tiêu, tìm nguồn học mở và duy trì thói quen học tập ở mọi lứa tuổi.',
      description:
        'Khóa học giúp người lớn tự lập kế hoạch học, ghi chép hiệu quả và tận dụng thư viện, học liệu mở.',
      tags: ['tự học', 'kỹ năng mềm'],
      hours: 4,
    },
    {
      title: 'Phần 1. Vì sao cần học suốt đời',
      video: 'Xã hội học tập và mỗi người dân',
      reading: 'Lập kế hoạch học tập cá nhân',
      body: '<h2>Kế hoạch học tập</h2><p>Một kế hoạch tốt có <strong>mục tiêu rõ ràng</strong>, thời gian cụ thể và cách tự đánh giá.</p><ol><li>Viết mục tiêu trong một câu.</li><li>Chia nhỏ thành việc mỗi tuần.</li><li>Cuối tuần tự xem lại.</li></ol>',
    },
    {
      title: 'Phần 2. Nguồn học mở',
      television: 'Tọa đàm: Thư viện và trung tâm học tập cộng đồng',
      quiz: [
        single(
          'Bước đầu tiên của tự học là gì?',
          'Đặt mục tiêu học tập',
          'Mua thật nhiều sách',
          'Chờ người khác nhắc',
        ),
        several(
          'Đâu là nguồn học mở?',
          ['Thư viện công cộng', 'Khóa học trực tuyến miễn phí'],
          ['Tin đồn trên mạng'],
        ),
      ],
    },
  ),
  course(
    {
      facilityCode: 'NNTH-BENTHANH',
      code: 'TA-GT-01',
      title: 'Tiếng Anh giao tiếp cơ bản',
      summary: 'Chào hỏi, giới thiệu bản thân, hỏi đường và mua bán bằng tiếng Anh đơn giản.',
      description:
        'Dành cho người mới học: mẫu câu thông dụng, phát âm và luyện nghe qua tình huống hằng ngày.',
      tags: ['ngoại ngữ', 'tiếng Anh'],
      hours: 12,
      capacity: 40,
    },
    {
      title: 'Phần 1. Chào hỏi và giới thiệu',
      video: 'Hello! Nice to meet you',
      reading: 'Mẫu câu giới thiệu bản thân',
      body: '<h2>Giới thiệu bản thân</h2><p><strong>My name is Lan.</strong> — Tôi tên là Lan.</p><p><strong>I am from Hanoi.</strong> — Tôi đến từ Hà Nội.</p><p><strong>Nice to meet you.</strong> — Rất vui được gặp bạn.</p>',
    },
    {
      title: 'Phần 2. Hỏi đường và mua sắm',
      television: 'Tiếng Anh trên sóng: Đi chợ và hỏi giá',
      quiz: [
        single(
          '"How much is it?" nghĩa là gì?',
          'Cái này giá bao nhiêu?',
          'Bạn khỏe không?',
          'Mấy giờ rồi?',
        ),
        single(
          'Câu nào dùng để chào khi gặp lần đầu?',
          'Nice to meet you',
          'See you later',
          'Good night',
        ),
      ],
    },
  ),
  course(
    {
      facilityCode: 'DH-MO-HN',
      code: 'ATTT-01',
      title: 'An toàn thông tin cho cán bộ, công chức',
      summary: 'Nhận biết lừa đảo qua thư điện tử, bảo vệ dữ liệu cơ quan và xử lý sự cố ban đầu.',
      description:
        'Bồi dưỡng bắt buộc hằng năm cho cán bộ, công chức: mật khẩu, thư giả mạo, dữ liệu cá nhân và quy trình báo cáo sự cố.',
      tags: ['an toàn thông tin', 'bồi dưỡng công chức'],
      hours: 8,
      validityMonths: 12,
    },
    {
      title: 'Phần 1. Mối đe dọa thường gặp',
      video: 'Thư điện tử giả mạo trông như thế nào',
      reading: 'Năm dấu hiệu của thư lừa đảo',
      body: '<h2>Dấu hiệu thư lừa đảo</h2><ul><li>Người gửi lạ hoặc tên miền gần giống.</li><li>Giục giã: "xử lý ngay trong 24 giờ".</li><li>Đòi mật khẩu hoặc mã OTP.</li><li>Tệp đính kèm lạ.</li><li>Đường liên kết không khớp với nội dung.</li></ul><p>Khi nghi ngờ, <strong>báo ngay cho bộ phận công nghệ thông tin</strong>.</p>',
    },
    {
      title: 'Phần 2. Bảo vệ dữ liệu cơ quan',
      television: 'Chuyên đề: Phòng chống mã độc tống tiền',
      quiz: [
        single(
          'Nhận thư yêu cầu cung cấp mật khẩu, bạn nên làm gì?',
          'Không trả lời và báo bộ phận CNTT',
          'Trả lời ngay để tránh khóa tài khoản',
          'Chuyển cho đồng nghiệp',
        ),
        several(
          'Việc nào bảo vệ dữ liệu cơ quan?',
          ['Khóa máy khi rời chỗ', 'Sao lưu định kỳ'],
          ['Dùng chung một mật khẩu cho mọi hệ thống'],
        ),
      ],
    },
  ),
  course(
    {
      facilityCode: 'HTCD-CANGIO',
      code: 'NN-TS-01',
      title: 'Nuôi trồng thủy sản bền vững',
      summary: 'Nuôi tôm, cá an toàn sinh học, quản lý nước ao và bảo vệ rừng ngập mặn.',
      description:
        'Kỹ thuật nuôi thủy sản cho hộ gia đình vùng ven biển Cần Giờ, giảm dịch bệnh và giữ môi trường.',
      tags: ['nông nghiệp', 'thủy sản'],
      hours: 10,
    },
    {
      title: 'Phần 1. Chuẩn bị ao nuôi',
      video: 'Cải tạo ao trước vụ nuôi',
      reading: 'Chỉ tiêu nước ao cần theo dõi',
      body: '<h2>Theo dõi nước ao</h2><table><thead><tr><th>Chỉ tiêu</th><th>Mức phù hợp</th></tr></thead><tbody><tr><td>pH</td><td>7,5 – 8,5</td></tr><tr><td>Độ mặn (tôm thẻ)</td><td>10 – 25‰</td></tr></tbody></table>',
    },
    {
      title: 'Phần 2. Phòng bệnh và môi trường',
      television: 'Bạn nhà nông: Nuôi tôm dưới tán rừng ngập mặn',
      quiz: [
        single('pH phù hợp cho ao nuôi tôm là khoảng?', '7,5 – 8,5', '3 – 4', '11 – 12'),
        several(
          'Biện pháp an toàn sinh học gồm?',
          ['Chọn giống sạch bệnh', 'Xử lý nước trước khi thả'],
          ['Xả nước thải thẳng ra sông'],
        ),
      ],
    },
  ),
  course(
    {
      facilityCode: 'HTCD-BAVI',
      code: 'NN-RAU-01',
      title: 'Trồng rau an toàn theo VietGAP',
      summary: 'Chọn đất, dùng phân bón và thuốc bảo vệ thực vật đúng cách để rau sạch đến bữa ăn.',
      description:
        'Hướng dẫn thực hành cho nông hộ xã Ba Vì theo tiêu chuẩn VietGAP, ghi chép nhật ký sản xuất.',
      tags: ['nông nghiệp', 'VietGAP'],
      hours: 6,
    },
    {
      title: 'Phần 1. Đất, nước và giống',
      video: 'Chuẩn bị luống rau',
      reading: 'Nhật ký sản xuất là gì',
      body: '<h2>Nhật ký sản xuất</h2><p>Ghi lại <strong>ngày gieo, loại phân, ngày phun thuốc và ngày thu hoạch</strong>. Nhật ký giúp truy xuất nguồn gốc khi cần.</p>',
    },
    {
      title: 'Phần 2. Chăm sóc và thu hoạch',
      television: 'Nông thôn ngày nay: Rau sạch từ ruộng đến chợ',
      quiz: [
        single(
          'Sau khi phun thuốc, cần làm gì trước khi thu hoạch?',
          'Chờ đủ thời gian cách ly',
          'Thu hoạch ngay',
          'Rửa bằng nước xà phòng',
        ),
        single(
          'Nhật ký sản xuất giúp gì?',
          'Truy xuất nguồn gốc',
          'Tăng giá bán ngay',
          'Không cần tưới nước',
        ),
      ],
    },
  ),
  course(
    {
      facilityCode: 'KNS-CAUGIAY',
      code: 'SCC-01',
      title: 'Sơ cứu ban đầu tại cộng đồng',
      summary: 'Xử lý vết thương, bỏng, đuối nước và gọi cấp cứu 115 đúng cách.',
      description: 'Kỹ năng sơ cứu cơ bản cho mọi gia đình và tình nguyện viên ở khu dân cư.',
      tags: ['sức khỏe', 'kỹ năng sống'],
      hours: 5,
      capacity: 60,
    },
    {
      title: 'Phần 1. Nguyên tắc sơ cứu',
      video: 'Ba bước: an toàn, đánh giá, gọi trợ giúp',
      reading: 'Xử lý bỏng nhẹ',
      body: '<h2>Bỏng nhẹ</h2><p>Làm mát vùng bỏng dưới <strong>vòi nước sạch mát trong 15–20 phút</strong>. Không bôi kem đánh răng, nước mắm hay đá lạnh.</p>',
    },
    {
      title: 'Phần 2. Tình huống khẩn cấp',
      television: 'Sống khỏe mỗi ngày: Cứu người đuối nước',
      quiz: [
        single('Số điện thoại cấp cứu y tế là?', '115', '113', '114'),
        single(
          'Khi bị bỏng nhẹ, nên làm gì trước tiên?',
          'Làm mát bằng nước sạch',
          'Bôi kem đánh răng',
          'Chườm đá trực tiếp',
        ),
      ],
    },
  ),
  course(
    {
      facilityCode: 'GDTX-TN',
      code: 'THVP-01',
      title: 'Tin học văn phòng cơ bản',
      summary: 'Soạn văn bản, lập bảng tính đơn giản và trình chiếu cho công việc hằng ngày.',
      description:
        'Khóa học thực hành cho người lao động và học viên giáo dục thường xuyên tỉnh Thái Nguyên.',
      tags: ['tin học', 'kỹ năng số'],
      hours: 20,
      capacity: 35,
    },
    {
      title: 'Phần 1. Soạn thảo văn bản',
      video: 'Định dạng một văn bản hành chính',
      reading: 'Phím tắt hay dùng',
      body: '<h2>Phím tắt</h2><ul><li><code>Ctrl + S</code>: lưu</li><li><code>Ctrl + Z</code>: hoàn tác</li><li><code>Ctrl + C</code> / <code>Ctrl + V</code>: sao chép / dán</li></ul>',
    },
    {
      title: 'Phần 2. Bảng tính',
      television: 'Học trên truyền hình: Hàm SUM và AVERAGE',
      quiz: [
        single('Phím tắt để lưu tài liệu là?', 'Ctrl + S', 'Ctrl + P', 'Ctrl + X'),
        single('Hàm nào tính tổng một cột số?', 'SUM', 'COUNT', 'LEFT'),
      ],
    },
  ),
  course(
    {
      facilityCode: 'HTCD-BATXAT',
      code: 'DLCD-01',
      title: 'Du lịch cộng đồng ở vùng cao',
      summary: 'Đón khách tại nhà, giữ gìn bản sắc và chia sẻ lợi ích du lịch trong bản.',
      description:
        'Dành cho hộ gia đình và thanh niên ở Bát Xát muốn làm homestay, hướng dẫn viên địa phương.',
      tags: ['du lịch', 'sinh kế'],
      hours: 8,
    },
    {
      title: 'Phần 1. Đón khách tại nhà',
      video: 'Một ngày ở homestay',
      reading: 'Giữ vệ sinh và an toàn cho khách',
      body: '<h2>Vệ sinh và an toàn</h2><p>Chăn màn sạch, nước uống đun sôi, lối đi có đèn. Ghi <strong>số điện thoại trạm y tế xã</strong> ở nơi dễ thấy.</p>',
    },
    {
      title: 'Phần 2. Bản sắc và lợi ích chung',
      television: 'Vùng cao hôm nay: Chợ phiên và du lịch',
      quiz: [
        single(
          'Điều gì giúp du lịch cộng đồng bền vững?',
          'Giữ gìn bản sắc văn hóa',
          'Bỏ nghề truyền thống',
          'Xây nhà cao tầng',
        ),
        several(
          'Homestay cần chuẩn bị gì cho khách?',
          ['Chăn màn sạch', 'Nước uống đun sôi'],
          ['Để rác quanh nhà'],
        ),
      ],
    },
  ),
  course(
    {
      facilityCode: 'GDNN-GDTX-SOCSON',
      code: 'DDD-01',
      title: 'Điện dân dụng cơ bản',
      summary: 'Lắp đặt, sửa chữa điện trong gia đình đúng kỹ thuật và an toàn.',
      description: 'Khóa nghề ngắn hạn: dụng cụ, đấu nối ổ cắm, công tắc, aptomat và an toàn điện.',
      tags: ['nghề', 'an toàn điện'],
      hours: 30,
      capacity: 25,
    },
    {
      title: 'Phần 1. An toàn điện',
      video: 'Dụng cụ và trang bị bảo hộ',
      reading: 'Năm nguyên tắc an toàn khi làm điện',
      body: '<h2>Nguyên tắc an toàn</h2><ol><li>Ngắt nguồn trước khi làm.</li><li>Dùng bút thử điện.</li><li>Đứng trên vật cách điện.</li><li>Không làm khi tay ướt.</li><li>Treo biển báo đang sửa chữa.</li></ol>',
    },
    {
      title: 'Phần 2. Đấu nối thiết bị',
      television: 'Học nghề qua màn ảnh nhỏ: Lắp aptomat',
      quiz: [
        single(
          'Việc đầu tiên trước khi sửa điện là?',
          'Ngắt nguồn điện',
          'Tháo ổ cắm',
          'Gọi hàng xóm',
        ),
        single('Dụng cụ kiểm tra có điện là?', 'Bút thử điện', 'Tua vít dẹt', 'Kìm cắt'),
      ],
    },
  ),
  course(
    {
      facilityCode: 'TV-LAOCAI',
      code: 'VHD-01',
      title: 'Văn hóa đọc trong gia đình',
      summary:
        'Xây dựng thói quen đọc sách cùng con, góc đọc tại nhà và câu lạc bộ đọc ở thôn bản.',
      description:
        'Thư viện tỉnh Lào Cai giới thiệu cách chọn sách, kể chuyện cho trẻ và mượn sách lưu động.',
      tags: ['văn hóa đọc', 'gia đình'],
      hours: 3,
    },
    {
      title: 'Phần 1. Góc đọc tại nhà',
      video: 'Mỗi ngày 15 phút đọc cùng con',
      reading: 'Chọn sách theo lứa tuổi',
      body: '<h2>Chọn sách theo lứa tuổi</h2><p>Trẻ dưới 6 tuổi: sách tranh, chữ to. Trẻ tiểu học: truyện ngắn, sách khoa học thường thức. <a href="https://thuvien.laocai.gov.vn">Thư viện tỉnh</a> có xe sách lưu động về xã.</p>',
    },
    {
      title: 'Phần 2. Câu lạc bộ đọc',
      television: 'Sách và cuộc sống: Câu lạc bộ đọc ở bản',
      quiz: [
        single(
          'Sách phù hợp với trẻ dưới 6 tuổi là?',
          'Sách tranh, chữ to',
          'Tiểu thuyết dài',
          'Sách chuyên ngành',
        ),
        single(
          'Thói quen đọc nên bắt đầu bằng?',
          '15 phút mỗi ngày',
          'Một lần mỗi năm',
          'Chỉ khi đi thi',
        ),
      ],
    },
  ),
  course(
    {
      facilityCode: 'HTCD-CANGIO',
      code: 'PCTT-01',
      title: 'Phòng chống thiên tai và ứng phó biến đổi khí hậu',
      summary: 'Chuẩn bị trước mùa bão, sơ tán an toàn và giảm thiệt hại cho hộ gia đình ven biển.',
      description:
        'Kiến thức cộng đồng về bão, triều cường, xâm nhập mặn và kế hoạch phòng tránh của xã.',
      tags: ['thiên tai', 'biến đổi khí hậu'],
      hours: 4,
    },
    {
      title: 'Phần 1. Trước mùa bão',
      video: 'Chằng chống nhà cửa',
      reading: 'Túi đồ khẩn cấp của gia đình',
      body: '<h2>Túi đồ khẩn cấp</h2><ul><li>Nước uống, lương khô cho 3 ngày.</li><li>Đèn pin, pin dự phòng.</li><li>Thuốc men, giấy tờ bọc túi ni lông.</li></ul>',
    },
    {
      title: 'Phần 2. Khi có cảnh báo',
      television: 'Bản tin thời tiết đặc biệt: Kỹ năng sơ tán',
      quiz: [
        single(
          'Túi đồ khẩn cấp nên có nước uống cho bao lâu?',
          'Ít nhất 3 ngày',
          '1 giờ',
          'Không cần',
        ),
        several(
          'Khi có lệnh sơ tán, cần?',
          ['Mang giấy tờ quan trọng', 'Đi theo hướng dẫn của chính quyền'],
          ['Ở lại canh nhà'],
        ),
      ],
    },
  ),
];
