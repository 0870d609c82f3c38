// Draw a line by clicking; a double click (or finish()) hands the line, as [lng, lat] positions,
// to onLine. Double-click zoom is off while the tool is on.
export class SplitTool {
  constructor(onLine) {
    this.onLine = onLine;
    this.points = [];
    this.line = null;
    this.click = e => {
      this.points.push(e.latlng);
      this.draw();
    };
    this.dblclick = e => {
      L.DomEvent.stop(e);
      this.finish();
    };
  }

  draw() {
    if (!this.line) {
      this.line = L.polyline([], { pane: 'planning', className: 'split-line', color: '#d7301f', weight: 3, dashArray: '8 6', interactive: false })
        .addTo(this.map);
    }
    this.line.setLatLngs(this.points);
  }

  /** Ends the line (two points at least) and hands it on; the drawing is cleared either way. */
  finish() {
    const unique = this.points.filter((p, i) => i === 0 || !p.equals(this.points[i - 1]));
    this.cancel();
    if (unique.length >= 2) this.onLine(unique.map(p => [p.lng, p.lat]));
  }

  cancel() {
    this.points = [];
    if (this.line) this.line.remove();
    this.line = null;
  }

  enable(map) {
    this.map = map;
    map.doubleClickZoom.disable();
    map.getContainer().classList.add('split-active');
    map.on('click', this.click).on('dblclick', this.dblclick);
  }

  disable(map) {
    map.off('click', this.click).off('dblclick', this.dblclick);
    map.getContainer().classList.remove('split-active');
    map.doubleClickZoom.enable();
    this.cancel();
  }
}
