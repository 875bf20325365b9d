/** The video lesson's texts in Vietnamese (the studio namespace's `video` part). */
export const studioVideoVi = {
  heading: 'Video của bài',
  none: 'Bài này chưa có video. Hãy tải lên một video.',
  file: 'Tệp video',
  fileHint:
    'MP4, MOV, MKV hoặc WebM. Nếu mất mạng hay tải lại trang, việc tải lên sẽ tiếp tục từ chỗ đã dừng.',
  replaceHint: 'Tải lên một video khác sẽ thay cho video hiện tại.',
  upload: 'Tải lên',
  pause: 'Tạm dừng',
  resume: 'Tiếp tục',
  progressLabel: 'Tiến độ tải lên',
  progress: 'Đã tải {{done}} / {{total}} ({{percent}})',
  speed: 'Tốc độ {{speed}}/giây',
  uploading: 'Đang tải lên “{{name}}”.',
  paused: 'Đã tạm dừng. Chọn “Tiếp tục” để tải tiếp từ chỗ đã dừng.',
  retrying: 'Mất kết nối. Việc tải lên sẽ tự tiếp tục khi có mạng trở lại.',
  offline: 'Không có kết nối mạng. Chọn “Tiếp tục” khi có mạng trở lại.',
  interrupted:
    'Việc tải lên “{{name}}” ({{size}}) đã bị gián đoạn. Hãy chọn lại đúng tệp đó: việc tải lên sẽ tiếp tục từ chỗ đã dừng.',
  resumedFrom: 'Tiếp tục từ {{percent}} đã tải trước đó.',
  uploaded: 'Đã tải lên xong.',
  refused: 'Không tải lên được: {{reason}}',
  statusHeading: 'Xử lý video',
  processing: 'Đang xử lý: {{percent}}',
  processingLabel: 'Tiến độ xử lý video',
  ready: 'Video đã sẵn sàng để học viên xem.',
  duration: 'Thời lượng: {{minutes}} phút {{seconds}} giây',
  failed: 'Không xử lý được video này.',
  renditions: 'Các cỡ hình đã tạo',
  rendition: '{{height}}p · {{rate}}',
  failure: {
    cutShort: 'Tệp bị cắt ngang (việc ghi hình hoặc tải lên đã bị gián đoạn). Hãy tải lên lại.',
    notContainer:
      'Tệp này không phải là video: nó chỉ trỏ tới các tệp hoặc địa chỉ khác (một danh sách phát). Hãy tải lên chính tệp video (MP4, MOV, MKV, WebM…).',
    unreadable:
      'Tệp bị hỏng hoặc không phải là video đọc được. Hãy xuất lại thành MP4 (H.264) rồi tải lên.',
    noDecoder:
      'Video dùng một định dạng không giải mã được. Hãy xuất lại thành MP4 (H.264) rồi tải lên.',
    timeout:
      'Xử lý quá lâu nên đã bị dừng. Hãy tải lên video ngắn hơn hoặc nhỏ hơn, hoặc nhờ quản trị viên nâng giới hạn.',
    gaveUp:
      'Việc xử lý bị lỗi nhiều lần ở phía hệ thống. Hãy tải video lên lại; nếu vẫn lỗi, hãy liên hệ bộ phận hỗ trợ.',
    other: 'Đã có lỗi khi xử lý video. Hãy tải lên lại; nếu vẫn lỗi, hãy liên hệ bộ phận hỗ trợ.',
  },
  errors: {
    NOT_A_VIDEO:
      'Tệp này không phải là video (có thể chỉ là tệp văn bản hay hình ảnh bị đổi đuôi). Hãy chọn tệp video MP4, MOV, MKV hoặc WebM.',
    VIDEO_TOO_LARGE: 'Video lớn hơn mức cho phép. Hãy cắt ngắn hoặc nén lại rồi tải lên.',
    NOT_WEBVTT: 'Tệp này không phải là phụ đề WebVTT (.vtt). Hãy xuất phụ đề ở định dạng WebVTT.',
    UPLOAD_NOT_FOUND: 'Việc tải lên trước đó không còn nữa. Hãy tải lên lại từ đầu.',
    LESSON_NOT_VIDEO: 'Bài này không nhận video.',
  },
  subtitles: {
    heading: 'Phụ đề',
    hint: 'Tệp WebVTT (.vtt) cho mỗi ngôn ngữ; tải lên lại sẽ thay phụ đề cũ của ngôn ngữ đó.',
    language: 'Ngôn ngữ phụ đề',
    file: 'Tệp phụ đề (.vtt)',
    upload: 'Tải phụ đề lên',
    uploaded: 'Đã tải lên phụ đề {{language}}.',
    languages: { vi: 'tiếng Việt', en: 'tiếng Anh' },
  },
  preview: {
    heading: 'Xem trước',
    hint: 'Video như học viên sẽ xem.',
    play: 'Phát video xem trước',
    label: 'Video xem trước: {{title}}',
  },
};
