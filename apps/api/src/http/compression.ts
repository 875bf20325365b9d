import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Answers worth compressing: the api's JSON, CSV exports and calendar feeds. */
const COMPRESSIBLE = /^(application\/(json|problem\+json)|text\/(csv|calendar|plain))\b/;

/**
 * Compresses the api's answers over 1 KB for a client that accepts it (brotli, else gzip), with
 * `Vary: Accept-Encoding`: a catalogue page of 20 courses is about 20 KB of JSON and a fifth of
 * that compressed, which is what a learner on a slow phone link waits for. Brotli at quality 4:
 * per-request work, not the build's maximum. The web app's files are compressed once, by the
 * build, and served as they are (web-app.ts); video, images and PDFs are left alone.
 */
export async function compressAnswers(app: NestFastifyApplication): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: COMPRESSIBLE,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
