import { getJson, getText, sendJson } from '../api.js';

// The planning API as the planner view uses it: every change names the plan version it was made
// on (a stale one is refused by the server with 409); after each change the view reloads the
// plan's block assignment (CSV export), its grid outlines (GeoJSON export) and its diff.
export class PlanSession {
  constructor(blockLayer) {
    this.blockLayer = blockLayer;
  }

  create(jurisdictionId) {
    return sendJson('POST', '/api/plans', { jurisdictionId });
  }

  fetch(planId) {
    return getJson(`/api/plans/${planId}`);
  }

  operate(plan, operation) {
    return sendJson('POST', `/api/plans/${plan.id}/operations`, { version: plan.version, ...operation });
  }

  /** A job's state (a long generate or rebalance); cancelJob asks the server to stop it. */
  job(plan, jobId) {
    return getJson(`/api/plans/${plan.id}/jobs/${jobId}`);
  }

  cancelJob(plan, jobId) {
    return sendJson('DELETE', `/api/plans/${plan.id}/jobs/${jobId}`);
  }

  publish(plan) {
    return sendJson('POST', `/api/plans/${plan.id}/publish`, { version: plan.version });
  }

  /** The plan's block → grid assignment, its grid outlines and its diff. */
  async details(plan) {
    const [csv, outlines, diff] = await Promise.all([
      getText(`/api/plans/${plan.id}/export`, { format: 'csv', of: 'blocks' }),
      getJson(`/api/plans/${plan.id}/export`, { format: 'geojson' }),
      getJson(`/api/plans/${plan.id}/diff`),
    ]);
    const assignment = new Map();
    csv.trim().split('\n').slice(1).forEach(line => {
      const [block, grid] = line.split(',');
      if (block) assignment.set(Number(block), Number(grid));
    });
    if (this.blockLayer.jurisdictionId !== plan.jurisdictionId || !this.blockLayer.hasAll(assignment.keys())) {
      await this.blockLayer.load(plan.jurisdictionId);
    }
    return { assignment, outlines, diff };
  }
}
