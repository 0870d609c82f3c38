// Small planar geometry on GeoJSON [longitude, latitude] positions, enough for picking on screen.

/** Ray casting: is the point inside the ring (array of positions)? */
function inRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(point, rings) {
  return inRing(point, rings[0]) && !rings.slice(1).some(hole => inRing(point, hole));
}

/** Does a Polygon or MultiPolygon geometry contain the point? */
export function contains(geometry, point) {
  if (!geometry) return false;
  if (geometry.type === 'Polygon') return inPolygon(point, geometry.coordinates);
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.some(rings => inPolygon(point, rings));
  return false;
}

/** Is the point inside the closed ring drawn by a lasso (positions)? */
export function insideLasso(point, lasso) {
  return lasso.length >= 3 && inRing(point, lasso);
}

/** Evenly spaced points along a line (positions), both ends included. */
export function samplesAlong(line, count) {
  const lengths = [0];
  for (let i = 1; i < line.length; i++) {
    lengths.push(lengths[i - 1] + Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]));
  }
  const total = lengths[lengths.length - 1];
  const samples = [];
  for (let k = 0; k <= count; k++) {
    const at = (total * k) / count;
    let i = 1;
    while (i < line.length - 1 && lengths[i] < at) i++;
    const span = lengths[i] - lengths[i - 1] || 1;
    const f = Math.min(1, Math.max(0, (at - lengths[i - 1]) / span));
    samples.push([line[i - 1][0] + f * (line[i][0] - line[i - 1][0]), line[i - 1][1] + f * (line[i][1] - line[i - 1][1])]);
  }
  return samples;
}
