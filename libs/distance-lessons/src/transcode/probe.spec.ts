import { readProbe } from './probe';

describe('readProbe', () => {
  it('reads size, rate, duration and sound', () => {
    expect(
      readProbe({
        format: { format_name: 'mov,mp4', duration: '10.010000' },
        streams: [
          {
            codec_type: 'video',
            codec_name: 'h264',
            width: 640,
            height: 360,
            avg_frame_rate: '25/1',
            r_frame_rate: '25/1',
          },
          { codec_type: 'audio', codec_name: 'aac' },
        ],
      }),
    ).toEqual({
      formatName: 'mov,mp4',
      durationSeconds: 10.01,
      hasAudio: true,
      video: {
        codec: 'h264',
        width: 640,
        height: 360,
        pixelAspect: 1,
        rotation: 0,
        frameRate: 25,
        variableFrameRate: false,
      },
    });
  });

  it('reads rotation from the display matrix (counter-clockwise, negative) and from the old tag', () => {
    const matrix = readProbe({
      streams: [
        {
          codec_type: 'video',
          width: 1920,
          height: 1080,
          side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }],
        },
      ],
    });
    expect(matrix.video?.rotation).toBe(90);
    const tag = readProbe({
      streams: [{ codec_type: 'video', width: 1920, height: 1080, tags: { rotate: '270' } }],
    });
    expect(tag.video?.rotation).toBe(270);
  });

  it('flags a variable frame rate when the average and base rates disagree', () => {
    const probe = readProbe({
      streams: [
        {
          codec_type: 'video',
          width: 8,
          height: 8,
          avg_frame_rate: '2997/100',
          r_frame_rate: '60/1',
        },
      ],
    });
    expect(probe.video).toMatchObject({ frameRate: 29.97, variableFrameRate: true });
  });

  it('does not take cover art in a sound file for a video', () => {
    const probe = readProbe({
      streams: [
        { codec_type: 'audio', codec_name: 'mp3' },
        {
          codec_type: 'video',
          codec_name: 'mjpeg',
          width: 500,
          height: 500,
          disposition: { attached_pic: 1 },
        },
      ],
    });
    expect(probe).toMatchObject({ video: null, hasAudio: true, durationSeconds: null });
  });

  it('reads non-square pixels', () => {
    const probe = readProbe({
      streams: [{ codec_type: 'video', width: 720, height: 576, sample_aspect_ratio: '64:45' }],
    });
    expect(probe.video?.pixelAspect).toBeCloseTo(1.4222, 3);
  });
});
