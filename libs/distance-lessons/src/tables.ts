import type { TableOwnership } from '@lifelong/database';

/** Lesson videos and their subtitles. */
export const TABLES: TableOwnership = { owns: ['videos', 'video_subtitles'] };
