const BOM = [0xef, 0xbb, 0xbf];
const REPLACEMENT = '\uFFFD';

/** The file is not UTF-8: names the first bad line and its byte offset (0-based). */
export class InvalidUtf8Error extends Error {
  constructor(
    readonly line: number,
    readonly byteOffset: number,
  ) {
    super(
      `The file is not valid UTF-8: line ${line} has an invalid byte sequence at byte offset ${byteOffset}. ` +
        'Save the file as UTF-8 (CSV UTF-8) and upload it again.',
    );
    this.name = 'InvalidUtf8Error';
  }
}

/**
 * Decodes a file arriving in chunks as strict UTF-8, dropping a leading byte-order mark.
 * The platform decoder replaces a bad sequence with U+FFFD; the first one found fails the file
 * with its position. (A literal U+FFFD in the file is refused too: it only ever comes from an
 * earlier broken conversion.)
 */
export async function* decodeUtf8(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let bytes = 0;
  let lines = 1;
  let first = true;
  const check = (text: string): string => {
    const bad = text.indexOf(REPLACEMENT);
    const valid = bad === -1 ? text : text.slice(0, bad);
    bytes += Buffer.byteLength(valid);
    lines += valid.split('\n').length - 1;
    if (bad !== -1) throw new InvalidUtf8Error(lines, bytes);
    return text;
  };
  for await (const chunk of chunks) {
    if (first && BOM.every((byte, index) => chunk[index] === byte)) bytes += BOM.length;
    first = false;
    const text = check(decoder.decode(chunk, { stream: true }));
    if (text) yield text;
  }
  const rest = check(decoder.decode());
  if (rest) yield rest;
}
