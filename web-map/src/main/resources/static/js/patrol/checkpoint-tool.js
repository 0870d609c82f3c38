import { escapeHtml, t } from '../i18n.js';

// Free checkpoints: each click on the map ('preclick', which popups cannot stop) adds one (class free-point marker) with a priority the
// list beside it can change; onChange hears every change.
export class CheckpointTool {
  constructor(onChange) {
    this.points = [];
    this.onChange = onChange;
    this.group = L.layerGroup();
    this.next = 1;
    this.click = e => {
      setTimeout(() => this.map.closePopup(), 0); // a grid's popup would cover the point just added
      this.add([e.latlng.lng, e.latlng.lat]);
    };
  }

  add(position, priority = 5) {
    const id = `P${this.next++}`;
    const marker = L.marker([position[1], position[0]], {
      pane: 'routes', icon: L.divIcon({ className: 'free-point', html: `<span>${escapeHtml(id)}</span>`, iconSize: [30, 18] }),
    }).bindTooltip(escapeHtml(t('patrol.freePoint', { id })));
    marker.addTo(this.group);
    this.points.push({ id, lon: position[0], lat: position[1], priority, marker });
    this.onChange(this.points);
  }

  remove(id) {
    const point = this.points.find(p => p.id === id);
    if (point) point.marker.remove();
    this.points = this.points.filter(p => p.id !== id);
    this.onChange(this.points);
  }

  setPriority(id, priority) {
    const point = this.points.find(p => p.id === id);
    if (point) point.priority = priority;
  }

  /** A window typed as "18:00-21:00" (empty: none); the API names a malformed one. */
  setWindow(id, text) {
    const point = this.points.find(p => p.id === id);
    if (point) point.window = text.trim();
  }

  /** The free points as API checkpoints. */
  checkpoints() {
    return this.points.map(p => ({ id: p.id, lon: p.lon, lat: p.lat, priority: p.priority, kind: 'point',
      ...(p.window ? { timeWindows: [p.window.split(/\s*[-–]\s*/)] } : {}) }));
  }

  showOn(map) {
    this.group.addTo(map);
  }

  enable(map) {
    this.map = map;
    map.getContainer().classList.add('place-active');
    map.on('preclick', this.click);
  }

  disable(map) {
    map.off('preclick', this.click);
    map.getContainer().classList.remove('place-active');
  }
}
