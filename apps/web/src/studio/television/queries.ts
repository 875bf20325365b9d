import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { weekOfBroadcasts } from '../../television/week-broadcasts';
import { studioKeys, useStudioFacilities } from '../queries';

type Schemas = components['schemas'];
export type Channel = Schemas['ChannelDto'];
export type Broadcast = Schemas['BroadcastDto'];
export type GroupAttendanceResult = Schemas['GroupAttendanceResultDto'];
export type SkipReason = Schemas['SkippedLearnerDto']['reason'];

/** The facility types that hold group viewings (the api's VIEWING_FACILITY_TYPES). */
export const VIEWING_FACILITY_TYPES: Schemas['StudioFacilityDto']['type'][] = [
  'community_learning_center',
  'provincial_ce_center',
  'district_vocational_ce_center',
];

/** Television's query keys: a change refreshes the airing and the schedule weeks, nothing else. */
export const televisionKeys = {
  channels: ['channels'] as const,
  weeks: ['studio', 'television', 'week'] as const,
  week: (channelId: string, monday: string) =>
    ['studio', 'television', 'week', channelId, monday] as const,
  broadcast: (id: string) => ['studio', 'television', 'broadcast', id] as const,
};

export function useChannels() {
  return useQuery({
    queryKey: televisionKeys.channels,
    queryFn: () => unwrap(api.GET('/api/v1/channels', { params: { query: { pageSize: 100 } } })),
    staleTime: 10 * 60_000,
  });
}

/**
 * The channels the person may schedule on, as the api decides (ChannelAccess): a facility's
 * channel for the staff of that facility (or admins over it), a national channel for platform
 * admins only. The api checks again on every change.
 */
export function useSchedulableChannels() {
  const channels = useChannels();
  const facilities = useStudioFacilities();
  const { user } = useSession();
  const platformAdmin = Boolean(
    user?.roles.some((grant) => grant.role === 'admin' && grant.scopeType === null),
  );
  const own = new Set((facilities.data?.items ?? []).map((facility) => facility.id));
  const items = (channels.data?.items ?? []).filter((channel) =>
    channel.facilityId === null ? platformAdmin : platformAdmin || own.has(channel.facilityId),
  );
  return {
    items,
    isPending: channels.isPending || facilities.isPending,
    error: channels.error ?? facilities.error,
    refetch: () => {
      void channels.refetch();
      void facilities.refetch();
    },
  };
}

export function useChannelWeek(channelId: string | null, monday: string) {
  return useQuery({
    queryKey: televisionKeys.week(channelId ?? '', monday),
    queryFn: () => weekOfBroadcasts(channelId ?? '', monday),
    enabled: channelId !== null,
    placeholderData: keepPreviousData,
  });
}

/** One airing; its course's staff get its attendance code too. */
export function useBroadcast(id: string, refetchInterval?: number) {
  return useQuery({
    queryKey: televisionKeys.broadcast(id),
    queryFn: () => unwrap(api.GET('/api/v1/broadcasts/{id}', { params: { path: { id } } })),
    refetchInterval,
  });
}

/** A broadcast change refreshes that airing and the weeks shown. */
export function useBroadcastChanged() {
  const client = useQueryClient();
  return (broadcast?: Broadcast) => {
    if (broadcast) client.setQueryData(televisionKeys.broadcast(broadcast.id), broadcast);
    void client.invalidateQueries({ queryKey: televisionKeys.weeks });
  };
}

export function useMoveBroadcast(id: string) {
  const changed = useBroadcastChanged();
  return useMutation({
    mutationFn: (body: { startsAt: string; endsAt: string }) =>
      unwrap(api.PATCH('/api/v1/broadcasts/{id}', { params: { path: { id } }, body })),
    onSuccess: (moved) => changed(moved),
  });
}

export function useCancelBroadcast(id: string) {
  const client = useQueryClient();
  const changed = useBroadcastChanged();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/broadcasts/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: televisionKeys.broadcast(id) });
      changed();
    },
  });
}

export function useAttachReplay(id: string, courseId: string) {
  const client = useQueryClient();
  const changed = useBroadcastChanged();
  return useMutation({
    mutationFn: (videoId: string) =>
      unwrap(
        api.PUT('/api/v1/broadcasts/{id}/replay', { params: { path: { id } }, body: { videoId } }),
      ),
    onSuccess: (broadcast) => {
      changed(broadcast);
      void client.invalidateQueries({ queryKey: studioKeys.course(courseId) });
    },
  });
}

export function useGroupAttendance(id: string) {
  return useMutation({
    mutationFn: (body: { facilityId: string; userIds: string[] }) =>
      unwrap(
        api.POST('/api/v1/broadcasts/{id}/group-attendance', { params: { path: { id } }, body }),
      ),
  });
}

/** A course as its staff see it (shared with the editor's cache), once its id is known. */
export function useCourseOf(courseId: string | undefined) {
  return useQuery({
    queryKey: studioKeys.course(courseId ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/courses/{id}', { params: { path: { id: courseId ?? '' } } })),
    enabled: courseId !== undefined,
  });
}
