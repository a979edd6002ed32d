// The scan page: camera frames and chosen photos are decoded with the bundled jsQR; a passport
// QR (a share link, or a verifier's /verify?presentation= link) opens the result on this verifier.
(function () {
  'use strict';
  var root = document.getElementById('scanner');
  var video = document.getElementById('camera');
  var status = document.getElementById('scan-status');
  var photo = document.getElementById('photo');
  var startButton = document.getElementById('start-camera');
  var canvas = document.createElement('canvas');
  var context = canvas.getContext('2d', { willReadFrequently: true });
  var stream = null;
  var lang = root.getAttribute('data-lang') || 'kk';

  function say(text) {
    status.textContent = text;
  }

  function stop() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
  }

  function open(text) {
    var value = String(text).trim();
    if (/^openid4vp:/i.test(value)) return say(root.getAttribute('data-request-qr'));
    var shareUrl = value;
    try {
      var url = new URL(value);
      var inner = url.searchParams.get('presentation');
      if (url.pathname === '/verify' && inner) shareUrl = inner;
    } catch (e) {
      // Not a URL: a JWT goes through the paste form.
      document.getElementById('input').value = value;
      document.getElementById('paste-form').submit();
      return;
    }
    stop();
    window.location.assign('/verify?presentation=' + encodeURIComponent(shareUrl) + '&lang=' + lang);
  }

  function decode(source, width, height) {
    canvas.width = width;
    canvas.height = height;
    context.drawImage(source, 0, 0, width, height);
    var image = context.getImageData(0, 0, width, height);
    return jsQR(image.data, width, height, { inversionAttempts: 'attemptBoth' });
  }

  function scanFrame() {
    if (!stream) return;
    if (video.readyState >= 2 && video.videoWidth > 0) {
      var code = decode(video, video.videoWidth, video.videoHeight);
      if (code && code.data) return open(code.data);
    }
    window.requestAnimationFrame(scanFrame);
  }

  function start() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return say(root.getAttribute('data-camera-unavailable'));
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        video.hidden = false;
        document.getElementById('camera-intro').hidden = true;
        say(root.getAttribute('data-scanning'));
        return video.play();
      })
      .then(function () { window.requestAnimationFrame(scanFrame); })
      .catch(function () { say(root.getAttribute('data-camera-unavailable')); });
  }

  photo.addEventListener('change', function () {
    var file = photo.files && photo.files[0];
    if (!file) return;
    var image = new Image();
    var url = URL.createObjectURL(file);
    image.onload = function () {
      // Large phone photos are scaled down: jsQR is quicker and no less accurate on 1000 px.
      var scale = Math.min(1, 1000 / Math.max(image.naturalWidth, image.naturalHeight));
      var code = decode(image, Math.round(image.naturalWidth * scale), Math.round(image.naturalHeight * scale));
      URL.revokeObjectURL(url);
      if (code && code.data) open(code.data);
      else say(root.getAttribute('data-no-qr'));
    };
    image.onerror = function () { say(root.getAttribute('data-no-qr')); };
    image.src = url;
  });

  // The camera starts when asked: first the page says what it is for, not a black box.
  startButton.addEventListener('click', function () { stop(); start(); });
})();
