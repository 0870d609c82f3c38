// The next click on the map picks a position ([lng, lat]) for onPlace; then the tool turns off.
export class PlaceTool {
  constructor(onPlace) {
    this.onPlace = onPlace;
    this.click = e => {
      this.disable(this.map);
      this.onPlace([e.latlng.lng, e.latlng.lat]);
    };
  }

  enable(map) {
    this.map = map;
    map.getContainer().classList.add('place-active');
    map.once('click', this.click);
  }

  disable(map) {
    if (!map) return;
    map.off('click', this.click);
    map.getContainer().classList.remove('place-active');
  }
}
