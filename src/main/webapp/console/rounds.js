/*
 * The console's second overview (issue 28): pick a scenario round, a voucher round or a spot-check campaign (GET
 * /api/console/rounds) and see its items (GET /api/console/scenario-rounds/{id}/items, voucher-rounds/{id}/applications,
 * spot-check-campaigns/{id}/inspections), filtered and sorted, with the open task's Tasklist link; a campaign's results
 * downloaded as .xlsx or CSV. Open tasks selected (per row; a scenario round's own open tasks listed above its items) and
 * acted on at once (POST /api/console/bulk) with the kinds that fit the overview, each task's result listed, the overview
 * reloaded. Loaded after console.js; shows itself once the console's board is shown (logged in), and
 * follows the console's language. No inline script (the page's Content-Security-Policy).
 */
(function () {
  'use strict';
  const h = AipoOfficials.h;
  const TEXT = {
    zh: { roundsTitle: '场景征集、算力券与抽查一览', round: '轮次或活动', status: '状态', search: '搜索', sort: '排序', apply: '筛选', any: '全部',
      campaignXlsx: '导出抽查结果（Excel）', campaignCsv: '导出抽查结果（CSV）', none: '—', noRound: '没有可查看的轮次或活动。', failed: '读取失败：',
      groups: { 'scenario-round': '场景征集轮次', 'voucher-round': '算力券批次', 'spot-check-campaign': '双随机抽查活动' },
      summary: '共 {0} 项，显示 {1} 项', pool: '资金池 {0} 元 · 余额 {1} 元 · 预留 {2} 元 · 已兑付 {3} 元',
      label: '编号', title: '场景名称', unit: '推荐单位', field: '领域', riskTier: '风险等级', task: '待办任务', assignee: '办理人',
      number: '券号', firm: '企业', supplier: '算力服务商', amountAsked: '申请金额（元）', amountApproved: '核准金额（元）', paid: '已兑付（元）',
      service: '服务', tier: '风险等级', inspectors: '检查人员', result: '检查结论', findings: '发现的问题', inspectedAt: '检查时间', appliedAt: '申请时间',
      nominatedAt: '提名时间', amount: '金额',
      statuses: { NOMINATED: '已提名', MERGED: '已合并', REJECTED: '不予收录', LISTED: '已列入清单', APPLIED: '待审核', REFUSED: '未通过', ISSUED: '已发放',
        REDEMPTION_SUBMITTED: '兑付待核验', REDEEMED: '已兑付', LAPSED: '已失效', DRAWN: '待检查', RECTIFYING: '整改中', FOLLOW_UP: '待复查', CLOSED: '已办结' },
      results: { PASSED: '合格', FINDINGS: '发现问题', RECTIFIED: '已整改', NOT_RECTIFIED: '未整改' },
      tiers: { high: '高', medium: '中', low: '低', HIGH: '高', MEDIUM: '中', LOW: '低' },
      roundTasks: '本轮待办任务', roundBulkTitle: '批量办理本轮任务', roundKind: '办理方式', roundComment: '共同意见', roundBulk: '批量办理所选任务',
      roundSelectAll: '全选所示任务', roundSelected: '已选 {0} 件任务', nothingSelected: '请先选择任务。', done: '成功 {0} 件，失败 {1} 件',
      pick: '选择',
      kinds: { 'voucher-approve': '批量同意', 'scenario-keep': '汇总整理：全部保留', claim: '认领', unclaim: '退回认领' } },
    en: { roundsTitle: 'Scenario rounds, voucher rounds and spot checks at a glance', round: 'Round or campaign', status: 'Status', search: 'Search',
      sort: 'Sort', apply: 'Filter', any: 'All', campaignXlsx: 'Export the results (Excel)', campaignCsv: 'Export the results (CSV)', none: '—',
      noRound: 'No round or campaign to show.', failed: 'Failed: ',
      groups: { 'scenario-round': 'Scenario rounds', 'voucher-round': 'Voucher rounds', 'spot-check-campaign': 'Spot-check campaigns' },
      summary: '{0} item(s), {1} shown', pool: 'Pool {0} CNY · balance {1} · reserved {2} · paid {3}',
      label: 'No.', title: 'Scenario', unit: 'Nominating unit', field: 'Field', riskTier: 'Risk tier', task: 'Open task', assignee: 'Assignee',
      number: 'Voucher', firm: 'Firm', supplier: 'Supplier', amountAsked: 'Asked (CNY)', amountApproved: 'Approved (CNY)', paid: 'Paid (CNY)',
      service: 'Service', tier: 'Tier', inspectors: 'Inspectors', result: 'Result', findings: 'Findings', inspectedAt: 'Inspected', appliedAt: 'Applied',
      nominatedAt: 'Nominated', amount: 'Amount',
      statuses: { NOMINATED: 'Nominated', MERGED: 'Merged', REJECTED: 'Rejected', LISTED: 'Listed', APPLIED: 'Applied', REFUSED: 'Refused', ISSUED: 'Issued',
        REDEMPTION_SUBMITTED: 'Redemption submitted', REDEEMED: 'Redeemed', LAPSED: 'Lapsed', DRAWN: 'Drawn', RECTIFYING: 'Rectifying',
        FOLLOW_UP: 'Follow-up', CLOSED: 'Closed' },
      results: { PASSED: 'Passed', FINDINGS: 'Findings', RECTIFIED: 'Rectified', NOT_RECTIFIED: 'Not rectified' },
      tiers: { high: 'High', medium: 'Medium', low: 'Low', HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' },
      roundTasks: "The round's open tasks", roundBulkTitle: "Act in bulk on this overview's tasks", roundKind: 'Action', roundComment: 'Common comment',
      roundBulk: 'Act on the selected tasks', roundSelectAll: 'Select all shown tasks', roundSelected: '{0} task(s) selected',
      nothingSelected: 'Select tasks first.', done: '{0} succeeded, {1} failed', pick: 'Select',
      kinds: { 'voucher-approve': 'Approve', 'scenario-keep': 'Consolidation: keep all', claim: 'Claim', unclaim: 'Unclaim' } }
  };
  /** Per kind: its API path, its statuses, its sorts (the first the default) and how its rows are drawn. */
  const KINDS = {
    'scenario-round': { path: id => '/api/console/scenario-rounds/' + id + '/items', list: d => d.items, bulk: ['scenario-keep', 'claim', 'unclaim'],
      statuses: ['NOMINATED', 'MERGED', 'REJECTED', 'LISTED'], sorts: ['number', 'title', 'status', 'riskTier', 'unit', 'nominatedAt'] },
    'voucher-round': { path: id => '/api/console/voucher-rounds/' + id + '/applications', list: d => d.applications,
      bulk: ['voucher-approve', 'claim', 'unclaim'],
      statuses: ['APPLIED', 'REFUSED', 'ISSUED', 'REDEMPTION_SUBMITTED', 'REDEEMED', 'LAPSED'],
      sorts: ['appliedAt', 'firm', 'amountAsked', 'amountApproved', 'status', 'number'] },
    'spot-check-campaign': { path: id => '/api/console/spot-check-campaigns/' + id + '/inspections', list: d => d.inspections, bulk: ['claim', 'unclaim'],
      statuses: ['DRAWN', 'RECTIFYING', 'FOLLOW_UP', 'CLOSED'], sorts: ['tier', 'service', 'firm', 'status', 'result', 'inspectedAt'] }
  };
  const SORT_LABELS = { number: 'label', unit: 'unit', firm: 'firm', service: 'service' };
  const $ = id => document.getElementById(id);
  const lang = () => document.documentElement.lang === 'en' ? 'en' : 'zh';
  const t = (key, ...args) => String(TEXT[lang()][key] ?? key).replace(/\{(\d)\}/g, (m, i) => args[i]);
  const fmt = v => v === null || v === undefined ? t('none') : Number(v).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB');
  const when = iso => iso ? new Date(iso).toLocaleDateString(lang() === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' }) : t('none');
  const status = s => (TEXT[lang()].statuses[s]) || s || t('none');
  const tier = s => s ? (TEXT[lang()].tiers[s] || s) : t('none');
  let rounds = null;
  let data = null;
  let loaded = false;
  /** The selected open tasks' ids (kept while the overview is reloaded, dropped once no longer shown). */
  const picked = new Set();

  async function api(path, method, body) {
    const headers = { Accept: 'application/json', 'X-AIPO-Portal': '1' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method: method || 'GET', credentials: 'same-origin', headers,
      body: body === undefined ? undefined : JSON.stringify(body) });
    let json = null;
    try { json = await response.json(); } catch (e) { json = null; }
    return { ok: response.ok, status: response.status, data: json };
  }

  function selected() {
    const value = $('round').value;
    const at = value.indexOf(':');
    return at < 0 ? null : { kind: value.slice(0, at), id: value.slice(at + 1) };
  }

  function options(select, values, label, withAny) {
    const current = select.value;
    select.replaceChildren(...(withAny ? [h('option', { value: '' }, t('any'))] : []), ...values.map(v => h('option', { value: v }, label(v))));
    if (current && values.includes(current)) select.value = current;
  }

  function chrome() {
    document.querySelectorAll('[data-r]').forEach(el => { el.textContent = t(el.getAttribute('data-r')); });
    if (rounds) {
      const current = $('round').value;
      $('round').replaceChildren(...Object.keys(KINDS).map(kind => h('optgroup', { label: TEXT[lang()].groups[kind] },
        (rounds[kind] || []).map(r => h('option', { value: kind + ':' + r.id }, r.title + (r.status ? ' · ' + r.status : ''))))));
      if (current) $('round').value = current;
    }
    const chosen = selected();
    if (chosen) {
      options($('roundStatus'), KINDS[chosen.kind].statuses, status, true);
      options($('roundSort'), KINDS[chosen.kind].sorts, s => t(SORT_LABELS[s] || s), false);
      options($('roundKind'), KINDS[chosen.kind].bulk, k => TEXT[lang()].kinds[k], false);
    }
  }

  /** The tasks the overview shows: a scenario round's own open tasks, else each row's open task. */
  function shownTasks(chosen) {
    if (!data || !chosen) return [];
    const rows = chosen.kind === 'scenario-round' ? (data.tasks || []) : KINDS[chosen.kind].list(data);
    return rows.filter(r => r.taskId);
  }

  function pick(taskId, label) {
    if (!taskId) return '';
    const box = h('input', { type: 'checkbox', class: 'roundPick', 'data-task': taskId, checked: picked.has(taskId), 'aria-label': t('pick') + ' ' + label });
    box.addEventListener('change', () => { if (box.checked) picked.add(taskId); else picked.delete(taskId); count(); });
    return box;
  }

  function count() {
    const chosen = selected();
    const shown = shownTasks(chosen);
    $('roundSelected').textContent = t('roundSelected', picked.size);
    $('roundSelectAll').checked = shown.length > 0 && shown.every(r => picked.has(r.taskId));
    $('roundSelectAll').disabled = shown.length === 0;
  }

  /** The row's name in the results list: a voucher's number or firm, an inspection's service, a scenario task's name. */
  function labels(chosen) {
    const names = new Map();
    if (!data || !chosen) return names;
    if (chosen.kind === 'voucher-round') data.applications.forEach(a => names.set(a.taskId, (a.number || a.firm) + ' · ' + a.taskName));
    else if (chosen.kind === 'spot-check-campaign') data.inspections.forEach(r => names.set(r.taskId, r.serviceName + ' · ' + r.taskName));
    else (data.tasks || []).forEach(task => names.set(task.taskId, task.taskName));
    return names;
  }

  async function bulk() {
    $('roundBulkError').textContent = '';
    const chosen = selected();
    if (picked.size === 0 || !chosen) { $('roundBulkError').textContent = t('nothingSelected'); return; }
    $('roundBulk').disabled = true;
    try {
      const r = await api('/api/console/bulk', 'POST', { kind: $('roundKind').value, taskIds: [...picked], comment: $('roundComment').value });
      if (!r.ok) {
        $('roundBulkError').textContent = t('failed') + ((r.data && (r.data.messages || {})[lang()]) || r.status);
        return;
      }
      const names = labels(chosen);
      $('roundResults').replaceChildren(h('li', { id: 'roundBulkSummary' }, t('done', r.data.succeeded, r.data.failed)),
        ...r.data.items.map(i => h('li', { class: i.succeeded ? 'succeeded' : 'failed', 'data-task': i.taskId },
          (names.get(i.taskId) || i.taskId) + (lang() === 'zh' ? '：' + i.zh : ': ' + i.en))));
      picked.clear();
      await refresh();
    } finally {
      $('roundBulk').disabled = false;
    }
  }

  function link(row) {
    return row.taskId ? h('a', { href: row.tasklistUrl, target: '_blank', rel: 'noopener' }, row.taskName) : t('none');
  }

  function table(head, rows) {
    $('roundItems').replaceChildren(h('thead', null, h('tr', null, head.map(([key, cls]) => h('th', { class: cls }, t(key))))), h('tbody', null, rows));
  }

  function render() {
    chrome();
    const chosen = selected();
    if (!data || !chosen) return;
    const items = KINDS[chosen.kind].list(data);
    let summary = t('summary', data.total, items.length);
    const tasks = chosen.kind === 'scenario-round' ? (data.tasks || []) : [];
    $('roundTasksBox').hidden = tasks.length === 0;
    $('roundTasks').replaceChildren(...tasks.map(task => h('li', { 'data-task': task.taskId }, h('label', { class: 'inline' }, pick(task.taskId, task.taskName),
      h('a', { href: task.tasklistUrl, target: '_blank', rel: 'noopener' }, task.taskName)), ' ', task.taskAssignee ? '（' + task.taskAssignee + '）' : '')));
    if (chosen.kind === 'scenario-round') {
      table([['label'], ['title'], ['unit'], ['field'], ['status'], ['riskTier'], ['task'], ['assignee']], items.map(i =>
        h('tr', { 'data-item': i.id, 'data-status': i.status }, h('td', null, i.label), h('td', null, i.title), h('td', null, i.nominatingUnitName || i.nominatingUnit),
          h('td', null, i.field), h('td', { class: 'status' }, status(i.status)), h('td', null, tier(i.riskTier)), h('td', null, link(i)),
          h('td', null, i.taskAssignee || t('none')))));
    } else if (chosen.kind === 'voucher-round') {
      summary += ' · ' + t('pool', fmt(data.poolTotal), fmt(data.balance), fmt(data.reserved), fmt(data.paidAmount));
      table([['pick'], ['number'], ['firm'], ['supplier'], ['amountAsked', 'num'], ['amountApproved', 'num'], ['paid', 'num'], ['status'], ['appliedAt'], ['task'],
        ['assignee']], items.map(a => h('tr', { 'data-item': a.id, 'data-status': a.status }, h('td', null, pick(a.taskId, a.firm)),
        h('td', null, a.number || t('none')), h('td', null, a.firm),
        h('td', null, a.supplier), h('td', { class: 'num' }, fmt(a.amountAsked)), h('td', { class: 'num' }, fmt(a.amountApproved)),
        h('td', { class: 'num' }, fmt(a.paid)), h('td', { class: 'status' }, status(a.status)), h('td', null, when(a.appliedAt)), h('td', null, link(a)),
        h('td', null, a.taskAssignee || t('none')))));
    } else {
      table([['pick'], ['service'], ['firm'], ['tier'], ['inspectors'], ['status'], ['result'], ['findings'], ['inspectedAt'], ['task']], items.map(r =>
        h('tr', { 'data-item': r.id, 'data-status': r.status }, h('td', null, pick(r.taskId, r.serviceName)), h('td', null, r.serviceName), h('td', null, r.organisationName), h('td', null, tier(r.tier)),
          h('td', null, r.inspectors.join('、')), h('td', { class: 'status' }, status(r.status)),
          h('td', null, r.result ? (TEXT[lang()].results[r.result] || r.result) : t('none')), h('td', null, r.findings || t('none')),
          h('td', null, when(r.inspectedAt)), h('td', null, link(r)))));
    }
    $('roundSummary').textContent = summary;
    $('roundBulkBox').hidden = false;
    count();
    exports(chosen);
  }

  function query() {
    const params = new URLSearchParams();
    if ($('roundStatus').value) params.set('status', $('roundStatus').value);
    if ($('roundQ').value.trim()) params.set('q', $('roundQ').value.trim());
    if ($('roundSort').value) params.set('sort', $('roundSort').value);
    return params;
  }

  function exports(chosen) {
    const campaign = chosen.kind === 'spot-check-campaign';
    $('campaignDownloads').hidden = !campaign;
    if (!campaign) return;
    const params = query();
    const base = '/api/console/spot-check-campaigns/' + encodeURIComponent(chosen.id) + '/results/export?';
    params.set('format', 'xlsx');
    $('campaignXlsx').href = base + params;
    params.set('format', 'csv');
    $('campaignCsv').href = base + params;
  }

  async function refresh() {
    const chosen = selected();
    data = null;
    $('roundItems').replaceChildren();
    $('roundTasks').replaceChildren();
    $('roundTasksBox').hidden = true;
    $('roundBulkBox').hidden = true;
    if (!chosen) { $('roundSummary').textContent = t('noRound'); return; }
    chrome();
    const r = await api(KINDS[chosen.kind].path(encodeURIComponent(chosen.id)) + '?' + query());
    if (!r.ok) {
      $('roundSummary').textContent = t('failed') + ((r.data && (r.data.messages || {})[lang()]) || r.status);
      return;
    }
    data = r.data;
    const open = new Set(shownTasks(chosen).map(row => row.taskId));
    [...picked].forEach(task => { if (!open.has(task)) picked.delete(task); });
    render();
  }

  async function load() {
    if (loaded) return;
    loaded = true;
    const r = await api('/api/console/rounds');
    if (!r.ok) { loaded = false; return; }
    rounds = { 'scenario-round': r.data.scenarioRounds, 'voucher-round': r.data.voucherRounds, 'spot-check-campaign': r.data.campaigns };
    chrome();
    const asked = new URLSearchParams(location.search).get('round');
    if (asked && asked.includes(':')) {
      if (![...$('round').options].some(o => o.value === asked)) $('round').append(h('option', { value: asked }, asked));
      $('round').value = asked;
    }
    await refresh();
  }

  $('roundFilters').addEventListener('submit', event => { event.preventDefault(); refresh(); });
  $('round').addEventListener('change', () => {
    $('roundStatus').value = ''; $('roundSort').replaceChildren(); $('roundKind').replaceChildren(); $('roundResults').replaceChildren(); picked.clear(); refresh();
  });
  $('roundSelectAll').addEventListener('change', () => {
    shownTasks(selected()).forEach(r => { if ($('roundSelectAll').checked) picked.add(r.taskId); else picked.delete(r.taskId); });
    render();
  });
  $('roundBulk').addEventListener('click', bulk);
  $('lang').addEventListener('click', render);
  // the console shows its board once logged in
  new MutationObserver(() => { if (!$('board').hidden) load(); }).observe($('board'), { attributes: true, attributeFilter: ['hidden'] });
  if (!$('board').hidden) load();
})();
