import { escapeHtml, language, t } from '../i18n.js';
import { urlOf } from '../api.js';
import { teamColor } from './team-colors.js';

const KINDS = ['rental_due', 'key_place', 'elderly_alone', 'point'];
const REASONS = ['UNREACHABLE', 'EXCEEDS_SHIFT_ALONE', 'LOWER_PRIORITY_THAN_KEPT'];

// The answer of a route request as text: per team the distance and duration, the numbered stops
// with arrival times, the turn instructions; then the checkpoints dropped and why; GPX and print.
/** The name of a checkpoint kind; kinds this page does not know are shown as sent. */
export function kindName(kind) {
  return KINDS.includes(kind || 'point') ? t(`patrol.kind.${kind || 'point'}`) : kind;
}

export function renderStops(container, answer) {
  const km = m => (m / 1000).toFixed(1);
  const minutes = s => Math.round(s / 60);
  const time = iso => (iso ? iso.slice(11, 16) : '');
  const teams = answer.routes.map(route => {
    const color = teamColor(route.team);
    const stops = route.stops.map((stop, i) => `<li class="stop" data-team="${route.team}"><span class="stop-number" style="background:${color}">${i + 1}</span>
      <span>${escapeHtml(kindName(stop.kind))} <small>${escapeHtml(stop.checkpointId)}</small></span>
      <span class="arrival">${escapeHtml(stop.serviceStartClock || time(stop.arrival))}</span></li>`).join('');
    const instructions = route.instructions.map(i => `<li>${escapeHtml(language() === 'en' ? i.en : i.zh)}
      <small>${i.distanceMeters >= 1 ? `${Math.round(i.distanceMeters)} m` : ''}</small></li>`).join('');
    return `<div class="team-route" data-team="${route.team}">
      <h3><span class="swatch" style="background:${color}"></span>${escapeHtml(t('patrol.team', { team: route.team }))}</h3>
      <p class="route-summary">${escapeHtml(t('patrol.summary', { km: km(route.distanceMeters), minutes: minutes(route.durationSeconds), stops: route.stops.length }))}</p>
      <ol class="stop-list">${stops}</ol>
      <details class="instructions"><summary>${escapeHtml(t('patrol.instructions', { count: route.instructions.length }))}</summary><ol>${instructions}</ol></details></div>`;
  }).join('');
  const dropped = answer.dropped && answer.dropped.length
    ? `<h3>${escapeHtml(t('patrol.dropped', { count: answer.dropped.length }))}</h3><ul class="dropped-list">${answer.dropped.map(d =>
      `<li><small>${escapeHtml(d.checkpointId)}</small> ${escapeHtml(kindName(d.kind))}: ${escapeHtml(REASONS.includes(d.reason) ? t(`patrol.reason.${d.reason}`) : d.reason)}</li>`).join('')}</ul>` : '';
  const coverage = answer.coverage
    ? `<p class="note" id="coverage-summary">${escapeHtml(t('patrol.coverageSummary', { segments: answer.coverage.requiredSegments,
      km: km(answer.coverage.requiredMeters), extra: km(answer.coverage.deadheadMeters) }))}</p>` : '';
  container.innerHTML = `${coverage}${teams}${dropped}
    <div class="row no-print"><a class="button" id="gpx-download" download href="${urlOf(`/api/patrol/routes/${answer.id}.gpx`)}">${escapeHtml(t('patrol.gpx'))}</a>
      <button type="button" id="print-route">${escapeHtml(t('patrol.print'))}</button></div>`;
  container.querySelector('#print-route').addEventListener('click', () => {
    container.querySelectorAll('details').forEach(d => { d.open = true; }); // the print shows the instructions
    window.print();
  });
}
