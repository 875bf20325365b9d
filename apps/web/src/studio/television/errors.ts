import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useStudioErrorMessage } from '../errors';

/** The api's error in the person's language: television's codes first, then the studio's. */
export function useTvErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation('studioTv');
  const studio = useStudioErrorMessage();
  return (error) => {
    const key = `errors.${error instanceof ApiError ? error.code : ''}`;
    return i18n.exists(key, { ns: 'studioTv' })
      ? t(key as 'errors.BROADCAST_OVERLAP')
      : studio(error);
  };
}

/** What a 409 BROADCAST_OVERLAP says: the slot refused and the airing it meets (if any). */
export interface OverlapDetails {
  startsAt: string;
  endsAt: string;
  conflictingBroadcastId: string | null;
}

export function overlapDetails(error: unknown): OverlapDetails | null {
  if (!(error instanceof ApiError) || error.code !== 'BROADCAST_OVERLAP') return null;
  const details = error.details ?? {};
  if (typeof details.startsAt !== 'string' || typeof details.endsAt !== 'string') return null;
  return {
    startsAt: details.startsAt,
    endsAt: details.endsAt,
    conflictingBroadcastId:
      typeof details.conflictingBroadcastId === 'string' ? details.conflictingBroadcastId : null,
  };
}

/** 1:05:09 or 04:09: the time left, for a countdown read from across a room. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}
