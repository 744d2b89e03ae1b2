// The agent desk, kept live by Server-Sent Events (no inline scripts: the CSP forbids them).
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
    // Screen pop: an answered call opens the order form linked to it, with the caller's history;
    // a call the center placed about an order (回访) opens that order.
    events.addEventListener('answered', (e) => {
      const call = JSON.parse(e.data);
      if (call.workOrderNo) {
        window.location.href = desk.dataset.orders + '/' + encodeURIComponent(call.workOrderNo);
      } else {
        window.location.href = desk.dataset.register + '?callId=' + encodeURIComponent(call.callId);
      }
    });
  }
});
