// metalboot's lab page: machines from /ui/machines, kept up to date by /ui/events (server-sent events).
// Every value is put in the page with textContent, never as markup: machines report what they like.
'use strict';
(function () {
  const machines = new Map();
  const body = document.querySelector('#machines tbody');
  const filter = document.getElementById('filter');
  const stage = document.getElementById('stage');
  let scheduled = false;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function cell(tr, label, text, cls) {
    const td = el('td', text, cls);
    td.dataset.label = label;
    tr.appendChild(td);
    return td;
  }
  function clock(t) { return t ? new Date(t).toLocaleTimeString() : ''; }
  function day(t) { return t ? new Date(t).toLocaleString() : ''; }

  function matches(m, words, wanted) {
    if (wanted === 'none' ? m.stage !== '' : wanted && m.stage !== wanted) return false;
    if (!words) return true;
    const hay = [m.name, m.mac, m.ip, m.client, m.vendor, m.role, m.stage, m.details && m.details.hostname].join(' ').toLowerCase();
    return words.split(/\s+/).every(w => hay.includes(w));
  }

  function row(m) {
    const tr = el('tr');
    tr.dataset.mac = m.mac;
    tr.dataset.stage = m.stage;
    const who = cell(tr, 'Machine', m.name || (m.discovered ? 'discovered' : 'unknown'), 'name');
    const host = m.details && m.details.hostname;
    if (host) who.appendChild(el('div', 'says: ' + host, 'details'));
    if (m.adopt) who.appendChild(el('code', m.adopt, 'adopt'));
    cell(tr, 'MAC', m.mac, 'mac');
    cell(tr, 'Address', m.ip || m.client || '');
    cell(tr, 'Role', m.role || '');
    cell(tr, 'Vendor', m.vendor || '');
    cell(tr, 'Stage', m.stage || 'never seen', 'stage stage-' + (m.stage || 'none'));
    const line = cell(tr, 'Timeline', null, 'timeline');
    (m.stages || []).forEach(s => line.appendChild(el('span', s.stage + ' ' + clock(s.time))));
    const said = Object.entries(m.details || {}).filter(([k]) => k !== 'hostname' && k !== 'unknownMachines');
    if (said.length) line.appendChild(el('div', said.map(([k, v]) => k + '=' + v).join(' '), 'details'));
    cell(tr, 'Last activity', day(m.time), 'time');
    cell(tr, 'First seen', day(m.firstSeen));
    return tr;
  }

  function render() {
    scheduled = false;
    const words = filter.value.trim().toLowerCase();
    const wanted = stage.value;
    const list = [...machines.values()].filter(m => matches(m, words, wanted));
    list.sort((a, b) => (b.time || '').localeCompare(a.time || '') || (a.name || a.mac).localeCompare(b.name || b.mac));
    const fragment = document.createDocumentFragment();
    list.forEach(m => fragment.appendChild(row(m)));
    body.replaceChildren(fragment);
    document.getElementById('empty').hidden = list.length > 0;
    const all = [...machines.values()];
    document.getElementById('counts').textContent = all.length + ' machines, ' + all.filter(m => m.discovered).length
      + ' discovered, ' + all.filter(m => m.stage === 'installed').length + ' installed'
      + (list.length === all.length ? '' : '; ' + list.length + ' shown');
  }
  function schedule() {
    if (!scheduled) { scheduled = true; setTimeout(render, 200); }
  }

  async function load() {
    const r = await fetch('/ui/machines', { cache: 'no-store' });
    if (!r.ok) return;
    machines.clear();
    (await r.json()).forEach(m => machines.set(m.mac, m));
    schedule();
  }

  function panel(title, items) {
    const p = el('div', null, 'panel');
    p.appendChild(el('h2', title));
    const ul = el('ul');
    (items.length ? items : [{ text: 'nothing to show' }]).forEach(i => ul.appendChild(el('li', i.text, i.cls)));
    p.appendChild(ul);
    return p;
  }
  async function lab() {
    const r = await fetch('/ui/lab', { cache: 'no-store' });
    if (!r.ok) return;
    const d = await r.json();
    const box = document.getElementById('lab');
    const panels = [];
    Object.entries(d).forEach(([title, items]) => panels.push(panel(title, (items || []).map(i =>
      ({ text: i.text, cls: i.level === 'warning' ? 'warn' : i.level === 'error' ? 'bad' : i.level === 'ok' ? 'good' : '' })))));
    box.replaceChildren(...panels);
  }

  function stream() {
    const live = document.getElementById('live');
    const source = new EventSource('/ui/events');
    source.onopen = () => { live.textContent = 'live'; live.className = 'live'; load(); };
    source.onerror = () => { live.textContent = 'reconnecting…'; live.className = 'live off'; };
    source.addEventListener('machine', e => {
      const m = JSON.parse(e.data);
      machines.set(m.mac, m);
      schedule();
    });
  }

  filter.addEventListener('input', schedule);
  stage.addEventListener('change', schedule);
  document.getElementById('filters').addEventListener('submit', e => e.preventDefault());
  load();
  lab();
  setInterval(lab, 30000);
  stream();
})();
