import { sendWithHeaders } from './api.js';

// The shared map's requests: the token comes from the page's own address (/share/{token}) and
// travels in a header, with the PIN once the user has entered it.
const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
let pin = null;

export function setPin(value) {
  pin = value;
}

function headers() {
  const h = { 'X-Share-Token': token };
  if (pin) h['X-Share-Pin'] = pin;
  return h;
}

export function shared(path, params = {}) {
  return sendWithHeaders(`/api/shared/${path}`, { params, headers: headers() });
}

export function postShared(path, body) {
  return sendWithHeaders(`/api/shared/${path}`, { method: 'POST', headers: headers(), body });
}
