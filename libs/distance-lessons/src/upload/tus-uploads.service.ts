import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Server, type Upload } from '@tus/server';
import { AppConfig, toErrorBody } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import { Injectable, Logger } from '@nestjs/common';
import { VideoError } from '../distance-lessons-error';
import { incomingUploadsFolder } from '../storage/scratch-folders';
import {
  isUploadId,
  newUploadId,
  UnknownUploadError,
  UploadFileStore,
  uploadPathOf,
} from './upload-files';
import { VideoUploads } from './video-uploads.service';

/** Where tus clients create uploads (api.md). */
export const TUS_PATH = '/api/v1/uploads';
/** The response header of a finished upload's last PATCH: the id of the video it became. */
export const VIDEO_ID_HEADER = 'Video-Id';

/** A refusal thrown from a tus hook: tus answers `status_code` with `body`. */
class TusRefusal extends Error {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {
    super(body);
  }
}

/** A domain refusal as tus sends it: its HTTP status, and the api.md error body as JSON. */
const refusal = (error: unknown): TusRefusal => {
  const body = toErrorBody(error);
  return new TusRefusal(body.statusCode, JSON.stringify(body));
};

/** Unknown, malformed, or someone else's: the caller cannot tell which. */
const uploadNotFound = (): VideoError =>
  new VideoError('UPLOAD_NOT_FOUND', 'There is no such upload');

/**
 * tus sets CORS headers on every answer (`*`, or whatever Origin the request names). The web app
 * calls the api from its own origin, so no other origin is given leave to read these answers.
 */
function withoutCors(response: ServerResponse): void {
  const setHeader = response.setHeader.bind(response);
  response.setHeader = (name, value) =>
    /^access-control-/i.test(name) ? response : setHeader(name, value);
}

/**
 * tus answers a few protocol errors itself, in plain text, before any hook runs (a missing
 * Tus-Resumable header, an Upload-Length past what it can count). Those answers are rewritten
 * into the api.md error body, like every other 4xx; answers already in JSON pass as they are.
 */
function errorsInApiShape(response: ServerResponse): void {
  const writeHead = response.writeHead.bind(response) as (
    status: number,
    headers?: OutgoingHttpHeaders,
  ) => ServerResponse;
  const write = response.write.bind(response) as (chunk: unknown) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  let held: { status: number; headers: OutgoingHttpHeaders } | null = null;
  const release = (text: string): void => {
    if (!held) return;
    const { status, headers } = held;
    held = null;
    const requestId = String(response.getHeader('x-request-id') ?? '') || undefined;
    const body = JSON.stringify(
      toErrorBody({ statusCode: status, message: text.trim() || 'Request refused' }, requestId),
    );
    writeHead(status, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
    });
    write(body);
  };
  const text = (chunk: unknown): string =>
    Buffer.isBuffer(chunk) ? chunk.toString() : typeof chunk === 'string' ? chunk : '';
  response.writeHead = ((status: number, headers?: OutgoingHttpHeaders) => {
    const json = /json/.test(String(response.getHeader('content-type') ?? ''));
    if (status < 400 || json) return writeHead(status, headers);
    held = { status, headers: headers ?? {} };
    return response;
  }) as ServerResponse['writeHead'];
  response.write = ((chunk: unknown) => {
    if (!held) return write(chunk);
    release(text(chunk));
    return true;
  }) as ServerResponse['write'];
  response.end = ((...args: unknown[]) => {
    if (!held) return end(...args);
    release(text(args[0]));
    return end();
  }) as ServerResponse['end'];
}

/**
 * tus 1.0 resumable uploads of lesson videos (`@tus/server` with a file store under
 * MEDIA_DIR/.incoming). The api's auth guard has already checked the Bearer token of every
 * request; here the creator must be staff of the lesson named in the `lessonId` metadata, and
 * only the creator may resume, inspect or cancel an upload. When the last byte arrives the file
 * is checked, moved into media storage and attached to the lesson, and the answer carries
 * {@link VIDEO_ID_HEADER}.
 */
@Injectable()
export class TusUploads {
  private server?: Server;
  private readonly directory: string;
  private readonly callers = new WeakMap<IncomingMessage, Principal>();
  /** The upload id of each request, as the route read and checked it. */
  private readonly uploadIds = new WeakMap<IncomingMessage, string>();
  private readonly logger = new Logger('TusUploads');

  constructor(
    private readonly config: AppConfig,
    private readonly uploads: VideoUploads,
  ) {
    this.directory = incomingUploadsFolder(config.media.dir);
  }

