import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type Location, useBlocker, useLocation } from 'react-router';

/**
 * Which editors on the page hold changes not yet saved. Closing the tab or reloading then asks
 * first (the browser's own question); a move inside the app asks with UnsavedChangesGuard.
 */
const unsaved = new Set<string>();

/**
 * Set from "leave without saving" until the page the person left for is drawn. The router moves
 * the address first and React unmounts the left editors a moment later; a back button pressed in
 * between must not be caught by the editors the person just chose to leave.
 */
let leaving = false;

function guard(event: BeforeUnloadEvent): void {
  if (unsaved.size > 0) event.preventDefault();
}

/** Marks the editor `name` as holding unsaved changes while `dirty` is true. */
export function useUnsavedChanges(name: string, dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    unsaved.add(name);
    if (unsaved.size === 1) window.addEventListener('beforeunload', guard);
    return () => {
      unsaved.delete(name);
      if (unsaved.size === 0) window.removeEventListener('beforeunload', guard);
    };
  }, [name, dirty]);
}

/** The address without the query parameters that only switch a view and keep every editor. */
function placeOf(location: Location, keeping: readonly string[]): string {
  const params = new URLSearchParams(location.search);
  for (const name of keeping) params.delete(name);
  params.sort();
  return `${location.pathname}?${params.toString()}`;
}

/**
 * Asks before a link, the back button or a changed lesson takes the person away from unsaved
 * changes. One per page (a router runs one blocker at a time); `keeping` names the query
 * parameters whose change leaves every editor mounted (the editor's tabs).
 */
export function UnsavedChangesGuard({ keeping = [] }: { keeping?: readonly string[] }) {
  const { t } = useTranslation('studio');
  const location = useLocation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !leaving &&
      unsaved.size > 0 &&
      placeOf(currentLocation, keeping) !== placeOf(nextLocation, keeping),
  );
  // The drawn page has changed (or this one is gone): the left editors have unmounted by now.
  useEffect(
    () => () => {
      leaving = false;
    },
    [location.key],
  );
  const blocked = blocker.state === 'blocked';
  return (
    <Modal
      opened={blocked}
      onClose={() => blocker.reset?.()}
      title={t('unsaved.title')}
      withCloseButton={false}
      centered
    >
      <Text size="sm">{t('unsaved.body')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t('unsaved.stay')}
        </Button>
        <Button
          color="red.8"
          onClick={() => {
            leaving = true;
            blocker.proceed?.();
          }}
        >
          {t('unsaved.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
