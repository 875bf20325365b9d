import type { OutboxEvents } from '@lifelong/common';
import { EventPayload, UndeliverableEventError } from './event-payload';

const A = '01938f2e-7c4a-7b1e-9d3f-5a6b7c8d9e01';

type Issued = OutboxEvents['certificate.issued'];
type Reminder = OutboxEvents['broadcast.reminder'];

// The type checker (tsc -p tsconfig.json, part of the test command) reads this file too: each
// `@ts-expect-error` below fails the check the day a recipe could read a field its event does
// not carry, so renaming an event's field breaks the recipes that read it.
export function misreadings(issued: EventPayload<Issued>, reminder: EventPayload<Reminder>) {
  return [
    // @ts-expect-error `certificate.issued` names its holder `userId`
    issued.id('holderId'),
    // @ts-expect-error `expiresAt` may be null: not a required id
    issued.id('expiresAt'),
    // @ts-expect-error `userId` is one id, not a list
    issued.ids('userId'),
    // @ts-expect-error `recipientIds` is a list, not a snapshot string
    reminder.text('recipientIds'),
  ];
}

describe('EventPayload', () => {
  it("reads the event's fields by their names", () => {
    const issued = new EventPayload<Issued>(
      JSON.stringify({ userId: A, serial: 'LL-1', expiresAt: null, courseTitle: ' Sơ cứu ' }),
    );
    expect([issued.id('userId'), issued.key('serial'), issued.text('courseTitle')]).toEqual([
      A,
      'LL-1',
      'Sơ cứu',
    ]);
    expect(issued.text('expiresAt')).toBeUndefined();
  });

  it('refuses a required field that is missing', () => {
    const reminder = new EventPayload<Reminder>({ broadcastId: A });
    expect(() => reminder.ids('recipientIds')).toThrow(UndeliverableEventError);
  });
});
