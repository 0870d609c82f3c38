import { getJson, csrfToken } from './api.js';
import { VectorTileLayer } from './tile-layers.js';
import { PlaceLabels } from './place-labels.js';
import { JurisdictionLayer } from './jurisdiction-layer.js';
import { GridLayer } from './grid-layer.js';
import { addLegend } from './legend.js';
import { escapeHtml, language, setLanguage, t, translate } from './i18n.js';
import { showStatus, clearStatus } from './status.js';
import { describeError } from './errors.js';
import { ViewSwitcher } from './views.js';
import { markTiming } from './timings.js';
import { showEmptyState } from './empty-state.js';

// Wires the page: panes in drawing order, then basemap (vector tiles), jurisdictions and grids, then the views.
async function start() {
  translate();
  document.getElementById('language-switch').addEventListener('click', () => {
    setLanguage(language() === 'en' ? 'zh-CN' : 'en');
    location.reload();
  });
  const map = L.map('map', { zoomControl: true, attributionControl: true });
  window.gridpatrol = { map }; // test hook: the browser tests place clicks with map.latLngToContainerPoint
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  for (const [name, z] of [['basemap', 200], ['grids', 400], ['blocks', 420], ['jurisdictions', 450], ['planning', 460],
    ['routes', 470], ['registers', 480], ['labels', 500]]) {
    map.createPane(name).style.zIndex = z;
  }
  map.getPane('labels').style.pointerEvents = 'none';
  addLegend(map);

  const me = await getJson('/api/me');
  document.getElementById('user-name').textContent = `${me.username} (${me.role})`;
  document.getElementById('logout-csrf').value = csrfToken();
  document.getElementById('tokens-open').addEventListener('click', () => import('./tokens.js').then(m => m.openTokens()));

  showStatus(escapeHtml(t('app.loading')));
  const extent = await getJson('/api/basemap/extent');
  const [w, s, e, n] = extent.bbox;
  // real registers carry no sample note
  document.querySelector('.sample-note').hidden = !extent.synthetic;
  map.attributionControl.addAttribution(escapeHtml(t(extent.synthetic ? 'app.attribution' : 'app.attributionOsm')));
  map.fitBounds([[s, w], [n, e]]);

  const basemap = new VectorTileLayer(map, 'basemap');
  const registers = ['households', 'rentals', 'keyplaces', 'patrolroutes', 'tracks'].map(name => new VectorTileLayer(map, name));
  const jurisdictions = new JurisdictionLayer(map);
  const grids = new GridLayer(map);
  await Promise.all([basemap.enable(), jurisdictions.enable(), ...registers.map(layer => layer.refresh())]);
  new PlaceLabels(basemap.url).addTo(map);
  if (jurisdictions.features.length === 0) {
    clearStatus();
    showEmptyState(me);
    document.body.dataset.gridsLoaded = '0';
    return;
  }
  const count = await grids.enable(jurisdictions.roots().map(f => f.properties.id));
  markTiming('grids-drawn');
  document.body.dataset.gridsLoaded = String(count);
  L.control.layers(null, {
    [escapeHtml(t('app.layers.basemap'))]: basemap.layer,
    [escapeHtml(t('app.layers.grids'))]: grids.layer,
    [escapeHtml(t('app.layers.jurisdictions'))]: jurisdictions.layer,
    [escapeHtml(t('app.layers.households'))]: registers[0].layer,
    [escapeHtml(t('app.layers.rentals'))]: registers[1].layer,
    [escapeHtml(t('app.layers.keyPlaces'))]: registers[2].layer,
    [escapeHtml(t('app.layers.patrolRoutes'))]: registers[3].layer,
    [escapeHtml(t('app.layers.tracks'))]: registers[4].layer,
  }, { collapsed: true }).addTo(map);
  clearStatus();
  await new ViewSwitcher({ map, me, jurisdictions, grids }).start();
}

start().catch(error => {
  showStatus(escapeHtml(t('app.loadFailed', { message: describeError(error) })), true);
  console.error(error);
});
