import { digestEmail, escapeHtml, formatDay, notificationEmail } from './email-layout';

const envelope = {
  language: 'vi' as const,
  recipientName: 'Trần <b>Bình</b>',
  unsubscribeUrl: 'https://lifelong.example.vn/api/v1/notifications/unsubscribe?token=a.b&x=1',
};

describe('notificationEmail', () => {
  const text = {
    title: 'Ghi danh thành công: “<script>alert(1)</script>”\r\nBcc: someone',
    body: 'Bạn đã có chỗ trong khoá học “<script>alert(1)</script>” & “A&B”.',
    action: { label: 'Xem chứng chỉ', url: 'https://lifelong.example.vn/verify/A"B' },
  };
  const email = notificationEmail(envelope, text);

  it('escapes every value in the HTML part', () => {
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>Bình</b>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('A&amp;B');
    expect(email.html).toContain('href="https://lifelong.example.vn/verify/A&quot;B"');
    expect(email.html).toContain(
      'href="https://lifelong.example.vn/api/v1/notifications/unsubscribe?token=a.b&amp;x=1"',
    );
    expect(email.html).toContain('<html lang="vi">');
  });

  it('keeps the plain text part readable, with the action and unsubscribe links', () => {
    expect(email.text).toContain('Xin chào Trần <b>Bình</b>,');
    expect(email.text).toContain('Xem chứng chỉ: https://lifelong.example.vn/verify/A"B');
    expect(email.text).toContain(`Huỷ nhận email: ${envelope.unsubscribeUrl}`);
  });

  it('puts the title on one subject line whatever it contains', () => {
    expect(email.subject).not.toMatch(/[\r\n]/);
  });
});

describe('digestEmail', () => {
  const items = [
    { title: 'Một', body: 'Nội dung một' },
    { title: 'Hai', body: 'Nội dung hai' },
  ];

  it('lists the items and counts the rest, in the reader’s number format', () => {
    const email = digestEmail(envelope, { date: '2026-11-30', items, total: 10_000 });
    expect(email.subject).toBe('Bản tin Lifelong ngày 30/11/2026: 10.000 thông báo mới');
    expect(email.text).toContain('- Một\n  Nội dung một');
    expect(email.text).toContain('… và 9.998 thông báo khác.');
    expect(email.html).toContain('<li><strong>Hai</strong><br>Nội dung hai</li>');
  });

  it('speaks English to an English reader, singular for one', () => {
    const email = digestEmail(
      { ...envelope, language: 'en' },
      { date: '2026-11-30', items: items.slice(0, 1), total: 1 },
    );
    expect(email.subject).toBe('Your Lifelong digest for 30 Nov 2026: 1 new notification');
    expect(email.text).not.toContain('more');
  });
});

describe('escapeHtml / formatDay', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('writes a day the way each language does', () => {
    expect(formatDay('2026-01-05', 'vi')).toBe('05/01/2026');
    expect(formatDay('2026-01-05', 'en')).toBe('5 Jan 2026');
  });
});
