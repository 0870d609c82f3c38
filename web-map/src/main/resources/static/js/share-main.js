import { ApiError } from './api.js';
import { shared, setPin } from './share-api.js';
import { SharedBasemapLayer } from './share-basemap.js';
import { SharedGridLayer, SharedJurisdictionLayer, addShareLegend } from './share-grids.js';
import { AnnotationTool } from './share-annotations.js';
import { ViewExport } from './share-export.js';
import { SHARE_MESSAGES as M, escapeHtml, message } from './i18n.js';
import { showStatus, clearStatus } from './status.js';

// Wires the shared meeting page (/share/{token}): asks for the PIN when the share has one, then
// draws the layers the share includes, the annotations beside the map, and the export buttons.
function texts() {
  const set = (id, key) => { document.getElementById(id).innerHTML = message(M, key); };
  set('share-title', 'title');
  set('share-note', 'readOnly');
  set('export-png', 'exportPng');
  set('export-pdf', 'exportPdf');
  set('annotations-title', 'annotations');
  set('annotation-hint', 'addHint');
  set('author-label', 'author');
  set('text-label', 'text');
  set('annotation-add', 'add');
  set('annotation-readonly', 'readOnlyNotes');
  set('pin-label', 'pinPrompt');
  set('pin-button', 'open');
  set('incidents-note', 'noIncidents');
}

async function info() {
  for (;;) {
    try {
      return await shared('info');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 403 || !error.problem.pinRequired) throw error;
      await askPin(document.getElementById('pin').value !== '');
    }
  }
}

function askPin(wasWrong) {
  const form = document.getElementById('pin-form');
  form.hidden = false;
  const wrong = document.getElementById('pin-error');
  wrong.hidden = !wasWrong;
  wrong.innerHTML = message(M, 'pinWrong');
  clearStatus();
  return new Promise(resolve => {
    form.onsubmit = e => {
      e.preventDefault();
      setPin(document.getElementById('pin').value);
      form.hidden = true;
      resolve();
    };
  });
}

async function start() {
  texts();
  showStatus(message(M, 'loading'));
  const share = await info();
  const map = L.map('map', { zoomControl: true, attributionControl: true });
  window.sharedMap = map; // for scripted use of the page (and the browser test, which clicks a known place)
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  map.attributionControl.addAttribution('© OpenStreetMap contributors, ODbL · 合成住户数据 synthetic households');
  for (const [name, z] of [['basemap', 200], ['grids', 400], ['jurisdictions', 450], ['routes', 470], ['labels', 500]]) {
    map.createPane(name).style.zIndex = z;
  }
  map.getPane('labels').style.pointerEvents = 'none';
  const [w, s, e, n] = share.bbox;
  map.fitBounds([[s, w], [n, e]]);
  L.geoJSON(share.area, { interactive: false, style: { color: '#d95f02', weight: 2, fill: false } }).addTo(map);
  document.getElementById('share-note').innerHTML = `${message(M, 'readOnly')} · ${message(M, 'expires')} `
    + escapeHtml(new Date(share.expiresAt).toLocaleString('zh-CN'));

  const layers = {};
  const has = name => share.layers.includes(name);
  if (has('basemap')) {
    layers.basemap = new SharedBasemapLayer(map, params => shared('basemap', params));
    await layers.basemap.enable();
  }
  if (has('jurisdictions')) {
    layers.jurisdictions = new SharedJurisdictionLayer(map);
    await layers.jurisdictions.enable();
  }
  let count = 0;
  if (has('grids')) {
    layers.grids = new SharedGridLayer(map);
    count = await layers.grids.enable();
    addShareLegend(map);
  }
  if (has('routes')) {
    const { SharedRouteLayer } = await import('./share-routes.js');
    layers.routes = new SharedRouteLayer(map);
    await layers.routes.enable();
  }
  if (has('annotations')) {
    layers.annotations = new AnnotationTool(map, share.allowAnnotations, layers.grids ? [layers.grids.layer] : []);
    await layers.annotations.enable();
  } else {
    document.getElementById('share-panel').hidden = true;
  }
  const exporter = new ViewExport(map, layers);
  document.getElementById('export-png').onclick = () => exporter.png();
  document.getElementById('export-pdf').onclick = async () => {
    await exporter.pdf();
    document.body.dataset.exported = 'pdf';
  };
  document.body.dataset.shareLoaded = String(count);
  clearStatus();
}

start().catch(error => {
  showStatus(`${message(M, 'failed')}: ${escapeHtml(error.message)}`, true);
  document.body.dataset.shareFailed = error.status ? String(error.status) : 'error';
  console.error(error);
});
