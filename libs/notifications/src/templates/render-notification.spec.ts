import { NOTIFICATION_KINDS, type NotificationData } from '../kinds/notification-kind';
import { pickTemplate } from './notification-templates';
import { renderNotification } from './render-notification';

const links = { publicUrl: 'https://lifelong.example.vn' };
const vi = { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh' };
const en = { locale: 'en', timeZone: 'Asia/Ho_Chi_Minh' };

const FULL: Record<string, NotificationData> = {
  'enrollment.confirmed': { enrollmentId: 'e', courseId: 'c', courseTitle: 'Kỹ năng số' },
  'enrollment.promoted': { enrollmentId: 'e', courseId: 'c', courseTitle: 'Kỹ năng số' },
  'video.ready': { videoId: 'v', lessonTitle: 'Bài 1', courseTitle: 'Kỹ năng số' },
  'video.failed': {
    videoId: 'v',
    lessonTitle: 'Bài 1',
    courseTitle: 'Kỹ năng số',
    reason: 'no video stream',
  },
  'broadcast.reminder': {
    broadcastId: 'b',
    lessonTitle: 'Bài 1',
    courseTitle: 'Kỹ năng số',
    channelName: 'VTV7',
    startsAt: '2026-11-30T12:30:00.000Z',
  },
  'certificate.issued': { serial: 'LL-7K3M-9QX2', courseTitle: 'Kỹ năng số' },
  'training.assigned': {
    requirementId: 'r',
    title: 'An toàn thông tin',
    dueAt: '2026-12-31T10:00:00.000Z',
  },
  'training.due-soon': { requirementId: 'r', title: 'An toàn thông tin', daysLeft: '3' },
  'training.overdue': {
    requirementId: 'r',
    title: 'An toàn thông tin',
    audience: 'manager',
    orgUnitName: 'Vụ Tổ chức',
    staffCount: '4',
  },
  'training.escalated': {
    requirementId: 'r',
    title: 'An toàn thông tin',
    audience: 'manager',
    orgUnitName: 'Vụ Tổ chức',
    staffCount: '4',
  },
  'monitoring.report-due-soon': {
    facilityId: 'f',
    year: '2026',
    facilityName: 'Trung tâm học tập cộng đồng Yên Sơn',
    daysLeft: '3',
    deadline: '2027-01-31T10:00:00.000Z',
  },
  'monitoring.action-due': {
    actionId: 'a',
    inspectionId: 'i',
    title: 'Bổ sung sổ theo dõi lớp học',
    targetName: 'Trung tâm học tập cộng đồng Yên Sơn',
    dueOn: '2027-01-15',
    daysLeft: '7',
  },
};

const words = (text: { title: string; body: string }): string => `${text.title}\n${text.body}`;

describe('renderNotification', () => {
  it('writes Vietnamese for a vi reader and English for an en reader', () => {
    const data = FULL['enrollment.confirmed']!;
    expect(renderNotification('enrollment.confirmed', data, vi, links).text).toEqual({
      title: 'Ghi danh thành công: “Kỹ năng số”',
      body: 'Bạn đã có chỗ trong khoá học “Kỹ năng số”. Chúc bạn học tốt!',
    });
    const english = renderNotification('enrollment.confirmed', data, en, links);
    expect(english.language).toBe('en');
    expect(english.text.title).toBe('Enrolled: “Kỹ năng số”');
  });

  it.each([null, 'fr', 'zh-CN', ''])('falls back to Vietnamese for locale %p', (locale) => {
    const rendered = renderNotification(
      'enrollment.confirmed',
      FULL['enrollment.confirmed']!,
      { ...vi, locale },
      links,
    );
    expect(rendered.language).toBe('vi');
    expect(rendered.text.title).toMatch(/^Ghi danh thành công/);
  });

  it('tells an action due soon from an overdue one, with the day as people write it', () => {
    const soon = renderNotification(
      'monitoring.action-due',
      FULL['monitoring.action-due']!,
      vi,
      links,
    );
    expect(soon.text.title).toBe('Việc khắc phục sau kiểm tra sắp đến hạn');
    expect(soon.text.body).toContain('trong 7 ngày nữa (hạn 15/01/2027)');
    const late = renderNotification(
      'monitoring.action-due',
      { ...FULL['monitoring.action-due']!, daysLeft: 'overdue' },
      en,
      links,
    );
    expect(late.text.title).toBe('Inspection follow-up action overdue');
    expect(late.text.body).toContain('is overdue (due 15/01/2027)');
  });

  it('reads regional English locales as English', () => {
    expect(
      renderNotification('video.ready', FULL['video.ready']!, { ...en, locale: 'en-US' }, links)
        .language,
    ).toBe('en');
  });

  it.each(NOTIFICATION_KINDS)(
    'renders %s in both languages with every variable present',
    (kind) => {
      for (const reader of [vi, en]) {
        const rendered = renderNotification(kind, FULL[kind]!, reader, links);
        expect(rendered.missing).toEqual([]);
        expect(words(rendered.text)).not.toMatch(/undefined|null|NaN|\$\{/);
      }
    },
  );

  it.each(NOTIFICATION_KINDS)('renders %s with no data at all, naming what is missing', (kind) => {
    for (const reader of [vi, en]) {
      const rendered = renderNotification(kind, {}, reader, links);
      expect(rendered.missing.length).toBeGreaterThan(0);
      expect(rendered.text.title.length).toBeGreaterThan(0);
      expect(words(rendered.text)).not.toMatch(/undefined|null|NaN|“”|\$\{/);
    }
  });

  it('says "the course" when the event carries no course title', () => {
    const data = { enrollmentId: 'e', courseId: 'c' };
    const rendered = renderNotification('enrollment.promoted', data, en, links);
    expect(rendered.missing).toEqual(['courseTitle']);
    expect(rendered.text.body).toContain('the course you were waiting for');
  });

  it("shows an air time in the reader's time zone and language", () => {
    const data = FULL['broadcast.reminder']!;
    expect(renderNotification('broadcast.reminder', data, vi, links).text.body).toContain('19:30');
    const paris = renderNotification(
      'broadcast.reminder',
      data,
      { locale: 'en', timeZone: 'Europe/Paris' },
      links,
    );
    expect(paris.text.body).toContain('13:30');
    expect(paris.text.body).toContain('on VTV7');
  });

  it('treats an unreadable time as missing rather than printing Invalid Date', () => {
    const data = { ...FULL['broadcast.reminder']!, startsAt: 'soon' };
    const rendered = renderNotification('broadcast.reminder', data, vi, links);
    expect(rendered.missing).toEqual(['startsAt']);
    expect(rendered.text.body).not.toMatch(/Invalid/);
  });

  it('links a certificate to its public verification page under PUBLIC_URL', () => {
    const rendered = renderNotification(
      'certificate.issued',
      FULL['certificate.issued']!,
      vi,
      links,
    );
    expect(rendered.text.action).toEqual({
      label: 'Xem chứng chỉ',
      url: 'https://lifelong.example.vn/verify/LL-7K3M-9QX2',
    });
  });

  it('renders a kind it has no template for as a generic notice', () => {
    const rendered = renderNotification('reports.ready', {}, en, links);
    expect(rendered.text.title).toBe('You have a new notification');
    expect(rendered.missing).toEqual(['kind']);
  });
});

describe('training notices', () => {
  it('tells managers how many of which unit are late, and learners about their own duty', () => {
    const manager = renderNotification('training.overdue', FULL['training.overdue']!, vi, links);
    expect(manager.text.body).toBe(
      '4 cán bộ của Vụ Tổ chức đã quá hạn bồi dưỡng bắt buộc “An toàn thông tin”.',
    );
    const learner = { requirementId: 'r', title: 'An toàn thông tin' };
    expect(renderNotification('training.overdue', learner, en, links).text.title).toBe(
      'Your mandated training is overdue',
    );
  });

  it("shows the due date in the reader's time zone and the days left", () => {
    const assigned = renderNotification('training.assigned', FULL['training.assigned']!, vi, links);
    expect(assigned.text.body).toContain('17:00');
    const soon = renderNotification('training.due-soon', FULL['training.due-soon']!, en, links);
    expect(soon.text.body).toBe(
      'The mandated training “An toàn thông tin” is due in 3 days. Please complete its course before then.',
    );
  });
});

describe('pickTemplate', () => {
  it('uses Vietnamese when a translation is missing', () => {
    const viOnly = { vi: () => ({ title: 'Tiếng Việt', body: '' }) };
    expect(pickTemplate(viOnly, 'en')).toEqual({ template: viOnly.vi, language: 'vi' });
  });
});
