// Relief console (社会救助工作台): a small page over the Functions API. No framework; every value from the API is put
// into the page as text (never as HTML). The token stays in this tab's session storage only.
'use strict';

const STEPS = {
  Submitted: '待受理', AwaitingMaterials: '待补正', Investigation: '调查核实', Assessment: '审核评估', PublicNotice: '公示',
  Reinvestigation: '重新调查', AwaitingDecision: '待审批', Paperwork: '补齐手续', PostHocNotice: '事后公示',
  Approved: '已批准', Refused: '不予批准', Withdrawn: '已撤回',
};
const PROGRAMS = { dibao: '低保', tekun: '特困', temporary: '临时救助', none: '线索' };
const METRICS = [
  ['households', '保障户数'], ['persons', '保障人数'], ['paidYuan', '发放金额（元）'], ['instructedYuan', '应发金额（元）'],
  ['applications', '申请'], ['approvals', '批准'], ['refusals', '不予批准'], ['overrides', '越权批准'],
  ['averageDecisionWorkingDays', '平均审批工作日'], ['overdueSteps', '超期'], ['escalations', '督办'],
  ['reviewsDue', '应复核'], ['reviewsDone', '已复核'], ['leadsRaised', '线索'], ['leadsConverted', '线索转申请'],
];
// What each role may do at each step (the API enforces the same; others are not offered).
const ACTIONS = [
  { role: 'caseworker', step: 'Submitted', path: 'accept', label: '受理' },
  { role: 'approver', step: 'AwaitingDecision', path: 'approve', label: '批准' },
  { role: 'approver', step: 'AwaitingDecision', path: 'reject', label: '不予批准', needsReason: true },
];

