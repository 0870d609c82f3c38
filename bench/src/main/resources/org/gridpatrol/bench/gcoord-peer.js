// The peer of `./gridpatrol bench gcj02`: npm gcoord converts the same points as ours.
// node gcoord-peer.js IN OUT: IN holds n (lon, lat) WGS84 pairs as little-endian float64; OUT gets,
// per point, gcoord's GCJ-02, its WGS84 back from that GCJ-02, its BD-09 and its WGS84 back from
// that BD-09 (8 float64). Prints one JSON line of the loops' times in milliseconds (file I/O excluded).
'use strict';
const fs = require('fs');
const gcoord = require('gcoord');

const [input, output] = process.argv.slice(2);
const bytes = fs.readFileSync(input);
const points = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8);
const n = points.length / 2;
const out = new Float64Array(n * 8);

function timed(loop) {
  const start = process.hrtime.bigint();
  loop();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const forward = timed(() => {
  for (let i = 0; i < n; i++) {
    const g = gcoord.transform([points[2 * i], points[2 * i + 1]], gcoord.WGS84, gcoord.GCJ02);
    out[8 * i] = g[0];
    out[8 * i + 1] = g[1];
  }
});
const inverse = timed(() => {
  for (let i = 0; i < n; i++) {
    const w = gcoord.transform([out[8 * i], out[8 * i + 1]], gcoord.GCJ02, gcoord.WGS84);
    out[8 * i + 2] = w[0];
    out[8 * i + 3] = w[1];
  }
});
const bdForward = timed(() => {
  for (let i = 0; i < n; i++) {
    const b = gcoord.transform([points[2 * i], points[2 * i + 1]], gcoord.WGS84, gcoord.BD09);
    out[8 * i + 4] = b[0];
    out[8 * i + 5] = b[1];
  }
});
const bdInverse = timed(() => {
  for (let i = 0; i < n; i++) {
    const w = gcoord.transform([out[8 * i + 4], out[8 * i + 5]], gcoord.BD09, gcoord.WGS84);
    out[8 * i + 6] = w[0];
    out[8 * i + 7] = w[1];
  }
});
fs.writeFileSync(output, Buffer.from(out.buffer));
const version = require('gcoord/package.json').version;
console.log(JSON.stringify({ version, forward, inverse, bdForward, bdInverse }));
