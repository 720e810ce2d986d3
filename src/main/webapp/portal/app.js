/*
 * The applicant portal: plain pages over our JSON API (/api), no build step (docs/adr/0003). Every text
 * from the server is put into the page as text, never as HTML.
 */
(function () {
  'use strict';
  const view = document.getElementById('view');
  let lang = localStorage.getItem('aipo.lang') || 'zh';
  let me = null;

  const TIMELINE = {
    zh: { 'proposal.drafted': '创建草稿', 'proposal.saved': '保存草稿', 'proposal.submitted': '提交申报', 'proposal.attachment-added': '上传附件',
      'proposal.formal-check.correction': '形式审查：退回补正', 'proposal.formal-check.eligible': '形式审查：符合条件',
      'proposal.formal-check.ineligible': '形式审查：不符合条件', 'proposal.corrected': '提交补正', 'proposal.withdrawn-uncorrected': '逾期未补正',
      'proposal.under-review': '进入专家评审', 'proposal.proposed-for-award': '拟资助，公示中', 'proposal.not-selected': '未入选',
      'proposal.back-to-review': '异议成立，重新评审', 'proposal.excluded': '异议成立，取消拟资助', 'proposal.awarded': '正式立项',
      'project.mid-term-reported': '提交中期报告', 'project.mid-term-review': '中期检查评审', 'project.mid-term-passed': '中期检查通过',
      'project.mid-term-failed': '中期检查未通过', 'project.mid-term-overdue': '中期报告逾期', 'project.acceptance-applied': '申请验收',
      'project.acceptance-review': '验收评审', 'project.accepted': '验收通过', 'project.acceptance-failed': '验收未通过',
      'project.acceptance-overdue': '验收逾期', 'project.designated-benchmark': '认定为标杆项目', 'project.not-designated-benchmark': '未认定为标杆项目' },
    en: { 'proposal.drafted': 'Draft created', 'proposal.saved': 'Draft saved', 'proposal.submitted': 'Submitted', 'proposal.attachment-added': 'Attachment added',
      'proposal.formal-check.correction': 'Formal check: returned for correction', 'proposal.formal-check.eligible': 'Formal check: eligible',
      'proposal.formal-check.ineligible': 'Formal check: ineligible', 'proposal.corrected': 'Correction submitted', 'proposal.withdrawn-uncorrected': 'Not corrected in time',
      'proposal.under-review': 'Expert review', 'proposal.proposed-for-award': 'Proposed for award (notice)', 'proposal.not-selected': 'Not selected',
      'proposal.back-to-review': 'Objection upheld: reviewed again', 'proposal.excluded': 'Objection upheld: excluded', 'proposal.awarded': 'Awarded',
      'project.mid-term-reported': 'Mid-term report sent', 'project.mid-term-review': 'Mid-term review', 'project.mid-term-passed': 'Mid-term check passed',
      'project.mid-term-failed': 'Mid-term check failed', 'project.mid-term-overdue': 'Mid-term report overdue', 'project.acceptance-applied': 'Acceptance applied for',
      'project.acceptance-review': 'Acceptance review', 'project.accepted': 'Accepted', 'project.acceptance-failed': 'Acceptance failed',
      'project.acceptance-overdue': 'Acceptance overdue', 'project.designated-benchmark': 'Designated a benchmark', 'project.not-designated-benchmark': 'Not designated a benchmark' }
  };

  function t(key, ...args) {
    let text = (I18N[lang] && I18N[lang][key]) || I18N.zh[key] || key;
    args.forEach((a, i) => { text = text.replace('{' + i + '}', a); });
    return text;
  }

  /** h('p', {class: 'x'}, 'text', child): an element; strings become text nodes, never HTML. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v); else el.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach(c => { if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c)); });
    return el;
  }

  function when(iso) {
    if (!iso) return '—';
    return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' })
      .format(new Date(iso));
  }

  function yuan(n) {
    return n === null || n === undefined ? '—' : Number(n).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  }

  /**
   * An API error (RFC 9457 problem: code, field, messages) in the user's language, chosen by its stable code, never
   * by its wording: the portal's own text for the codes it knows, else the server's text in the user's language.
   */
  const ERROR_CODES = {
    'text.required': 'required', 'credit-code.check-digit': 'checkDigit', 'credit-code.length': 'm_codeLength',
    'credit-code.characters': 'm_codeChars', 'credit-code.division': 'm_codeChars', 'attachment.not-pdf': 'm_notPdf',
    'attachment.too-large': 'tooLarge', 'email.invalid': 'm_email', 'phone.invalid': 'm_phone', 'password.weak': 'passwordHint',
    'user-id.characters': 'm_userIdChars', 'user-id.taken': 'm_userTaken', 'organisation.exists': 'm_codeTaken',
    'amount.negative': 'm_negative', 'proposal.field-not-in-call': 'm_field', 'call.closed': 'm_closed',
    'notice.closed': 'noticeClosed', 'notice.not-proposed': 'm_notProposed', 'filing-number.form': 'm_filingNumber',
    'ai-service.not-awaiting-assessment': 'm_notAwaiting', 'ai-service.not-forwarded': 'm_notForwarded' };
  function say(problem) {
    if (!problem) return '';
    const key = ERROR_CODES[problem.code];
    if (key) return t(key);
    if (problem.messages) return problem.messages[lang === 'zh' ? 'zh' : 'en'];
    return problem.message || '';
  }

  // --- the API, with a session; an expired session asks to log in again and retries, losing nothing
  let relogin = null;
  async function api(method, path, body, raw) {
    const headers = { 'X-AIPO-Portal': '1' };
    let payload;
    if (raw) { payload = raw.body; headers['Content-Type'] = raw.type; } else if (body !== undefined) { payload = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
    const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    if (response.status === 401 && me && path !== '/api/session') {
      await askToLogIn();
      return api(method, path, body, raw);
    }
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = { message: text }; }
    return { ok: response.ok, status: response.status, data };
  }

  function askToLogIn() {
    if (relogin) return relogin;
    const modal = document.getElementById('relogin');
    const form = document.getElementById('reloginForm');
    form.userId.value = me ? me.userId : '';
    modal.hidden = false;
    relogin = new Promise(resolve => {
      form.onsubmit = async event => {
        event.preventDefault();
        const r = await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
          body: JSON.stringify({ userId: form.userId.value, password: form.password.value }) });
        if (r.ok) { modal.hidden = true; form.password.value = ''; relogin = null; resolve(); }
        else document.getElementById('reloginError').textContent = t('wrongLogin');
      };
    });
    return relogin;
  }

  // --- forms: errors next to their fields
  function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach(e => e.remove());
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
    const general = form.querySelector('.error'); if (general) general.textContent = '';
  }

  function fieldError(form, name, message) {
    const input = form.querySelector('[name="' + CSS.escape(name) + '"]');
    if (!input) return false;
    input.setAttribute('aria-invalid', 'true');
    const error = h('p', { class: 'field-error', id: 'error-' + name.replace(/\W/g, '-'), role: 'alert' }, message);
    input.setAttribute('aria-describedby', error.id);
    input.closest('label').append(error);
    return true;
  }

  function showError(form, result) {
    const data = result.data || {};
    const field = data.field;
    if (!(field && fieldError(form, field, say(data)))) {
      form.querySelector('.error').textContent = t('error') + (say(data) || String(result.status));
    }
  }

  /** Client-side check of required and over-long fields, every error at once. */
  function check(form, required) {
    clearErrors(form);
    let ok = true;
    form.querySelectorAll('input, textarea, select').forEach(input => {
      const value = input.value.trim();
      if (required.includes(input.name) && !value) { fieldError(form, input.name, t('required')); ok = false; }
      const max = input.getAttribute('data-max');
      if (max && input.value.length > Number(max)) { fieldError(form, input.name, t('tooLong', max)); ok = false; }
    });
    return ok;
  }

  function input(name, label, attrs, hint) {
    const kind = (attrs && attrs.area) ? 'textarea' : 'input';
    const a = Object.assign({ name, 'data-max': attrs && attrs.max, type: attrs && attrs.type }, attrs && attrs.extra);
    const control = h(kind, a);
    if (attrs && attrs.value !== undefined && attrs.value !== null) control.value = attrs.value;
    return h('label', null, h('span', null, label), control, hint ? h('span', { class: 'hint' }, hint) : null);
  }

  function select(name, label, options, value) {
    const s = h('select', { name }, options.map(([v, text]) => h('option', { value: v }, text)));
    if (value) s.value = value;
    return h('label', null, h('span', null, label), s);
  }

  // --- pages
  async function home() {
    const notices = await api('GET', '/api/notices');
    const parts = [h('h1', null, t('brand'))];
    const noticeCard = h('section', { class: 'card notice' }, h('h2', null, t('noticesTitle')));
    if (notices.ok && notices.data.length) {
      notices.data.forEach(n => noticeCard.append(h('p', null, h('strong', null, n.title), ' · ', t('noticeUntil'), ' ', when(n.closesAt), ' · ',
        h('a', { href: '#/notices/' + encodeURIComponent(n.callId) }, t('viewNotice')))));
    } else noticeCard.append(h('p', null, t('noNotices')));
    parts.push(noticeCard);
    parts.push(await scenarioCard());
    parts.push(await voucherRoundsCard());
    parts.push(h('section', { class: 'card', id: 'spotChecksCard' }, h('h2', null, t('spotChecksTitle')), h('p', null, t('spotChecksHint')),
      h('p', null, h('a', { href: '#/spot-checks', id: 'spotChecksLink' }, t('spotChecksLink'))),
      me ? h('p', null, h('a', { href: '#/supervision', id: 'mySupervisionLink' }, t('mySupervision'))) : null));
    parts.push(h('section', { class: 'card', id: 'figuresCard' }, h('h2', null, t('figuresTitle')), h('p', null, t('figuresHint')),
      h('p', null, h('a', { href: '#/figures', id: 'figuresLink' }, t('figuresLink')))));
    parts.push(await supplierCatalogueCard());
    if (isSupplier()) {
      parts.push(h('section', { class: 'card' }, h('p', null, h('a', { href: '#/supplier' }, t('myListing')))));
      view.replaceChildren(...parts);
      return;
    }
    const calls = h('section', { class: 'card' }, h('h2', null, t('callsTitle')));
    if (me) {
      const open = await api('GET', '/api/applicant/calls');
      if (open.ok && open.data.length) {
        open.data.forEach(c => calls.append(h('div', null, h('p', null, h('strong', null, c.title)),
          h('p', { class: 'hint' }, t('field'), ': ', c.fields.map(f => (c.fieldNames || {})[f] || f).join('，'), ' · ', t('closesAt'), ' ', when(c.closesAt), ' · ', t('budget'), ' ', yuan(c.budget),
            ' · ', t('maxAward'), ' ', yuan(c.maxAward)),
          c.scenarios && c.scenarios.length ? h('p', { class: 'hint' }, t('scenarios'), ': ', c.scenarios.join('；')) : null,
          h('a', { href: '#/proposals/new/' + encodeURIComponent(c.id), class: 'new-proposal' }, t('newProposal')))));
      } else calls.append(h('p', null, t('noCalls')));
    } else calls.append(h('p', null, h('a', { href: '#/login' }, t('loginToApply'))));
    parts.push(calls);
    view.replaceChildren(...parts);
  }

  function loginPage() {
    const form = h('form', { class: 'card', novalidate: true, id: 'loginForm' }, h('h1', null, t('loginTitle')),
      input('userId', t('userId'), { extra: { autocomplete: 'username' } }),
      input('password', t('password'), { type: 'password', extra: { autocomplete: 'current-password' } }),
      h('p', { class: 'error' }), h('button', { type: 'submit' }, t('login')));
    form.onsubmit = async event => {
      event.preventDefault();
      if (!check(form, ['userId', 'password'])) return;
      const r = await api('POST', '/api/session', { userId: form.userId.value.trim(), password: form.password.value });
      if (!r.ok) { clearErrors(form); form.querySelector('.error').textContent = r.status === 401 ? t('wrongLogin') : say(r.data); return; }
      me = r.data; chrome();
      const after = sessionStorage.getItem('aipo.after');
      sessionStorage.removeItem('aipo.after');
      // a supplier's staff go to their listing, whatever page of an applicant's they came from
      location.hash = isSupplier() ? (after && after.startsWith('#/supplier') ? after : '#/supplier') : (after && !after.startsWith('#/supplier') ? after : '#/proposals');
    };
    view.replaceChildren(form);
  }

  function registerPage() {
    const form = h('form', { class: 'card', novalidate: true, id: 'registerForm' }, h('h1', null, t('registerTitle')),
      input('name', t('orgName'), { max: 200 }),
      input('creditCode', t('creditCode'), { max: 18 }, t('creditCodeHint')),
      select('kind', t('kind'), ['COMPANY', 'UNIVERSITY', 'INSTITUTE', 'OTHER'].map(k => [k, t('kind' + k)])),
      h('div', { class: 'grid2' }, input('contact.name', t('contactName'), { max: 100 }), input('contact.phone', t('contactPhone'), { max: 20 })),
      input('contact.email', t('contactEmail'), { type: 'email', max: 200 }),
      h('h2', null, t('firstUser')),
      h('div', { class: 'grid2' }, input('user.userId', t('userId'), { max: 64 }), input('user.name', t('userName'), { max: 100 })),
      input('user.password', t('password'), { type: 'password', max: 128 }, t('passwordHint')),
      h('p', { class: 'error' }), h('button', { type: 'submit' }, t('register')));
    form.onsubmit = async event => {
      event.preventDefault();
      const required = ['name', 'creditCode', 'contact.name', 'contact.phone', 'contact.email', 'user.userId', 'user.name', 'user.password'];
      if (!check(form, required)) return;
      const v = n => form.querySelector('[name="' + n + '"]').value.trim();
      const body = { name: v('name'), creditCode: v('creditCode').toUpperCase(), kind: v('kind'),
        contact: { name: v('contact.name'), phone: v('contact.phone'), email: v('contact.email') },
        user: { userId: v('user.userId'), password: form.querySelector('[name="user.password"]').value, name: v('user.name') } };
      const r = await api('POST', '/api/applicant/organisations', body);
      if (!r.ok) { clearErrors(form); showError(form, r); return; }
      const login = await api('POST', '/api/session', { userId: body.user.userId, password: body.user.password });
      if (login.ok) { me = login.data; chrome(); }
      location.hash = '#/proposals';
    };
    view.replaceChildren(form);
  }

  async function proposalsPage(page) {
    if (!await requireLogin()) return;
    const r = await api('GET', '/api/applicant/proposals');
    const list = r.ok ? r.data : [];
    const size = 10;
    const pages = Math.max(1, Math.ceil(list.length / size));
    const current = Math.min(Math.max(1, page || 1), pages);
    const parts = [h('h1', null, t('myProposals'))];
    if (!list.length) parts.push(h('p', { class: 'card' }, t('noProposals'), ' ', h('a', { href: '#/' }, t('callsTitle'))));
    else {
      parts.push(h('table', { id: 'proposals' }, h('thead', null, h('tr', null, h('th', null, t('title')), h('th', null, t('status')), h('th', null, t('updatedAt')))),
        h('tbody', null, list.slice((current - 1) * size, current * size).map(p => h('tr', null,
          h('td', null, h('a', { href: '#/proposals/' + encodeURIComponent(p.id) }, p.title)),
          h('td', null, h('span', { class: 'status' }, t('st_' + p.status))), h('td', null, when(p.updatedAt)))))));
      if (pages > 1) parts.push(h('div', { class: 'pager' },
        current > 1 ? h('a', { href: '#/proposals?page=' + (current - 1) }, t('prev')) : null, h('span', null, t('page', current, pages)),
        current < pages ? h('a', { href: '#/proposals?page=' + (current + 1) }, t('next')) : null));
    }
    view.replaceChildren(...parts);
  }

  const CONTENT = ['title', 'field', 'summary', 'technicalApproach', 'models', 'dataSources', 'budget', 'coFunding', 'expectedOutcomes', 'team'];
  const TO_SUBMIT = ['title', 'field', 'summary', 'technicalApproach', 'expectedOutcomes', 'team', 'budget'];

  function proposalForm(fields, p, id, names, scenarios) {
    names = names || {};
    const v = name => p ? p[name] : undefined;
    return h('form', { class: 'card', novalidate: true, id: id || 'proposalForm' },
      input('title', t('title'), { max: 300, value: v('title') }),
      select('field', t('field'), [['', '—']].concat(fields.map(f => [f, names[f] || f])), v('field')),
      input('summary', t('summary'), { area: true, max: 4000, value: v('summary') }),
      input('technicalApproach', t('technicalApproach'), { area: true, max: 20000, value: v('technicalApproach') }),
      input('models', t('models'), { area: true, max: 2000, value: v('models') }),
      input('dataSources', t('dataSources'), { area: true, max: 4000, value: v('dataSources') }),
      h('div', { class: 'grid2' }, input('budget', t('budgetField'), { type: 'number', value: v('budget'), extra: { min: 0, step: 1 } }),
        input('coFunding', t('coFunding'), { type: 'number', value: v('coFunding'), extra: { min: 0, step: 1 } })),
      input('expectedOutcomes', t('expectedOutcomes'), { area: true, max: 8000, value: v('expectedOutcomes') }),
      particularsFields(p, scenarios),
      input('team', t('team'), { area: true, max: 4000, value: v('team') }),
      h('p', { class: 'error' }), h('p', { class: 'ok', role: 'status' }));
  }

  // Issue 27: indicators, scenarios, co-applicants and exclusions, one named input per value so that the server's
  // problem (field "indicators[0].target") is shown next to the very input.
  const ROWS = {
    indicators: { min: 3, max: 20, parts: [['name', 200], ['unit', 50], ['baseline', 0], ['target', 0]] },
    coApplicants: { min: 2, max: 10, parts: [['creditCode', 18], ['name', 200]] },
    exclusions: { min: 3, max: 3, parts: [['expertName', 100], ['organisation', 200], ['reason', 500]] }
  };

  function particularsFields(p, scenarios) {
    const chosen = (p && p.scenarios) || [];
    const options = (scenarios || []).concat(chosen.filter(s => !(scenarios || []).includes(s)));
    const box = h('fieldset', { id: 'particulars' });
    if (options.length) {
      box.append(h('fieldset', { id: 'scenarioChoice' }, h('legend', null, t('scenarios')), h('span', { class: 'hint' }, t('scenariosHint')),
        options.map(s => {
          const c = h('input', { type: 'checkbox', name: 'scenarios', value: s });
          c.checked = chosen.includes(s);
          return h('label', { class: 'check' }, c, ' ', s);
        })));
    }
    Object.keys(ROWS).forEach(list => {
      const spec = ROWS[list];
      const have = (p && p[list]) || [];
      const rows = Math.min(spec.max, Math.max(spec.min, have.length + (list === 'exclusions' ? 0 : 1)));
      const group = h('fieldset', { id: list }, h('legend', null, t(list)), h('span', { class: 'hint' }, t(list + 'Hint')));
      for (let i = 0; i < rows; i++) {
        group.append(h('div', { class: 'row' }, spec.parts.map(([part, max]) => input(list + '[' + i + '].' + part, t(list + '_' + part),
          { max: max || undefined, type: max ? undefined : 'number', value: have[i] ? have[i][part] : undefined, extra: max ? {} : { step: 'any' } }))));
      }
      box.append(group);
    });
    return box;
  }

  function particularsOf(form) {
    const body = {};
    body.scenarios = Array.from(form.querySelectorAll('input[name="scenarios"]')).filter(c => c.checked).map(c => c.value);
    Object.keys(ROWS).forEach(list => {
      const rows = [];
      for (let i = 0; form.querySelector('[name="' + list + '[' + i + '].' + ROWS[list].parts[0][0] + '"]'); i++) {
        const row = {};
        ROWS[list].parts.forEach(([part, max]) => {
          const value = form.querySelector('[name="' + list + '[' + i + '].' + part + '"]').value.trim();
          row[part] = value === '' ? null : (max ? value : Number(value));
        });
        rows.push(row);
      }
      // rows after the last filled one are left out; an empty row between filled ones is sent and refused by name
      while (rows.length && Object.values(rows[rows.length - 1]).every(x => x === null)) rows.pop();
      body[list] = rows;
    });
    return body;
  }

  function contentOf(form) {
    const body = {};
    CONTENT.forEach(name => {
      const value = form.querySelector('[name="' + name + '"]').value.trim();
      body[name] = value === '' ? null : (name === 'budget' || name === 'coFunding' ? Number(value) : value);
    });
    return Object.assign(body, particularsOf(form));
  }

  async function newProposalPage(callId) {
    if (!await requireLogin()) return;
    const calls = await api('GET', '/api/applicant/calls');
    const call = calls.ok ? calls.data.find(c => c.id === callId) : null;
    if (!call) { view.replaceChildren(h('p', { class: 'card' }, t('noCalls'))); return; }
    const form = proposalForm(call.fields, undefined, undefined, call.fieldNames, call.scenarios);
    form.append(h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('save'))));
    form.onsubmit = async event => {
      event.preventDefault();
      if (!check(form, ['title'])) return;
      const r = await api('POST', '/api/applicant/proposals', Object.assign({ callId }, contentOf(form)));
      if (!r.ok) { clearErrors(form); showError(form, r); return; }
      location.hash = '#/proposals/' + encodeURIComponent(r.data.id);
    };
    view.replaceChildren(h('h1', null, call.title), form);
  }

  async function proposalPage(id) {
    if (!await requireLogin()) return;
    const r = await api('GET', '/api/applicant/proposals/' + encodeURIComponent(id));
    if (!r.ok) { view.replaceChildren(h('p', { class: 'card', id: 'notFound' }, t('notFound'), ' ', h('a', { href: '#/proposals' }, t('backToList')))); return; }
    const p = r.data;
    const calls = await api('GET', '/api/applicant/calls');
    const call = calls.ok ? calls.data.find(c => c.id === p.callId) : null;
    const fields = call ? call.fields : [p.field].filter(Boolean);
    const parts = [h('h1', null, p.title), h('p', null, t('status'), ': ', h('span', { class: 'status', id: 'status' }, t('st_' + p.status)))];
    if (p.status === 'DRAFT' || p.status === 'RETURNED') {
      if (p.status === 'RETURNED') parts.push(h('section', { class: 'card notice', id: 'correction' }, h('h2', null, t('correctionTitle')),
        h('p', null, t('correctionHint')), h('p', null, p.checkReasons)));
      const form = proposalForm(fields, p, undefined, call ? call.fieldNames : {}, call ? call.scenarios : []);
      const okLine = form.querySelector('.ok');
      const save = async () => {
        if (!check(form, ['title'])) return false;
        const s = await api('PUT', '/api/applicant/proposals/' + encodeURIComponent(id), contentOf(form));
        if (!s.ok) { clearErrors(form); showError(form, s); return false; }
        okLine.textContent = t('saved'); return true;
      };
      if (p.status === 'DRAFT') {
        form.append(h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary', id: 'save', onclick: save }, t('save')),
          h('button', { type: 'submit', id: 'submit' }, t('submit'))));
        form.onsubmit = async event => {
          event.preventDefault();
          if (!check(form, TO_SUBMIT)) return;
          if (!await save()) return;
          if (!confirm(t('confirmSubmit'))) return;
          const s = await api('POST', '/api/applicant/proposals/' + encodeURIComponent(id) + '/submit');
          if (!s.ok) { clearErrors(form); showError(form, s); return; }
          route();
        };
      } else {
        form.append(h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'submitCorrection' }, t('submitCorrection'))));
        form.onsubmit = async event => {
          event.preventDefault();
          if (!check(form, TO_SUBMIT)) return;
          const s = await api('POST', '/api/applicant/proposals/' + encodeURIComponent(id) + '/correction', contentOf(form));
          if (!s.ok) { clearErrors(form); showError(form, s); return; }
          route();
        };
      }
      parts.push(form, await attachmentsCard(id, true, call));
    } else {
      parts.push(h('section', { class: 'card', id: 'content' }, CONTENT.filter(n => p[n] !== null && p[n] !== undefined).map(n =>
        h('div', null, h('h2', null, t(n === 'budget' ? 'budgetField' : n)), h('p', { style: 'white-space: pre-wrap' },
          n === 'budget' || n === 'coFunding' ? yuan(p[n]) : n === 'field' && call ? (call.fieldNames || {})[p[n]] || p[n] : p[n])))),
        particularsView(p));
      parts.push(await attachmentsCard(id, false, call));
    }
    parts.push(await outcomeCard(id));
    if (p.status === 'AWARDED') parts.push(reportCard(id));
    parts.push(await timelineCard(id));
    view.replaceChildren(...parts);
  }

  /** The particulars of a submitted proposal, read-only (the applicant sees their own exclusions too). */
  function particularsView(p) {
    const part = (list, text) => (p[list] || []).length ? h('div', { id: 'view-' + list }, h('h2', null, t(list)),
      h('ul', null, p[list].map(x => h('li', null, text(x))))) : null;
    return h('div', null,
      part('scenarios', s => s),
      part('indicators', i => i.name + ': ' + (i.baseline === null || i.baseline === undefined ? '—' : i.baseline) + ' → ' + i.target + ' ' + i.unit),
      part('coApplicants', c => c.name + '（' + c.creditCode + '）'),
      part('exclusions', e => (e.expertName ? e.expertName + '（' + e.organisation + '）' : e.organisation) + ': ' + e.reason));
  }

  async function attachmentsCard(id, canUpload, call) {
    const r = await api('GET', '/api/applicant/proposals/' + encodeURIComponent(id) + '/attachments');
    const card = h('section', { class: 'card', id: 'attachments' }, h('h2', null, t('attachments')));
    const list = r.ok ? r.data : [];
    const kinds = (call && call.documentKinds) || [];
    const kindName = k => (kinds.find(x => x.kind === k) || {}).name || k;
    if (kinds.length) {
      card.append(h('ul', { id: 'documentKinds' }, kinds.map(k => {
        const have = list.filter(a => a.kind === k.kind).length;
        return h('li', { 'data-kind': k.kind, class: have ? 'present' : (k.required ? 'missing' : '') }, k.name,
          k.required ? ' · ' + t('requiredKind') : '', ' · ', have ? t('kindPresent') + ' ' + have + '/' + k.maxCount : (k.required ? t('kindMissing') : t('kindNone')),
          ' · ≤ ' + k.maxMegabytes + ' MB');
      })));
    }
    const remove = async a => {
      const d = await api('DELETE', '/api/applicant/proposals/' + encodeURIComponent(id) + '/attachments/' + encodeURIComponent(a.id));
      if (d.ok) card.replaceWith(await attachmentsCard(id, true, call));
    };
    card.append(list.length ? h('ul', { id: 'attachmentList' }, list.map(a => h('li', { 'data-kind': a.kind }, kindName(a.kind), ': ',
      h('a', { href: a.url, target: '_blank', rel: 'noopener' }, a.fileName), ' (', Math.ceil(a.size / 1024), ' KB) ',
      h('small', { class: 'sha' }, 'SHA-256 ' + a.sha256),
      canUpload ? h('button', { type: 'button', class: 'secondary', onclick: () => remove(a) }, t('remove')) : ''))) : h('p', null, t('noAttachments')));
    if (canUpload) {
      const form = h('form', { novalidate: true, id: 'uploadForm' },
        h('label', null, h('span', null, t('documentKind')), h('select', { name: 'kind' },
          (kinds.length ? kinds : ['application', 'budget', 'qualification', 'other'].map(k => ({ kind: k, name: k }))).map(k => h('option', { value: k.kind }, k.name)))),
        h('label', null, h('span', null, t('upload')), h('input', { type: 'file', name: 'file', accept: 'application/pdf,.pdf' }), h('span', { class: 'hint' }, t('uploadHint'))),
        h('p', { class: 'error' }), h('p', { class: 'ok', role: 'status' }), h('button', { type: 'submit', class: 'secondary' }, t('upload')));
      form.onsubmit = async event => {
        event.preventDefault();
        clearErrors(form);
        const file = form.file.files[0];
        if (!file) { fieldError(form, 'file', t('required')); return; }
        if (file.size > 10 * 1024 * 1024) { fieldError(form, 'file', t('tooLarge')); return; }
        const u = await api('POST', '/api/applicant/proposals/' + encodeURIComponent(id) + '/attachments?name=' + encodeURIComponent(file.name)
          + '&kind=' + encodeURIComponent(form.kind.value), undefined, { body: file, type: 'application/pdf' });
        if (!u.ok) { const d = u.data || {}; fieldError(form, 'file', say(d) || String(u.status)); return; }
        const fresh = await attachmentsCard(id, true, call); card.replaceWith(fresh);
        fresh.querySelector('.ok').textContent = t('uploaded');
      };
      card.append(form);
    }
    return card;
  }

  async function outcomeCard(id) {
    const r = await api('GET', '/api/applicant/proposals/' + encodeURIComponent(id) + '/outcome');
    const card = h('section', { class: 'card', id: 'outcome' }, h('h2', null, t('outcome')));
    if (!r.ok) return card;
    const o = r.data;
    if (!o.published) { card.append(h('p', null, t('notPublished'))); return card; }
    card.append(h('p', null, h('span', { class: 'status' }, t('st_' + o.status))));
    if (o.reason) card.append(h('p', null, t('reason'), ': ', o.reason));
    if (o.score !== undefined && o.score !== null) card.append(h('p', null, t('score'), ': ', h('strong', { id: 'score' }, o.score),
      o.rankInField ? [' · ', t('rank'), ': ', o.rankInField] : null, ' · ', t('award'), ': ', yuan(o.award)));
    if (o.midTermResult) card.append(h('p', null, t('midTermResult'), ': ', o.midTermResult));
    if (o.benchmark) card.append(h('p', { class: 'ok' }, t('benchmark')));
    if (o.review) {
      card.append(h('h2', null, t('criteria')), h('table', null, h('tbody', null, o.review.criteria.map(c =>
        h('tr', null, h('td', null, c.name), h('td', null, c.mean === null ? t('notApplicable') : c.mean + ' / ' + c.weight))))));
      card.append(h('h2', null, t('expertsTitle')));
      o.review.experts.forEach(e => card.append(h('div', { class: 'expert' }, h('h3', null, e.reviewer), h('table', null, h('tbody', null,
        e.scores.map(s => h('tr', null, h('td', null, (o.review.criteria.find(c => c.code === s.criterion) || { name: s.criterion }).name), h('td', null, s.notApplicable ? t('notApplicable') : s.points),
          h('td', null, s.comment))))))));
      if (o.review.opinion) card.append(h('h2', null, t('opinion')), h('p', null, o.review.opinion));
      const report = '/api/applicant/proposals/' + encodeURIComponent(id) + '/report';
      card.append(h('p', { id: 'evaluationReport' }, h('a', { href: report + '?format=pdf', target: '_blank', rel: 'noopener', id: 'evaluationReportPdf' },
        t('evaluationReportPdf')), ' · ', h('a', { href: report + '?format=html', target: '_blank', rel: 'noopener' }, t('evaluationReportHtml'))));
    }
    return card;
  }

  function reportCard(id) {
    const form = h('form', { class: 'card', novalidate: true, id: 'reportForm' }, h('h2', null, t('reports')),
      select('milestone', t('reportMilestone'), [['mid-term', t('midTerm')], ['acceptance', t('acceptance')]]),
      input('summary', t('reportSummary'), { area: true, max: 4000 }), h('p', { class: 'error' }), h('p', { class: 'ok' }),
      h('button', { type: 'submit' }, t('sendReport')));
    form.onsubmit = async event => {
      event.preventDefault();
      if (!check(form, ['summary'])) return;
      const r = await api('POST', '/api/applicant/proposals/' + encodeURIComponent(id) + '/reports', { milestone: form.milestone.value, summary: form.summary.value });
      if (!r.ok) { clearErrors(form); showError(form, r); return; }
      form.querySelector('.ok').textContent = t('reportSent');
    };
    return form;
  }

  async function timelineCard(id) {
    const r = await api('GET', '/api/applicant/proposals/' + encodeURIComponent(id) + '/timeline');
    const steps = r.ok ? r.data : [];
    return h('section', { class: 'card', id: 'timeline' }, h('h2', null, t('timeline')), h('ul', { class: 'timeline' }, steps.map(s =>
      h('li', null, when(s.at), ' — ', TIMELINE[lang][s.action] || s.action, s.detail && s.action !== 'proposal.saved' ? ' (' + s.detail + ')' : ''))));
  }

  // --- scenario lists (public): published versions, draft lists under notice, objections to them
  async function scenarioCard() {
    const [lists, notices] = await Promise.all([api('GET', '/api/scenario-lists'), api('GET', '/api/scenario-notices')]);
    const card = h('section', { class: 'card', id: 'scenarioLists' }, h('h2', null, t('scenariosTitle')));
    if (notices.ok && notices.data.length) {
      notices.data.forEach(n => card.append(h('p', { class: 'notice' }, h('strong', null, t('scenarioNotice'), ' · ', n.theme), ' · ', t('noticeUntil'), ' ',
        when(n.noticeClosesAt), ' · ', h('a', { href: '#/scenario-notices/' + encodeURIComponent(n.roundId) }, t('viewNotice')))));
    }
    if (lists.ok && lists.data.length) {
      card.append(h('ul', null, lists.data.map(l => h('li', null, h('a', { href: '#/scenario-lists/' + l.version }, t('listVersion', l.version), ' ', l.theme),
        ' · ', t('publishedAt'), ' ', when(l.publishedAt), ' · ', t('scenarioCount', l.scenarioCount)))));
    } else card.append(h('p', null, t('noScenarios')));
    return card;
  }

  function scenarioTable(scenarios, id) {
    return h('table', { id }, h('thead', null, h('tr', null, ['scenarioNo', 'scenarioTitle', 'field', 'demandOwner', 'nominatedBy', 'riskTier', 'supervision'].map(k => h('th', null, t(k))))),
      h('tbody', null, scenarios.map(s => h('tr', null, h('td', null, s.code || s.number), h('td', null, h('strong', null, s.title), h('br'),
        h('span', { class: 'hint' }, s.description)), h('td', null, s.fieldName), h('td', null, s.demandOwner), h('td', null, (s.nominatedByNames || s.nominatedBy || []).join('、')),
        h('td', null, t('tier_' + s.riskTier)), h('td', null, s.supervisionMode || '')))));
  }

  async function scenarioListPage(version) {
    const r = await api('GET', '/api/scenario-lists/' + encodeURIComponent(version));
    if (!r.ok) { view.replaceChildren(h('p', { class: 'card' }, t('noScenarios'))); return; }
    const l = r.data;
    view.replaceChildren(h('h1', null, t('listVersion', l.version), ' ', l.theme), h('p', null, t('publishedAt'), ' ', when(l.publishedAt)),
      scenarioTable(l.scenarios, 'scenarios'), h('p', null, h('a', { href: '#/' }, t('backHome'))));
  }

  async function scenarioNoticePage(roundId) {
    const r = await api('GET', '/api/scenario-notices');
    const n = r.ok ? r.data.find(x => x.roundId === roundId) : null;
    if (!n) { view.replaceChildren(h('p', { class: 'card' }, t('noticeClosed'))); return; }
    const form = h('form', { class: 'card', novalidate: true, id: 'scenarioObjectionForm' }, h('h2', null, t('objectionTitle')), h('p', { class: 'hint' }, n.howToObject),
      select('scenario', t('objectTo'), [['', t('wholeList')]].concat(n.scenarios.map(s => [s.number, s.number + ' ' + s.title]))),
      h('div', { class: 'grid2' }, input('name', t('objectorName'), { max: 100 }), input('contact', t('objectorContact'), { max: 200 })),
      input('organisation', t('objectorOrganisation'), { max: 200 }),
      input('grounds', t('grounds'), { area: true, max: 4000 }), h('p', { class: 'error' }), h('p', { class: 'ok', role: 'status' }),
      h('button', { type: 'submit' }, t('lodge')));
    form.onsubmit = async event => {
      event.preventDefault();
      if (!check(form, ['name', 'contact', 'grounds'])) return;
      const body = {}; ['scenario', 'name', 'contact', 'organisation', 'grounds'].forEach(k => { body[k] = form[k].value.trim() || null; });
      const o = await api('POST', '/api/scenario-notices/' + encodeURIComponent(roundId) + '/objections', body);
      if (!o.ok) { clearErrors(form); showError(form, o); return; }
      clearErrors(form); form.querySelector('.ok').textContent = t('lodged'); form.querySelector('button[type=submit]').disabled = true;
    };
    view.replaceChildren(h('h1', null, t('scenarioNotice')), h('p', null, h('strong', null, n.theme), ' · ', t('noticeUntil'), ' ', when(n.noticeClosesAt)),
      scenarioTable(n.scenarios, 'draftScenarios'), form);
  }

  async function noticePage(callId) {
    const r = await api('GET', '/api/notices/' + encodeURIComponent(callId));
    if (!r.ok) { view.replaceChildren(h('p', { class: 'card' }, t('noNotices'))); return; }
    const n = r.data;
    const parts = [h('h1', null, t('noticeTitle')), h('p', null, h('strong', null, n.title), ' · ', t('noticeUntil'), ' ', when(n.closesAt)),
      h('table', { id: 'awardees' }, h('thead', null, h('tr', null, ['field', 'title', 'organisation', 'score', 'award'].map(k => h('th', null, t(k === 'award' ? 'award' : k))))),
        h('tbody', null, n.proposedAwardees.map(a => h('tr', null, h('td', null, a.field), h('td', null, a.title), h('td', null, a.organisation),
          h('td', null, a.score), h('td', null, yuan(a.award))))))];
    if (!n.open) { parts.push(h('p', { class: 'card' }, t('noticeClosed'))); view.replaceChildren(...parts); return; }
    const form = h('form', { class: 'card', novalidate: true, id: 'objectionForm' }, h('h2', null, t('objectionTitle')), h('p', { class: 'hint' }, t('objectionHint')),
      select('proposalId', t('proposal'), n.proposedAwardees.map(a => [a.proposalId, a.title + ' — ' + a.organisation])),
      h('div', { class: 'grid2' }, input('name', t('objectorName'), { max: 100 }), input('contact', t('objectorContact'), { max: 200 })),
      input('organisation', t('objectorOrganisation'), { max: 200 }),
      input('grounds', t('grounds'), { area: true, max: 4000 }), h('p', { class: 'error' }), h('p', { class: 'ok', role: 'status' }),
      h('button', { type: 'submit' }, t('lodge')));
    form.onsubmit = async event => {
      event.preventDefault();
      if (!check(form, ['proposalId', 'name', 'contact', 'grounds'])) return;
      const body = {}; ['proposalId', 'name', 'contact', 'organisation', 'grounds'].forEach(k => { body[k] = form[k].value.trim() || null; });
      const o = await api('POST', '/api/notices/' + encodeURIComponent(callId) + '/objections', body);
      if (!o.ok) { clearErrors(form); showError(form, o); return; }
      clearErrors(form); form.querySelector('.ok').textContent = t('lodged'); form.querySelector('button[type=submit]').disabled = true;
    };
    parts.push(form);
    view.replaceChildren(...parts);
  }

  // --- compute vouchers (算力券): apply, follow, redeem with PDF files, see what was paid and why; public aggregates
  async function voucherRoundsCard() {
    const r = await api('GET', '/api/public/voucher-rounds');
    const card = h('section', { class: 'card', id: 'voucherRounds' }, h('h2', null, t('voucherRoundsTitle')));
    if (!r.ok || !r.data.length) { card.append(h('p', null, t('noVoucherRounds'))); return card; }
    card.append(h('table', { id: 'voucherAggregates' }, h('thead', null, h('tr', null, ['voucherRound', 'status', 'poolTotal', 'issued', 'redeemed', 'lapsed', 'balance']
      .map(k => h('th', null, t(k))))), h('tbody', null, r.data.map(a => h('tr', { 'data-round': a.id }, h('td', null, a.name),
      h('td', null, t('rs_' + a.status)), h('td', null, yuan(a.poolTotal)), h('td', { class: 'issued' }, t('countAmount', a.issuedCount, yuan(a.issuedAmount))),
      h('td', { class: 'redeemed' }, t('countAmount', a.redeemedCount, yuan(a.paidAmount))), h('td', { class: 'lapsed' }, t('countAmount', a.lapsedCount, yuan(a.lapsedAmount))),
      h('td', null, yuan(a.balance)))))));
    if (me && !isSupplier()) card.append(h('p', null, h('a', { href: '#/vouchers/new', id: 'applyVoucher' }, t('applyVoucher'))));
    return card;
  }

  async function vouchersPage() {
    if (!await requireLogin()) return;
    const r = await api('GET', '/api/applicant/vouchers');
    const list = r.ok ? r.data : [];
    const parts = [h('h1', null, t('myVouchers')), h('p', null, h('a', { href: '#/vouchers/new', id: 'applyVoucher' }, t('applyVoucher')))];
    if (!list.length) parts.push(h('p', { class: 'card' }, t('noVouchers')));
    else parts.push(h('table', { id: 'vouchers' }, h('thead', null, h('tr', null, ['voucherNumber', 'supplier', 'status', 'voucherAmount', 'paid', 'appliedAt']
      .map(k => h('th', null, t(k))))), h('tbody', null, list.map(v => h('tr', null,
      h('td', null, h('a', { href: '#/vouchers/' + encodeURIComponent(v.id) }, v.number || t('noNumberYet'))), h('td', null, v.supplierName),
      h('td', null, h('span', { class: 'status' }, t('vs_' + v.status))), h('td', null, yuan(v.amount)), h('td', null, yuan(v.paid)), h('td', null, when(v.appliedAt)))))));
    view.replaceChildren(...parts);
  }

  const listOf = text => text.split(/[,，、;；\n]/).map(s => s.trim()).filter(Boolean);
  const numberOrNull = value => value.trim() === '' ? null : Number(value.trim());

  async function newVoucherPage() {
    if (!await requireLogin()) return;
    const [rounds, suppliers] = await Promise.all([api('GET', '/api/public/voucher-rounds'), api('GET', '/api/compute-suppliers')]);
    const open = rounds.ok ? rounds.data.filter(x => x.status === 'OPEN') : [];
    if (!open.length) { view.replaceChildren(h('h1', null, t('applyVoucher')), h('p', { class: 'card' }, t('noVoucherRounds'))); return; }
    const form = h('form', { class: 'card', novalidate: true, id: 'voucherForm' },
      select('roundId', t('voucherRound'), open.map(x => [x.id, x.name])),
      select('supplierId', t('supplier'), [['', '—']].concat((suppliers.ok ? suppliers.data : []).map(s => [s.id, s.name])), null),
      h('p', { class: 'hint' }, t('supplierHint')),
      h('div', { class: 'grid2' }, select('use', t('use'), [['TRAINING', t('useTRAINING')], ['INFERENCE', t('useINFERENCE')]]),
        input('model', t('modelName'), { max: 200 })),
      h('div', { class: 'grid2' }, input('gpuHours', t('gpuHours'), { type: 'number', extra: { min: 0, step: 1 } }),
        input('expectedValue', t('expectedValue'), { type: 'number', extra: { min: 0, step: 1 } })),
      h('div', { class: 'grid2' }, select('clusterScale', t('clusterScale'), ['small', 'medium', 'large'].map(k => [k, t('scale_' + k)]), 'medium'),
        select('achievementLevel', t('achievementLevel'), ['none', 'filed', 'leading'].map(k => [k, t('level_' + k)]), 'none')),
      h('h2', null, t('relatedParties')), h('p', { class: 'hint' }, t('relatedHint')),
      input('legalRepresentative', t('legalRepresentative'), { max: 100 }),
      input('shareholders', t('shareholders'), { max: 2000 }, t('listHint')),
      input('relatedCreditCodes', t('relatedCreditCodes'), { max: 2000 }, t('listHint')),
      h('p', { class: 'error' }), h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'applyButton' }, t('applyButton'))));
    form.onsubmit = async event => {
      event.preventDefault();
      if (!check(form, ['roundId', 'supplierId', 'model', 'gpuHours', 'expectedValue'])) return;
      const body = { roundId: form.roundId.value, supplierId: form.supplierId.value, use: form.use.value, model: form.model.value.trim(),
        gpuHours: numberOrNull(form.gpuHours.value), clusterScale: form.clusterScale.value, achievementLevel: form.achievementLevel.value,
        expectedValue: numberOrNull(form.expectedValue.value), legalRepresentative: form.legalRepresentative.value.trim() || null,
        shareholders: listOf(form.shareholders.value), relatedCreditCodes: listOf(form.relatedCreditCodes.value) };
      const r = await api('POST', '/api/applicant/vouchers', body);
      if (!r.ok) { clearErrors(form); showError(form, r); return; }
      location.hash = '#/vouchers/' + encodeURIComponent(r.data.id);
    };
    view.replaceChildren(h('h1', null, t('applyVoucher')), form);
  }

  async function voucherPage(id) {
    if (!await requireLogin()) return;
    const r = await api('GET', '/api/applicant/vouchers/' + encodeURIComponent(id));
    if (!r.ok) { view.replaceChildren(h('p', { class: 'card', id: 'notFound' }, t('notFound'), ' ', h('a', { href: '#/vouchers' }, t('backToVouchers')))); return; }
    const v = r.data;
    const row = (key, value, rowId) => h('tr', null, h('th', null, t(key)), h('td', rowId ? { id: rowId } : null, value === null || value === undefined ? '—' : value));
    const parts = [h('h1', null, t('voucher'), ' ', v.number || ''),
      h('p', null, t('status'), ': ', h('span', { class: 'status', id: 'voucherStatus', 'data-status': v.status }, t('vs_' + v.status))),
      h('section', { class: 'card', id: 'voucherDetails' }, h('table', null, h('tbody', null,
        row('supplier', v.supplierName), row('use', t('use' + v.use)), row('modelName', v.model), row('gpuHours', yuan(v.gpuHours)),
        row('expectedValue', yuan(v.expectedValue)), row('share', v.share === null ? null : Math.round(v.share * 1000) / 10 + '%'),
        row('capPerContract', yuan(v.capPerContract)), row('voucherAmount', yuan(v.amount), 'voucherAmount'), row('ruleReason', v.ruleReason),
        row('appliedAt', when(v.appliedAt)), row('issuedAt', when(v.issuedAt)), row('expiresAt', when(v.expiresAt)))))];
    if (v.status === 'REDEMPTION_SUBMITTED' || v.status === 'REDEEMED' || v.contractNumber) {
      const payment = h('section', { class: 'card', id: 'payment' }, h('h2', null, t('paymentTitle')), h('table', null, h('tbody', null,
        row('contractNumber', v.contractNumber), row('claimedValue', yuan(v.claimedValue)), row('verifiedValue', yuan(v.verifiedValue)),
        row('paid', yuan(v.paid), 'paidAmount'), row('returnedToPool', yuan(v.returnedToPool)))));
      if (v.status === 'REDEEMED') payment.append(h('p', { class: 'hint', id: 'paidWhy' },
        t('paidWhy', Math.round((v.share || 0) * 1000) / 10 + '%', yuan(v.verifiedValue), yuan(v.amount))));
      parts.push(payment);
    }
    if (v.decisionNote) parts.push(h('section', { class: 'card notice', id: 'decisionNote' }, h('h2', null, t('officeNote')), h('p', null, v.decisionNote)));
    if (v.status === 'ISSUED' || v.status === 'REDEMPTION_SUBMITTED' || v.status === 'REDEEMED') parts.push(await voucherFilesCard(v, v.status === 'ISSUED'));
    if (v.status === 'ISSUED') parts.push(redemptionForm(v));
    parts.push(h('p', null, h('a', { href: '#/vouchers' }, t('backToVouchers'))));
    view.replaceChildren(...parts);
  }

  async function voucherFilesCard(v, canUpload) {
    const r = await api('GET', '/api/applicant/vouchers/' + encodeURIComponent(v.id) + '/files');
    const files = r.ok ? r.data : [];
    const card = h('section', { class: 'card', id: 'voucherFiles' }, h('h2', null, t('redemptionFiles')));
    card.append(files.length ? h('ul', { id: 'voucherFileList' }, files.map(f => h('li', { 'data-kind': f.kind }, t('fk_' + f.kind), ': ',
      h('a', { href: f.url, target: '_blank', rel: 'noopener' }, f.fileName), ' (', Math.ceil(f.size / 1024), ' KB, ', when(f.uploadedAt), ')')))
      : h('p', null, t('noFiles')));
    if (canUpload) {
      const form = h('form', { novalidate: true, id: 'voucherUploadForm' },
        select('kind', t('fileKind'), ['contract', 'invoice', 'usage'].map(k => [k, t('fk_' + k)])),
        h('label', null, h('span', null, t('upload')), h('input', { type: 'file', name: 'file', accept: 'application/pdf,.pdf' }), h('span', { class: 'hint' }, t('voucherUploadHint'))),
        h('p', { class: 'error' }), h('p', { class: 'ok', role: 'status' }), h('button', { type: 'submit', class: 'secondary', id: 'uploadVoucherFile' }, t('upload')));
      form.onsubmit = async event => {
        event.preventDefault();
        clearErrors(form);
        const file = form.file.files[0];
        if (!file) { fieldError(form, 'file', t('required')); return; }
        if (file.size > 10 * 1024 * 1024) { fieldError(form, 'file', t('tooLarge')); return; }
        const u = await api('POST', '/api/applicant/vouchers/' + encodeURIComponent(v.id) + '/files?name=' + encodeURIComponent(file.name)
          + '&kind=' + encodeURIComponent(form.kind.value), undefined, { body: file, type: 'application/pdf' });
        if (!u.ok) {
          const d = u.data || {}; const message = say(d) || String(u.status);
          // the refusal names the file, also when the portal words it in its own text
          fieldError(form, d.field === 'kind' ? 'kind' : 'file', d.field === 'kind' || message.includes(file.name) ? message : file.name + ': ' + message);
          return;
        }
        const fresh = await voucherFilesCard(v, true); card.replaceWith(fresh);
        fresh.querySelector('.ok').textContent = t('uploaded');
      };
      card.append(form);
    }
    return card;
  }

  function redemptionForm(v) {
    const invoices = h('div', { id: 'invoiceRows' });
    const usage = h('div', { id: 'usageRows' });
    const addInvoice = () => { const i = invoices.children.length; invoices.append(h('div', { class: 'grid2' },
      input('invoices[' + i + '].number', t('invoiceNumber'), { max: 64 }), input('invoices[' + i + '].amount', t('invoiceAmount'), { type: 'number', extra: { min: 0, step: '0.01' } }))); };
    const addUsage = () => { const i = usage.children.length; usage.append(h('div', { class: 'grid3' },
      input('usage[' + i + '].period', t('usagePeriod'), { max: 64, extra: { placeholder: '2027-05' } }), input('usage[' + i + '].gpuHours', t('gpuHours'), { type: 'number', extra: { min: 0 } }),
      input('usage[' + i + '].value', t('usageValue'), { type: 'number', extra: { min: 0, step: '0.01' } }))); };
    addInvoice(); addUsage();
    const form = h('form', { class: 'card', novalidate: true, id: 'redemptionForm' }, h('h2', null, t('redeemTitle')), h('p', { class: 'hint' }, t('redeemHint')),
      h('div', { class: 'grid2' }, input('contractNumber', t('contractNumber'), { max: 64 }), input('contractValue', t('contractValue'), { type: 'number', extra: { min: 0, step: '0.01' } })),
      h('h3', null, t('invoices')), invoices, h('button', { type: 'button', class: 'secondary', id: 'addInvoice', onclick: addInvoice }, t('addInvoice')),
      h('h3', null, t('usageRecords')), usage, h('button', { type: 'button', class: 'secondary', id: 'addUsage', onclick: addUsage }, t('addUsage')),
      h('p', { class: 'error' }), h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'redeemButton' }, t('redeemButton'))));
    form.onsubmit = async event => {
      event.preventDefault();
      const value = name => form.querySelector('[name="' + CSS.escape(name) + '"]').value;
      const body = { contractNumber: value('contractNumber').trim(), contractValue: numberOrNull(value('contractValue')),
        invoices: [...invoices.children].map((_, i) => ({ number: value('invoices[' + i + '].number').trim(), amount: numberOrNull(value('invoices[' + i + '].amount')) }))
          .filter(x => x.number || x.amount !== null),
        usage: [...usage.children].map((_, i) => ({ period: value('usage[' + i + '].period').trim() || null, gpuHours: numberOrNull(value('usage[' + i + '].gpuHours')),
          value: numberOrNull(value('usage[' + i + '].value')) })).filter(x => x.period || x.gpuHours !== null || x.value !== null) };
      if (!check(form, ['contractNumber', 'contractValue', 'invoices[0].number', 'invoices[0].amount', 'usage[0].gpuHours', 'usage[0].value'])) return;
      if (!confirm(t('confirmRedeem'))) return;
      const r = await api('POST', '/api/applicant/vouchers/' + encodeURIComponent(v.id) + '/redemption', body);
      if (!r.ok) {
        clearErrors(form);
        if (r.data && r.data.field === 'files') { form.querySelector('.error').textContent = t('error') + say(r.data); return; }
        showError(form, r); return;
      }
      route();
    };
    return form;
  }

  // --- compute suppliers (算力服务商): the public catalogue, applying to be listed, following and correcting the application
  const isSupplier = () => Boolean(me && me.portalRole === 'compute-supplier');

  async function supplierCatalogueCard() {
    const r = await api('GET', '/api/compute-suppliers');
    const card = h('section', { class: 'card', id: 'supplierCatalogue' }, h('h2', null, t('catalogueTitle')));
    if (r.ok && r.data.length) card.append(h('ul', null, r.data.map(s => h('li', { 'data-supplier': s.id }, s.name))));
    else card.append(h('p', null, t('noSuppliers')));
    if (!me) card.append(h('p', null, h('a', { href: '#/supplier/apply', id: 'applyListing' }, t('supplierApplyTitle'))));
    return card;
  }

  function supplierApplyPage() {
    const form = h('form', { class: 'card', novalidate: true, id: 'supplierApplyForm' }, h('h1', null, t('supplierApplyTitle')),
      h('p', { class: 'hint' }, t('supplierApplyHint')),
      input('name', t('supplierName'), { max: 200 }),
      input('creditCode', t('creditCode'), { max: 18 }, t('creditCodeHint')),
      input('legalRepresentative', t('legalRepresentative'), { max: 100 }),
      input('shareholders', t('shareholders'), { max: 2000 }, t('listHint')),
      input('contactEmail', t('contactEmail'), { type: 'email', max: 200 }),
      h('h2', null, t('staffAccount')), h('p', { class: 'hint' }, t('staffAccountHint')),
      h('div', { class: 'grid2' }, input('user.userId', t('userId'), { max: 64 }), input('user.name', t('userName'), { max: 100 })),
      input('user.password', t('password'), { type: 'password', max: 128 }, t('passwordHint')),
      h('p', { class: 'error' }), h('button', { type: 'submit', id: 'supplierApplyButton' }, t('supplierApplyButton')));
    form.onsubmit = async event => {
      event.preventDefault();
      if (!check(form, ['name', 'creditCode', 'legalRepresentative', 'contactEmail', 'user.userId', 'user.name', 'user.password'])) return;
      const v = n => form.querySelector('[name="' + n + '"]').value.trim();
      const body = { name: v('name'), creditCode: v('creditCode').toUpperCase(), legalRepresentative: v('legalRepresentative'),
        shareholders: listOf(v('shareholders')), contactEmail: v('contactEmail'),
        user: { userId: v('user.userId'), name: v('user.name'), password: form.querySelector('[name="user.password"]').value } };
      const r = await api('POST', '/api/compute-suppliers', body);
      if (!r.ok) { clearErrors(form); showError(form, r); return; }
      sessionStorage.setItem('aipo.after', '#/supplier');
      view.replaceChildren(h('section', { class: 'card', id: 'supplierApplied' }, h('h1', null, t('supplierApplied')),
        h('p', null, t('supplierAppliedHint', body.user.userId)), h('p', null, h('a', { href: '#/login', id: 'loginToFollow' }, t('loginToFollow')))));
    };
    view.replaceChildren(form);
  }

  async function supplierPage() {
    if (!await requireLogin()) return;
    const r = await api('GET', '/api/supplier/listing');
    if (!r.ok) { view.replaceChildren(h('p', { class: 'card', id: 'notFound' }, say(r.data) || t('notFound'))); return; }
    const s = r.data;
    const row = (key, value, rowId) => h('tr', null, h('th', null, t(key)), h('td', rowId ? { id: rowId } : null, value === null || value === undefined || value === '' ? '—' : value));
    const parts = [h('h1', null, t('myListing')),
      h('p', null, t('status'), ': ', h('span', { class: 'status', id: 'listingStatus', 'data-status': s.status }, t('ls_' + s.status))),
      h('p', { class: 'hint', id: 'listingStatusHint' }, t('lsHint_' + s.status)),
      h('section', { class: 'card', id: 'listingDetails' }, h('table', null, h('tbody', null,
        row('supplierName', s.name, 'listingName'), row('creditCode', s.creditCode), row('legalRepresentative', s.legalRepresentative, 'listingRepresentative'),
        row('shareholders', (s.shareholders || []).join(lang === 'zh' ? '、' : ', '), 'listingShareholders'), row('contactEmail', s.contactEmail),
        row('appliedAt', when(s.appliedAt)), row('decidedAt', when(s.decidedAt)),
        s.correctionDueAt ? row('correctionDueAt', when(s.correctionDueAt), 'correctionDueAt') : null,
        s.correctedAt ? row('correctedAt', when(s.correctedAt)) : null)))];
    if (s.decisionNote) parts.push(h('section', { class: 'card notice', id: 'listingNote' }, h('h2', null, t('officeNote')), h('p', null, s.decisionNote)));
    if (s.status === 'RETURNED') parts.push(listingCorrectionForm(s));
    view.replaceChildren(...parts);
  }

  function listingCorrectionForm(s) {
    const form = h('form', { class: 'card', novalidate: true, id: 'listingCorrectionForm' }, h('h2', null, t('correctListingTitle')),
      h('p', { class: 'hint' }, t('correctListingHint', when(s.correctionDueAt))),
      input('name', t('supplierName'), { max: 200, value: s.name }),
      input('legalRepresentative', t('legalRepresentative'), { max: 100, value: s.legalRepresentative }),
      input('shareholders', t('shareholders'), { max: 2000, value: (s.shareholders || []).join('，') }, t('listHint')),
      input('contactEmail', t('contactEmail'), { type: 'email', max: 200, value: s.contactEmail }),
      h('p', { class: 'error' }), h('button', { type: 'submit', id: 'correctListingButton' }, t('correctListingButton')));
    form.onsubmit = async event => {
      event.preventDefault();
      if (!check(form, ['name', 'legalRepresentative', 'contactEmail'])) return;
      const body = { name: form.name.value.trim(), legalRepresentative: form.legalRepresentative.value.trim(), shareholders: listOf(form.shareholders.value),
        contactEmail: form.contactEmail.value.trim() };
      const r = await api('PUT', '/api/supplier/listing', body);
      if (!r.ok) { clearErrors(form); showError(form, r); return; }
      await supplierPage();
      view.prepend(h('p', { class: 'card ok', id: 'listingCorrected', role: 'status' }, t('listingCorrected')));
    };
    return form;
  }

  // --- AI services (AI 服务备案): register a service, see its route and tier, the readiness self-assessment and reports
  const AI_FIELDS = ['intelligent-manufacturing', 'biomedicine', 'integrated-circuits', 'autonomous-driving', 'robotics', 'digital-government',
    'healthcare', 'education', 'finance', 'scientific-research', 'smart-transport', 'elderly-care', 'life-sciences', 'engineering-computation',
    'meteorology'];

  async function aiServicesPage() {
    if (!await requireLogin()) return;
    const r = await api('GET', '/api/applicant/ai-services');
    const list = r.ok ? r.data : [];
    const parts = [h('h1', null, t('myAiServices')), h('p', null, h('a', { href: '#/ai-services/new', id: 'registerAiService' }, t('registerAiService')))];
    if (!list.length) parts.push(h('p', { class: 'card' }, t('noAiServices')));
    else parts.push(h('table', { id: 'aiServices' }, h('thead', null, h('tr', null, ['aiServiceName', 'filingRoute', 'riskTier', 'status', 'filingNumber']
      .map(k => h('th', null, t(k))))), h('tbody', null, list.map(s => h('tr', { 'data-id': s.id },
      h('td', null, h('a', { href: '#/ai-services/' + encodeURIComponent(s.id) }, s.name)), h('td', null, t('route_' + s.route)),
      h('td', null, t('tier_' + s.tier)), h('td', null, h('span', { class: 'status' }, t('as_' + s.status))), h('td', null, s.filingNumber || '—'))))));
    view.replaceChildren(...parts);
  }

  function checkbox(name, label, hint) {
    return h('label', { class: 'check' }, h('input', { type: 'checkbox', name }), h('span', null, label), hint ? h('span', { class: 'hint' }, hint) : null);
  }

  async function newAiServicePage() {
    if (!await requireLogin()) return;
    const fields = h('select', { name: 'fields', multiple: true, size: 6 }, AI_FIELDS.map(f => h('option', { value: f }, t('f_' + f))));
    const form = h('form', { class: 'card', novalidate: true, id: 'aiServiceForm' },
      input('name', t('aiServiceName'), { max: 200 }),
      input('purpose', t('aiServicePurpose'), { max: 2000, area: true }),
      h('div', { class: 'grid2' }, input('usersReached', t('usersReached'), { type: 'number', extra: { min: 0, step: 1 } }),
        input('startedOn', t('startedOn'), { type: 'date' }, t('startedOnHint'))),
      checkbox('publicFacing', t('publicFacing')), checkbox('publicOpinion', t('publicOpinion'), t('publicOpinionHint')),
      checkbox('mobilisation', t('mobilisation')),
      h('label', null, h('span', null, t('aiFields')), fields, h('span', { class: 'hint' }, t('aiFieldsHint'))),
      input('personalData', t('personalDataKinds'), { max: 600 }, t('personalDataHint')),
      h('h2', null, t('modelsUsed')),
      h('div', { class: 'grid2' }, input('models[0].modelName', t('modelName'), { max: 200 }), input('models[0].provider', t('modelProvider'), { max: 200 })),
      checkbox('models[0].ownModel', t('ownModel')),
      input('models[0].filingNumber', t('modelFilingNumber'), { max: 64 }, t('modelFilingNumberHint')),
      h('p', { class: 'error' }), h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'registerAiServiceButton' }, t('registerAiServiceButton'))));
    form.onsubmit = async event => {
      event.preventDefault();
      const value = name => form.querySelector('[name="' + CSS.escape(name) + '"]');
      if (!check(form, ['name', 'purpose', 'usersReached', 'models[0].modelName', 'models[0].provider'])) return;
      const picked = [...fields.selectedOptions].map(o => o.value);
      if (!picked.length) { fieldError(form, 'fields', t('required')); return; }
      const body = { name: form.name.value.trim(), purpose: form.purpose.value.trim(), usersReached: numberOrNull(form.usersReached.value),
        publicFacing: form.publicFacing.checked, publicOpinion: form.publicOpinion.checked, mobilisation: form.mobilisation.checked,
        fields: picked, personalData: listOf(form.personalData.value), startedOn: form.startedOn.value || null,
        models: [{ modelName: value('models[0].modelName').value.trim(), provider: value('models[0].provider').value.trim(),
          ownModel: value('models[0].ownModel').checked, filingNumber: value('models[0].filingNumber').value.trim() || null }] };
      const r = await api('POST', '/api/applicant/ai-services', body);
      if (!r.ok) {
        clearErrors(form);
        const field = r.data && r.data.field ? r.data.field.replace(/^fields\[\d+\]$/, 'fields') : null;
        if (field && fieldError(form, field, say(r.data))) return;
        showError(form, r); return;
      }
      location.hash = '#/ai-services/' + encodeURIComponent(r.data.id);
    };
    view.replaceChildren(h('h1', null, t('registerAiService')), h('p', { class: 'hint' }, t('registerAiServiceHint')), form);
  }

  async function aiServicePage(id) {
    if (!await requireLogin()) return;
    const r = await api('GET', '/api/applicant/ai-services/' + encodeURIComponent(id));
    if (!r.ok) { view.replaceChildren(h('p', { class: 'card', id: 'notFound' }, t('notFound'), ' ', h('a', { href: '#/ai-services' }, t('backToAiServices')))); return; }
    const s = r.data;
    const row = (key, value, rowId) => h('tr', null, h('th', null, t(key)), h('td', rowId ? { id: rowId } : null, value === null || value === undefined ? '—' : value));
    const parts = [h('h1', null, s.name),
      h('p', null, t('status'), ': ', h('span', { class: 'status', id: 'aiServiceStatus', 'data-status': s.status }, t('as_' + s.status))),
      h('section', { class: 'card', id: 'aiServiceDetails' }, h('table', null, h('tbody', null,
        row('filingRoute', t('route_' + s.route), 'filingRoute'), row('routeReason', s.routeReason, 'routeReason'),
        row('riskTier', t('tier_' + s.tier), 'riskTier'), row('tierReason', s.tierReason, 'tierReason'),
        row('usersReached', yuan(s.usersReached)), row('startedOn', s.startedOn), row('filingNumber', s.filingNumber, 'filingNumber'),
        row('modelsUsed', s.models.map(m => m.modelName + '（' + m.provider + (m.filingNumber ? '，' + m.filingNumber : '') + '）').join('；'))))),
    ];
    if (s.outcomeNote) parts.push(h('section', { class: 'card notice', id: 'outcomeNote' }, h('p', null, s.outcomeNote)));
    if (s.status === 'IN_GUIDANCE') {
      parts.push(await readinessCard(s));
      parts.push(await reportsCard(s));
      parts.push(readinessForm(s));
      parts.push(filingResultForm(s));
    }
    parts.push(h('p', null, h('a', { href: '#/ai-services' }, t('backToAiServices'))));
    view.replaceChildren(...parts);
  }

  async function readinessCard(s) {
    const r = await api('GET', '/api/applicant/ai-services/' + encodeURIComponent(s.id) + '/readiness');
    const card = h('section', { class: 'card', id: 'readiness' }, h('h2', null, t('readinessTitle')));
    if (!r.ok) { card.append(h('p', null, t('noReadiness'))); return card; }
    const a = r.data;
    card.append(h('p', { id: 'readinessSummary' }, a.unmet === 0 ? t('allMet') : t('unmetCount', a.unmet)),
      h('table', { id: 'readinessChecks' }, h('thead', null, h('tr', null, ['requirement', 'yourFigure', 'threshold', 'result'].map(k => h('th', null, t(k))))),
        h('tbody', null, a.checks.map(c => h('tr', { 'data-key': c.key, 'data-met': String(c.met) }, h('td', null, lang === 'zh' ? c.zh : c.en),
          h('td', null, c.figure), h('td', null, c.threshold), h('td', null, c.met ? t('met') : t('unmet')))))));
    return card;
  }

  async function reportsCard(s) {
    const r = await api('GET', '/api/applicant/ai-services/' + encodeURIComponent(s.id) + '/reports');
    const reports = r.ok ? r.data : [];
    const card = h('section', { class: 'card', id: 'aiReports' }, h('h2', null, t('assessmentReports')));
    card.append(reports.length ? h('ul', { id: 'aiReportList' }, reports.map(f => h('li', null, f.fileName, ' (', Math.ceil(f.size / 1024), ' KB, ',
      when(f.uploadedAt), ')'))) : h('p', null, t('noReports')));
    const form = h('form', { novalidate: true, id: 'aiReportForm' },
      h('label', null, h('span', null, t('upload')), h('input', { type: 'file', name: 'file', accept: 'application/pdf,.pdf' }), h('span', { class: 'hint' }, t('aiReportHint'))),
      h('p', { class: 'error' }), h('p', { class: 'ok', role: 'status' }), h('button', { type: 'submit', class: 'secondary', id: 'uploadAiReport' }, t('upload')));
    form.onsubmit = async event => {
      event.preventDefault();
      clearErrors(form);
      const file = form.file.files[0];
      if (!file) { fieldError(form, 'file', t('required')); return; }
      if (file.size > 10 * 1024 * 1024) { fieldError(form, 'file', t('tooLarge')); return; }
      const u = await api('POST', '/api/applicant/ai-services/' + encodeURIComponent(s.id) + '/reports?name=' + encodeURIComponent(file.name), undefined,
        { body: file, type: 'application/pdf' });
      if (!u.ok) { const message = say(u.data) || String(u.status); fieldError(form, 'file', message.includes(file.name) ? message : file.name + ': ' + message); return; }
      const fresh = await reportsCard(s); card.replaceWith(fresh);
      fresh.querySelector('.ok').textContent = t('uploaded');
    };
    card.append(form);
    return card;
  }

  function filingResultForm(s) {
    const form = h('form', { class: 'card', novalidate: true, id: 'filingResultForm' }, h('h2', null, t('filingResult')),
      h('p', { class: 'hint' }, t('filingResultHint')),
      select('granted', t('filingOutcome'), [['true', t('granted')], ['false', t('refused')]], 'true'),
      input('number', t('filingNumber'), { max: 64 }, t(s.route === 'ALGORITHM_FILING' ? 'numberHintAlgorithm' : 'numberHintLargeModel')),
      input('reason', t('refusalReason'), { max: 1000, area: true }),
      h('p', { class: 'error' }), h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'filingResultButton' }, t('recordResult'))));
    form.onsubmit = async event => {
      event.preventDefault();
      const granted = form.granted.value === 'true';
      if (!check(form, granted ? ['number'] : ['reason'])) return;
      const r = await api('POST', '/api/applicant/ai-services/' + encodeURIComponent(s.id) + '/filing-result',
        granted ? { granted: true, number: form.number.value.trim() } : { granted: false, reason: form.reason.value.trim() });
      if (!r.ok) { clearErrors(form); showError(form, r); return; }
      route();
    };
    return form;
  }

  const READINESS_FIELDS = ['contentBank', 'contentSampled', 'contentAcceptablePct', 'refuseBank', 'refuseSampled', 'refusalPct', 'answerBank',
    'answerSampled', 'wrongRefusalPct', 'keywords'];

  function readinessForm(s) {
    const corpus = s.route === 'ALGORITHM_THEN_LARGE_MODEL';
    const names = (corpus ? ['corpusSampled', 'corpusAcceptablePct'] : []).concat(READINESS_FIELDS);
    const number = name => input(name, t('rf_' + name), { type: 'number', extra: { min: 0, step: name.endsWith('Pct') ? '0.01' : '1' } });
    const rows = [];
    for (let i = 0; i < names.length; i += 2) rows.push(h('div', { class: 'grid2' }, names.slice(i, i + 2).map(number)));
    const form = h('form', { class: 'card', novalidate: true, id: 'readinessForm' }, h('h2', null, t('selfAssess')), h('p', { class: 'hint' }, t('selfAssessHint')),
      rows, input('note', t('readinessNote'), { max: 2000, area: true }),
      h('p', { class: 'error' }), h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'selfAssessButton' }, t('selfAssessButton'))));
    form.onsubmit = async event => {
      event.preventDefault();
      if (!check(form, names)) return;
      const body = { note: form.note.value.trim() || null };
      names.forEach(n => { body[n] = numberOrNull(form.querySelector('[name="' + n + '"]').value); });
      const r = await api('POST', '/api/applicant/ai-services/' + encodeURIComponent(s.id) + '/readiness', body);
      if (!r.ok) { clearErrors(form); showError(form, r); return; }
      route();
    };
    return form;
  }

  async function requireLogin() {
    if (me) return true;
    sessionStorage.setItem('aipo.after', location.hash);
    location.hash = '#/login';
    return false;
  }

  // --- header, language, routing
  function chrome() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.getAttribute('data-t')); });
    document.getElementById('lang').textContent = t('langSwitch');
    document.querySelectorAll('[data-when]').forEach(el => {
      const w = el.getAttribute('data-when');
      el.hidden = w === 'out' ? Boolean(me) : w === 'in' ? !me : w === 'applicant' ? !me || isSupplier() : !isSupplier();
    });
    document.getElementById('who').textContent = me ? me.userId : '';
    document.title = t('brand');
  }

  // --- random spot checks (双随机、一公开): the published results, no login (service, firm, date, result; never the inspectors' notes)
  async function spotChecksPage() {
    const r = await api('GET', '/api/public/spot-check-results');
    const parts = [h('h1', null, t('spotChecksTitle')), h('p', null, t('spotChecksHint'))];
    if (!r.ok || !r.data.length) parts.push(h('p', { class: 'card', id: 'noSpotChecks' }, t('noSpotChecks')));
    else parts.push(h('table', { id: 'spotCheckResults' }, h('thead', null, h('tr', null, ['scService', 'scFirm', 'riskTier', 'scInspectedAt', 'scResult']
      .map(k => h('th', null, t(k))))), h('tbody', null, r.data.map(x => h('tr', null, h('td', null, x.serviceName), h('td', null, x.organisationName),
      h('td', null, t('tier_' + String(x.tier).toLowerCase())), h('td', null, when(x.inspectedAt)),
      h('td', { class: 'result', 'data-result': x.result }, t('sc_' + x.result)))))));
    parts.push(h('p', null, h('a', { href: '#/incidents/new', id: 'reportIncidentLink' }, t('incidentReportLink'))));
    parts.push(h('p', null, h('a', { href: '#/' }, t('backHome'))));
    view.replaceChildren(...parts);
  }

  // --- published figures (公开数据, issue 26): what the programmes achieved, counted from published records only
  async function figuresPage(query) {
    const thisYear = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    const year = Number(new URLSearchParams(query || '').get('year')) || thisYear;
    const r = await api('GET', '/api/public/dashboard?year=' + year);
    const years = h('select', { id: 'figuresYear', 'aria-label': t('figuresYear') }, [thisYear, thisYear - 1, thisYear - 2].concat(
      [thisYear, thisYear - 1, thisYear - 2].includes(year) ? [] : [year]).map(y => h('option', { value: String(y) }, String(y))));
    years.value = String(year);
    years.addEventListener('change', () => { location.hash = '#/figures?year=' + years.value; });
    const parts = [h('h1', null, t('figuresTitle')), h('p', null, t('figuresHint')), h('label', { class: 'inline' }, h('span', null, t('figuresYear')), years)];
    if (!r.ok) { parts.push(h('p', { class: 'card error' }, say(r.data) || String(r.status))); view.replaceChildren(...parts); return; }
    const name = x => lang === 'zh' ? x.zh : x.en;
    const months = Array.from({ length: 12 }, (_, i) => t('figuresMonth', i + 1));
    parts.push(h('table', { id: 'figures', 'data-year': String(r.data.year) },
      h('thead', null, h('tr', null, h('th', null, t('figuresMeasure')), h('th', null, t('figuresTotal')), months.map(m => h('th', null, m)))),
      h('tbody', null, r.data.measures.map(m => h('tr', { 'data-measure': m.key }, h('td', null, name(m)), h('td', { class: 'total' }, yuan(m.achieved)),
        m.byMonth.map(v => h('td', null, yuan(v))))))));
    r.data.measures.filter(m => m.byField.length || m.byCity.length).forEach(m => {
      parts.push(h('section', { class: 'card', 'data-measure': m.key }, h('h2', null, name(m)), h('div', { class: 'grid2' },
        h('table', { class: 'byField' }, h('thead', null, h('tr', null, h('th', null, t('field')), h('th', null, t('figuresTotal')))),
          h('tbody', null, m.byField.map(s => h('tr', { 'data-key': s.key }, h('td', null, name(s)), h('td', null, yuan(s.value)))))),
        h('table', { class: 'byCity' }, h('thead', null, h('tr', null, h('th', null, t('figuresCity')), h('th', null, t('figuresTotal')))),
          h('tbody', null, m.byCity.map(s => h('tr', { 'data-key': s.key }, h('td', null, name(s)), h('td', null, yuan(s.value)))))))));
    });
    parts.push(h('p', null, h('a', { href: '#/' }, t('backHome'))));
    view.replaceChildren(...parts);
  }

  // --- the public reports an incident with an AI service (no login; real name and a contact are required)
  function incidentReportPage() {
    const form = h('form', { class: 'card', novalidate: true, id: 'incidentForm' }, h('h1', null, t('incidentReportTitle')),
      h('p', { class: 'hint' }, t('incidentReportHint')),
      input('serviceName', t('incidentService'), { max: 200 }),
      input('description', t('incidentDescription'), { area: true, max: 4000 }),
      h('div', { class: 'grid2' }, input('reporterName', t('incidentReporter'), { max: 100 }), input('contact', t('incidentContact'), { max: 200 })),
      h('p', { class: 'error' }), h('button', { type: 'submit', id: 'incidentButton' }, t('incidentButton')));
    form.onsubmit = async event => {
      event.preventDefault();
      if (!check(form, ['serviceName', 'description', 'reporterName', 'contact'])) return;
      const v = n => form.querySelector('[name="' + n + '"]').value.trim();
      const r = await api('POST', '/api/incidents', { serviceName: v('serviceName'), description: v('description'), reporterName: v('reporterName'),
        contact: v('contact') });
      if (!r.ok) { clearErrors(form); showError(form, r); return; }
      view.replaceChildren(h('section', { class: 'card ok', id: 'incidentReported', role: 'status' }, h('h1', null, t('incidentReported')),
        h('p', null, t('incidentReportedHint', r.data.id)), h('p', null, h('a', { href: '#/spot-checks' }, t('spotChecksLink')))));
    };
    view.replaceChildren(form);
  }

  // --- a firm's supervision: its services' plans with the self-inspection report, its spot checks with the rectification
  async function supervisionPage() {
    if (!await requireLogin()) return;
    const [plans, checks] = await Promise.all([api('GET', '/api/applicant/supervision/services'), api('GET', '/api/applicant/supervision/inspections')]);
    const parts = [h('h1', null, t('mySupervision'))];
    const services = h('section', { class: 'card', id: 'supervisionPlans' }, h('h2', null, t('svPlans')));
    const planList = plans.ok ? plans.data : [];
    if (!planList.length) services.append(h('p', null, t('svNoServices')));
    planList.forEach(p => {
      const block = h('div', { class: 'plan', 'data-service': p.serviceId }, h('h3', null, p.serviceName),
        h('p', null, t('riskTier'), ': ', t('tier_' + String(p.tier).toLowerCase()), ' · ', t('sv_' + p.selfInspection),
          p.nextDue ? [' · ', t('svNextDue'), ' ', h('span', { class: 'nextDue' }, when(p.nextDue))] : null),
        h('p', { class: 'reports' }, t('svReports', p.reports.length, p.reports.filter(r => r.late).length)));
      if (p.selfInspection !== 'NONE') {
        const form = h('form', { novalidate: true, class: 'selfInspection' }, input('summary', t('svSummary'), { area: true, max: 4000 }),
          h('p', { class: 'error' }), h('p', { class: 'ok' }), h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('svSubmitReport'))));
        form.onsubmit = async event => {
          event.preventDefault();
          if (!check(form, ['summary'])) return;
          const r = await api('POST', '/api/applicant/supervision/services/' + encodeURIComponent(p.serviceId) + '/self-inspections',
            { summary: form.summary.value.trim() });
          if (!r.ok) { clearErrors(form); showError(form, r); return; }
          supervisionPage();
        };
        block.append(form);
      }
      services.append(block);
    });
    parts.push(services);
    const inspections = h('section', { class: 'card', id: 'supervisionChecks' }, h('h2', null, t('spotChecksTitle')));
    const checkList = checks.ok ? checks.data : [];
    if (!checkList.length) inspections.append(h('p', null, t('svNoChecks')));
    checkList.forEach(c => {
      const block = h('div', { class: 'check', 'data-inspection': c.id }, h('h3', null, c.serviceName),
        h('p', null, t('status'), ': ', h('span', { class: 'status' }, t('svs_' + c.status)), c.result ? [' · ', t('sc_' + c.result)] : null),
        c.findings ? h('p', { class: 'findings' }, t('svFindings'), ': ', c.findings) : null,
        c.rectificationDue ? h('p', null, t('svRectifyBy'), ' ', when(c.rectificationDue), c.rectificationLate ? [' · ', t('svLate')] : null) : null,
        c.rectification ? h('p', null, t('svRectification'), ': ', c.rectification) : null);
      if (c.status === 'RECTIFYING') {
        const form = h('form', { novalidate: true, class: 'rectification' }, input('rectification', t('svRectification'), { area: true, max: 2000 }),
          h('p', { class: 'error' }), h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('svSubmitRectification'))));
        form.onsubmit = async event => {
          event.preventDefault();
          if (!check(form, ['rectification'])) return;
          const r = await api('POST', '/api/applicant/supervision/inspections/' + encodeURIComponent(c.id) + '/rectification',
            { rectification: form.rectification.value.trim() });
          if (!r.ok) { clearErrors(form); showError(form, r); return; }
          supervisionPage();
        };
        block.append(form);
      }
      inspections.append(block);
    });
    parts.push(inspections);
    view.replaceChildren(...parts);
  }

  async function route() {
    const hash = location.hash || '#/';
    const [path, query] = hash.slice(1).split('?');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const page = Number(new URLSearchParams(query || '').get('page')) || 1;
    if (parts.length === 0) return home();
    if (parts[0] === 'login') return loginPage();
    if (parts[0] === 'register') return registerPage();
    if (parts[0] === 'notices' && parts[1]) return noticePage(parts[1]);
    if (parts[0] === 'scenario-lists' && parts[1]) return scenarioListPage(parts[1]);
    if (parts[0] === 'scenario-notices' && parts[1]) return scenarioNoticePage(parts[1]);
    if (parts[0] === 'proposals' && parts[1] === 'new' && parts[2]) return newProposalPage(parts[2]);
    if (parts[0] === 'proposals' && parts[1]) return proposalPage(parts[1]);
    if (parts[0] === 'proposals') return proposalsPage(page);
    if (parts[0] === 'supplier' && parts[1] === 'apply') return supplierApplyPage();
    if (parts[0] === 'supplier') return supplierPage();
    if (parts[0] === 'vouchers' && parts[1] === 'new') return newVoucherPage();
    if (parts[0] === 'vouchers' && parts[1]) return voucherPage(parts[1]);
    if (parts[0] === 'vouchers') return vouchersPage();
    if (parts[0] === 'ai-services' && parts[1] === 'new') return newAiServicePage();
    if (parts[0] === 'ai-services' && parts[1]) return aiServicePage(parts[1]);
    if (parts[0] === 'ai-services') return aiServicesPage();
    if (parts[0] === 'spot-checks') return spotChecksPage();
    if (parts[0] === 'figures') return figuresPage(query);
    if (parts[0] === 'incidents' && parts[1] === 'new') return incidentReportPage();
    if (parts[0] === 'supervision') return supervisionPage();
    return home();
  }

  document.getElementById('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; localStorage.setItem('aipo.lang', lang); chrome(); route(); });
  document.getElementById('logout').addEventListener('click', async () => { await api('DELETE', '/api/session'); me = null; chrome(); location.hash = '#/'; });
  window.addEventListener('hashchange', route);

  (async () => {
    const session = await fetch('/api/session', { credentials: 'same-origin' });
    const current = session.ok ? await session.json() : null;
    me = current && current.userId ? current : null;
    chrome();
    route();
  })();
})();
