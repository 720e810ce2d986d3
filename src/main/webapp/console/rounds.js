/*
 * The console's second overview (issue 28): pick a scenario round, a voucher round or a spot-check campaign (GET
 * /api/console/rounds) and see its items (GET /api/console/scenario-rounds/{id}/items, voucher-rounds/{id}/applications,
 * spot-check-campaigns/{id}/inspections), filtered and sorted, with the open task's Tasklist link; a campaign's results
 * downloaded as .xlsx or CSV. Loaded after console.js; shows itself once the console's board is shown (logged in), and
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
      tiers: { high: '高', medium: '中', low: '低', HIGH: '高', MEDIUM: '中', LOW: '低' } },
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
      tiers: { high: 'High', medium: 'Medium', low: 'Low', HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' } }
  };
  /** Per kind: its API path, its statuses, its sorts (the first the default) and how its rows are drawn. */
  const KINDS = {
    'scenario-round': { path: id => '/api/console/scenario-rounds/' + id + '/items', list: d => d.items,
      statuses: ['NOMINATED', 'MERGED', 'REJECTED', 'LISTED'], sorts: ['number', 'title', 'status', 'riskTier', 'unit', 'nominatedAt'] },
    'voucher-round': { path: id => '/api/console/voucher-rounds/' + id + '/applications', list: d => d.applications,
      statuses: ['APPLIED', 'REFUSED', 'ISSUED', 'REDEMPTION_SUBMITTED', 'REDEEMED', 'LAPSED'],
      sorts: ['appliedAt', 'firm', 'amountAsked', 'amountApproved', 'status', 'number'] },
    'spot-check-campaign': { path: id => '/api/console/spot-check-campaigns/' + id + '/inspections', list: d => d.inspections,
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

  async function api(path) {
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-AIPO-Portal': '1' } });
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
    if (chosen.kind === 'scenario-round') {
      table([['label'], ['title'], ['unit'], ['field'], ['status'], ['riskTier'], ['task'], ['assignee']], items.map(i =>
        h('tr', { 'data-item': i.id, 'data-status': i.status }, h('td', null, i.label), h('td', null, i.title), h('td', null, i.nominatingUnitName || i.nominatingUnit),
          h('td', null, i.field), h('td', { class: 'status' }, status(i.status)), h('td', null, tier(i.riskTier)), h('td', null, link(i)),
          h('td', null, i.taskAssignee || t('none')))));
    } else if (chosen.kind === 'voucher-round') {
      summary += ' · ' + t('pool', fmt(data.poolTotal), fmt(data.balance), fmt(data.reserved), fmt(data.paidAmount));
      table([['number'], ['firm'], ['supplier'], ['amountAsked', 'num'], ['amountApproved', 'num'], ['paid', 'num'], ['status'], ['appliedAt'], ['task'],
        ['assignee']], items.map(a => h('tr', { 'data-item': a.id, 'data-status': a.status }, h('td', null, a.number || t('none')), h('td', null, a.firm),
        h('td', null, a.supplier), h('td', { class: 'num' }, fmt(a.amountAsked)), h('td', { class: 'num' }, fmt(a.amountApproved)),
        h('td', { class: 'num' }, fmt(a.paid)), h('td', { class: 'status' }, status(a.status)), h('td', null, when(a.appliedAt)), h('td', null, link(a)),
        h('td', null, a.taskAssignee || t('none')))));
    } else {
      table([['service'], ['firm'], ['tier'], ['inspectors'], ['status'], ['result'], ['findings'], ['inspectedAt'], ['task']], items.map(r =>
        h('tr', { 'data-item': r.id, 'data-status': r.status }, h('td', null, r.serviceName), h('td', null, r.organisationName), h('td', null, tier(r.tier)),
          h('td', null, r.inspectors.join('、')), h('td', { class: 'status' }, status(r.status)),
          h('td', null, r.result ? (TEXT[lang()].results[r.result] || r.result) : t('none')), h('td', null, r.findings || t('none')),
          h('td', null, when(r.inspectedAt)), h('td', null, link(r)))));
    }
    $('roundSummary').textContent = summary;
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
    if (!chosen) { $('roundSummary').textContent = t('noRound'); return; }
    chrome();
    const r = await api(KINDS[chosen.kind].path(encodeURIComponent(chosen.id)) + '?' + query());
    if (!r.ok) {
      $('roundSummary').textContent = t('failed') + ((r.data && (r.data.messages || {})[lang()]) || r.status);
      return;
    }
    data = r.data;
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
  $('round').addEventListener('change', () => { $('roundStatus').value = ''; $('roundSort').replaceChildren(); refresh(); });
  $('lang').addEventListener('click', render);
  // the console shows its board once logged in
  new MutationObserver(() => { if (!$('board').hidden) load(); }).observe($('board'), { attributes: true, attributeFilter: ['hidden'] });
  if (!$('board').hidden) load();
})();
