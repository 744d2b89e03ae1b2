// The wallboard (监控大屏): queues, the 15-second service level, agents by state and the day's trend,
// drawn with ECharts and kept live by Server-Sent Events (no inline scripts: the CSP forbids them).
import * as echarts from '../vendor/echarts/6.1.0/dist/echarts.esm.min.js';

const board = document.getElementById('wallboard');
if (board && board.dataset.boardEvents) {
  const INK = '#d6e4f5';
  const MUTED = '#7f93ad';
  const GRID = '#1d3557';
  const STATE_COLORS = {
    LOGGED_OUT: '#5b6b80', AVAILABLE: '#2fc25b', RINGING: '#facc14', ON_CALL: '#1890ff',
    WRAP_UP: '#13c2c2', ON_BREAK: '#f04864'
  };
  const pct = (v) => (v === null || v === undefined) ? '—' : (v * 100).toFixed(1) + '%';
  const text = (s) => String(s === null || s === undefined ? '' : s);
  const cell = (v) => { const td = document.createElement('td'); td.textContent = text(v); return td; };
  const set = (id, v) => { const el = document.getElementById(id); if (el) el.textContent = text(v); };
  const labels = {};
  document.querySelectorAll('#agent-states [data-state]').forEach((chip) => {
    labels[chip.dataset.state] = chip.firstElementChild.textContent;
  });

  const chart = (id) => echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
  const gauge = chart('chart-service-level');
  const agents = chart('chart-agents');
  const trend = chart('chart-trend');
  window.addEventListener('resize', () => [gauge, agents, trend].forEach((c) => c.resize()));

  // green at the usual target (80% answered within 15 seconds), amber a little below, red beyond
  const levelColor = (v) => (v === null ? '#5b6b80' : v >= 80 ? '#2fc25b' : v >= 70 ? '#facc14' : '#f04864');
  gauge.setOption({
    series: [{
      type: 'gauge', min: 0, max: 100, startAngle: 210, endAngle: -30, radius: '95%', center: ['50%', '56%'],
      progress: { show: true, width: 16, itemStyle: { color: '#5b6b80' } },
      axisLine: { lineStyle: { width: 16, color: [[1, '#1d3557']] } },
      axisTick: { show: false }, splitLine: { show: false }, axisLabel: { show: false },
      pointer: { show: false }, anchor: { show: false }, title: { show: true, offsetCenter: [0, '38%'], color: MUTED, fontSize: 13 },
      detail: { valueAnimation: false, offsetCenter: [0, '-2%'], fontSize: 36, color: INK, formatter: (v) => (v === null || isNaN(v)) ? '—' : v.toFixed(1) + '%' },
      data: [{ value: null, name: '目标 ≥ 80%' }]
    }]
  });
  agents.setOption({
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
    series: [{ type: 'pie', radius: ['48%', '78%'], avoidLabelOverlap: true, label: { color: INK, formatter: '{b}\n{c}' }, data: [] }]
  });
  trend.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['呼入', '接通', '放弃'], textStyle: { color: INK }, top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: [], axisLine: { lineStyle: { color: GRID } }, axisLabel: { color: MUTED } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: GRID } }, axisLabel: { color: MUTED } },
    series: [
      { name: '呼入', type: 'line', smooth: true, showSymbol: false, data: [], itemStyle: { color: '#1890ff' }, areaStyle: { opacity: 0.15 } },
      { name: '接通', type: 'line', smooth: true, showSymbol: false, data: [], itemStyle: { color: '#2fc25b' } },
      { name: '放弃', type: 'bar', data: [], itemStyle: { color: '#f04864' }, barMaxWidth: 8 }
    ]
  });

  const time = (iso) => new Date(iso).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });

  function render(b) {
    const live = b.live;
    set('board-at', new Date(live.at).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }));
    set('active-calls', live.activeCalls);
    const sum = (f) => live.queues.reduce((n, q) => n + f(q), 0);
    const finished = (q) => q.answeredToday + q.abandonedToday;
    const inTarget = sum((q) => (q.serviceLevel === null ? 0 : q.serviceLevel * finished(q)));
    const done = sum(finished);
    const level = done === 0 ? null : inTarget / done;
    set('kpi-waiting', sum((q) => q.waiting));
    set('kpi-longest', live.queues.reduce((m, q) => Math.max(m, q.longestWaitSeconds), 0));
    set('kpi-entered', sum((q) => q.enteredToday));
    set('kpi-answered', sum((q) => q.answeredToday));
    set('kpi-service-level', pct(level));
    set('kpi-abandon', done === 0 ? '—' : pct(sum((q) => q.abandonedToday) / done));
    const staffed = Object.entries(live.agentsByState).filter(([s]) => s !== 'LOGGED_OUT').reduce((n, [, c]) => n + c, 0);
    set('kpi-agents', staffed + ' / ' + (live.agentsByState.AVAILABLE || 0));
    const value = level === null ? null : level * 100;
    gauge.setOption({ series: [{ progress: { itemStyle: { color: levelColor(value) } }, data: [{ value, name: '目标 ≥ 80%' }] }] });

    for (const [state, count] of Object.entries(live.agentsByState)) {
      const chip = document.querySelector('#agent-states [data-state="' + state + '"] .count');
      if (chip) chip.textContent = count;
    }
    agents.setOption({ series: [{ data: Object.entries(live.agentsByState).filter(([, c]) => c > 0)
      .map(([s, c]) => ({ name: labels[s] || s, value: c, itemStyle: { color: STATE_COLORS[s] } })) }] });

    if (b.trend) {
      trend.setOption({
        xAxis: { data: b.trend.map((t) => time(t.from)) },
        series: [{ data: b.trend.map((t) => t.entered) }, { data: b.trend.map((t) => t.answered) }, { data: b.trend.map((t) => t.abandoned) }]
      });
    }

    document.querySelector('#queues tbody').replaceChildren(...live.queues.map((q) => {
      const tr = document.createElement('tr');
      tr.dataset.queue = q.name;
      const waiting = cell(q.waiting); waiting.className = 'waiting';
      tr.append(cell(q.label), cell(q.strategyLabel || q.strategy), waiting, cell(q.longestWaitSeconds + ' 秒'),
        cell(q.agentsStaffed + ' / ' + q.agentsAvailable), cell(q.enteredToday), cell(q.answeredToday),
        cell(q.abandonedToday), cell(pct(q.serviceLevel)), cell(pct(q.abandonRate)));
      return tr;
    }));
    document.querySelector('#agents tbody').replaceChildren(...b.agents.map((a) => {
      const tr = document.createElement('tr');
      tr.dataset.agent = a.username;
      const state = cell(a.stateLabel); state.className = 'state';
      tr.dataset.state = a.state;
      tr.append(cell(a.username), cell(a.extension), state, cell(a.reason), cell(a.phoneRegistered ? '已注册' : '未注册'),
        cell(a.answeredToday));
      return tr;
    }));
  }

  const events = new EventSource(board.dataset.boardEvents);
  events.addEventListener('board', (e) => render(JSON.parse(e.data)));

  const full = document.getElementById('board-fullscreen');
  full.addEventListener('click', () => {
    if (document.fullscreenElement) document.exitFullscreen();
    else board.requestFullscreen();
  });
  document.addEventListener('fullscreenchange', () => {
    full.textContent = document.fullscreenElement ? '退出全屏' : '全屏显示';
    setTimeout(() => [gauge, agents, trend].forEach((c) => c.resize()), 100);
  });
}
