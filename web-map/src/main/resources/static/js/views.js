import { PlannerView } from './planner/index.js';
import { WorkerView } from './worker/index.js';
import { PatrolView } from './patrol/index.js';

// The tabs of the side panel: one view at a time, each with enable(map)/disable(map). The view
// shown follows location.hash (#planner, #worker, #patrol, #import), so a reload keeps it. The import
// tab is for the roles that may import (admins and planners; the server decides either way).
export class ViewSwitcher {
  constructor(context) {
    this.context = context;
    this.views = { planner: PlannerView, worker: WorkerView, patrol: PatrolView };
    if (['admin', 'planner'].includes(context.me.role)) this.views.import = LazyImportView;
    this.instances = {};
    this.active = null;
  }

  async start() {
    document.querySelectorAll('.view-tabs [data-view]').forEach(button => { button.hidden = !this.views[button.dataset.view]; });
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

// The import view's code is fetched when its tab is first opened: only admins and planners see the
// tab, and they rarely import.
class LazyImportView {
  constructor(context) {
    this.context = context;
  }

  async enable(map, panel) {
    if (!this.view) {
      const { ImportView } = await import('./import/index.js');
      this.view = new ImportView(this.context);
    }
    await this.view.enable(map, panel);
  }

  disable(map) {
    if (this.view) this.view.disable(map);
  }
}
