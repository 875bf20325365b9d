/**
 * The process must not start (a service is away, the schema is behind, job handlers are
 * missing). Its message says why and what to do; entry points print it without a stack.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * For entry points: a StartupError is printed as it is and the process exits 1; anything else
 * is printed with its stack.
 */
export function exitWithStartupFailure(error: unknown): never {
  const text =
    error instanceof StartupError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`${text}\n`);
  process.exit(1);
}
