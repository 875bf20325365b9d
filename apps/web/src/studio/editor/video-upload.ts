import { useCallback, useEffect, useRef, useState } from 'react';
import type { DetailedError, PreviousUpload, Upload } from 'tus-js-client';
import { refreshSession } from '../../api/client';
import { sessionStore } from '../../api/session-store';
import { formatNumber } from '../../format';

/** Where tus uploads are created (api.md). */
const TUS_ENDPOINT = '/api/v1/uploads';
/**
 * Bytes per PATCH. A dropped connection loses at most the request under way (the server keeps
 * what it received); a larger chunk only saves round trips.
 */
const CHUNK_BYTES = 8 * 1024 * 1024;
/** Waits between retries of a request the network lost; reset as soon as bytes get through. */
const RETRY_DELAYS = [0, 1_000, 3_000, 5_000, 10_000, 20_000, 30_000, 60_000];
/** The speed shown is the average over this last stretch of time. */
const SPEED_WINDOW_MS = 5_000;

export type UploadPhase =
  | 'idle'
  | 'uploading'
  | 'paused'
  /** The network dropped a request; tus-js-client is trying again by itself. */
  | 'retrying'
  /** Every retry failed: waits for the connection (or for "Resume"). */
  | 'offline'
  | 'done'
  /** The server refused the upload (not a video, too large…): `errorCode` says why. */
  | 'refused';

export interface UploadState {
  phase: UploadPhase;
  name: string;
  sent: number;
  total: number;
  /** Bytes per second over the last few seconds; null until measured. */
  speed: number | null;
  /** The share (0–1) an interrupted upload had already sent when it was taken up again. */
  resumedFrom: number | null;
  /** The api's error code of a refusal. */
  errorCode: string | null;
}

const IDLE: UploadState = {
  phase: 'idle',
  name: '',
  sent: 0,
  total: 0,
  speed: null,
  resumedFrom: null,
  errorCode: null,
};

type Tus = typeof import('tus-js-client');
/** tus-js-client, fetched the first time a video lesson is opened: never part of other pages. */
const loadTus = (): Promise<Tus> => import('tus-js-client');

/** Which upload a file continues: the same file for the same lesson. */
const fingerprintOf = (lessonId: string, file: File): string =>
  ['lifelong-video', lessonId, file.name, file.type, file.size, file.lastModified].join('/');

/** The api's error code in a tus answer (its body is the api.md error body), if any. */
function errorCode(error: Error | DetailedError): string | null {
  const body = 'originalResponse' in error ? error.originalResponse?.getBody() : undefined;
  if (!body) return null;
  try {
    return (JSON.parse(body) as { code?: string }).code ?? null;
  } catch {
    return null;
  }
}

const statusOf = (error: Error | DetailedError): number =>
  ('originalResponse' in error ? error.originalResponse?.getStatus() : undefined) ?? 0;

/** 1,2 MB; 850 KB: a file's size or a speed per second. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/**
 * A lesson's resumable video upload (tus): progress and speed, pause and resume, retries over a
 * dropped connection, and, after a reload, the interrupted upload found again when the same file
 * is chosen (its address is kept in localStorage under the file's fingerprint).
 */
