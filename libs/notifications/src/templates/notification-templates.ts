import type { NotificationKind } from '../kinds/notification-kind';
import type { Language } from './language';
import type { NotificationText } from './notification-text';
import type { TemplateVars } from './template-vars';

/** Builds absolute links from PUBLIC_URL (api.md: every link handed out starts with it). */
export interface TemplateLinks {
  publicUrl: string;
}

export type Template = (vars: TemplateVars, links: TemplateLinks) => NotificationText;

/** Vietnamese is required; another language may be missing and then falls back to it. */
export type Translations = { vi: Template } & Partial<Record<Exclude<Language, 'vi'>, Template>>;

const certificateUrl = (links: TemplateLinks, serial: string | undefined): string | undefined =>
  serial === undefined ? undefined : `${links.publicUrl}/verify/${encodeURIComponent(serial)}`;

const enrollmentConfirmed: Translations = {
  vi: (vars) => {
    const course = vars.quoted('courseTitle');
    return {
      title: course ? `Ghi danh thành công: ${course}` : 'Ghi danh thành công',
      body: `Bạn đã có chỗ trong ${course ? `khoá học ${course}` : 'khoá học bạn đăng ký'}. Chúc bạn học tốt!`,
    };
  },
  en: (vars) => {
    const course = vars.quoted('courseTitle');
    return {
      title: course ? `Enrolled: ${course}` : 'Enrollment confirmed',
      body: `You have a place in ${course ?? 'the course you signed up for'}. Enjoy learning!`,
    };
  },
};

const enrollmentPromoted: Translations = {
  vi: (vars) => {
    const course = vars.quoted('courseTitle');
    return {
      title: course ? `Bạn đã có chỗ trong khoá học ${course}` : 'Bạn đã có chỗ trong khoá học',
      body: `Một chỗ vừa trống và bạn đã được chuyển từ danh sách chờ vào ${course ? `khoá học ${course}` : 'khoá học bạn chờ'}. Bạn có thể bắt đầu học ngay.`,
    };
  },
  en: (vars) => {
    const course = vars.quoted('courseTitle');
    return {
      title: course ? `You have a place in ${course}` : 'You have a place in the course',
      body: `A place opened up and you moved from the waitlist into ${course ?? 'the course you were waiting for'}. You can start now.`,
    };
  },
};

const capitalize = (phrase: string): string => phrase.charAt(0).toUpperCase() + phrase.slice(1);

/** `bài “X” (khoá “Y”)` / `the lesson “X” in “Y”`, with generic words for what is absent. */
const lessonOf = (vars: TemplateVars, language: Language): string => {
  const lesson = vars.quoted('lessonTitle');
  const course = vars.quoted('courseTitle');
  if (language === 'vi')
    return `${lesson ? `bài ${lesson}` : 'bài học của bạn'}${course ? ` (khoá ${course})` : ''}`;
  return `${lesson ? `the lesson ${lesson}` : 'your lesson'}${course ? ` in ${course}` : ''}`;
};

const videoReady: Translations = {
  vi: (vars) => ({
    title: 'Video đã sẵn sàng',
    body: `Video của ${lessonOf(vars, 'vi')} đã xử lý xong; học viên đã có thể xem.`,
  }),
  en: (vars) => ({
    title: 'Your video is ready',
    body: `The video for ${lessonOf(vars, 'en')} is processed; learners can watch it now.`,
  }),
};

const videoFailed: Translations = {
  vi: (vars) => {
    const reason = vars.text('reason');
    return {
      title: 'Không xử lý được video',
      body: `Video của ${lessonOf(vars, 'vi')} không xử lý được${reason ? `: ${reason}` : '.'} Hãy tải lên lại một tệp video khác.`,
    };
  },
  en: (vars) => {
    const reason = vars.text('reason');
    return {
      title: 'Your video could not be processed',
      body: `The video for ${lessonOf(vars, 'en')} could not be processed${reason ? `: ${reason}` : '.'} Please upload another video file.`,
    };
  },
};

const broadcastReminder: Translations = {
  vi: (vars) => {
    const [lesson, channel, at] = [
      vars.quoted('lessonTitle'),
      vars.text('channelName'),
      vars.time('startsAt'),
    ];
    return {
      title: lesson ? `Sắp phát sóng: ${lesson}` : 'Sắp đến giờ phát sóng bài học',
      body: `${capitalize(lessonOf(vars, 'vi'))} sẽ phát sóng${channel ? ` trên kênh ${channel}` : ''}${at ? ` lúc ${at}` : ' sắp tới'}. Đừng quên nhập mã điểm danh hiện trên màn hình.`,
    };
  },
  en: (vars) => {
    const [lesson, channel, at] = [
      vars.quoted('lessonTitle'),
      vars.text('channelName'),
      vars.time('startsAt'),
    ];
    return {
      title: lesson ? `On air soon: ${lesson}` : 'Your lesson is on air soon',
      body: `${capitalize(lessonOf(vars, 'en'))} airs${channel ? ` on ${channel}` : ''}${at ? ` at ${at}` : ' soon'}. Remember to enter the attendance code shown on screen.`,
    };
  },
};

