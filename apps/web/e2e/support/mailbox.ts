import { mailboxPort } from './platform-settings';

/** A message the platform sent, as the test SMTP server received it. */
export interface SentMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Messages sent to `address` so far. */
export async function mailTo(address: string): Promise<SentMail[]> {
  const response = await fetch(
    `http://127.0.0.1:${mailboxPort()}/messages?to=${encodeURIComponent(address)}`,
  );
  return (await response.json()) as SentMail[];
}

/** Waits until `count` messages reached `address`; fails after `timeoutMs`. */
export async function waitForMail(
  address: string,
  count = 1,
  timeoutMs = 15_000,
): Promise<SentMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await mailTo(address);
    if (messages.length >= count) return messages;
    if (Date.now() > deadline)
      throw new Error(`expected ${count} message(s) to ${address}, got ${messages.length}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
