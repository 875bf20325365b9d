import { ValidateBy, type ValidationOptions } from 'class-validator';
import { fullNameProblems, passwordProblems, timeZoneProblems } from '../users/user-input';

/** A check whose messages come from one of the pure input rules, so DTOs and services agree. */
function satisfies(
  name: string,
  problems: (value: string) => string[],
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && problems(value).length === 0,
        defaultMessage: (args) =>
          typeof args?.value === 'string'
            ? problems(args.value).join('; ')
            : `${args?.property ?? 'value'} must be a string`,
      },
    },
    options,
  );
}

/** The password policy (8–128 characters, not only spaces). */
export const IsAcceptablePassword = (options?: ValidationOptions): PropertyDecorator =>
  satisfies('isAcceptablePassword', passwordProblems, options);

/** A full name: not empty after trimming, at most 200 characters, no control characters. */
export const IsFullName = (options?: ValidationOptions): PropertyDecorator =>
  satisfies('isFullName', fullNameProblems, options);

/** An IANA time zone name the runtime knows, e.g. `Asia/Ho_Chi_Minh`. */
export const IsTimeZone = (options?: ValidationOptions): PropertyDecorator =>
  satisfies('isTimeZone', timeZoneProblems, options);
