import { getJson } from './api.js';
import { escapeHtml, t } from './i18n.js';

// Vector tile layers (ADR 0016): each asks /tiles/{layer}.json for its versioned tile URL and draws
// the tiles with Leaflet.VectorGrid (vendored, global L.vectorGrid). refresh() re-reads the TileJSON,
// so a layer whose data version moved (a published plan, a stored route) loads the new tiles; a shown
// layer does so by itself after a map move, at most every RECHECK_MS.
const ROAD_STYLE = {
  motorway: ['#e892a2', 5], trunk: ['#f9b29c', 4.5], primary: ['#fcd6a4', 4], secondary: ['#f7fabf', 3.5],
  tertiary: ['#ffffff', 3], residential: ['#ffffff', 2.5], unclassified: ['#ffffff', 2.5], service: ['#ffffff', 1.5],
};
const LANDUSE_FILL = { residential: '#e0dfdf', forest: '#add19e', farmland: '#eef0d5', meadow: '#cdebb0', industrial: '#ebdbe8', commercial: '#f2dad9' };
const HIDDEN = { stroke: false, fill: false, radius: 0, opacity: 0, fillOpacity: 0 };

const BASEMAP_STYLES = {
  landuse: p => ({ stroke: false, fill: true, fillColor: LANDUSE_FILL[p.kind] || '#e8e6df', fillOpacity: 0.8 }),
  water: { stroke: false, fill: true, fillColor: '#aad3df', fillOpacity: 1 },
  waterways: { color: '#aad3df', weight: 2 },
  railways: { color: '#707070', weight: 2, dashArray: '6 4' },
  roads: p => {
    const [color, weight] = ROAD_STYLE[p.kind] || ['#ffffff', 1];
    return { color, weight, opacity: 1 };
  },
  buildings: { color: '#c4b6ab', weight: 1, fill: true, fillColor: '#d9d0c9', fillOpacity: 1 },
  places: HIDDEN, // labels come from place-labels.js
};

function countMarker(color, count) {
  return { radius: Math.min(16, 3 + Math.sqrt(count || 1)), fill: true, fillColor: color, fillOpacity: 0.7, color: '#ffffff', weight: 1 };
}

export const TILE_LAYERS = {
  basemap: { pane: 'basemap', styles: BASEMAP_STYLES, interactive: false },
  households: {
    pane: 'registers', interactive: true,
    styles: { households: p => countMarker(p.detail === 'point' ? '#1f78b4' : '#6a3d9a', p.detail === 'point' ? 1 : p.households) },
    popup: p => p.detail === 'point'
      ? `${escapeHtml(t('grid.household'))} #${escapeHtml(p.id)}<br>${escapeHtml(t('field.residents'))}: ${escapeHtml(p.residents)}`
      : `${escapeHtml(t('grid.households'))}: ${escapeHtml(p.households)}<br>${escapeHtml(t('field.residents'))}: ${escapeHtml(p.residents)}`,
  },
  rentals: {
    pane: 'registers', interactive: true,
    styles: { rentals: p => countMarker('#e6550d', p.detail === 'point' ? 1 : p.rentals) },
    popup: p => `${escapeHtml(t('grid.rentals'))}: ${escapeHtml(p.rentals)}<br>${escapeHtml(t('field.tenants'))}: ${escapeHtml(p.tenants)}`,
  },
  keyplaces: {
    pane: 'registers', interactive: true,
    styles: { keyplaces: { radius: 5, fill: true, fillColor: '#d7191c', fillOpacity: 0.9, color: '#ffffff', weight: 1 } },
    popup: p => `${escapeHtml(p.kind)} ${escapeHtml(p.name)}`,
  },
  patrolroutes: {
    pane: 'registers', interactive: false,
    styles: { patrolroutes: { color: '#238b45', weight: 3, opacity: 0.8 } },
  },
  tracks: {
    pane: 'registers', interactive: false,
    styles: { tracks: { color: '#7b3294', weight: 3, opacity: 0.8, dashArray: '6 4' } },
  },
};

/** How often a shown layer re-reads its TileJSON after the map moved (a publish elsewhere moves versions). */
const RECHECK_MS = 30000;
/** A TileJSON read this recently is current enough for switching a layer on (enable() reads it just before). */
const FRESH_MS = 2000;
/** Document event (detail: a layer name) for a change the page made to a layer's data. */
export const TILES_CHANGED = 'gridpatrol:tiles-changed';

export class VectorTileLayer {
  constructor(map, name) {
    this.map = map;
    this.name = name;
    this.spec = TILE_LAYERS[name];
    this.layer = L.layerGroup();
    this.checked = 0;
    const recheck = () => this.refresh().catch(error => console.warn(`tiles ${name}:`, error.message));
    map.on('moveend', () => {
      if (map.hasLayer(this.layer) && Date.now() - this.checked > RECHECK_MS) recheck();
    });
    // switched on in the layers control: the URL read at page load may name a version replaced since
    // (a track uploaded, a route stored), which the server answers with 404, so an old URL draws nothing
    this.layer.on('add', () => { if (Date.now() - this.checked > FRESH_MS) recheck(); });
    // the page changed the layer's data itself: the layer learns the new version at once, shown or not
    // (not only when shown: a layer switched on within FRESH_MS of page load would keep the old URL)
    document.addEventListener(TILES_CHANGED, event => {
      if (event.detail === name) recheck();
    });
  }

  async enable() {
    await this.refresh();
    this.layer.addTo(this.map);
    return this;
  }

  disable() {
    this.layer.remove();
  }

  /** Re-reads the TileJSON; swaps the tiles when the layer's data version moved. */
  async refresh() {
    this.checked = Date.now();
    const tilejson = await getJson(`/tiles/${this.name}.json`);
    const url = tilejson.tiles[0];
    if (url === this.url) return;
    this.url = url;
    const grid = L.vectorGrid.protobuf(url, {
      pane: this.spec.pane, rendererFactory: L.canvas.tile, interactive: this.spec.interactive,
      vectorTileLayerStyles: this.spec.styles, minZoom: 0, maxNativeZoom: tilejson.maxzoom, maxZoom: 22,
      fetchOptions: { credentials: 'same-origin' },
    });
    if (this.spec.popup) {
      grid.on('click', e => L.popup().setLatLng(e.latlng).setContent(this.spec.popup(e.layer.properties)).openOn(this.map));
    }
    this.layer.clearLayers();
    this.layer.addLayer(grid);
  }
}
