// A one-line status message at the bottom of the map, for progress and errors.
const element = () => document.getElementById('status');

export function showStatus(html, isError = false) {
  element().innerHTML = html;
  element().classList.toggle('error', isError);
}

export function clearStatus() {
  showStatus('');
}
