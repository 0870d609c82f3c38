// Planar picking geometry (planner/geometry.js) on [x, y] positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contains, insideLasso, samplesAlong } from '../../main/resources/static/js/planner/geometry.js';

// a 10 x 10 square with a 2 x 2 hole in the middle:
//   (0,10) +-----------+ (10,10)
//          |   +---+   |
//          |   |   |   |   hole (4,4)-(6,6)
//          |   +---+   |
//    (0,0) +-----------+ (10,0)
const square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
const hole = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]];
const polygon = { type: 'Polygon', coordinates: [square, hole] };

test('a polygon contains points inside its shell and outside its holes', () => {
  assert.equal(contains(polygon, [1, 1]), true);
  assert.equal(contains(polygon, [9, 5]), true);
  assert.equal(contains(polygon, [5, 5]), false, 'in the hole');
  assert.equal(contains(polygon, [11, 5]), false);
  assert.equal(contains(polygon, [-1, 5]), false);
  assert.equal(contains(polygon, [5, 10.5]), false);
});

test('a multipolygon contains the points of each part', () => {
  const far = [[20, 0], [30, 0], [30, 10], [20, 10], [20, 0]];
  const multi = { type: 'MultiPolygon', coordinates: [[square], [far]] };
  assert.equal(contains(multi, [5, 5]), true);
  assert.equal(contains(multi, [25, 5]), true);
  assert.equal(contains(multi, [15, 5]), false);
});

test('no geometry, or not an area, contains nothing', () => {
  assert.equal(contains(null, [1, 1]), false);
  assert.equal(contains({ type: 'LineString', coordinates: [[0, 0], [10, 10]] }, [5, 5]), false);
});

test('a concave lasso (an L shape) and lassos of fewer than three points', () => {
  // +--+
  // |  |
  // |  +--+
  // +-----+   from (0,0) to (2,2), the top right quarter cut away
  const lasso = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]];
  assert.equal(insideLasso([0.5, 1.5], lasso), true);
  assert.equal(insideLasso([1.5, 0.5], lasso), true);
  assert.equal(insideLasso([1.5, 1.5], lasso), false, 'in the cut-away corner');
  assert.equal(insideLasso([0.5, 0.5], [[0, 0], [2, 0]]), false);
  assert.equal(insideLasso([0.5, 0.5], []), false);
});

test('samplesAlong spaces count + 1 points evenly by length, ends included', () => {
  // an L: 3 along x then 1 up, total length 4
  const line = [[0, 0], [3, 0], [3, 1]];
  assert.deepEqual(samplesAlong(line, 4), [[0, 0], [1, 0], [2, 0], [3, 0], [3, 1]]);
  assert.deepEqual(samplesAlong(line, 2), [[0, 0], [2, 0], [3, 1]]);
  const straight = samplesAlong([[0, 0], [0, 10]], 5);
  assert.deepEqual(straight, [[0, 0], [0, 2], [0, 4], [0, 6], [0, 8], [0, 10]]);
});
