import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppConfig } from '@lifelong/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { Mailer, type OutgoingEmail } from './mailer';

/** nodemailer's message for one outgoing email: both parts, one-click unsubscribe headers. */
export function mailOptions(from: string, email: OutgoingEmail): SendMailOptions {
  return {
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: email.messageId,
    headers: {
      ...(email.unsubscribeUrl !== undefined && {
        'List-Unsubscribe': `<${email.unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      }),
      'Content-Language': email.language,
      // Tells auto-responders (holiday replies) not to answer.
      'Auto-Submitted': 'auto-generated',
    },
  };
}

/** Sends through the SMTP relay at SMTP_URL, over a small pool of reused connections. */
export class SmtpMailer extends Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(
    private readonly config: AppConfig,
    smtpUrl: string,
  ) {
    super();
    this.transport = createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: Math.min(config.queues.concurrency.notifications, 10),
      // Bounded waits: a relay that hangs fails the attempt, which is retried with backoff.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail(mailOptions(this.config.mail.from, email));
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/**
 * Development without SMTP_URL: each message is written whole (headers, both parts) as an .eml
 * file under MAIL_DIR, which any mail program opens. Nothing is dropped.
 */
export class EmlFileMailer extends Mailer {
  private readonly transport = createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  private readonly dir: string;

  constructor(private readonly config: AppConfig) {
    super();
    this.dir = resolve(config.mail.dir);
  }

  async send(email: OutgoingEmail): Promise<void> {
    const info = await this.transport.sendMail(mailOptions(this.config.mail.from, email));
    await mkdir(this.dir, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${email.messageId.replace(/[^A-Za-z0-9.-]/g, '_')}.eml`;
    // Written aside and renamed, so a reader never sees half a message.
    const partial = join(this.dir, `.${randomUUID()}.partial`);
    await writeFile(partial, info.message as Buffer);
    await rename(partial, join(this.dir, name));
  }
}

/** The mailer SMTP_URL asks for: the relay, or .eml files when it is empty. */
export function createMailer(config: AppConfig): Mailer {
  return config.mail.smtpUrl
    ? new SmtpMailer(config, config.mail.smtpUrl)
    : new EmlFileMailer(config);
}
