// The login page's notices: ?error after a failed login, ?logout after logging out.
// A file, not an inline script: the Content-Security-Policy allows scripts from this server only.
const params = new URLSearchParams(location.search);
document.getElementById('login-error').hidden = !params.has('error');
document.getElementById('logged-out').hidden = !params.has('logout');
