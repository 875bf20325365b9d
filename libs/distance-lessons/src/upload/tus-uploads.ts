import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import { AppConfig, toErrorBody } from '@lifelong/common';
import type { Principal } from '@lifelong/identity';
import { Injectable } from '@nestjs/common';
import { VideoError } from '../distance-lessons-error';
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

  constructor(
    private readonly config: AppConfig,
    private readonly uploads: VideoUploads,
  ) {
    this.directory = join(config.media.dir, '.incoming');
  }

  /** Made on first use, so a process that never sees a tus request creates no folder. */
  private tus(): Server {
    if (this.server) return this.server;
    mkdirSync(this.directory, { recursive: true });
    const base = `${this.config.http.publicUrl}${TUS_PATH}`;
    this.server = new Server({
      path: TUS_PATH,
      datastore: new FileStore({ directory: this.directory }),
      maxSize: this.config.media.videoMaxBytes,
      generateUrl: (_request, { id }) => `${base}/${id}`,
      onIncomingRequest: (request, _response, id) => this.assertOwner(request, id),
      onUploadCreate: (request, response, upload) => this.create(request, response, upload),
      onUploadFinish: (request, response, upload) => this.finish(request, response, upload),
    });
    return this.server;
  }

  /** Serves one tus request for an authenticated caller; the response is written here. */
  async handle(
    principal: Principal | null,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    if (principal) this.callers.set(request, principal);
    await this.tus().handle(request, response);
  }

  private caller(request: IncomingMessage): Principal {
    const principal = this.callers.get(request);
    if (!principal) throw new TusRefusal(401, 'Not signed in');
    return principal;
  }

  /** Someone else's upload is answered as if it did not exist. */
  private async assertOwner(request: IncomingMessage, id: string): Promise<void> {
    if (request.method === 'POST' || request.method === 'OPTIONS') return;
    const principal = this.caller(request);
    const upload = await this.tus()
      .datastore.getUpload(id)
      .catch(() => null);
    if (upload && upload.metadata?.uploadedBy !== principal.userId)
      throw new TusRefusal(404, 'The file does not exist');
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
    const file = join(this.directory, upload.id);
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