export function useVideoUpload(lessonId: string, onUploaded: (videoId: string | null) => void) {
  const [state, setState] = useState<UploadState>(IDLE);
  const [interrupted, setInterrupted] = useState<PreviousUpload[]>([]);
  const upload = useRef<Upload | null>(null);
  const samples = useRef<[number, number][]>([]);
  const uploaded = useRef(onUploaded);
  useEffect(() => {
    uploaded.current = onUploaded;
  });

  // Uploads of this lesson's video that a reload or a closed tab cut short.
  useEffect(() => {
    let live = true;
    void loadTus()
      .then((tus) => tus.defaultOptions.urlStorage.findAllUploads())
      .then((found) => {
        if (live) setInterrupted(found.filter((item) => item.metadata.lessonId === lessonId));
      })
      .catch(() => undefined);
    return () => {
      live = false;
      // Leaving the lesson stops the upload; choosing the file again continues it.
      void upload.current?.abort();
      upload.current = null;
    };
  }, [lessonId]);

  // Back online after every retry was spent: carry on.
  useEffect(() => {
    if (state.phase !== 'offline') return;
    const online = () => {
      samples.current = [];
      setState((current) => ({ ...current, phase: 'uploading' }));
      upload.current?.start();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [state.phase]);

  const start = useCallback(
    async (file: File) => {
      const tus = await loadTus();
      await upload.current?.abort();
      samples.current = [];
      setState({ ...IDLE, phase: 'uploading', name: file.name, total: file.size });
      const fingerprint = fingerprintOf(lessonId, file);
      const forget = async () => {
        const storage = tus.defaultOptions.urlStorage;
        for (const item of await storage.findUploadsByFingerprint(fingerprint))
          await storage.removeUpload(item.urlStorageKey);
        setInterrupted((items) => items.filter((item) => item.metadata.filename !== file.name));
      };
      let resuming = false;
      const next: Upload = new tus.Upload(file, {
        endpoint: `${window.location.origin}${TUS_ENDPOINT}`,
        chunkSize: CHUNK_BYTES,
        retryDelays: RETRY_DELAYS,
        metadata: { lessonId, filename: file.name, filetype: file.type },
        fingerprint: () => Promise.resolve(fingerprint),
        removeFingerprintOnSuccess: true,
        // The token current at each request: it is refreshed during a long upload.
        onBeforeRequest: (request) => {
          const token = sessionStore.token();
          if (token) request.setHeader('Authorization', `Bearer ${token}`);
        },
        onAfterResponse: async (request, response) => {
          if (response.getStatus() === 401) await refreshSession();
          // The offset an upload interrupted earlier (a reload, a closed tab) continues from.
          if (resuming && request.getMethod() === 'HEAD' && response.getStatus() === 200) {
            resuming = false;
            const offset = Number(response.getHeader('Upload-Offset'));
            if (offset > 0 && file.size > 0)
              setState((current) => ({ ...current, resumedFrom: offset / file.size }));
          }
        },
        onShouldRetry: (error) => {
          const status = statusOf(error);
          const retry = status === 0 || status >= 500 || [401, 409, 423].includes(status);
          if (retry) {
            samples.current = [];
            setState((current) => ({ ...current, phase: 'retrying', speed: null }));
          }
          return retry;
        },
        onProgress: (sent, total) => {
          const now = performance.now();
          const recent = samples.current.filter(([at]) => now - at <= SPEED_WINDOW_MS);
          recent.push([now, sent]);
          samples.current = recent;
          const [firstAt, firstSent] = recent[0]!;
          const speed =
            now - firstAt >= 500 && sent >= firstSent
              ? ((sent - firstSent) * 1000) / (now - firstAt)
              : null;
          setState((current) =>
            current.phase === 'paused'
              ? current
              : { ...current, phase: 'uploading', sent, total, speed: speed ?? current.speed },
          );
        },
        onSuccess: ({ lastResponse }) => {
          upload.current = null;
          setState((current) => ({ ...current, phase: 'done', sent: file.size, speed: null }));
          setInterrupted((items) => items.filter((item) => item.metadata.filename !== file.name));
          uploaded.current(lastResponse.getHeader('Video-Id') ?? null);
        },
        onError: (error) => {
          const status = statusOf(error);
          if (status >= 400 && status < 500) {
            upload.current = null;
            void forget();
            setState((current) => ({
              ...current,
              phase: 'refused',
              speed: null,
              errorCode: errorCode(error) ?? 'UNKNOWN',
            }));
          } else setState((current) => ({ ...current, phase: 'offline', speed: null }));
        },
      });
      upload.current = next;
      const [previous] = await next.findPreviousUploads();
      if (previous) {
        resuming = true;
        next.resumeFromPreviousUpload(previous);
      }
      next.start();
    },
    [lessonId],
  );

  const pause = useCallback(async () => {
    await upload.current?.abort();
    samples.current = [];
    setState((current) => ({ ...current, phase: 'paused', speed: null }));
  }, []);

  const resume = useCallback(() => {
    if (!upload.current) return;
    samples.current = [];
    setState((current) => ({ ...current, phase: 'uploading' }));
    upload.current.start();
  }, []);

  return { state, interrupted, start, pause, resume };
}
