import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as the test SMTP server received it: the envelope and the parsed message. */
export interface ReceivedMail {
  /** RCPT TO addresses, as the sender gave them to the server. */
  recipients: string[];
  mail: ParsedMail;
  /** When the server accepted it (ms since epoch). */
  receivedAt: number;
}

/**
 * A real SMTP server inside the test process (npm smtp-server; messages parsed with
 * mailparser). Plain SMTP on loopback, no authentication. Addresses in `refused` get a
 * permanent 550 at RCPT TO.
 */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  readonly refused = new Set<string>();
  private server?: SMTPServer;
  private listeningPort = 0;

  /** Listens on `port` (0: any free one); returns the port. */
  async start(port = this.listeningPort): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // stop() drops open (pooled) connections at once, with a 421, as a relay going away would.
      closeTimeout: 50,
      onRcptTo: (address, _session, callback) => {
        if (!this.refused.has(address.address)) return callback();
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            const recipients = session.envelope.rcptTo.map((to) => to.address);
            this.received.push({ recipients, mail, receivedAt: Date.now() });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.listeningPort = (server.server.address() as AddressInfo).port;
    return this.listeningPort;
  }

  /** Between start() and stop(). */
  get listening(): boolean {
    return this.server !== undefined;
  }

  get port(): number {
    return this.listeningPort;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.listeningPort}`;
  }

  /** Stops listening and drops open connections (the "SMTP is down" state). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Messages to `address`. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((message) => message.recipients.includes(address));
  }

  /** Waits until `count` messages reached `address` (or any address); fails after `timeoutMs`. */
  async waitFor(count: number, address?: string, timeoutMs = 10_000): Promise<ReceivedMail[]> {
    const found = (): ReceivedMail[] => (address ? this.to(address) : this.received);
    const deadline = Date.now() + timeoutMs;
    while (found().length < count) {
      if (Date.now() > deadline)
        throw new Error(
          `expected ${count} message(s)${address ? ` to ${address}` : ''}, got ${found().length}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return found();
  }
}

/** A header of a parsed message as sent (unfolded), e.g. `List-Unsubscribe`; '' when absent. */
export function headerOf(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line ?? '';
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}
