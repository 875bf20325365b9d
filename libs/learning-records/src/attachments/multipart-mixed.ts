import { randomUUID } from 'node:crypto';
import type { AttachmentPart } from './statement-request';

/** A multipart/mixed body and its Content-Type, as xAPI sends statements with contents. */
export interface MultipartMixed {
  contentType: string;
  body: Buffer;
}

/**
 * JSON (statements, or a statement query's answer) and the attachment contents it names, as
 * xAPI writes them (Communication 1.5.2): the JSON first, then each content as a binary part
 * with its hash. The store's `attachments=true` answers and forwarding both write this.
 */
export function multipartMixed(json: unknown, contents: readonly AttachmentPart[]): MultipartMixed {
  const boundary = randomUUID().replace(/-/g, '');
  const chunks: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`,
    ),
  ];
  for (const part of contents)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Type: ${part.contentType}\r\n` +
          `Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${part.sha2}\r\n\r\n`,
      ),
      part.content,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
