import { getJson } from './api.js';
import { escapeHtml, localName, t } from './i18n.js';

// Jurisdiction outlines: townships dashed, counties bold.
export class JurisdictionLayer {
  constructor(map) {
    this.map = map;
    this.layer = L.geoJSON(null, {
      pane: 'jurisdictions',
      style: f => f.properties.level === 'county'
        ? { color: '#6a3d9a', weight: 3, fill: false }
        : { color: '#6a3d9a', weight: 1.5, dashArray: '6 4', fill: false },
      onEachFeature: (f, layer) => {
        layer.bindTooltip(`${escapeHtml(localName(f.properties))} · ${t(`level.${f.properties.level}`)}`, { sticky: true });
      },
    });
    this.features = [];
  }

  async enable() {
    const data = await getJson('/api/jurisdictions');
    this.features = data.features;
    this.layer.addData(data).addTo(this.map);
    return data;
  }

  roots() {
    return this.features.filter(f => f.properties.level === 'county');
  }
}
