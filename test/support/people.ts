import type { HttpClient, Json } from './http-client';

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
    const response = await http().post('/api/v1/auth/register', {
      body: {
        email: `${prefix}-${count}@example.vn`,
        password: PERSON_PASSWORD,
        fullName: `Người ${count}`,
      },
    });
    if (response.status !== 201)
      throw new Error(`Registering ${prefix}-${count} answered ${response.status}`);
    return {
      id: (response.body.user as Json).id as string,
      token: response.body.accessToken as string,
    };
  };
}
