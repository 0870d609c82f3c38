import { shared } from './share-api.js';

// Joint patrol routes across the border, drawn over both sides' grids.
export class SharedRouteLayer {
  constructor(map) {
    this.map = map;
    this.data = { type: 'FeatureCollection', features: [] };
    this.layer = L.geoJSON(null, { pane: 'routes', style: () => ({ className: 'route-line', color: '#e31a1c', weight: 4, opacity: 0.85 }) });
  }

  async enable() {
    this.data = await shared('routes');
    this.layer.addData(this.data);
    this.layer.addTo(this.map);
  }

  disable() {
    this.layer.remove();
  }

  /** Every route as a list of [longitude, latitude]. */
  lines() {
    return this.data.features.flatMap(f => f.geometry.type === 'LineString' ? [f.geometry.coordinates]
      : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : []);
  }
}
