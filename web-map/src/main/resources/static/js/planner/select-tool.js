// Click a block to select or deselect it (the default tool of the planner); with another onSelect,
// the lock mode's tool (a click locks or unlocks the block's grid).
export class SelectTool {
  constructor(blockLayer, onSelect) {
    this.blockLayer = blockLayer;
    this.onClick = e => {
      L.DomEvent.stopPropagation(e);
      const block = e.propagatedFrom || e.layer;
      if (block && block.blockId !== undefined) onSelect([block.blockId], 'toggle');
    };
  }

  enable() {
    this.blockLayer.on('click', this.onClick);
  }

  disable() {
    this.blockLayer.off('click', this.onClick);
  }
}
