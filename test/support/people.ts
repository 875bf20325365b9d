import { answered, apiClient } from './api-client';
import { expectStatus, signIn } from './e2e';
import type { HttpClient } from './http-client';

/** A registered account, signed in. */
export interface Person {
  id: string;
  token: string;
  email: string;
}

export const PERSON_PASSWORD = 'Correct-horse-2026';

/** What a test names itself when the person's name or address is what it checks. */
export interface PersonDetails {
  email?: string;
  fullName?: string;
}

/**
 * Registers numbered people over HTTP (`<prefix>-<n>@example.vn`, "Người <n>" unless `details`
 * names them), each signed in with PERSON_PASSWORD. One per test file: the numbering keeps
 * emails unique within the file's fresh database.
 */
export function peopleRegistry(
  http: () => HttpClient,
  prefix: string,
): (details?: PersonDetails) => Promise<Person> {
  let count = 0;
  return async (details = {}) => {
    count += 1;
    const email = details.email ?? `${prefix}-${count}@example.vn`;
    const body = await expectStatus(
      answered(
        apiClient(http().base).POST('/api/v1/auth/register', {
          body: {
            email,
            password: PERSON_PASSWORD,
            fullName: details.fullName ?? `Người ${count}`,
          },
        }),
      ),
      201,
    );
    return { id: body.user.id, token: body.accessToken, email };
  };
}

/**
 * A new token for `person`, whose roles changed since they signed in: a token carries the roles
 * of its sign-in.
 */
export async function signInAgain(http: HttpClient, person: Person): Promise<string> {
  person.token = await signIn(http, person.email, PERSON_PASSWORD);
  return person.token;
}