const certificateIssued: Translations = {
  vi: (vars, links) => {
    const [course, url] = [vars.quoted('courseTitle'), certificateUrl(links, vars.text('serial'))];
    return {
      title: course ? `Bạn đã nhận chứng chỉ khoá học ${course}` : 'Bạn đã nhận chứng chỉ',
      body: `Chúc mừng! Chứng chỉ ${course ? `khoá học ${course}` : 'khoá học của bạn'} đã được cấp. Ai cũng có thể kiểm tra chứng chỉ qua đường dẫn xác thực.`,
      ...(url && { action: { label: 'Xem chứng chỉ', url } }),
    };
  },
  en: (vars, links) => {
    const [course, url] = [vars.quoted('courseTitle'), certificateUrl(links, vars.text('serial'))];
    return {
      title: course ? `Your certificate for ${course}` : 'Your certificate is issued',
      body: `Congratulations! Your certificate${course ? ` for ${course}` : ''} has been issued. Anyone can check it at its verification link.`,
      ...(url && { action: { label: 'View certificate', url } }),
    };
  },
};

/** `“Title”` (or the course's title), with a generic phrase when neither is known. */
const trainingOf = (vars: TemplateVars, language: Language): string => {
  const name = vars.quoted('title') ?? vars.quoted('courseTitle');
  if (language === 'vi') return name ? `bồi dưỡng bắt buộc ${name}` : 'một khoá bồi dưỡng bắt buộc';
  return name ? `the mandated training ${name}` : 'a mandated training';
};

const trainingAssigned: Translations = {
  vi: (vars) => {
    const due = vars.time('dueAt');
    return {
      title: 'Bạn được giao bồi dưỡng bắt buộc',
      body: `Bạn được giao ${trainingOf(vars, 'vi')}${due ? `, hạn hoàn thành ${due}` : ''}. Khoá học đã được ghi danh sẵn cho bạn.`,
    };
  },
  en: (vars) => {
    const due = vars.time('dueAt');
    return {
      title: 'You have mandated training',
      body: `You are assigned ${trainingOf(vars, 'en')}${due ? `, due ${due}` : ''}. You are already enrolled in its course.`,
    };
  },
};

const trainingDueSoon: Translations = {
  vi: (vars) => {
    const days = vars.text('daysLeft');
    return {
      title: 'Sắp đến hạn bồi dưỡng bắt buộc',
      body: `${capitalize(trainingOf(vars, 'vi'))} ${days ? `đến hạn trong ${days} ngày nữa` : 'sắp đến hạn'}. Hãy hoàn thành khoá học trước hạn.`,
    };
  },
  en: (vars) => {
    const days = vars.text('daysLeft');
    return {
      title: 'Mandated training due soon',
      body: `${capitalize(trainingOf(vars, 'en'))} is due ${days ? `in ${days} days` : 'soon'}. Please complete its course before then.`,
    };
  },
};

/** Managers read how many of a unit's staff are late; learners read about their own duty. */
const staffOf = (vars: TemplateVars, language: Language): string => {
  const [count, unit] = [vars.text('staffCount'), vars.text('orgUnitName')];
  if (language === 'vi')
    return `${count ? `${count} cán bộ` : 'Cán bộ'}${unit ? ` của ${unit}` : ' trong đơn vị'}`;
  return `${count ? `${count} staff` : 'Staff'}${unit ? ` of ${unit}` : ' in your unit'}`;
};

const forManagers = (vars: TemplateVars): boolean => vars.text('audience') === 'manager';

const trainingOverdue: Translations = {
  vi: (vars) =>
    forManagers(vars)
      ? {
          title: 'Cán bộ quá hạn bồi dưỡng bắt buộc',
          body: `${staffOf(vars, 'vi')} đã quá hạn ${trainingOf(vars, 'vi')}.`,
        }
      : {
          title: 'Bạn đã quá hạn bồi dưỡng bắt buộc',
          body: `${capitalize(trainingOf(vars, 'vi'))} đã quá hạn. Hãy hoàn thành khoá học sớm nhất có thể; đơn vị của bạn đã được thông báo.`,
        },
  en: (vars) =>
    forManagers(vars)
      ? {
          title: 'Staff overdue on mandated training',
          body: `${staffOf(vars, 'en')} are overdue on ${trainingOf(vars, 'en')}.`,
        }
      : {
          title: 'Your mandated training is overdue',
          body: `${capitalize(trainingOf(vars, 'en'))} is overdue. Please complete its course as soon as you can; your unit has been told.`,
        },
};

