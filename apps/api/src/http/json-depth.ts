/**
 * How deep a JSON body may nest. The deepest DTO (a quiz: questions → choices) needs a handful
 * of levels; thousands overflow the stack of the recursive steps after parsing (validation,
 * transformation) and answered 500.
 */
export const MAX_JSON_DEPTH = 32;

/** Whether `text` opens more than `max` nested arrays or objects; one pass, strings skipped. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return false;
}
