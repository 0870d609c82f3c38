import { escapeHtml } from './i18n.js';

// The shared map's basemap: OSM features of the current view inside the shared area, from
// /api/shared/basemap, drawn on a canvas (the export copies that canvas), reloaded after each move.
const ROAD_STYLE = {
  motorway: ['#e892a2', 5], trunk: ['#f9b29c', 4.5], primary: ['#fcd6a4', 4], secondary: ['#f7fabf', 3.5],
  tertiary: ['#ffffff', 3], residential: ['#ffffff', 2.5], unclassified: ['#ffffff', 2.5], service: ['#ffffff', 1.5],
};
const LANDUSE_FILL = { residential: '#e0dfdf', forest: '#add19e', farmland: '#eef0d5', meadow: '#cdebb0', industrial: '#ebdbe8', commercial: '#f2dad9' };

function style(feature) {
  const p = feature.properties;
  switch (p.layer) {
    case 'landuse': return { stroke: false, fillColor: LANDUSE_FILL[p.kind] || '#e8e6df', fillOpacity: 0.8 };
    case 'water': return { stroke: false, fillColor: '#aad3df', fillOpacity: 1 };
    case 'waterway': return { color: '#aad3df', weight: 2 };
    case 'railway': return { color: '#707070', weight: 2, dashArray: '6 4' };
    case 'building': return { color: '#c4b6ab', weight: 1, fillColor: '#d9d0c9', fillOpacity: 1 };
    case 'road': {
      const [color, weight] = ROAD_STYLE[p.kind] || ['#ffffff', 1];
      return { color, weight, opacity: 1 };
    }
    default: return {};
  }
}

export class SharedBasemapLayer {
  // source(params) fetches the features of a view with the share's token
  constructor(map, source) {
    this.map = map;
    this.source = source;
    this.renderer = L.canvas({ pane: 'basemap', padding: 0.2 });
    this.layer = L.geoJSON(null, {
      pane: 'basemap', renderer: this.renderer, style, interactive: false,
      pointToLayer: (feature, latlng) => L.marker(latlng, {
        pane: 'labels', interactive: false,
        icon: L.divIcon({ className: 'place-label', html: escapeHtml(feature.properties.name), iconSize: null }),
      }),
    });
    this.request = 0;
  }

  enable() {
    this.layer.addTo(this.map);
    this.onMove = () => this.reload();
    this.map.on('moveend', this.onMove);
    return this.reload();
  }

  disable() {
    this.map.off('moveend', this.onMove);
    this.layer.remove();
  }

  async reload() {
    const request = ++this.request;
    const b = this.map.getBounds().pad(0.1);
    const bbox = [Math.max(-180, b.getWest()), Math.max(-90, b.getSouth()), Math.min(180, b.getEast()), Math.min(90, b.getNorth())]
      .map(v => v.toFixed(6)).join(',');
    const data = await this.source({ bbox, zoom: Math.round(this.map.getZoom()) });
    if (request !== this.request) return; // a newer view replaced this one
    this.layer.clearLayers();
    this.layer.addData(data);
  }
}
