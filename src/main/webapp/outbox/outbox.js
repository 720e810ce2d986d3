/*
 * The outbox for administrators (issue 25): GET /api/outbox, a retry for a failed message. The login is Camunda's webapps'
 * (the same as Tasklist's, kept in this server's session; ../officials/officials.js). No build step, no inline script.
 */
(function () {
  'use strict';
  const TEXT = {
    zh: { title: '发件箱（管理员）', loginHint: '与任务列表（Tasklist）使用同一登录，须为管理员（camunda-admin）。', userId: '用户名', password: '密码', login: '登录',
      footer: '时间均为北京时间（UTC+8）。', lang: 'English', notAllowed: '您的角色无权查看发件箱（仅管理员可以）。', failed: '读取失败：', logout: '退出', noServer: '未配置邮件服务器（MAIL_HOST）：消息只写入发件箱，不会发出。',
      server: '已配置邮件服务器。', all: '全部', PENDING: '待发', SENDING: '发送中', SENT: '已发', FAILED: '失败', created: '写入时间', kind: '类型',
      to: '收件人', subject: '主题', status: '状态', attempts: '尝试次数', error: '错误', retry: '重发', retried: '已排队重发', none: '没有消息。',
      counts: '待发 {0} · 发送中 {1} · 已发 {2} · 失败 {3}', show: '查看', body: '正文' },
    en: { title: 'Outbox (administrators)', loginHint: 'The same login as Tasklist, as an administrator (camunda-admin).', userId: 'User id', password: 'Password',
      login: 'Log in', footer: 'Times are Beijing time (UTC+8).', lang: '中文', notAllowed: 'Your role may not read the outbox (administrators only).', failed: 'Could not read the outbox: ', logout: 'Log out',
      noServer: 'No mail server is configured (MAIL_HOST): messages are written to the outbox and not sent.', server: 'A mail server is configured.',
      all: 'All', PENDING: 'Pending', SENDING: 'Sending', SENT: 'Sent', FAILED: 'Failed', created: 'Written', kind: 'Kind', to: 'To', subject: 'Subject',
      status: 'Status', attempts: 'Attempts', error: 'Error', retry: 'Retry', retried: 'Queued again', none: 'No messages.',
      counts: 'pending {0} · sending {1} · sent {2} · failed {3}', show: 'Show', body: 'Body' }
  };
  let lang = localStorage.getItem('aipo.lang') === 'en' ? 'en' : 'zh';
  let status = '';
  const view = document.getElementById('view');
  const t = (key, ...args) => String(TEXT[lang][key] ?? key).replace(/\{(\d)\}/g, (m, i) => args[i]);

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== null && v !== undefined) el.setAttribute(k, v); });
    children.flat().forEach(c => { if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c))); });
    return el;
  }
  const when = iso => iso ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

  async function api(method, path) {
    const response = await fetch(path, { method, credentials: 'same-origin', headers: { Accept: 'application/json', 'X-AIPO-Portal': '1' } });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { ok: response.ok, status: response.status, data };
  }

  function chrome() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.getAttribute('data-t')); });
    document.getElementById('lang').textContent = t('lang');
  }

  async function list() {
    const r = await api('GET', '/api/outbox?limit=200' + (status ? '&status=' + status : ''));
    if (!r.ok) {
      // still on the login form: say why; on the list, a lost session shows the login form again
      if (document.getElementById('loginForm')) {
        document.getElementById('loginError').textContent = r.status === 403 ? t('notAllowed')
          : t('failed') + ((r.data && (r.data.messages || {})[lang]) || r.status);
        document.getElementById('logout').hidden = r.status !== 403;
      } else if (r.status === 401) {
        location.reload();
      }
      return;
    }
    document.getElementById('logout').hidden = false;
    const o = r.data;
    const filters = h('p', { id: 'filters' }, ['', 'PENDING', 'SENDING', 'SENT', 'FAILED'].map(s => {
      const b = h('button', { type: 'button', 'data-status': s, class: s === status ? 'current' : null }, s ? t(s) : t('all'));
      b.onclick = () => { status = s; list(); };
      return b;
    }));
    const rows = o.messages.map(m => {
      const row = h('tr', { 'data-id': m.id, 'data-status': m.status },
        h('td', null, when(m.createdAt)), h('td', null, m.kind), h('td', null, m.recipientAddress || m.recipientUser || '—'),
        h('td', { class: 'subject' }, m.subject || '—'), h('td', { class: 'status' }, t(m.status)), h('td', null, m.attempts),
        h('td', { class: 'error' }, m.lastError || ''));
      const actions = h('td', null);
      const show = h('button', { type: 'button', class: 'show' }, t('show'));
      show.onclick = () => {
        const next = row.nextSibling;
        if (next && next.classList && next.classList.contains('detail')) { next.remove(); return; }
        row.after(h('tr', { class: 'detail' }, h('td', { colspan: '8' }, h('pre', null, (m.body || '') + (m.link ? '\n' + m.link : '')))));
      };
      actions.append(show);
      if (m.status === 'FAILED') {
        const retry = h('button', { type: 'button', class: 'retry' }, t('retry'));
        retry.onclick = async () => {
          const answer = await api('POST', '/api/outbox/' + encodeURIComponent(m.id) + '/retry');
          row.querySelector('.error').textContent = answer.ok ? t('retried') : ((answer.data && (answer.data.messages || {})[lang]) || answer.status);
          if (answer.ok) row.querySelector('.status').textContent = t('PENDING');
        };
        actions.append(' ', retry);
      }
      row.append(actions);
      return row;
    });
    view.replaceChildren(h('h1', null, t('title')),
      h('p', { id: 'mailServer', class: o.mailServerConfigured ? 'ok' : 'notice' }, o.mailServerConfigured ? t('server') : t('noServer')),
      h('p', { id: 'counts' }, t('counts', o.pending, o.sending, o.sent, o.failed)), filters,
      rows.length ? h('table', { id: 'outbox' }, h('thead', null, h('tr', null, ['created', 'kind', 'to', 'subject', 'status', 'attempts', 'error', '']
        .map(k => h('th', null, k ? t(k) : '')))), h('tbody', null, rows)) : h('p', { id: 'empty' }, t('none')));
  }

  document.getElementById('lang').onclick = () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('aipo.lang', lang);
    chrome();
    if (document.getElementById('outbox') || document.getElementById('empty')) list();
  };
  AipoOfficials.wireLogin(() => lang, () => t('notAllowed'), list);
  chrome();
  AipoOfficials.currentUser().then(user => { if (user) list(); });
})();
