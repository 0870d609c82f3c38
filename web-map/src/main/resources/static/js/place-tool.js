// The next click on the map picks a position ([lng, lat]) for onPlace; then the tool turns off.
// 'preclick', not 'click': a layer with a popup (the grids) stops the click before the map hears it.
export class PlaceTool {
  constructor(onPlace) {
    this.onPlace = onPlace;
    this.click = e => {
      const map = this.map;
      this.disable(map);
      setTimeout(() => map.closePopup(), 0); // a grid's popup would cover the place just picked
      this.onPlace([e.latlng.lng, e.latlng.lat]);
    };
  }

  enable(map) {
    this.map = map;
    map.getContainer().classList.add('place-active');
    map.on('preclick', this.click);
  }

  disable(map) {
    if (!map) return;
    map.off('preclick', this.click);
    map.getContainer().classList.remove('place-active');
  }
}
