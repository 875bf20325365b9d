import { answered, apiClient } from './api-client';
import { expectStatus } from './e2e';
import type { HttpClient } from './http-client';

/** A registered account, signed in. */
export interface Person {
  id: string;
  token: string;
}

export const PERSON_PASSWORD = 'Correct-horse-2026';

/**
 * Registers numbered people over HTTP (`<prefix>-<n>@example.vn`, "Người <n>"), each signed in.
 * One per test file: the numbering keeps emails unique within the file's fresh database.
 */
export function peopleRegistry(http: () => HttpClient, prefix: string): () => Promise<Person> {
  let count = 0;
  return async () => {
    count += 1;
    const body = await expectStatus(
      answered(
        apiClient(http().base).POST('/api/v1/auth/register', {
          body: {
            email: `${prefix}-${count}@example.vn`,
            password: PERSON_PASSWORD,
            fullName: `Người ${count}`,
          },
        }),
      ),
      201,
    );
    return { id: body.user.id, token: body.accessToken };
  };
}
