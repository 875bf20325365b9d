import { contentHash } from '../statements/statement-keys';
import { withContextActivityLists } from '../statements/statement-format';
import type { JsonObject } from '../statements/statement-rules';
import { LearningRecordsError } from '../learning-records-error';
import type { AttachmentPart } from './statement-request';
import { checkSignature } from './statement-signature';

/** The usage type of a JWS that signs its statement (xAPI 2.0, Data 2.6). */
export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';

/** A statement's attachments: its own and those of a SubStatement it carries. */
export function attachmentsOf(statement: JsonObject): JsonObject[] {
  const lists = [statement.attachments, (statement.object as JsonObject | undefined)?.attachments];
  return lists.flatMap((list) => (Array.isArray(list) ? (list as JsonObject[]) : []));
}

const sha2Of = (attachment: JsonObject): string => String(attachment.sha2).toLowerCase();

/** The SHA-2 of every attachment the statements name, each once. */
export const attachmentHashes = (statements: readonly JsonObject[]): string[] => [
  ...new Set(statements.flatMap((statement) => attachmentsOf(statement).map(sha2Of))),
];

/**
 * The parts a statement request sent, checked against its statements (xAPI 2.0, Communication
 * 1.5.2 and Data 2.6): every part is the contents of an attachment some statement names by
 * `sha2`, every attachment without a `fileUrl` has its part, and every signature is a JWS over
 * its statement. Answers each content once, to keep.
 */
export async function matchAttachmentParts(
  statements: readonly JsonObject[],
  parts: readonly AttachmentPart[],
): Promise<AttachmentPart[]> {
  const partBySha2 = new Map(parts.map((part) => [part.sha2, part]));
  const named = new Set(statements.flatMap((statement) => attachmentsOf(statement).map(sha2Of)));
  for (const part of partBySha2.values())
    if (!named.has(part.sha2))
      throw new LearningRecordsError(
        'ATTACHMENT_INVALID',
        `A part has the hash ${part.sha2}, which no attachment of the statements names`,
        { sha2: part.sha2 },
      );
  for (const [index, statement] of statements.entries()) {
    for (const attachment of attachmentsOf(statement)) {
      const part = partBySha2.get(sha2Of(attachment));
      if (!part && attachment.fileUrl === undefined)
        throw new LearningRecordsError(
          'ATTACHMENT_INVALID',
          `statement[${index}]: the attachment ${sha2Of(attachment)} has neither a fileUrl nor a part with its contents`,
          { sha2: sha2Of(attachment) },
        );
      if (attachment.usageType !== SIGNATURE_USAGE) continue;
      if (attachment.contentType !== 'application/octet-stream' || !part)
        throw new LearningRecordsError(
          'ATTACHMENT_INVALID',
          `statement[${index}]: a signature is sent as a part, with contentType application/octet-stream`,
          { sha2: sha2Of(attachment) },
        );
      await checkSignature(part.content, signedContent(statement), `statement[${index}]`);
    }
  }
  return [...partBySha2.values()];
}

/** A duration's seconds cut to hundredths: xAPI compares durations no finer (Data 4.6). */
const inHundredths = (duration: unknown): unknown =>
  typeof duration === 'string' ? duration.replace(/(\d+\.\d{2})\d+S$/, '$1S') : duration;

/** The statement with its durations, and a SubStatement's, in hundredths of a second. */
function withDurationsInHundredths(statement: JsonObject): JsonObject {
  const result = statement.result as JsonObject | undefined;
  const object = statement.object as JsonObject | undefined;
  return {
    ...statement,
    ...(result?.duration !== undefined
      ? { result: { ...result, duration: inHundredths(result.duration) } }
      : {}),
    ...(object?.objectType === 'SubStatement' ? { object: withDurationsInHundredths(object) } : {}),
  };
}

/**
 * What a statement's signature must have signed: the statement as it was before the signature
 * was added (without its signature attachments), compared the way a statement sent again is.
 */
function signedContent(statement: JsonObject): (payload: JsonObject) => boolean {
  const unsigned = (value: JsonObject, keepId: boolean): Buffer => {
    const { id, attachments, ...rest } = withContextActivityLists(withDurationsInHundredths(value));
    const kept = Array.isArray(attachments)
      ? (attachments as JsonObject[]).filter((item) => item.usageType !== SIGNATURE_USAGE)
      : [];
    return contentHash({
      ...rest,
      ...(keepId && typeof id === 'string' ? { id: id.toLowerCase() } : {}),
      ...(kept.length ? { attachments: kept } : {}),
    });
  };
  return (payload) => {
    // A statement signed before the store gave it an id carries none in its payload.
    const keepId = payload.id !== undefined;
    return unsigned(payload, keepId).equals(unsigned(statement, keepId));
  };
}
