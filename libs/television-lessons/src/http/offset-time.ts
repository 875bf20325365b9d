import { ValidateBy, type ValidationOptions } from 'class-validator';
import { parseOffsetTime } from '../broadcasts/slot.rules';

/** An ISO 8601 time with an explicit offset (`Z` or `+07:00`) that names a real instant. */
export const IsOffsetTime = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isOffsetTime',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseOffsetTime(value) !== null,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO 8601 time with an offset, e.g. 2026-12-07T19:00:00+07:00`,
      },
    },
    options,
  );

/** The validated value as an instant. */
export const instant = (value: string): Date => parseOffsetTime(value)!;
