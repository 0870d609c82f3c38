// The N-minute service circles (isochrones) as a layer: reached areas shaded (class service-area).
export class ServiceAreaLayer {
  constructor(map) {
    this.map = map;
    this.layer = L.geoJSON(null, {
      pane: 'planning', interactive: false,
      style: () => ({ className: 'service-area', color: '#238b45', weight: 1, fillColor: '#41ab5d', fillOpacity: 0.25 }),
    });
  }

  show(collection) {
    this.layer.clearLayers();
    this.layer.addData(collection);
    this.layer.addTo(this.map);
  }

  disable() {
    this.layer.remove();
  }
}