  /** Made on first use, so a process that never sees a tus request creates no folder. */
  private tus(): Server {
    if (this.server) return this.server;
    mkdirSync(this.directory, { recursive: true });
    const base = `${this.config.http.publicUrl}${TUS_PATH}`;
    this.server = new Server({
      path: TUS_PATH,
      datastore: new UploadFileStore(this.directory),
      maxSize: this.config.media.videoMaxBytes,
      namingFunction: newUploadId,
      // Not re-read from the URL (tus would decode it, query string and all): the checked id.
      getFileIdFromRequest: (request) => this.uploadIds.get(request),
      generateUrl: (_request, { id }) => `${base}/${id}`,
      onResponseError: (_request, response, error) => this.errorAnswer(response, error),
      onIncomingRequest: (request, _response, id) => this.assertOwner(request, id),
      onUploadCreate: (request, response, upload) => this.create(request, response, upload),
      onUploadFinish: (request, response, upload) => this.finish(request, response, upload),
    });
    return this.server;
  }

  /**
   * Serves one tus request for an authenticated caller; the response is written here.
   * `uploadId` is the route's; anything but an id this server made is an unknown upload, before
   * the store is touched.
   */
  async handle(
    principal: Principal | null,
    request: IncomingMessage,
    response: ServerResponse,
    uploadId?: string,
  ): Promise<void> {
    if (uploadId !== undefined) this.uploadIds.set(request, this.assertUploadId(uploadId));
    if (principal) this.callers.set(request, principal);
    withoutCors(response);
    errorsInApiShape(response);
    await this.tus().handle(request, response);
  }

  /** 404 `UPLOAD_NOT_FOUND` for anything but an upload id this server makes. */
  assertUploadId(uploadId: string): string {
    if (!isUploadId(uploadId)) throw uploadNotFound();
    return uploadId;
  }

  /** Every error answer in the api.md shape; a 5xx says nothing of what failed (it is logged). */
  private errorAnswer(
    response: ServerResponse,
    error: Error | { status_code: number; body: string },
  ): { status_code: number; body: string } {
    response.setHeader('content-type', 'application/json; charset=utf-8');
    const requestId = String(response.getHeader('x-request-id') ?? '') || undefined;
    if (error instanceof TusRefusal) return { status_code: error.status_code, body: error.body };
    if (error instanceof UnknownUploadError) {
      const body = toErrorBody(uploadNotFound(), requestId);
      return { status_code: body.statusCode, body: JSON.stringify(body) };
    }
    const status = 'status_code' in error ? error.status_code : 500;
    if (status >= 400 && status < 500) {
      const message = 'body' in error ? error.body.trim() : 'Bad request';
      const body = toErrorBody({ statusCode: status, message }, requestId);
      return { status_code: status, body: JSON.stringify(body) };
    }
    this.logger.error(`tus request failed: ${error instanceof Error ? error.message : error.body}`);
    return { status_code: 500, body: JSON.stringify(toErrorBody(new Error(), requestId)) };
  }

  private caller(request: IncomingMessage): Principal {
    const principal = this.callers.get(request);
    if (!principal) throw new TusRefusal(401, 'Not signed in');
    return principal;
  }

  /**
   * Someone else's upload is answered as if it did not exist. Fails closed: an upload whose
   * metadata cannot be read (or names no uploader) is no one's.
   */
  private async assertOwner(request: IncomingMessage, id: string): Promise<void> {
    if (request.method === 'POST' || request.method === 'OPTIONS') return;
    const principal = this.caller(request);
    const upload = isUploadId(id)
      ? await this.tus()
          .datastore.getUpload(id)
          .catch(() => null)
      : null;
    const uploadedBy = upload?.metadata?.uploadedBy;
    if (!uploadedBy || uploadedBy !== principal.userId) throw refusal(uploadNotFound());
  }

  private async create(
    request: IncomingMessage,
    response: ServerResponse,
    upload: Upload,
  ): Promise<{ res: ServerResponse; metadata: Record<string, string | null> }> {
    const principal = this.caller(request);
    const lessonId = upload.metadata?.lessonId ?? '';
    try {
      if (!/^[0-9a-f-]{36}$/i.test(lessonId))
        throw VideoError.invalid({ lessonId: ['Upload-Metadata must name the lessonId'] });
      await this.uploads.target(principal, lessonId);
    } catch (error) {
      throw refusal(error);
    }
    return {
      res: response,
      metadata: {
        lessonId,
        filename: upload.metadata?.filename ?? null,
        uploadedBy: principal.userId,
      },
    };
  }

  private async finish(
    request: IncomingMessage,
    response: ServerResponse,
    upload: Upload,
  ): Promise<{ res: ServerResponse; headers: Record<string, string> }> {
    const principal = this.caller(request);
    const file = uploadPathOf(this.directory, upload.id);
    try {
      // Checked again: the uploader may have lost the course since the upload began.
      const target = await this.uploads.target(principal, upload.metadata?.lessonId ?? '');
      const accepted = await this.uploads.acceptFile(
        target,
        file,
        upload.metadata?.filename ?? null,
      );
      return { res: response, headers: { [VIDEO_ID_HEADER]: accepted.videoId } };
    } catch (error) {
      throw refusal(error);
    } finally {
      await rm(file, { force: true });
      await rm(`${file}.json`, { force: true });
    }
  }
}
