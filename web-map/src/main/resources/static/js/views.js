import { PlannerView } from './planner/index.js';
import { WorkerView } from './worker/index.js';
import { PatrolView } from './patrol/index.js';

// The tabs of the side panel: one view at a time, each with enable(map)/disable(map). The view
// shown follows location.hash (#planner, #worker, #patrol), so a reload keeps it.
export class ViewSwitcher {
  constructor(context) {
    this.context = context;
    this.views = { planner: PlannerView, worker: WorkerView, patrol: PatrolView };
    this.instances = {};
    this.active = null;
  }

  async start() {
    document.querySelectorAll('.view-tabs [data-view]').forEach(button =>
      button.addEventListener('click', () => { location.hash = button.dataset.view; }));
    window.addEventListener('hashchange', () => this.show(this.fromHash()));
    await this.show(this.fromHash());
  }

  fromHash() {
    const name = location.hash.replace('#', '');
    if (this.views[name]) return name;
    return this.context.me.role === 'leader' ? 'patrol' : 'planner';
  }

  async show(name) {
    if (this.active === name) return;
    if (this.active) this.instances[this.active].disable(this.context.map);
    this.active = name;
    document.querySelectorAll('.view-tabs [data-view]').forEach(b => b.setAttribute('aria-selected', String(b.dataset.view === name)));
    document.body.dataset.view = name;
    const panel = document.getElementById('panel');
    panel.replaceChildren();
    if (!this.instances[name]) this.instances[name] = new this.views[name](this.context);
    await this.instances[name].enable(this.context.map, panel);
  }
}
