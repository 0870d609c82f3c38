// Small pure helpers: the rental due test (worker/register-fields.js), team colours, the meeting
// map's household classes (share-grids.js), the diff's change test, checkpoint kind names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDue } from '../../main/resources/static/js/worker/register-fields.js';
import { teamColor } from '../../main/resources/static/js/patrol/team-colors.js';
import { changeTest } from '../../main/resources/static/js/planner/diff-panel.js';
import { kindName } from '../../main/resources/static/js/patrol/stop-list.js';

/** Runs fn with `new Date()` fixed at the given instant. */
function at(iso, fn) {
  const RealDate = Date;
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      super(...(args.length > 0 ? args : [iso]));
    }
  };
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

test('a rental is due when its next inspection is at most seven days away or past', () => {
  // noon UTC, so that adding days in local time cannot cross a UTC date in any time zone offset
  at('2026-03-10T12:00:00Z', () => {
    assert.equal(isDue({ nextInspection: '2026-03-17' }), true);
    assert.equal(isDue({ nextInspection: '2026-03-18' }), false);
    assert.equal(isDue({ nextInspection: '2026-03-10' }), true);
    assert.equal(isDue({ nextInspection: '2025-12-31' }), true, 'overdue');
    assert.equal(isDue({ nextInspection: '2027-01-01' }), false);
    assert.equal(isDue({ nextInspection: null }), false);
    assert.equal(isDue({}), false);
  });
  at('2026-12-28T12:00:00Z', () => {
    assert.equal(isDue({ nextInspection: '2027-01-04' }), true, 'across the year end');
    assert.equal(isDue({ nextInspection: '2027-01-05' }), false);
  });
});

test('team colours cycle after eight; team 0 or less counts as team 1', () => {
  assert.equal(teamColor(1), '#e41a1c');
  assert.equal(teamColor(2), '#377eb8');
  assert.equal(teamColor(8), '#525252');
  assert.equal(teamColor(9), '#e41a1c');
  assert.equal(teamColor(10), '#377eb8');
  assert.equal(teamColor(0), '#e41a1c');
  assert.equal(teamColor(-3), '#e41a1c');
});

test('the meeting map\'s fixed household classes, upper bounds included', async () => {
  // share-grids.js reads the share token from the page address when it loads
  globalThis.location = { pathname: '/share/abc', origin: 'http://localhost' };
  try {
    const { colorFor } = await import('../../main/resources/static/js/share-grids.js');
    assert.equal(colorFor(0), '#f7f7f7');
    assert.equal(colorFor(1), '#c6dbef');
    assert.equal(colorFor(150), '#c6dbef');
    assert.equal(colorFor(151), '#6baed6');
    assert.equal(colorFor(300), '#6baed6');
    assert.equal(colorFor(450), '#2171b5');
    assert.equal(colorFor(451), '#08306b');
    assert.equal(colorFor(100000), '#08306b');
  } finally {
    delete globalThis.location;
  }
});

test('the diff marks new, removed and resized grids and both ends of a move', () => {
  const diff = { movedBlocks: [{ blockId: 1, fromGridId: 10, toGridId: 11 }] };
  const changed = changeTest(diff);
  const same = { households: 5 };
  assert.equal(changed({ gridId: 10, before: same, after: same }), true, 'a block moved out');
  assert.equal(changed({ gridId: 11, before: same, after: same }), true, 'a block moved in');
  assert.equal(changed({ gridId: 12, before: same, after: { households: 5 } }), false);
  assert.equal(changed({ gridId: 12, before: same, after: { households: 6 } }), true);
  assert.equal(changed({ gridId: 13, before: null, after: same }), true, 'new');
  assert.equal(changed({ gridId: 14, before: same, after: null }), true, 'removed');
});

test('checkpoint kinds: known ones named, no kind is a free point, unknown ones as sent', () => {
  assert.equal(kindName('rental_due'), '待检查出租房');
  assert.equal(kindName('elderly_alone'), '独居老人');
  assert.equal(kindName(undefined), '自选点');
  assert.equal(kindName(''), '自选点');
  assert.equal(kindName('bridge'), 'bridge');
});