const trainingEscalated: Translations = {
  vi: (vars) => ({
    title: 'Báo cáo vượt cấp: cán bộ quá hạn bồi dưỡng',
    body: `${staffOf(vars, 'vi')} vẫn quá hạn ${trainingOf(vars, 'vi')} sau thời gian nhắc nhở.`,
  }),
  en: (vars) => ({
    title: 'Escalation: staff still overdue',
    body: `${staffOf(vars, 'en')} are still overdue on ${trainingOf(vars, 'en')} after the reminder period.`,
  }),
};

const reportDueSoon: Translations = {
  vi: (vars) => {
    const [year, facility, days, deadline] = [
      vars.text('year'),
      vars.text('facilityName'),
      vars.text('daysLeft'),
      vars.time('deadline'),
    ];
    return {
      title: `Sắp đến hạn nộp báo cáo năm${year ? ` ${year}` : ''}`,
      body: `Báo cáo năm${year ? ` ${year}` : ''} của ${facility ?? 'cơ sở của bạn'} chưa được nộp${days ? ` và đến hạn trong ${days} ngày nữa` : ''}${deadline ? ` (hạn ${deadline})` : ''}. Hãy hoàn thành và nộp báo cáo trước hạn.`,
    };
  },
  en: (vars) => {
    const [year, facility, days, deadline] = [
      vars.text('year'),
      vars.text('facilityName'),
      vars.text('daysLeft'),
      vars.time('deadline'),
    ];
    return {
      title: `Yearly report${year ? ` ${year}` : ''} due soon`,
      body: `The${year ? ` ${year}` : ''} yearly report of ${facility ?? 'your facility'} is not submitted${days ? ` and is due in ${days} days` : ''}${deadline ? ` (deadline ${deadline})` : ''}. Please complete and submit it before then.`,
    };
  },
};

/** A `YYYY-MM-DD` day as people write it (`31/12/2026`); absent or malformed stays absent. */
const dayOf = (day: string | undefined): string | undefined => {
  const parts = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return parts ? `${parts[3]}/${parts[2]}/${parts[1]}` : undefined;
};

const actionDue: Translations = {
  vi: (vars) => {
    const [title, unit, days, due] = [
      vars.quoted('title'),
      vars.text('targetName'),
      vars.text('daysLeft'),
      dayOf(vars.text('dueOn')),
    ];
    const what = `Việc khắc phục ${title ?? 'sau kiểm tra'}${unit ? ` của ${unit}` : ''}`;
    if (days === 'overdue')
      return {
        title: 'Việc khắc phục sau kiểm tra đã quá hạn',
        body: `${what} đã quá hạn${due ? ` (hạn ${due})` : ''} mà chưa được đóng. Hãy hoàn thành và gửi minh chứng.`,
      };
    return {
      title: 'Việc khắc phục sau kiểm tra sắp đến hạn',
      body: `${what} đến hạn${days ? ` trong ${days} ngày nữa` : ' sắp tới'}${due ? ` (hạn ${due})` : ''}. Hãy hoàn thành và gửi minh chứng trước hạn.`,
    };
  },
  en: (vars) => {
    const [title, unit, days, due] = [
      vars.quoted('title'),
      vars.text('targetName'),
      vars.text('daysLeft'),
      dayOf(vars.text('dueOn')),
    ];
    const what = `The follow-up action ${title ?? 'of an inspection'}${unit ? ` for ${unit}` : ''}`;
    if (days === 'overdue')
      return {
        title: 'Inspection follow-up action overdue',
        body: `${what} is overdue${due ? ` (due ${due})` : ''} and not closed. Please complete it and attach evidence.`,
      };
    return {
      title: 'Inspection follow-up action due soon',
      body: `${what} is due${days ? ` in ${days} days` : ' soon'}${due ? ` (on ${due})` : ''}. Please complete it and attach evidence before then.`,
    };
  },
};

/** The reader's translation, or Vietnamese when there is none (and the language it is in). */
export function pickTemplate(
  translations: Translations,
  language: Language,
): { template: Template; language: Language } {
  const translated = translations[language as Exclude<Language, 'vi'>];
  return translated
    ? { template: translated, language }
    : { template: translations.vi, language: 'vi' };
}

/** Every kind's templates. */
export const NOTIFICATION_TEMPLATES: { readonly [K in NotificationKind]: Translations } = {
  'enrollment.confirmed': enrollmentConfirmed,
  'enrollment.promoted': enrollmentPromoted,
  'video.ready': videoReady,
  'video.failed': videoFailed,
  'broadcast.reminder': broadcastReminder,
  'certificate.issued': certificateIssued,
  'training.assigned': trainingAssigned,
  'training.due-soon': trainingDueSoon,
  'training.overdue': trainingOverdue,
  'training.escalated': trainingEscalated,
  'monitoring.report-due-soon': reportDueSoon,
  'monitoring.action-due': actionDue,
};
