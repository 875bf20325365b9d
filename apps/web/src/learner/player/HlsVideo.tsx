import { Box, Button } from '@mantine/core';
import { type RefObject, useEffect, useRef, useState } from 'react';

const playsHlsNatively = (video: HTMLVideoElement): boolean =>
  video.canPlayType('application/vnd.apple.mpegurl') !== '';

/** Plays an HLS ladder: natively where the browser can, else through hls.js. */
async function attachSource(video: HTMLVideoElement, url: string): Promise<() => void> {
  if (playsHlsNatively(video)) {
    video.src = url;
    return () => video.removeAttribute('src');
  }
  // Only when play is pressed, and only where the browser needs it: hls.js is larger than the
  // rest of the page together, and a phone on a slow link should not pay for it (or for the
  // video's first segments) just by opening the lesson.
  const { default: Hls } = await import('hls.js/light');
  if (!Hls.isSupported()) {
    video.src = url;
    return () => video.removeAttribute('src');
  }
  // A slow phone starts at the lowest rung and climbs as the link allows.
  const hls = new Hls({ startLevel: 0, capLevelToPlayerSize: true });
  hls.loadSource(url);
  hls.attachMedia(video);
  return () => hls.destroy();
}

interface Props {
  /** The HLS master playlist. */
  url: string;
  posterUrl?: string;
  /** The video's accessible name. */
  label: string;
  /** The one button shown before playing. */
  startLabel: string;
  /** Where to start, in seconds (0 from the beginning). */
  resumeAt?: number;
  /** For a caller that follows playback (the learner's watch reports). */
  videoRef?: RefObject<HTMLVideoElement | null>;
}

/**
 * A lesson video: nothing is fetched until play is pressed (`preload="none"`, hls.js loaded
 * then), and then it plays from `resumeAt`. Shared by the learner's player and the studio's
 * preview.
 */
export function HlsVideo({ url, posterUrl, label, startLabel, resumeAt = 0, videoRef }: Props) {
  const ownRef = useRef<HTMLVideoElement>(null);
  const ref = videoRef ?? ownRef;
  const [started, setStarted] = useState(false);

  useEffect(() => {
    const video = ref.current;
    if (!video || !started) return;
    let detach: (() => void) | undefined;
    let cancelled = false;
    const resume = () => {
      if (resumeAt > 0 && resumeAt < (video.duration || Infinity) - 1) video.currentTime = resumeAt;
    };
    video.addEventListener('loadedmetadata', resume, { once: true });
    void attachSource(video, url).then((undo) => {
      if (cancelled) return undo();
      detach = undo;
      // Played at once: with `preload="none"` a native player fetches nothing until asked. If
      // the browser wants a fresh gesture, the controls are there for it.
      video.play().catch(() => undefined);
    });
    return () => {
      cancelled = true;
      video.removeEventListener('loadedmetadata', resume);
      detach?.();
    };
  }, [ref, url, resumeAt, started]);

  return (
    <Box pos="relative">
      <video
        ref={ref}
        // Controls once the stream is attached; before, the one play button below.
        controls={started}
        playsInline
        preload="none"
        poster={posterUrl}
        aria-label={label}
        style={{
          display: 'block',
          width: '100%',
          aspectRatio: '16 / 9',
          background: '#000',
          borderRadius: 8,
        }}
      />
      {started ? null : (
        <Button
          size="lg"
          pos="absolute"
          top="50%"
          left="50%"
          style={{ transform: 'translate(-50%, -50%)' }}
          onClick={() => setStarted(true)}
        >
          {startLabel}
        </Button>
      )}
    </Box>
  );
}
