import { createConnection } from 'mysql2/promise';
import { setTimeout as sleep } from 'node:timers/promises';
import { testPrefix } from './platform-settings';

/** The test platform's database (global-setup names it after TEST_DB_PREFIX). */
async function database() {
  const base = (process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306').replace(
    /\/[^/@]*$/,
    '',
  );
  return createConnection(`${base}/${testPrefix()}`);
}

/** The demo people other journeys sign in as: their certificates are left alone. */
const DEMO_HOLDERS = [
  'Nguyễn Thị Lan',
  'Vũ Thị Mai',
  'Phạm Quốc Huy',
  'Trần Văn Minh',
  'Lê Thị Hồng',
  'Hoàng Văn Nam',
  'Đỗ Minh Tuấn',
];

export interface DemoCertificate {
  serial: string;
  holderName: string;
  facilityName: string;
}

/**
 * `count` certificates the demo data had issued (the worker issues them after the seed; this
 * waits for them) at the demo university, whose facility admin may revoke them, held by imported
 * staff that no journey signs in as.
 */
export async function demoCertificates(count: number): Promise<DemoCertificate[]> {
  const connection = await database();
  try {
    for (let tries = 0; tries < 120; tries++) {
      const [rows] = await connection.query(
        'SELECT `serial`, `holder_name` AS holderName, `facility_name` AS facilityName ' +
          'FROM `certificates` WHERE `holder_name` NOT IN (?) AND `expires_at` IS NOT NULL ' +
          "AND `facility_name` = 'Trường Đại học Mở Hà Nội' " +
          'ORDER BY `serial` LIMIT ?',
        [DEMO_HOLDERS, count],
      );
      const found = rows as DemoCertificate[];
      if (found.length === count) return found;
      await sleep(1000);
    }
    throw new Error(`the demo data issued fewer than ${count} certificates`);
  } finally {
    await connection.end();
  }
}

/** Makes a certificate's validity end yesterday (the status is computed when read). */
export async function expireCertificate(serial: string): Promise<void> {
  const connection = await database();
  try {
    await connection.query(
      'UPDATE `certificates` SET `expires_at` = NOW(3) - INTERVAL 1 DAY WHERE `serial` = ?',
      [serial],
    );
  } finally {
    await connection.end();
  }
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The Luhn mod 32 check symbol of a serial's 13 symbols (the rule the server checks). */
function checkSymbol(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    const addend = factor * ALPHABET.indexOf(body[i]!);
    sum += Math.floor(addend / 32) + (addend % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

/** A well-formed serial no certificate has (its check symbol is right; nothing carries it). */
export function unknownSerial(): string {
  const body = 'ZZZZ' + String(Date.now() % 1e9).padStart(9, '0');
  return body + checkSymbol(body);
}

/** The same serial with a wrong check symbol: what a typo looks like. */
export function mistypedSerial(serial: string): string {
  const last = serial[serial.length - 1]!;
  const wrong = ALPHABET[(ALPHABET.indexOf(last) + 1) % 32]!;
  return serial.slice(0, -1) + wrong;
}
