/** The hooks passport attaches to a strategy for one request, and its entry point. */
interface StrategyAttempt<User> {
  authenticate(request: unknown, options?: object): void;
  success(user: User): void;
  fail(): void;
  error(error: unknown): void;
  pass(): void;
  redirect(): void;
}

/**
 * Runs one passport strategy on a request, the way `passport.authenticate` does (a per-request
 * object inheriting from the strategy, given success/fail/error hooks), but on the strategy
 * instance of this application rather than the one registered last in passport's process-wide
 * registry: two apps in one process (tests) never check tokens with each other's database.
 * Resolves the user, or null when the strategy refuses.
 */
export function runStrategy<User>(strategy: object, request: unknown): Promise<User | null> {
  return new Promise<User | null>((resolve, reject) => {
    const attempt = Object.create(strategy) as StrategyAttempt<User>;
    attempt.success = (user) => resolve(user);
    attempt.fail = () => resolve(null);
    attempt.pass = () => resolve(null);
    attempt.redirect = () => resolve(null);
    // An object is passed on as thrown: its driver code (a database outage) decides the answer.
    attempt.error = (error) =>
      reject(
        typeof error === 'object' && error !== null ? (error as Error) : new Error(String(error)),
      );
    attempt.authenticate(request, {});
  });
}
