// The patrol leader view (routes, coverage, service circles); filled in by the next step.
export class PatrolView {
  constructor(context) {
    this.context = context;
  }

  enable(map, panel) {
    this.panel = panel;
  }

  disable() {
  }
}
