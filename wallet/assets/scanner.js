// Reads a QR code with the phone's camera (getUserMedia frames drawn on a canvas and decoded by
// the bundled jsQR), or from a chosen photo when there is no camera or no permission.
'use strict';

(function () {
  const FRAME_INTERVAL_MS = 150;
  /** Photos from phone cameras are large; jsQR is quick and just as sure at this size. */
  const MAX_PHOTO_SIDE = 1280;

  function decode(canvas, source, width, height) {
    const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(width, height));
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.drawImage(source, 0, 0, canvas.width, canvas.height);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    const code = window.jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' });
    return code && code.data ? code.data : undefined;
  }

  /**
   * Wires the scanner panel. `read(text)` turns a decoded text into what the page wants (or
   * undefined when this QR code is something else); `found(value)` then gets it.
   */
  function attach(options) {
    const { t } = window.Wallet;
    const video = document.getElementById('scan-video');
    const startButton = document.getElementById('scan-start');
    const stopButton = document.getElementById('scan-stop');
    const status = document.getElementById('scan-status');
    const photo = document.getElementById('scan-photo');
    // The frame or photo a code was read from stays on screen, so the volunteer sees what was read.
    const canvas = document.createElement('canvas');
    canvas.className = 'preview';
    canvas.hidden = true;
    video.after(canvas);
    let stream;
    let timer;

    function stop() {
      clearTimeout(timer);
      if (stream) for (const track of stream.getTracks()) track.stop();
      stream = undefined;
      video.srcObject = null;
      video.hidden = true;
      document.getElementById('scan-intro').hidden = false;
      stopButton.hidden = true;
      startButton.hidden = false;
    }

    function accept(text) {
      const value = options.read(text);
      if (value === undefined) {
        status.textContent = t(options.notRecognized);
        return false;
      }
      status.textContent = '';
      canvas.hidden = false;
      options.found(value);
      return true;
    }

    function scanFrame() {
      if (!stream) return;
      if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        const text = decode(canvas, video, video.videoWidth, video.videoHeight);
        if (text && accept(text)) {
          stop();
          return;
        }
      }
      timer = setTimeout(scanFrame, FRAME_INTERVAL_MS);
    }

    startButton.addEventListener('click', async () => {
      canvas.hidden = true;
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        status.textContent = t('cameraUnavailable', { reason: 'getUserMedia' });
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
      } catch (err) {
        status.textContent = t('cameraUnavailable', { reason: (err && err.name) || String(err) });
        return;
      }
      video.srcObject = stream;
      video.hidden = false;
      document.getElementById('scan-intro').hidden = true;
      startButton.hidden = true;
      stopButton.hidden = false;
      status.textContent = t('scanning');
      await video.play().catch(() => undefined);
      scanFrame();
    });
    stopButton.addEventListener('click', () => {
      stop();
      status.textContent = '';
    });

    photo.addEventListener('change', async () => {
      const file = photo.files && photo.files[0];
      if (!file) return;
      canvas.hidden = true;
      let text;
      try {
        const bitmap = await createImageBitmap(file);
        text = decode(canvas, bitmap, bitmap.width, bitmap.height);
        bitmap.close();
      } catch {
        text = undefined;
      }
      photo.value = '';
      if (!text) {
        status.textContent = t('noQrFound');
        return;
      }
      accept(text);
    });
  }

  /** The value of one query parameter of a URL-like text, or undefined. */
  function queryParameter(text, name) {
    const at = text.indexOf('?');
    if (at < 0) return undefined;
    return new URLSearchParams(text.slice(at + 1)).get(name) ?? undefined;
  }

  window.Scanner = { attach, queryParameter };
})();
