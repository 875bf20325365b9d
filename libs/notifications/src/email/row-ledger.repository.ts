import { Clock } from '@lifelong/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SendLedger } from './send-once';

/** Recorded on a message whose sender died mid-send (see `sendOnce`). */
export const UNCONFIRMED_REASON =
  'The sender stopped during the SMTP exchange; not sent again, so nobody gets it twice';

/** One row holding a message's send state: its table and the `WHERE` that picks it. */
export interface LedgerRow {
  table: 'notification_deliveries' | 'notification_digests';
  key: string;
  keyParams: readonly unknown[];
}

interface Changed {
  affectedRows: number;
}

/**
 * The send state kept in one row with `status`, `attempts`, `reason` and `updated_at` columns,
 * moved only by conditional updates (the `attempts` value identifies the run holding it).
 */
@Injectable()
export class RowLedgerRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The ledger of the message whose state `row` picks. */
  ledger(row: LedgerRow): SendLedger {
    const { dataSource, clock } = this;
    const move = async (
      set: string,
      setParams: unknown[],
      where: string,
      whereParams: unknown[],
    ): Promise<boolean> => {
      const result = await dataSource.query<Changed>(
        `UPDATE \`${row.table}\` SET ${set}, \`updated_at\` = ? WHERE ${row.key} AND ${where}`,
        [...setParams, clock.now(), ...row.keyParams, ...whereParams],
      );
      return result.affectedRows === 1;
    };
    const read = async (): Promise<{ status: string; attempts: number } | null> => {
      const rows = await dataSource.query<{ status: string; attempts: number }[]>(
        `SELECT \`status\`, \`attempts\` FROM \`${row.table}\` WHERE ${row.key}`,
        [...row.keyParams],
      );
      return rows[0] ?? null;
    };
    const held = "`attempts` = ? AND `status` = 'sending'";
    return {
      claim: async () => {
        const claimed = await move(
          "`status` = 'sending', `attempts` = `attempts` + 1",
          [],
          "`status` = 'pending'",
          [],
        );
        return claimed ? Number((await read())?.attempts) : null;
      },
      status: async () => (await read())?.status ?? null,
      markSent: async (attempt) => {
        const sentBy = "`attempts` = ? AND `status` IN ('sending', 'unconfirmed')";
        await move("`status` = 'sent', `reason` = NULL", [], sentBy, [attempt]);
      },
      release: async (attempt, reason) => {
        await move("`status` = 'pending', `reason` = ?", [reason], held, [attempt]);
      },
      markFailed: async (attempt, reason) => {
        await move("`status` = 'failed', `reason` = ?", [reason], held, [attempt]);
      },
      markUnconfirmed: async () => {
        const reason = [UNCONFIRMED_REASON];
        await move("`status` = 'unconfirmed', `reason` = ?", reason, "`status` = 'sending'", []);
      },
    };
  }
}
