import { accountEmail } from '../email/email-layout';
import {
  ACCOUNT_EMAIL_EVENTS,
  ACCOUNT_EMAIL_TEMPLATES,
  type AccountEmailEvent,
} from './account-email-templates';
import { type Language, LANGUAGES } from './language';

const vars = {
  url: 'https://lifelong.example.vn/invitation#token=a<b',
  expiresAt: '08:00 06/12/2026',
};

describe('account emails', () => {
  const cases = ACCOUNT_EMAIL_EVENTS.flatMap((event) =>
    LANGUAGES.map((language): [AccountEmailEvent, Language] => [event, language]),
  );

  it.each(cases)(
    '%s in %s carries the link and its expiry, escaped in HTML, without an unsubscribe link',
    (event, language) => {
      const text = ACCOUNT_EMAIL_TEMPLATES[event][language](vars);
      const email = accountEmail({ language, recipientName: 'Lê <Văn> Ba' }, text);
      expect(email.text).toContain(vars.url);
      expect(email.text).toContain(vars.expiresAt);
      expect(email.html).toContain('https://lifelong.example.vn/invitation#token=a&lt;b');
      expect(email.html).toContain('Lê &lt;Văn&gt; Ba');
      expect(email.html).not.toContain('<Văn>');
      expect(email.text).not.toMatch(/unsubscribe|Huỷ nhận/i);
    },
  );
});
