import { getJson, csrfToken } from './api.js';
import { VectorTileLayer } from './tile-layers.js';
import { PlaceLabels } from './place-labels.js';
import { JurisdictionLayer } from './jurisdiction-layer.js';
import { GridLayer } from './grid-layer.js';
import { addLegend } from './legend.js';
import { bilingual, escapeHtml } from './i18n.js';
import { showStatus, clearStatus } from './status.js';

// Wires the page: panes in drawing order, then basemap (vector tiles), jurisdictions and grids.
async function start() {
  const map = L.map('map', { zoomControl: true, attributionControl: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  map.attributionControl.addAttribution('© OpenStreetMap contributors, ODbL · 合成住户数据 synthetic households');
  for (const [name, z] of [['basemap', 200], ['grids', 400], ['registers', 420], ['jurisdictions', 450], ['labels', 500]]) {
    map.createPane(name).style.zIndex = z;
  }
  map.getPane('labels').style.pointerEvents = 'none';
  addLegend(map);

  const me = await getJson('/api/me');
  document.getElementById('user-name').textContent = `${me.username} (${me.role})`;
  document.getElementById('logout-csrf').value = csrfToken();

  showStatus(bilingual('正在加载地图…', 'Loading the map…'));
  const extent = await getJson('/api/basemap/extent');
  const [w, s, e, n] = extent.bbox;
  map.fitBounds([[s, w], [n, e]]);

  const basemap = new VectorTileLayer(map, 'basemap');
  const registers = ['households', 'rentals', 'keyplaces', 'patrolroutes'].map(name => new VectorTileLayer(map, name));
  const jurisdictions = new JurisdictionLayer(map);
  const grids = new GridLayer(map);
  await Promise.all([basemap.enable(), jurisdictions.enable(), ...registers.map(layer => layer.refresh())]);
  new PlaceLabels(basemap.url).addTo(map);
  const count = await grids.enable(jurisdictions.roots().map(f => f.properties.id));
  document.body.dataset.gridsLoaded = String(count);
  L.control.layers(null, {
    [bilingual('底图', 'Basemap')]: basemap.layer,
    [bilingual('网格', 'Grids')]: grids.layer,
    [bilingual('行政区', 'Jurisdictions')]: jurisdictions.layer,
    [bilingual('住户', 'Households')]: registers[0].layer,
    [bilingual('出租房', 'Rentals')]: registers[1].layer,
    [bilingual('重点场所', 'Key places')]: registers[2].layer,
    [bilingual('巡逻路线', 'Patrol routes')]: registers[3].layer,
  }, { collapsed: true }).addTo(map);
  clearStatus();
}

start().catch(error => {
  showStatus(`${bilingual('加载失败', 'Loading failed')}: ${escapeHtml(error.message)}`, true);
  console.error(error);
});
