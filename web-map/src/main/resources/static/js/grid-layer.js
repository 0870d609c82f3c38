import { getJson } from './api.js';
import { balanceColor, onBandChange } from './balance.js';
import { escapeHtml, localName, t } from './i18n.js';

// Published grids (or, with asOf, the grids in force on a day), filled by household count against
// the target band. SVG paths (class grid-polygon) so that each grid is a DOM element: clickable,
// and visible to the browser tests.
export class GridLayer {
  constructor(map) {
    this.map = map;
    this.style = f => ({ className: 'grid-polygon', color: '#ffffff', weight: 1, fillColor: balanceColor(f.properties.households), fillOpacity: 0.55 });
    this.layer = L.geoJSON(null, {
      pane: 'grids', renderer: L.svg({ pane: 'grids' }),
      style: this.style,
      onEachFeature: (f, layer) => {
        const p = f.properties;
        layer.bindPopup(`<strong>${escapeHtml(localName(p))}</strong><br>`
          + `${t('grid.code')}: ${escapeHtml(p.code)}<br>`
          + `${t('grid.households')}: ${p.households}<br>${t('grid.rentals')}: ${p.rentals}`);
      },
    });
    this.count = 0;
    this.jurisdictionIds = [];
    onBandChange(() => this.layer.setStyle(this.style));
  }

  async enable(jurisdictionIds) {
    this.layer.addTo(this.map);
    this.jurisdictionIds = jurisdictionIds;
    return this.reload();
  }

  disable() {
    this.layer.remove();
  }

  /** Loads the grids again; asOf (YYYY-MM-DD) shows them as they were on that day. */
  async reload(asOf) {
    const collections = await Promise.all(this.jurisdictionIds.map(id =>
      getJson('/api/grids', asOf ? { jurisdiction: id, asOf } : { jurisdiction: id })));
    this.layer.clearLayers();
    this.count = 0;
    for (const data of collections) {
      this.layer.addData(data);
      this.count += data.features.length;
    }
    return this.count;
  }
}
