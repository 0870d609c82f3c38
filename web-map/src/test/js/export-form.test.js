// The export form's download URL (planner/export-form.js): the encoding goes with CSV only.
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.location = { origin: 'http://localhost:8080' };
const { exportUrl } = await import('../../main/resources/static/js/planner/export-form.js');

test('the URL names layer, jurisdiction, format and coordinates', () => {
  assert.equal(exportUrl(12, { layer: 'households', format: 'gpkg', encoding: 'gbk', crs: 'gcj02' }),
    '/api/exports/households?jurisdiction=12&format=gpkg&crs=gcj02');
});

test('CSV carries the chosen encoding', () => {
  assert.equal(exportUrl(3, { layer: 'grids', format: 'csv', encoding: 'gbk', crs: 'cgcs2000' }),
    '/api/exports/grids?jurisdiction=3&format=csv&crs=cgcs2000&encoding=gbk');
});
