// hls.js ships types for its full build only; the light build has the same API, without the
// subtitle, alternate-audio and DRM parts a lesson video does not use.
declare module 'hls.js/light' {
  export { default } from 'hls.js';
}
