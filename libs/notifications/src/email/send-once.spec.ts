import { UnrecoverableError } from 'bullmq';
import { type SendLedger, sendOnce } from './send-once';

/** A ledger in memory, with the same conditional moves as the row ledger. */
class MemoryLedger implements SendLedger {
  constructor(
    public state = 'pending',
    public attempts = 0,
    public reason: string | null = null,
  ) {}

  claim(): Promise<number | null> {
    if (this.state !== 'pending') return Promise.resolve(null);
    this.state = 'sending';
    this.attempts += 1;
    return Promise.resolve(this.attempts);
  }

  status(): Promise<string | null> {
    return Promise.resolve(this.state);
  }

  markSent(attempt: number): Promise<void> {
    if (attempt === this.attempts && ['sending', 'unconfirmed'].includes(this.state))
      this.state = 'sent';
    return Promise.resolve();
  }

  release(attempt: number, reason: string): Promise<void> {
    return this.move(attempt, 'pending', reason);
  }

  markFailed(attempt: number, reason: string): Promise<void> {
    return this.move(attempt, 'failed', reason);
  }

  markUnconfirmed(): Promise<void> {
    if (this.state === 'sending') this.state = 'unconfirmed';
    return Promise.resolve();
  }

  private move(attempt: number, state: string, reason: string): Promise<void> {
    if (attempt === this.attempts && this.state === 'sending')
      [this.state, this.reason] = [state, reason];
    return Promise.resolve();
  }
}

const refused = Object.assign(new Error('Mailbox unavailable <hoa@example.vn>'), {
  code: 'EENVELOPE',
  responseCode: 550,
  permanent: true,
});
const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' });

describe('sendOnce', () => {
  it('sends a pending message and records it sent', async () => {
    const ledger = new MemoryLedger();
    const send = jest.fn(() => Promise.resolve());
    await expect(sendOnce(ledger, send, { attempt: 1, maxAttempts: 3 })).resolves.toBe('sent');
    expect(send).toHaveBeenCalledTimes(1);
    expect(ledger.state).toBe('sent');
  });

  it('sends nothing for a message already settled', async () => {
    const send = jest.fn(() => Promise.resolve());
    for (const state of ['sent', 'failed', 'skipped', 'unconfirmed'])
      await expect(
        sendOnce(new MemoryLedger(state), send, { attempt: 2, maxAttempts: 3 }),
      ).resolves.toBe('skipped');
    expect(send).not.toHaveBeenCalled();
  });

  it('does not send again after a run that died mid-send, and says so', async () => {
    const ledger = new MemoryLedger('sending', 1);
    const send = jest.fn(() => Promise.resolve());
    await expect(sendOnce(ledger, send, { attempt: 2, maxAttempts: 3 })).resolves.toBe(
      'unconfirmed',
    );
    expect(send).not.toHaveBeenCalled();
    expect(ledger.state).toBe('unconfirmed');
  });

  it('puts a transient failure back to pending with the reason, and fails the attempt', async () => {
    const ledger = new MemoryLedger();
    await expect(
      sendOnce(ledger, () => Promise.reject(down), { attempt: 1, maxAttempts: 3 }),
    ).rejects.toThrow('ESOCKET: connect ECONNREFUSED 127.0.0.1:2525');
    expect([ledger.state, ledger.reason]).toEqual([
      'pending',
      'ESOCKET: connect ECONNREFUSED 127.0.0.1:2525',
    ]);
  });

  it('records the failure after the last attempt', async () => {
    const ledger = new MemoryLedger('pending', 2);
    await expect(
      sendOnce(ledger, () => Promise.reject(down), { attempt: 3, maxAttempts: 3 }),
    ).rejects.toThrow();
    expect(ledger.state).toBe('failed');
  });

  it('fails at once, without retrying, when the relay refuses for good — address masked', async () => {
    const ledger = new MemoryLedger();
    const result = sendOnce(ledger, () => Promise.reject(refused), { attempt: 1, maxAttempts: 3 });
    await expect(result).rejects.toBeInstanceOf(UnrecoverableError);
    expect(ledger.state).toBe('failed');
    expect(ledger.reason).toBe('EENVELOPE 550: Mailbox unavailable <<address>>');
  });
});
