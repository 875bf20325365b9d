import type { Language } from './language';
import type { NotificationText } from './notification-text';

/** The transactional account emails, by the outbox event that asks for them. */
export const ACCOUNT_EMAIL_EVENTS = [
  'identity.invitation-sent',
  'identity.password-reset-requested',
] as const;
export type AccountEmailEvent = (typeof ACCOUNT_EMAIL_EVENTS)[number];

export const isAccountEmailEvent = (type: string): type is AccountEmailEvent =>
  (ACCOUNT_EMAIL_EVENTS as readonly string[]).includes(type);

/** What an account email says: the link and until when it works (already formatted). */
export interface AccountEmailVars {
  url: string;
  expiresAt: string;
}

type AccountTemplate = (vars: AccountEmailVars) => NotificationText;

/** Both languages are required: these emails are how people get into their account at all. */
export const ACCOUNT_EMAIL_TEMPLATES: Record<
  AccountEmailEvent,
  Record<Language, AccountTemplate>
> = {
  'identity.invitation-sent': {
    vi: ({ url, expiresAt }) => ({
      title: 'Mời bạn kích hoạt tài khoản Lifelong',
      body: `Cơ quan của bạn đã tạo cho bạn một tài khoản trên Lifelong, nền tảng học tập suốt đời. Hãy mở liên kết dưới đây để đặt mật khẩu và đăng nhập. Liên kết chỉ dùng được một lần, đến ${expiresAt}.`,
      action: { label: 'Đặt mật khẩu', url },
    }),
    en: ({ url, expiresAt }) => ({
      title: 'You are invited to Lifelong',
      body: `Your organization has created an account for you on Lifelong, the lifelong-learning platform. Open the link below to set your password and sign in. The link works once, until ${expiresAt}.`,
      action: { label: 'Set your password', url },
    }),
  },
  'identity.password-reset-requested': {
    vi: ({ url, expiresAt }) => ({
      title: 'Đặt lại mật khẩu Lifelong',
      body: `Có người (có thể là bạn) đã yêu cầu đặt lại mật khẩu cho tài khoản này. Mở liên kết dưới đây để đặt mật khẩu mới; mọi phiên đăng nhập khác sẽ kết thúc. Liên kết chỉ dùng được một lần, đến ${expiresAt}. Nếu bạn không yêu cầu, mật khẩu của bạn vẫn giữ nguyên.`,
      action: { label: 'Đặt mật khẩu mới', url },
    }),
    en: ({ url, expiresAt }) => ({
      title: 'Reset your Lifelong password',
      body: `Someone (perhaps you) asked to reset the password of this account. Open the link below to choose a new one; every other sign-in will end. The link works once, until ${expiresAt}. If you did not ask, your password stays as it is.`,
      action: { label: 'Choose a new password', url },
    }),
  },
};
