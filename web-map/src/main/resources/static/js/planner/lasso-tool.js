import { insideLasso } from './geometry.js';

// Draw around blocks with the mouse held down: the blocks whose centre falls inside are added to
// the selection. Map dragging is off while the tool is on. Written here (about 50 lines) rather
// than vendoring a plugin: Leaflet's mouse events give everything needed.
export class LassoTool {
  constructor(blockLayer, onSelect) {
    this.blockLayer = blockLayer;
    this.onSelect = onSelect;
    this.points = null;
    this.line = null;
    this.down = e => {
      if (e.originalEvent.button !== 0) return;
      this.points = [e.latlng];
      this.line = L.polyline(this.points, { pane: 'planning', className: 'lasso-line', color: '#ff7f00', weight: 2, dashArray: '4 4', interactive: false })
        .addTo(this.map);
    };
    this.move = e => {
      if (!this.points) return;
      this.points.push(e.latlng);
      this.line.setLatLngs(this.points);
    };
    this.up = () => {
      if (!this.points) return;
      const ring = this.points.map(p => [p.lng, p.lat]);
      this.line.remove();
      this.points = null;
      const ids = this.blockLayer.centers().filter(([, c]) => insideLasso(c, ring)).map(([id]) => id);
      if (ids.length) this.onSelect(ids, 'add');
    };
  }

  enable(map) {
    this.map = map;
    map.dragging.disable();
    map.getContainer().classList.add('lasso-active');
    map.on('mousedown', this.down).on('mousemove', this.move).on('mouseup', this.up);
  }

  disable(map) {
    map.off('mousedown', this.down).off('mousemove', this.move).off('mouseup', this.up);
    map.getContainer().classList.remove('lasso-active');
    map.dragging.enable();
    if (this.line) this.line.remove();
    this.points = null;
  }
}
