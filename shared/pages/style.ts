/** The stylesheet every service serves at `/assets/passport.css`: one column on phones, wider on desks. */
export const PASSPORT_CSS = `
:root { --ink:#14213d; --muted:#5c677d; --line:#d9dee7; --bg:#f6f8fb; --ok:#1b7f3b; --bad:#b3261e; --warn:#8a5a00; --accent:#0b6e99; }
* { box-sizing: border-box; }
body { margin:0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color:var(--ink); background:var(--bg); }
header.top { display:flex; justify-content:flex-end; padding:8px 12px; background:#fff; border-bottom:1px solid var(--line); }
.langs a { margin-left:10px; color:var(--accent); text-decoration:none; font-size:14px; }
.langs a[aria-current] { font-weight:700; text-decoration:underline; }
main { max-width: 760px; margin: 0 auto; padding: 12px; }
h1 { font-size: 1.4rem; margin: 12px 0; }
h2 { font-size: 1.15rem; margin: 18px 0 8px; }
.card { background:#fff; border:1px solid var(--line); border-radius:10px; padding:12px; margin:10px 0; }
.ok { color: var(--ok); } .bad { color: var(--bad); } .warn { color: var(--warn); } .muted { color: var(--muted); font-size: 14px; }
.banner { border-radius:10px; padding:14px; font-weight:700; font-size:1.15rem; margin:10px 0; }
.banner.ok { background:#e6f4ea; } .banner.bad { background:#fce8e6; }
label { display:block; margin: 8px 0 4px; font-weight:600; }
input, select, textarea, button { font: inherit; width:100%; padding:10px; border:1px solid var(--line); border-radius:8px; background:#fff; }
button, .button { background: var(--accent); color:#fff; border:0; cursor:pointer; margin-top:10px; display:inline-block; text-align:center; text-decoration:none; padding:10px 14px; border-radius:8px; }
button.secondary, .button.secondary { background:#fff; color:var(--accent); border:1px solid var(--accent); }
input[type=file].file { position:absolute; left:0; width:1px; height:1px; padding:0; border:0; opacity:0; overflow:hidden; clip-path:inset(50%); }
input[type=file].file:focus-visible + label.file-button { outline: 2px solid var(--accent); outline-offset: 2px; }
label.file-button { display:block; width:100%; font-weight:400; margin:10px 0 0; }
table { width:100%; border-collapse: collapse; }
th, td { text-align:left; padding:6px 4px; border-bottom:1px solid var(--line); font-size:15px; }
ul.cards { list-style:none; padding:0; margin:0; }
ul.checks { list-style:none; padding:0; } ul.checks li { padding:6px 0; border-bottom:1px solid var(--line); }
video, canvas.preview { width:100%; max-width:420px; border-radius:10px; background:#000; }
img.qr { width: 240px; max-width: 100%; image-rendering: pixelated; }
td, li, p, dd { overflow-wrap: anywhere; }
th { overflow-wrap: normal; hyphens: auto; }
button.print { width: auto; margin: 0 0 0 8px; padding: 4px 12px; }
.card { padding: 12px 14px; }
.id, code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 14px; overflow-wrap: anywhere; word-break: break-all; }
.table-wrap { overflow-x: auto; }
td.num, th.num { text-align: right; white-space: nowrap; }
details.technical { margin-top: 4px; font-size: 14px; color: var(--muted); }
details.technical summary { cursor: pointer; }
details.technical code { display: block; white-space: pre-wrap; }
.checked-at { color: var(--muted); font-size: 14px; }
#new-request fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 10px 0 0; padding: 4px 12px 8px; }
#new-request fieldset legend { font-weight: 600; padding: 0 4px; }
#new-request fieldset label { font-weight: 400; display: flex; gap: 10px; align-items: center; margin: 6px 0; }
.link-row { display: flex; gap: 8px; align-items: center; }
.link-row input { flex: 1 1 auto; min-width: 0; }
.link-row button { width: auto; margin-top: 0; flex: 0 0 auto; }
.camera-intro video[hidden], video[hidden] { display: none; }
@media (min-width: 700px) { main { padding: 20px; } .grid { display:grid; grid-template-columns: 1fr 1fr; gap: 12px; } }
@media print {
  header.top, .no-print, button, .button, form, details.technical summary { display: none !important; }
  body { background: #fff; font-size: 12pt; }
  main { max-width: none; padding: 0; }
  .card, .banner { border: 1px solid #999; break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
