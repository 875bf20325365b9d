import { join } from 'node:path';

/** Uploads in progress (tus): `<upload id>` holds the bytes so far, `<upload id>.json` its metadata. */
export const incomingUploadsFolder = (mediaDir: string): string => join(mediaDir, '.incoming');

/** Transcode runs at work: `<video id>/<run token>/` holds a run's source copy and output. */
export const transcodeScratchFolder = (mediaDir: string): string => join(mediaDir, '.work');
