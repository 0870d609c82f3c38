// The target band of households per grid (balance.js): classes at the band's edges, the band the
// planner chose (localStorage), refused bands.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const MODULE = new URL('../../main/resources/static/js/balance.js', import.meta.url);

/** A fresh copy of the module (its band is read once, at load), over the given localStorage. */
async function loadWith(storage) {
  globalThis.localStorage = storage;
  try {
    return await import(`${MODULE}?case=${Math.random()}`);
  } finally {
    delete globalThis.localStorage;
  }
}

function memoryStorage(entries = {}) {
  const map = new Map(Object.entries(entries));
  return {
    getItem: key => (map.has(key) ? map.get(key) : null),
    setItem: (key, value) => map.set(key, String(value)),
    map,
  };
}

test('without a saved band: 200 to 400 households, both ends within', async () => {
  const balance = await loadWith(undefined);
  assert.deepEqual(balance.targetBand(), { min: 200, max: 400 });
  assert.equal(balance.balanceClass(0), 'empty');
  assert.equal(balance.balanceClass(undefined), 'empty');
  assert.equal(balance.balanceClass(1), 'below');
  assert.equal(balance.balanceClass(199), 'below');
  assert.equal(balance.balanceClass(200), 'within');
  assert.equal(balance.balanceClass(400), 'within');
  assert.equal(balance.balanceClass(401), 'above');
  assert.equal(balance.balanceColor(0), '#f7f7f7');
  assert.equal(balance.balanceColor(150), '#9ecae1');
  assert.equal(balance.balanceColor(300), '#74c476');
  assert.equal(balance.balanceColor(500), '#fb6a4a');
});

test('a saved band is used; a broken or inverted one is not', async () => {
  const saved = await loadWith(memoryStorage({ 'gridpatrol.targetBand': '{"min":50,"max":80}' }));
  assert.deepEqual(saved.targetBand(), { min: 50, max: 80 });
  assert.equal(saved.balanceClass(81), 'above');
  const broken = await loadWith(memoryStorage({ 'gridpatrol.targetBand': 'not json' }));
  assert.deepEqual(broken.targetBand(), { min: 200, max: 400 });
  const inverted = await loadWith(memoryStorage({ 'gridpatrol.targetBand': '{"min":300,"max":100}' }));
  assert.deepEqual(inverted.targetBand(), { min: 200, max: 400 });
});

test('setTargetBand refuses empty or negative bands, otherwise saves and tells listeners', async () => {
  const storage = memoryStorage();
  const balance = await loadWith(storage);
  const heard = [];
  const stop = balance.onBandChange(band => heard.push(band));
  globalThis.localStorage = storage;
  try {
    assert.equal(balance.setTargetBand(100, 100), false);
    assert.equal(balance.setTargetBand(-1, 100), false);
    assert.equal(balance.setTargetBand(NaN, 100), false);
    assert.deepEqual(heard, []);
    assert.equal(balance.setTargetBand(100, 150), true);
    assert.deepEqual(heard, [{ min: 100, max: 150 }]);
    assert.equal(storage.map.get('gridpatrol.targetBand'), '{"min":100,"max":150}');
    assert.equal(balance.balanceClass(160), 'above');
    stop();
    balance.setTargetBand(10, 20);
    assert.equal(heard.length, 1, 'no call after unsubscribing');
  } finally {
    delete globalThis.localStorage;
  }
});

test('targetBand hands out a copy', async () => {
  const balance = await loadWith(undefined);
  balance.targetBand().min = 0;
  assert.equal(balance.targetBand().min, 200);
});
