// Agent desk and wallboard, kept live by Server-Sent Events (no inline scripts: the CSP forbids them).
document.addEventListener('DOMContentLoaded', () => {
  const desk = document.getElementById('desk');
  if (desk && desk.dataset.deskEvents) {
    const events = new EventSource(desk.dataset.deskEvents);
    events.addEventListener('state', (e) => {
      const s = JSON.parse(e.data);
      const tag = document.getElementById('agent-state');
      if (tag) { tag.textContent = s.label; tag.dataset.state = s.state; }
      const reason = document.getElementById('agent-reason');
      if (reason) { reason.textContent = s.reason || ''; }
    });
    // Screen pop: an answered call opens the order form linked to it, with the caller's history.
    events.addEventListener('answered', (e) => {
      const call = JSON.parse(e.data);
      window.location.href = desk.dataset.register + '?callId=' + encodeURIComponent(call.callId);
    });
  }

  const board = document.getElementById('wallboard');
  if (board && board.dataset.boardEvents) {
    const pct = (v) => (v === null || v === undefined) ? '—' : (v * 100).toFixed(1) + '%';
    const text = (s) => String(s === null || s === undefined ? '' : s);
    const cell = (v) => { const td = document.createElement('td'); td.textContent = text(v); return td; };
    const events = new EventSource(board.dataset.boardEvents);
    events.addEventListener('board', (e) => {
      const b = JSON.parse(e.data);
      document.getElementById('board-at').textContent = new Date(b.live.at).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
      document.getElementById('active-calls').textContent = b.live.activeCalls;
      document.getElementById('routing-p99').textContent = b.live.routingP99Millis.toFixed(3);
      for (const [state, count] of Object.entries(b.live.agentsByState)) {
        const tile = document.querySelector('#agent-states [data-state="' + state + '"] .count');
        if (tile) { tile.textContent = count; }
      }
      const queues = document.querySelector('#queues tbody');
      queues.replaceChildren(...b.live.queues.map((q) => {
        const tr = document.createElement('tr');
        tr.dataset.queue = q.name;
        const waiting = cell(q.waiting); waiting.className = 'waiting';
        tr.append(cell(q.label), cell(q.strategyLabel || q.strategy), waiting, cell(q.longestWaitSeconds + ' 秒'),
          cell(q.agentsStaffed + ' / ' + q.agentsAvailable), cell(q.enteredToday), cell(q.answeredToday),
          cell(q.abandonedToday), cell(pct(q.serviceLevel)), cell(pct(q.abandonRate)));
        return tr;
      }));
      const agents = document.querySelector('#agents tbody');
      agents.replaceChildren(...b.agents.map((a) => {
        const tr = document.createElement('tr');
        tr.dataset.agent = a.username;
        const state = cell(a.stateLabel); state.className = 'state';
        tr.append(cell(a.username), cell(a.extension), state, cell(a.reason), cell(a.phoneRegistered ? '已注册' : '未注册'),
          cell(a.answeredToday));
        return tr;
      }));
    });
  }
});
