import { api, unwrap } from '../api/client';
import type { Broadcast } from './Airing';
import { weekRange } from './week';

/** Every airing of one channel in one week (the api pages by 100). */
export async function weekOfBroadcasts(channelId: string, monday: string): Promise<Broadcast[]> {
  const all: Broadcast[] = [];
  for (let page = 1; ; page++) {
    const result = await unwrap(
      api.GET('/api/v1/broadcasts', {
        params: { query: { ...weekRange(monday), channelId, page, pageSize: 100 } },
      }),
    );
    all.push(...result.items);
    if (all.length >= result.total || result.items.length === 0) return all;
  }
}
