/*
 * What the officials' pages (console, dashboard, outbox) share: the login of Camunda's webapps (the same as Tasklist's,
 * kept in this server's session), its CSRF token, the logout, and the login's answer as a zh/en message, including the
 * login throttle's 429 (too many failed logins from this source: wait Retry-After seconds). Loaded before each page's
 * own script as a file of this server (the pages' Content-Security-Policy allows no inline script). No build step.
 */
(function () {
  'use strict';
  const TEXT = {
    zh: { refused: '登录失败：用户名或密码错误。', throttled: '登录失败次数过多：来自本地址的登录已暂停，请 {0} 后再试。',
      seconds: '{0} 秒', minutes: '约 {0} 分钟', failed: '登录失败（{0}），请稍后再试。' },
    en: { refused: 'Login failed: wrong user id or password.', throttled: 'Too many failed logins from this address: logins are paused, try again in {0}.',
      seconds: '{0} s', minutes: 'about {0} min', failed: 'Login failed ({0}); please try again later.' }
  };
  const say = (lang, key, ...args) => String((TEXT[lang] || TEXT.zh)[key]).replace(/\{(\d)\}/g, (m, i) => args[i]);

  /** The CSRF token of Camunda's webapps: asked for with "Fetch", as their own pages do; else from its cookie. */
  async function csrfToken() {
    const response = await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin',
      headers: { 'X-XSRF-TOKEN': 'Fetch', Accept: 'application/json' } });
    const header = response.headers.get('X-XSRF-TOKEN');
    if (header && header !== 'Required') return header;
    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
  }

  /**
   * Logs in to Camunda's webapps, as Tasklist's login page does (through the welcome app, which auditors have too;
   * Tasklist's own login is the second try). Answers { result: 'ok' | 'refused' (wrong user id or password) |
   * 'forbidden' (no webapp for this user) | 'throttled' (429: too many failed logins from this source) | 'failed',
   * retryAfter: seconds (throttled only), status }.
   */
  async function login(userId, password) {
    const form = new URLSearchParams({ username: userId, password });
    for (const app of ['welcome', 'tasklist']) {
      const token = await csrfToken();
      const response = await fetch('/camunda/api/admin/auth/user/default/login/' + app, { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'X-XSRF-TOKEN': token }, body: form.toString() });
      if (response.ok) return { result: 'ok', status: response.status };
      if (response.status === 401) return { result: 'refused', status: 401 };
      if (response.status === 429) {
        const wait = Number(response.headers.get('Retry-After'));
        return { result: 'throttled', status: 429, retryAfter: Number.isFinite(wait) && wait > 0 ? Math.ceil(wait) : 60 };
      }
      if (response.status >= 500) return { result: 'failed', status: response.status };
    }
    return { result: 'forbidden', status: 403 };
  }

  /** The message for a login that did not succeed; {@code notAllowed} is the page's own text for 'forbidden'. */
  function loginMessage(answer, lang, notAllowed) {
    switch (answer.result) {
      case 'refused': return say(lang, 'refused');
      case 'forbidden': return notAllowed;
      case 'throttled': return say(lang, 'throttled', answer.retryAfter >= 120 ? say(lang, 'minutes', Math.ceil(answer.retryAfter / 60))
        : say(lang, 'seconds', answer.retryAfter));
      default: return say(lang, 'failed', answer.status);
    }
  }

  /**
   * The page's login form (#loginForm with userId and password, #loginError, #logout): logs in, shows a refusal in the
   * page's language ({@code lang()}; {@code notAllowed()} for a user without a webapp), then calls {@code loggedIn}.
   */
  function wireLogin(lang, notAllowed, loggedIn) {
    document.getElementById('loginForm').addEventListener('submit', async event => {
      event.preventDefault();
      const form = event.target;
      const error = document.getElementById('loginError');
      error.textContent = '';
      const answer = await login(form.userId.value.trim(), form.password.value);
      if (answer.result !== 'ok') {
        error.textContent = loginMessage(answer, lang(), notAllowed());
        return;
      }
      form.password.value = '';
      await loggedIn();
    });
    document.getElementById('logout').addEventListener('click', logout);
  }

  /** Ends the webapps' session and reloads the page. */
  async function logout() {
    const token = await csrfToken();
    await fetch('/camunda/api/admin/auth/user/default/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': token } });
    location.reload();
  }

  /** The logged-in user's id, or null. */
  async function currentUser() {
    const response = await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    try { const data = await response.json(); return data && data.userId ? data.userId : null; } catch (e) { return null; }
  }

  /** An element with attributes (null, undefined and false left out; true as an empty attribute) and children (nodes or text). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== null && v !== undefined && v !== false) el.setAttribute(k, v === true ? '' : v); });
    children.flat().forEach(c => { if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c))); });
    return el;
  }

  window.AipoOfficials = Object.freeze({ csrfToken, login, loginMessage, wireLogin, logout, currentUser, h });
})();