const $ = (selector) => document.querySelector(selector);

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const session = {
  get token() { return sessionStorage.getItem('relief.token'); },
  set token(value) { if (value) sessionStorage.setItem('relief.token', value); else sessionStorage.removeItem('relief.token'); },
  claims() {
    try {
      const part = this.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = decodeURIComponent(Array.from(atob(part), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
      return JSON.parse(json);
    } catch { return null; }
  },
  roles() { const r = (this.claims() || {}).roles; return Array.isArray(r) ? r : r ? [r] : []; },
  areas() { const a = (this.claims() || {}).area; return Array.isArray(a) ? a : a ? [a] : []; },
};

function say(text, isError) {
  const status = $('#status');
  status.textContent = text || '';
  status.className = isError ? 'error' : '';
}

async function api(path, options) {
  const response = await fetch(path, { ...options, headers: { Authorization: 'Bearer ' + session.token, 'Content-Type': 'application/json', ...(options && options.headers) } });
  if (response.status === 401) { session.token = null; show(); throw new Error('登录已失效，请重新登录。'); }
  const type = response.headers.get('content-type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const detail = body && typeof body === 'object' ? [body.title, body.detail, ...Object.values(body.errors || {}).flat()].filter(Boolean).join(' ') : String(body);
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

function when(text) {
  if (!text) return '—';
  const d = new Date(text);
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

function page(title, ...content) {
  const section = $('#page');
  section.replaceChildren(el('h2', { id: 'page-title' }, title), ...content);
  section.setAttribute('aria-labelledby', 'page-title');
}

// Work list (工作清单): due this week, overdue (督办), by step; earliest deadline first.
async function casesPage(overdueOnly) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const filter = el('form', { id: 'case-filter', onsubmit: (e) => { e.preventDefault(); const f = new FormData(e.target); location.hash = (overdueOnly ? '#/escalations?' : '#/cases?') + new URLSearchParams([...f].filter(([, v]) => v)).toString(); } },
    el('label', {}, '步骤', el('select', { name: 'step' }, el('option', { value: '' }, '全部'), Object.entries(STEPS).map(([k, v]) => el('option', { value: k, selected: params.get('step') === k }, v)))),
    overdueOnly ? null : el('label', {}, '到期', el('select', { name: 'due' }, el('option', { value: '' }, '全部'), el('option', { value: 'week', selected: params.get('due') === 'week' }, '本周到期'))),
    el('button', { type: 'submit' }, '筛选'));
  page(overdueOnly ? '超期督办' : '工作清单', filter, el('p', {}, '加载中…'));
  const query = new URLSearchParams({ pageSize: '200' });
  if (params.get('step')) query.set('step', params.get('step'));
  if (overdueOnly) query.set('overdue', 'true');
  if (params.get('due') === 'week') query.set('dueBefore', endOfWeek().toISOString());
  try {
    const list = await api('/api/cases?' + query);
    const rows = list.cases.map((c) => el('tr', { class: c.overdue ? 'overdue' : null },
      el('td', {}, el('a', { href: '#/case/' + encodeURIComponent(c.caseId) }, c.caseId)),
      el('td', {}, PROGRAMS[c.program] || c.program), el('td', {}, c.jurisdiction), el('td', {}, STEPS[c.step] || c.step),
      el('td', {}, when(c.nextDueAt), c.overdue ? ' （已超期）' : ''), el('td', { class: 'num' }, c.amount ?? '—')));
    const table = el('table', { id: 'work-list' }, el('caption', {}, `${list.cases.length} 件`),
      el('thead', {}, el('tr', {}, ['案件', '项目', '辖区', '步骤', '办理时限', '金额（元）'].map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, rows));
    $('#page').lastChild.replaceWith(table);
    say('');
  } catch (error) { say(error.message, true); }
}

function endOfWeek() {
  const now = new Date();
  const day = (now.getDay() + 6) % 7; // Monday = 0
  const end = new Date(now); end.setDate(now.getDate() + (7 - day)); end.setHours(0, 0, 0, 0);
  return end;
}

// Case detail (案件详情): timeline, deadlines, documents, the amount's explanation rule by rule, the actions allowed.
async function casePage(id) {
  page('案件 ' + id, el('p', {}, '加载中…'));
  try {
    const c = await api('/api/applications/' + encodeURIComponent(id));
    const roles = session.roles();
    const offered = ACTIONS.filter((a) => roles.includes(a.role) && a.step === c.step);
    const reason = el('input', { id: 'action-reason', name: 'reason', maxlength: '500' });
    const actions = el('div', { class: 'actions', role: 'group', 'aria-label': '可办理的操作' },
      offered.some((a) => a.needsReason) ? el('label', { for: 'action-reason' }, '理由（不予批准时必填）', reason) : null,
      offered.map((a) => el('button', { type: 'button', 'data-action': a.path, onclick: () => act(c.caseId, c.step, a, reason.value) }, a.label)));
    const deadlines = el('table', { id: 'deadlines' }, el('caption', {}, '办理时限'),
      el('thead', {}, el('tr', {}, ['时限', '到期日', '依据', '状态'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, c.deadlines.map((d) => el('tr', { class: d.overdue ? 'overdue' : null }, el('td', {}, d.kind), el('td', {}, d.dueDate), el('td', {}, d.basis),
        el('td', {}, d.overdue ? '已超期' : d.running ? '进行中' : '已完成')))));
    const history = el('table', { id: 'timeline' }, el('caption', {}, '办理经过'),
      el('thead', {}, el('tr', {}, ['时间', '类别', '办理人', '内容'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, c.history.map((h) => el('tr', {}, el('td', {}, when(h.at)), el('td', {}, h.kind), el('td', {}, h.actor), el('td', {}, h.summary)))));
    const decision = c.decision ? el('table', { id: 'explanation' }, el('caption', {}, `决定：${c.decision.outcome}，${c.decision.amount} 元（${c.decision.amountKind}）`),
      el('thead', {}, el('tr', {}, ['规则', '说明', '输入', '结果'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, c.decision.explanation.map((s) => el('tr', {}, el('td', {}, s.rule), el('td', {}, s.description),
        el('td', {}, s.inputs.map((i) => `${i.name} = ${i.value}`).join('；')), el('td', { class: 'num' }, s.result ?? '—'))))) : el('p', {}, '尚未评估。');
    const documents = el('ul', { id: 'documents' }, el('li', {}, '加载中…'));
    page('案件 ' + c.caseId,
      el('p', {}, `${PROGRAMS[c.program] || c.program} · ${c.jurisdiction} · 当前步骤：`, el('strong', { id: 'case-step' }, STEPS[c.step] || c.step), c.overridden ? ' · 越权批准' : ''),
      actions, deadlines, decision, el('h3', {}, '材料'), documents, history);
    api('/api/applications/' + encodeURIComponent(c.caseId) + '/documents').then((d) => {
      const items = (d.documents || d || []).map((x) => el('li', {}, `${x.kind || x.documentKind || ''} ${x.fileName || x.name || x.documentId || ''}`));
      documents.replaceChildren(...(items.length ? items : [el('li', {}, '无')]));
    }).catch(() => documents.replaceChildren(el('li', {}, '无权查看或暂无材料')));
    say('');
  } catch (error) { say(error.message, true); }
}

// An action is accepted (202) before the case's workflow has applied it: the page is shown again once the case has
// left the step it was in (looked at every second, up to 30 s), so it never stays on the step the action ended.
async function act(caseId, fromStep, action, reason) {
  if (action.needsReason && !reason.trim()) { say('请填写不予批准的理由。', true); $('#action-reason').focus(); return; }
  const body = action.needsReason ? { reasons: [reason.trim()], note: reason.trim() } : {};
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await api(`/api/applications/${encodeURIComponent(caseId)}/${action.path}`, { method: 'POST', body: JSON.stringify(body) });
        break;
      } catch (error) {
        // 409 "Not started yet": the case's workflow is still starting; try again shortly.
        if (attempt < 5 && /^409/.test(error.message) && /started/i.test(error.message)) { await new Promise((r) => setTimeout(r, 2000)); continue; }
        throw error;
      }
    }
    say(`已提交：${action.label}，处理中…`);
    for (let waited = 0; waited < 30; waited++) {
      await new Promise((r) => setTimeout(r, 1000));
      const now = await api('/api/applications/' + encodeURIComponent(caseId));
      if (now.step !== fromStep) break;
    }
    const shown = location.hash.startsWith('#/case/') ? decodeURIComponent(location.hash.slice('#/case/'.length)) : null;
    if (shown === caseId) await casePage(caseId); // unless the user went elsewhere meanwhile
  } catch (error) { say(error.message, true); }
}

// Statistics (统计): a table and a bar chart by month, over the caller's areas.
async function statisticsPage() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const now = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 7);
  const from = params.get('from') || now, to = params.get('to') || now, program = params.get('program') || '', metric = params.get('metric') || 'households';
  const form = el('form', { id: 'statistics-filter', onsubmit: (e) => { e.preventDefault(); location.hash = '#/statistics?' + new URLSearchParams([...new FormData(e.target)].filter(([, v]) => v)).toString(); } },
    el('label', {}, '起始月份', el('input', { type: 'month', name: 'from', value: from, required: true })),
    el('label', {}, '截止月份', el('input', { type: 'month', name: 'to', value: to, required: true })),
    el('label', {}, '项目', el('select', { name: 'program' }, el('option', { value: '' }, '全部'), Object.entries(PROGRAMS).map(([k, v]) => el('option', { value: k, selected: program === k }, v)))),
    el('label', {}, '图表指标', el('select', { name: 'metric' }, METRICS.map(([k, v]) => el('option', { value: k, selected: metric === k }, v)))),
    el('button', { type: 'submit' }, '查询'),
    el('a', { id: 'csv-link', href: '#', onclick: (e) => { e.preventDefault(); downloadCsv(query); } }, '下载 CSV'));
  const query = new URLSearchParams({ from, to }); if (program) query.set('program', program);
  page('统计', form, el('p', {}, '加载中…'));
  try {
    const data = await api('/api/statistics?' + query);
    const months = monthsBetween(data.from, data.to);
    const totals = months.map((m) => {
      const rows = data.rows.filter((r) => r.month === m);
      if (metric === 'averageDecisionWorkingDays') {
        const decisions = rows.reduce((s, r) => s + r.approvals + r.refusals, 0);
        const days = rows.reduce((s, r) => s + (r.averageDecisionWorkingDays ?? 0) * (r.approvals + r.refusals), 0);
        return decisions ? Math.round(days / decisions * 10) / 10 : 0;
      }
      return Math.round(rows.reduce((s, r) => s + Number(r[metric] || 0), 0) * 100) / 100;
    });
    const label = METRICS.find(([k]) => k === metric)[1];
    const table = el('table', { id: 'statistics-table' }, el('caption', {}, '按月份、辖区、项目'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '月份'), el('th', { scope: 'col' }, '辖区'), el('th', { scope: 'col' }, '项目'), METRICS.map(([, v]) => el('th', { scope: 'col' }, v)))),
      el('tbody', {}, data.rows.map((r) => el('tr', {}, el('td', {}, r.month), el('td', {}, r.jurisdiction), el('td', {}, PROGRAMS[r.program] || r.program),
        METRICS.map(([k]) => el('td', { class: 'num', 'data-metric': k }, r[k] ?? '—'))))));
    const standards = el('table', { id: 'standards' }, el('caption', {}, '低保标准与最低工资（目标 ≥ 45%）'),
      el('thead', {}, el('tr', {}, ['辖区', '城市低保标准', '农村低保标准', '最低工资', '占比', '达标'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, data.standards.map((s) => el('tr', {}, el('td', {}, s.jurisdiction), el('td', { class: 'num' }, s.urbanStandard), el('td', { class: 'num' }, s.ruralStandard),
        el('td', { class: 'num' }, s.minimumWage), el('td', { class: 'num' }, (s.urbanShareOfMinimumWage * 100).toFixed(1) + '%'), el('td', {}, s.meetsTarget ? '是' : '否')))));
    $('#page').lastChild.replaceWith(el('div', {}, chart(label, months, totals), table, standards));
    say('');
  } catch (error) { say(error.message, true); }
}

function monthsBetween(from, to) {
  const out = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) { out.push(`${y}-${String(m).padStart(2, '0')}`); m++; if (m > 12) { m = 1; y++; } }
  return out;
}

function chart(label, months, values) {
  const ns = 'http://www.w3.org/2000/svg';
  const svgEl = (tag, attributes, text) => { const n = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attributes)) n.setAttribute(k, String(v)); if (text !== undefined) n.textContent = String(text); return n; };
  const width = Math.max(320, months.length * 70 + 40), height = 220, max = Math.max(1, ...values);
  const svg = svgEl('svg', { id: 'statistics-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${label}（按月）` });
  months.forEach((m, i) => {
    const h = Math.round(values[i] / max * 150), x = 30 + i * 70;
    const bar = svgEl('rect', { x, y: 180 - h, width: 40, height: h, fill: '#0b5cad', 'data-month': m, 'data-value': values[i] });
    bar.append(svgEl('title', {}, `${m}：${values[i]}`));
    svg.append(bar, svgEl('text', { x: x + 20, y: 175 - h, 'text-anchor': 'middle', 'font-size': 12, class: 'bar-value', 'data-month': m }, values[i]),
      svgEl('text', { x: x + 20, y: 200, 'text-anchor': 'middle', 'font-size': 12 }, m));
  });
  return el('figure', { class: 'chart' }, svg, el('figcaption', {}, label + '（按月合计）'));
}

async function downloadCsv(query) {
  try {
    const response = await fetch('/api/statistics?' + query + '&format=csv', { headers: { Authorization: 'Bearer ' + session.token } });
    if (!response.ok) throw new Error(String(response.status));
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: 'statistics.csv' }); document.body.append(link); link.click(); link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch (error) { say('下载失败：' + error.message, true); }
}

// Payroll progress and reconciliation (发放进度与对账).
async function payrollPage() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const period = params.get('period') || new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 7);
  const form = el('form', { onsubmit: (e) => { e.preventDefault(); location.hash = '#/payroll?period=' + new FormData(e.target).get('period'); } },
    el('label', {}, '发放月份', el('input', { type: 'month', name: 'period', value: period, required: true })), el('button', { type: 'submit' }, '查询'));
  page('发放与对账', form, el('p', {}, '加载中…'));
  try {
    const [progress, reconciliation] = await Promise.all([api('/api/payrolls/' + period), api('/api/payrolls/' + period + '/reconciliation')]);
    $('#page').lastChild.replaceWith(el('div', {}, objectTable('发放进度', progress.jurisdictions), objectTable('对账', reconciliation.jurisdictions)));
    say('');
  } catch (error) { say(error.message, true); }
}

function objectTable(caption, items) {
  if (!items || items.length === 0) return el('p', {}, caption + '：无');
  const keys = Object.keys(items[0]);
  const cell = (v) => v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : v;
  return el('table', {}, el('caption', {}, caption), el('thead', {}, el('tr', {}, keys.map((k) => el('th', { scope: 'col' }, k)))),
    el('tbody', {}, items.map((i) => el('tr', {}, keys.map((k) => el('td', {}, cell(i[k])))))));
}

function show() {
  const signedIn = Boolean(session.token && session.claims());
  $('#sign-in').hidden = signedIn;
  $('#page').hidden = !signedIn;
  $('#nav').hidden = !signedIn;
  if (!signedIn) { $('#token').focus(); return; }
  $('#who').textContent = `${session.roles().join('、')} · ${session.areas().join('、')}`;
  const route = location.hash.replace(/^#\//, '').split('?')[0];
  const [name, id] = route.split('/');
  const current = name === 'case' ? 'cases' : name || 'cases';
  document.querySelectorAll('#nav a').forEach((a) => { if (a.dataset.page === current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current'); });
  if (name === 'case' && id) casePage(decodeURIComponent(id));
  else if (name === 'escalations') casesPage(true);
  else if (name === 'statistics') statisticsPage();
  else if (name === 'payroll') payrollPage();
  else casesPage(false);
  $('#main').focus();
}

document.addEventListener('DOMContentLoaded', () => {
  $('#sign-in-form').addEventListener('submit', (e) => {
    e.preventDefault();
    session.token = $('#token').value.trim();
    if (!session.claims()) { session.token = null; say('这不是有效的令牌。', true); return; }
    $('#token').value = '';
    say('');
    if (!location.hash) location.hash = '#/cases'; else show();
  });
  $('#sign-out').addEventListener('click', () => { session.token = null; location.hash = ''; show(); });
  window.addEventListener('hashchange', show);
  show();
});
