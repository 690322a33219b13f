// Every <video>: a captions/subtitles track whose file loads (HTTP 200, WebVTT) and that the
// browser parses. Returns what it found; the caller decides what is missing.
const done = arguments[arguments.length - 1];
const result = {videos: [], audios: document.querySelectorAll('audio').length};
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
(async () => {
  for (const video of document.querySelectorAll('video')) {
    const info = {id: video.id || video.currentSrc || video.src || 'video', tracks: []};
    for (const track of video.querySelectorAll('track')) {
      const t = {kind: track.kind, srclang: track.srclang, label: track.label, src: track.src,
                 status: null, webvtt: false, readyState: null, cues: null};
      try {
        const response = await fetch(track.src, {credentials: 'same-origin'});
        t.status = response.status;
        t.webvtt = (await response.text()).replace(/^\uFEFF/, '').startsWith('WEBVTT');
      } catch (error) {
        t.status = String(error);
      }
      if (track.track.mode === 'disabled') track.track.mode = 'hidden';
      for (let i = 0; i < 50 && track.readyState < 2; i++) await wait(50);
      t.readyState = track.readyState;  // 2 = loaded, 3 = error
      t.cues = track.track.cues ? track.track.cues.length : null;
      info.tracks.push(t);
    }
    result.videos.push(info);
  }
  done(result);
})();
