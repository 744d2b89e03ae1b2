// Registration form: the deepest chosen division becomes the order's division code; a refilled
// picker clears the ones below it. A division can also be set whole (the region the analysis
// found, or the one a refused form came back with): the pickers are filled down to it.
const PICKERS = ['division-province', 'division-city', 'division-district', 'division-street'];

function chosenDivision() {
  return PICKERS.slice().reverse().map(id => document.getElementById(id).value).find(v => v) || '';
}

async function selectDivision(code) {
  const chain = document.getElementById('order-division').dataset.chain;
  const response = await fetch(chain + '?code=' + encodeURIComponent(code), { credentials: 'same-origin' });
  if (!response.ok) { return; }
  const levels = await response.json();
  PICKERS.forEach((id, i) => {
    const select = document.getElementById(id);
    const level = levels[i];
    select.innerHTML = '';
    if (!level) { return; }
    select.add(new Option('（请选择）', ''));
    level.options.forEach(o => select.add(new Option(o.name, o.code, false, o.code === level.selected)));
  });
  document.getElementById('order-division').value = chosenDivision();
}

document.addEventListener('DOMContentLoaded', () => {
  const code = document.getElementById('order-division');
  if (!code) { return; }
  PICKERS.forEach((id, i) => document.getElementById(id).addEventListener('change', () => {
    PICKERS.slice(i + 2).forEach(below => { document.getElementById(below).innerHTML = ''; });
    code.value = chosenDivision();
  }));
  // only a picker's own options change the code; other swaps (analysis, assist) leave it alone
  document.body.addEventListener('htmx:afterSwap', (event) => {
    if (PICKERS.includes(event.detail.target.id)) { code.value = chosenDivision(); }
  });
  if (code.value) { selectDivision(code.value); }
});

document.addEventListener('click', (event) => {
  const button = event.target.closest('#use-region');
  if (!button) { return; }
  if (!document.getElementById('order-division')) { return; }
  selectDivision(button.dataset.code).then(() => {
    button.textContent = '已填入';
    button.disabled = true;
  });
});

// On an order's own page there are no pickers to fill.
document.addEventListener('htmx:afterSwap', () => {
  if (!document.getElementById('order-division')) {
    document.querySelectorAll('#use-region').forEach(b => b.remove());
  }
});

// A text with a limit shows how much is typed; past the limit it says so instead of cutting the
// text (the server refuses it and the form comes back as typed).
function count(area) {
  const counter = document.getElementById(area.id + '-counter');
  if (!counter) { return; }
  const limit = Number(area.dataset.limit);
  const n = [...area.value].length;
  counter.textContent = n > limit ? `已输入 ${n} 字，超出上限 ${limit} 字，请精简` : `${n} / ${limit} 字`;
  counter.classList.toggle('over', n > limit);
}
document.addEventListener('input', (event) => {
  if (event.target.matches && event.target.matches('textarea[data-limit]')) { count(event.target); }
});
document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('textarea[data-limit]').forEach(count));

// Agent assist: "插入答复" puts the article's text into the reply field named by the aside
// (data-answer-target) and tells the server the article was used (posting the item's form, which
// carries the CSRF token).
document.addEventListener('click', (event) => {
  const button = event.target.closest('.assist-insert');
  if (!button) { return; }
  const item = button.closest('.assist-item');
  const aside = button.closest('[data-answer-target]');
  const target = aside && document.getElementById(aside.dataset.answerTarget);
  const answer = item && item.querySelector('.assist-answer');
  if (!target || !answer) { return; }
  target.value = target.value.trim() ? target.value.trim() + '\n' + answer.value : answer.value;
  target.dispatchEvent(new Event('input', { bubbles: true }));
  button.textContent = '已插入';
  button.disabled = true;
  const form = button.closest('form');
  fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
});

// The analysis beside the order form offers its one-line summary as the title.
document.addEventListener('click', (event) => {
  const button = event.target.closest('#use-summary');
  if (!button) return;
  const title = document.getElementById('order-title');
  if (title) {
    title.value = button.dataset.summary;
    title.dispatchEvent(new Event('input', { bubbles: true }));
  }
});
