/*
 * The officials' console (issue 28): a call's proposals at a glance from GET /api/console/calls/{id}/proposals, filtered
 * and sorted; select open tasks and act on them at once (POST /api/console/bulk) with one common comment, each task's
 * result listed; the overview and the ranking downloaded as .xlsx or CSV. The login is Camunda's webapps' (the same as
 * Tasklist's, kept in this server's session). No build step, no inline script (the page's Content-Security-Policy).
 */
(function () {
  'use strict';
  const TEXT = {
    zh: { brand: '项目办工作台', tasklist: '任务列表', logout: '退出', lang: 'English', loginTitle: '项目办工作台（项目办、秘书处、领导小组、审计）',
      loginHint: '与任务列表（Tasklist）使用同一登录。', userId: '用户名', password: '密码', login: '登录',
      notAllowed: '您的角色无权使用工作台（项目办、秘书处、领导小组、审计、管理员可以）。', call: '指南', status: '状态', formalCheck: '形式审查',
      search: '搜索', sort: '排序', apply: '筛选', any: '全部', exportXlsx: '导出申报一览（Excel）', exportCsv: '导出申报一览（CSV）',
      rankingXlsx: '导出排名（Excel）', rankingCsv: '导出排名（CSV）', bulkTitle: '批量办理', kind: '办理方式', comment: '共同意见',
      bulk: '批量办理所选任务', selected: '已选 {0} 件任务', summary: '共 {0} 件申报，显示 {1} 件', none: '—', noCall: '没有可查看的指南。',
      title: '项目名称', organisation: '申报单位', field: '领域', score: '得分', rank: '排名', task: '待办任务', assignee: '办理人', budget: '申请经费（元）',
      selectAll: '全选', nothingSelected: '请先选择任务。', done: '成功 {0} 件，失败 {1} 件', failed: '操作失败：',
      kinds: { 'formal-check-eligible': '形式审查：符合条件', claim: '认领', unclaim: '退回认领' },
      sorts: { submittedAt: '提交时间', title: '项目名称', organisation: '申报单位', status: '状态', score: '得分', rank: '领域内排名' },
      checks: { PENDING: '待审查', ELIGIBLE: '符合条件', CORRECTION: '退回补正', INELIGIBLE: '不符合条件' } },
    en: { brand: "Officials' console", tasklist: 'Tasklist', logout: 'Log out', lang: '中文', loginTitle: "Officials' console (office, secretariat, leadership, auditors)",
      loginHint: 'The same login as Tasklist.', userId: 'User id', password: 'Password', login: 'Log in',
      notAllowed: 'Your role may not use the console (the programme office, secretariat, leadership, auditors and administrators may).', call: 'Call',
      status: 'Status', formalCheck: 'Formal check', search: 'Search', sort: 'Sort', apply: 'Filter', any: 'All', exportXlsx: 'Export the proposals (Excel)',
      exportCsv: 'Export the proposals (CSV)', rankingXlsx: 'Export the ranking (Excel)', rankingCsv: 'Export the ranking (CSV)', bulkTitle: 'Act in bulk',
      kind: 'Action', comment: 'Common comment', bulk: 'Act on the selected tasks', selected: '{0} task(s) selected', summary: '{0} proposal(s), {1} shown',
      none: '—', noCall: 'No call to show.', title: 'Title', organisation: 'Applicant', field: 'Field', score: 'Score', rank: 'Rank', task: 'Open task',
      assignee: 'Assignee', budget: 'Budget (CNY)', selectAll: 'Select all', nothingSelected: 'Select tasks first.', done: '{0} succeeded, {1} failed',
      failed: 'Failed: ',
      kinds: { 'formal-check-eligible': 'Formal check: eligible', claim: 'Claim', unclaim: 'Unclaim' },
      sorts: { submittedAt: 'Submitted', title: 'Title', organisation: 'Applicant', status: 'Status', score: 'Score', rank: 'Rank in field' },
      checks: { PENDING: 'Pending', ELIGIBLE: 'Eligible', CORRECTION: 'Returned for correction', INELIGIBLE: 'Ineligible' } }
  };
  const STATUSES = ['SUBMITTED', 'RETURNED', 'ELIGIBLE', 'INELIGIBLE', 'UNDER_REVIEW', 'REVIEWED', 'PROPOSED', 'NOT_SELECTED', 'EXCLUDED', 'AWARDED',
    'ACCEPTED', 'ACCEPTANCE_FAILED', 'ACCEPTANCE_OVERDUE'];
  const stored = localStorage.getItem('aipo.lang');
  let lang = stored === 'zh' || stored === 'en' ? stored : ((navigator.language || 'zh').toLowerCase().startsWith('zh') ? 'zh' : 'en');
  let data = null;
  const selected = new Set();
  const $ = id => document.getElementById(id);
  const t = (key, ...args) => String(TEXT[lang][key] ?? key).replace(/\{(\d)\}/g, (m, i) => args[i]);
  const fmt = v => v === null || v === undefined ? t('none') : Number(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== null && v !== undefined && v !== false) el.setAttribute(k, v === true ? '' : v); });
    children.flat().forEach(c => { if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c))); });
    return el;
  }

  async function api(path, method, body) {
    const headers = { Accept: 'application/json', 'X-AIPO-Portal': '1' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method: method || 'GET', credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    let json = null;
    try { json = await response.json(); } catch (e) { json = null; }
    return { ok: response.ok, status: response.status, data: json };
  }

  function options(select, values, label, withAny) {
    const current = select.value;
    select.replaceChildren(...(withAny ? [h('option', { value: '' }, t('any'))] : []), ...values.map(v => h('option', { value: v }, label(v))));
    if (current && values.includes(current)) select.value = current;
  }

  function chrome() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.getAttribute('data-t')); });
    $('lang').textContent = t('lang');
    document.title = t('brand') + ' — AI Programme Office';
    options($('status'), STATUSES, s => s, true);
    options($('formalCheck'), Object.keys(TEXT.zh.checks), c => TEXT[lang].checks[c], true);
    options($('sort'), Object.keys(TEXT.zh.sorts), s => TEXT[lang].sorts[s], false);
    options($('kind'), Object.keys(TEXT.zh.kinds), k => TEXT[lang].kinds[k], false);
  }

  function query() {
    const params = new URLSearchParams();
    ['status', 'formalCheck', 'q', 'sort'].forEach(k => { if ($(k).value.trim()) params.set(k, $(k).value.trim()); });
    return params;
  }

  function exports() {
    const call = encodeURIComponent($('call').value);
    const params = query();
    params.set('format', 'xlsx');
    $('exportXlsx').href = '/api/console/calls/' + call + '/proposals/export?' + params;
    params.set('format', 'csv');
    $('exportCsv').href = '/api/console/calls/' + call + '/proposals/export?' + params;
    $('rankingXlsx').href = '/api/console/calls/' + call + '/ranking/export?format=xlsx';
    $('rankingCsv').href = '/api/console/calls/' + call + '/ranking/export?format=csv';
  }

  function render() {
    chrome();
    if (!data) return;
    $('summary').textContent = t('summary', data.total, data.proposals.length);
    const all = h('input', { type: 'checkbox', id: 'selectAll', 'aria-label': t('selectAll') });
    all.addEventListener('change', () => {
      data.proposals.filter(p => p.taskId).forEach(p => { if (all.checked) selected.add(p.taskId); else selected.delete(p.taskId); });
      render();
    });
    const head = h('tr', null, h('th', null, all), h('th', null, t('title')), h('th', null, t('organisation')), h('th', null, t('field')),
      h('th', null, t('status')), h('th', null, t('formalCheck')), h('th', { class: 'num' }, t('budget')), h('th', { class: 'num' }, t('score')),
      h('th', { class: 'num' }, t('rank')), h('th', null, t('task')), h('th', null, t('assignee')));
    const rows = data.proposals.map(p => {
      const box = p.taskId ? h('input', { type: 'checkbox', class: 'pick', 'data-task': p.taskId, checked: selected.has(p.taskId), 'aria-label': p.title }) : '';
      if (box) box.addEventListener('change', () => { if (box.checked) selected.add(p.taskId); else selected.delete(p.taskId); count(); });
      return h('tr', { 'data-proposal': p.id }, h('td', null, box), h('td', null, p.title), h('td', null, p.organisation || t('none')), h('td', null, p.field || t('none')),
        h('td', { class: 'status' }, p.status), h('td', null, p.formalCheck ? TEXT[lang].checks[p.formalCheck] : t('none')),
        h('td', { class: 'num' }, fmt(p.budget)), h('td', { class: 'num' }, fmt(p.score)), h('td', { class: 'num' }, fmt(p.rankInField)),
        h('td', null, p.taskId ? h('a', { href: p.tasklistUrl, target: '_blank', rel: 'noopener' }, p.taskName) : t('none')),
        h('td', null, p.taskAssignee || t('none')));
    });
    $('proposals').replaceChildren(h('thead', null, head), h('tbody', null, rows));
    count();
    exports();
  }

  function count() {
    $('selectedCount').textContent = t('selected', selected.size);
  }

  async function load() {
    const calls = await api('/api/calls');
    if (calls.status === 401 || calls.status === 403) {
      $('board').hidden = true;
      $('loginForm').hidden = false;
      $('logout').hidden = calls.status !== 403;
      $('loginError').textContent = calls.status === 403 ? t('notAllowed') : '';
      return;
    }
    const session = await api('/camunda/api/admin/auth/user/default');
    $('who').textContent = session.ok && session.data ? session.data.userId : '';
    $('logout').hidden = !(session.ok && session.data);
    $('loginForm').hidden = true;
    $('board').hidden = false;
    const list = calls.ok ? calls.data : [];
    const asked = new URLSearchParams(location.search).get('call');
    $('call').replaceChildren(...list.map(c => h('option', { value: c.id }, c.title)));
    if (asked && !list.some(c => c.id === asked)) $('call').append(h('option', { value: asked }, asked));
    if (asked) $('call').value = asked;
    if (!$('call').value) { $('summary').textContent = t('noCall'); return; }
    await refresh();
  }

  async function refresh() {
    const r = await api('/api/console/calls/' + encodeURIComponent($('call').value) + '/proposals?' + query());
    if (!r.ok) {
      $('summary').textContent = t('failed') + ((r.data && (r.data.messages || {})[lang]) || r.status);
      return;
    }
    data = r.data;
    const open = new Set(data.proposals.map(p => p.taskId).filter(Boolean));
    [...selected].forEach(task => { if (!open.has(task)) selected.delete(task); });
    render();
  }

  async function bulk() {
    $('bulkError').textContent = '';
    if (selected.size === 0) { $('bulkError').textContent = t('nothingSelected'); return; }
    $('bulk').disabled = true;
    try {
      const r = await api('/api/console/bulk', 'POST', { kind: $('kind').value, taskIds: [...selected], comment: $('comment').value });
      if (!r.ok) {
        $('bulkError').textContent = t('failed') + ((r.data && (r.data.messages || {})[lang]) || r.status);
        return;
      }
      const titles = new Map((data ? data.proposals : []).map(p => [p.taskId, p.title]));
      $('results').replaceChildren(h('li', { id: 'bulkSummary' }, t('done', r.data.succeeded, r.data.failed)),
        ...r.data.items.map(i => h('li', { class: i.succeeded ? 'succeeded' : 'failed', 'data-task': i.taskId },
          (titles.get(i.taskId) || i.taskId) + '：' + (lang === 'zh' ? i.zh : i.en))));
      selected.clear();
      await refresh();
    } finally {
      $('bulk').disabled = false;
    }
  }

  AipoOfficials.wireLogin(() => lang, () => t('notAllowed'), load);
  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('aipo.lang', lang);
    render();
  });
  $('filters').addEventListener('submit', event => { event.preventDefault(); refresh(); });
  $('call').addEventListener('change', () => { selected.clear(); refresh(); });
  $('bulk').addEventListener('click', bulk);
  chrome();
  load();
})();
