import { getJson } from './api.js';
import { bilingual, escapeHtml } from './i18n.js';

const LEVEL_NAMES = { county: ['县级', 'county'], township: ['乡镇', 'township'], village: ['村/社区', 'village'] };

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
        const [zh, en] = LEVEL_NAMES[f.properties.level];
        layer.bindTooltip(`${escapeHtml(f.properties.name)} · ${bilingual(zh, en)}`, { sticky: true });
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
