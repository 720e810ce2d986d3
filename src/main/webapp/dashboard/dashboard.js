/*
 * The programme dashboard for officials (issue 26): targets beside achievements from GET /api/dashboard, drawn with
 * Apache ECharts (served from this server's /webjars/echarts/, ADR 0019). The page reads with the login of Camunda's
 * webapps (the same as Tasklist's, kept in this server's session); every figure comes from the API, and each chart has
 * a table of the same figures beside it. No build step, no inline script (the page's Content-Security-Policy).
 */
(function () {
  'use strict';
  const TEXT = {
    zh: { brand: '目标与成效', year: '年度', tasklist: '任务列表', logout: '退出', lang: 'English', loginTitle: '目标与成效（项目办、领导小组、审计）',
      loginHint: '与任务列表（Tasklist）使用同一登录。', userId: '用户名', password: '密码', login: '登录',
      notAllowed: '您的角色无权查看目标与成效（项目办、领导小组、审计、管理员可以）。', countsTitle: '目标与完成（数量）', amountsTitle: '目标与完成（金额，元）',
      measure: '指标', monthlyTitle: '按月', fieldTitle: '按领域', cityTitle: '按城市', target: '目标', achieved: '完成', percent: '完成率',
      monthly: '当月', cumulative: '累计', programme: '项目', name: '指标', field: '领域', city: '城市', none: '—',
      footer: '成效均由系统记录统计，不可手工填报；月份按北京时间（UTC+8）。', countedAt: '统计时间：{0}（北京时间）', failed: '读取失败：',
      months: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'] },
    en: { brand: 'Programme dashboard', year: 'Year', tasklist: 'Tasklist', logout: 'Log out', lang: '中文', loginTitle: 'Programme dashboard (office, leadership, auditors)',
      loginHint: 'The same login as Tasklist.', userId: 'User id', password: 'Password', login: 'Log in',
      notAllowed: 'Your role may not read the dashboard (the programme office, leadership, auditors and administrators may).',
      countsTitle: 'Targets and achievements (counts)', amountsTitle: 'Targets and achievements (amounts, yuan)', measure: 'Measure',
      monthlyTitle: 'By month', fieldTitle: 'By field', cityTitle: 'By city', target: 'Target', achieved: 'Achieved', percent: 'Share of target',
      monthly: 'In the month', cumulative: 'Cumulative', programme: 'Programme', name: 'Measure', field: 'Field', city: 'City', none: '—',
      footer: 'Achievements are counted from the records, never typed in; months in Beijing time (UTC+8).', countedAt: 'Counted at {0} (Beijing time)',
      failed: 'Could not read the dashboard: ', months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] }
  };
  const stored = localStorage.getItem('aipo.lang');
  let lang = stored === 'zh' || stored === 'en' ? stored : ((navigator.language || 'zh').toLowerCase().startsWith('zh') ? 'zh' : 'en');
  let data = null;
  let measureKey = new URLSearchParams(location.search).get('measure');
  const charts = {};
  const $ = id => document.getElementById(id);
  const t = (key, ...args) => String(TEXT[lang][key] ?? key).replace(/\{(\d)\}/g, (m, i) => args[i]);
  const name = x => lang === 'zh' ? x.zh : x.en;
  const num = v => v === null || v === undefined ? null : Number(v);
  const fmt = v => v === null || v === undefined ? t('none') : Number(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== null && v !== undefined) el.setAttribute(k, v); });
    children.flat().forEach(c => { if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c))); });
    return el;
  }

  function beijingYear() {
    return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  }

  const years = (() => {
    const now = beijingYear();
    const asked = Number(new URLSearchParams(location.search).get('year'));
    const list = [now + 1, now, now - 1, now - 2, now - 3];
    if (asked && !list.includes(asked)) list.push(asked);
    return { list: list.sort((a, b) => b - a), current: asked || now };
  })();

  async function api(path) {
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-AIPO-Portal': '1' } });
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    return { ok: response.ok, status: response.status, data: body };
  }

  function chrome() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.getAttribute('data-t')); });
    $('lang').textContent = t('lang');
    document.title = t('brand') + ' — AI Programme Office';
  }

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  function table(id, head, rows) {
    $(id).replaceChildren(h('thead', null, h('tr', null, head.map(([text, cls]) => h('th', { class: cls }, text)))),
      h('tbody', null, rows));
  }

  /** Targets beside achievements for the measures of one unit (count or yuan), as bars and as a table. */
  function targetsChart(chartId, tableId, measures) {
    const labels = measures.map(name);
    chart(chartId).setOption({
      tooltip: { trigger: 'axis' }, legend: { data: [t('target'), t('achieved')] },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value' }, yAxis: { type: 'category', data: labels, inverse: true },
      series: [{ name: t('target'), type: 'bar', data: measures.map(m => m.target === null ? '-' : num(m.target)), itemStyle: { color: '#bdbdbd' } },
        { name: t('achieved'), type: 'bar', data: measures.map(m => num(m.achieved)), itemStyle: { color: '#b71c1c' } }]
    }, true);
    table(tableId, [[t('programme')], [t('name')], [t('target'), 'num'], [t('achieved'), 'num'], [t('percent'), 'num']],
      measures.map(m => h('tr', { 'data-measure': m.key }, h('td', null, lang === 'zh' ? m.programmeZh : m.programmeEn), h('td', null, name(m)),
        h('td', { class: 'num target' }, fmt(m.target)), h('td', { class: 'num achieved' }, fmt(m.achieved)),
        h('td', { class: 'num percent' }, m.percentOfTarget === null ? t('none') : m.percentOfTarget + '%'))));
  }

  /** The chosen measure by month (and cumulative, against its target), by field and by city. */
  function measureCharts() {
    const m = data.measures.find(x => x.key === measureKey) || data.measures[0];
    measureKey = m.key;
    $('measure').value = m.key;
    let sum = 0;
    const cumulative = m.byMonth.map(v => (sum += Number(v)));
    chart('chartMonthly').setOption({
      tooltip: { trigger: 'axis' }, legend: { data: [t('monthly'), t('cumulative')] },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: TEXT[lang].months }, yAxis: { type: 'value' },
      series: [{ name: t('monthly'), type: 'bar', data: m.byMonth.map(Number), itemStyle: { color: '#b71c1c' } },
        { name: t('cumulative'), type: 'line', data: cumulative, itemStyle: { color: '#555' },
          markLine: m.target === null ? undefined : { symbol: 'none', label: { formatter: t('target') + ' ' + fmt(m.target) },
            data: [{ yAxis: num(m.target) }] } }]
    }, true);
    const slices = (chartId, tableId, list, withTarget, label) => {
      const series = [{ name: t('achieved'), type: 'bar', data: list.map(s => num(s.value)), itemStyle: { color: '#b71c1c' } }];
      if (withTarget) series.unshift({ name: t('target'), type: 'bar', data: list.map(s => s.target === null ? '-' : num(s.target)), itemStyle: { color: '#bdbdbd' } });
      chart(chartId).setOption({
        tooltip: { trigger: 'axis' }, legend: { data: series.map(s => s.name) },
        grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'value' }, yAxis: { type: 'category', data: list.map(name), inverse: true }, series
      }, true);
      const head = [[label], [t('achieved'), 'num']];
      if (withTarget) head.push([t('target'), 'num']);
      table(tableId, head, list.map(s => h('tr', { 'data-key': s.key }, h('td', null, name(s)), h('td', { class: 'num achieved' }, fmt(s.value)),
        withTarget ? h('td', { class: 'num target' }, fmt(s.target)) : null)));
    };
    slices('chartFields', 'tableFields', m.byField, m.byField.some(s => s.target !== null), t('field'));
    slices('chartCities', 'tableCities', m.byCity, false, t('city'));
  }

  function render() {
    chrome();
    $('countedAt').textContent = t('countedAt', new Date(data.countedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB',
      { timeZone: 'Asia/Shanghai', hour12: false }));
    $('measure').replaceChildren(...data.measures.map(m => h('option', { value: m.key }, name(m))));
    targetsChart('chartCounts', 'tableCounts', data.measures.filter(m => m.unit === 'count'));
    targetsChart('chartAmounts', 'tableAmounts', data.measures.filter(m => m.unit !== 'count'));
    measureCharts();
    $('board').setAttribute('data-year', String(data.year));
    $('board').setAttribute('data-lang', lang);
  }

  async function load() {
    const year = Number($('year').value);
    const r = await api('/api/dashboard?year=' + year);
    if (r.status === 401 || r.status === 403) {
      $('board').hidden = true;
      $('loginForm').hidden = false;
      $('logout').hidden = r.status !== 403;
      $('loginError').textContent = r.status === 403 ? t('notAllowed') : '';
      return;
    }
    if (!r.ok) {
      $('countedAt').textContent = t('failed') + ((r.data && (r.data.messages || {})[lang]) || r.status);
      return;
    }
    const session = await api('/camunda/api/admin/auth/user/default');
    $('who').textContent = session.ok && session.data ? session.data.userId : '';
    $('logout').hidden = !(session.ok && session.data);
    $('loginForm').hidden = true;
    $('board').hidden = false;
    data = r.data;
    if (!measureKey || !data.measures.some(m => m.key === measureKey)) {
      const first = data.measures.find(m => Number(m.achieved) > 0);
      measureKey = (first || data.measures[0]).key;
    }
    render();
  }

  AipoOfficials.wireLogin(() => lang, () => t('notAllowed'), load);
  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('aipo.lang', lang);
    if (data) render(); else chrome();
  });
  $('measure').addEventListener('change', () => { measureKey = $('measure').value; measureCharts(); });
  $('year').replaceChildren(...years.list.map(y => h('option', { value: String(y) }, String(y))));
  $('year').value = String(years.current);
  $('year').addEventListener('change', load);
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  chrome();
  load();
})();
