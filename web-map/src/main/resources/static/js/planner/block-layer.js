import { getJson } from '../api.js';
import { balanceColor } from '../balance.js';
import { escapeHtml, localName, t } from '../i18n.js';
import { contains } from './geometry.js';

// The blocks of a plan, filled by the balance of the grid each belongs to in the plan, with the
// plan's grid outlines on top. Every block is an SVG path (class block-polygon, data-block-id) so
// tools and browser tests can find it; selected blocks carry the class selected.
export class BlockLayer {
  constructor(map) {
    this.map = map;
    this.features = new Map();
    this.layers = new Map();
    this.renderer = L.svg({ pane: 'blocks' });
    this.blocks = L.featureGroup(); // a FeatureGroup: clicks on blocks reach the tools listening here
    this.outlines = L.geoJSON(null, {
      pane: 'blocks', renderer: this.renderer, interactive: false,
      style: () => ({ className: 'plan-grid-outline', color: '#253238', weight: 3, fill: false }),
    });
    this.group = L.layerGroup([this.blocks, this.outlines]);
    this.jurisdictionId = null;
  }

  /** Loads the block geometries of a jurisdiction (again when a split made new blocks). */
  async load(jurisdictionId) {
    const data = await getJson('/api/blocks', { jurisdiction: jurisdictionId });
    this.jurisdictionId = jurisdictionId;
    this.features = new Map(data.features.map(f => [f.properties.id, f]));
  }

  hasAll(blockIds) {
    return [...blockIds].every(id => this.features.has(id));
  }

  enable() {
    this.group.addTo(this.map);
  }

  disable() {
    this.group.remove();
  }

  /** Draws the plan: assignment block → grid, households per grid, the grids' outlines and names. */
  show(assignment, householdsOf, outlines, gridNames) {
    this.blocks.clearLayers();
    this.layers.clear();
    for (const [blockId, gridId] of assignment) {
      const feature = this.features.get(blockId);
      if (!feature) continue;
      const layer = L.geoJSON(feature, {
        pane: 'blocks', renderer: this.renderer,
        style: () => ({ className: 'block-polygon', color: '#ffffff', weight: 1, fillColor: balanceColor(householdsOf(gridId)), fillOpacity: 0.6 }),
      }).getLayers()[0];
      layer.blockId = blockId;
      layer.bindTooltip(() => `${escapeHtml(gridNames.get(gridId) || '')}<br>${t('grid.households')}: ${feature.properties.households}`,
        { sticky: true });
      layer.gridId = gridId;
      layer.on('add', () => {
        layer.getElement().dataset.blockId = String(blockId);
        layer.getElement().dataset.gridId = String(gridId);
      });
      layer.addTo(this.blocks);
      this.layers.set(blockId, layer);
    }
    this.outlines.clearLayers();
    if (outlines) this.outlines.addData(outlines);
  }

  /** Marks the selected blocks and (dashed purple) the blocks of locked grids. */
  select(selection, locked = new Set()) {
    for (const [id, layer] of this.layers) {
      const selected = selection.has(id);
      const lock = locked.has(layer.gridId);
      const element = layer.getElement();
      if (element) {
        element.classList.toggle('selected', selected);
        element.classList.toggle('locked', lock);
      }
      layer.setStyle(selected ? { color: '#ff7f00', weight: 3, dashArray: null }
        : lock ? { color: '#54278f', weight: 2, dashArray: '4 3' } : { color: '#ffffff', weight: 1, dashArray: null });
      if (selected && element) layer.bringToFront();
    }
  }

  /** Zooms to the blocks. */
  fit(blockIds) {
    const bounds = L.latLngBounds();
    blockIds.forEach(id => this.layers.has(id) && bounds.extend(this.layers.get(id).getBounds()));
    if (bounds.isValid()) this.map.fitBounds(bounds, { maxZoom: 17 });
  }

  /** The id of the block under a map position, or undefined. */
  blockAt(lngLat) {
    for (const id of this.layers.keys()) {
      if (contains(this.features.get(id).geometry, lngLat)) return id;
    }
    return undefined;
  }

  /** A point inside each shown block's bounds, for the lasso: [id, [lng, lat]]. */
  centers() {
    return [...this.layers].map(([id, layer]) => {
      const c = layer.getBounds().getCenter();
      return [id, [c.lng, c.lat]];
    });
  }

  on(event, fn) {
    this.blocks.on(event, fn);
  }

  off(event, fn) {
    this.blocks.off(event, fn);
  }
}

/** Names of a plan's grids by id, in the chosen language. */
export function gridNamesOf(plan) {
  return new Map(plan.grids.map(g => [g.id, `${g.code} ${localName(g)}`]));
}
