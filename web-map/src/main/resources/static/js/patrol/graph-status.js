import { getJson } from '../api.js';
import { escapeHtml, t } from '../i18n.js';
import { showStatus, clearStatus } from '../status.js';

/**
 * While the routing graph is still building (the health endpoint's routing component is not UP),
 * says so in the status line and polls every three seconds; resolves once routing works. A long
 * job shows progress instead of a page that refuses with 503.
 */
export async function waitForRoutingGraph() {
  let waited = false;
  for (;;) {
    let state;
    try {
      const health = await getJson('/actuator/health');
      state = health.components && health.components.routing && health.components.routing.status;
    } catch (error) {
      const c = error.problem && error.problem.components;
      state = c && c.routing ? c.routing.status : undefined;
    }
    if (!state || state === 'UP') {
      if (waited) clearStatus();
      document.body.dataset.routingGraph = 'up';
      return;
    }
    waited = true;
    showStatus(escapeHtml(t('patrol.graphBuilding')));
    await new Promise(resolve => setTimeout(resolve, 3000));
  }
}
