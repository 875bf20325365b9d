import type { LrsClient } from '../clients/lrs-client';
import type { XapiRequest } from './lrs-client.guard';

/** The client LrsClientGuard verified (it runs before every xAPI handler but `about`). */
export function clientOf(request: XapiRequest): LrsClient {
  if (!request.lrsClient) throw new Error('An xAPI route ran without LrsClientGuard');
  return request.lrsClient;
}
