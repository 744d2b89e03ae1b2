// Registration form: the deepest chosen division becomes the order's division code; a refilled
// picker clears the ones below it.
document.addEventListener('DOMContentLoaded', () => {
  const pickers = ['division-province', 'division-city', 'division-district', 'division-street'];
  const code = document.getElementById('order-division');
  if (!code) { return; }
  const update = () => {
    const chosen = pickers.slice().reverse().map(id => document.getElementById(id).value).find(v => v);
    code.value = chosen || '';
  };
  pickers.forEach((id, i) => document.getElementById(id).addEventListener('change', () => {
    pickers.slice(i + 2).forEach(below => { document.getElementById(below).innerHTML = ''; });
    update();
  }));
  document.body.addEventListener('htmx:afterSwap', update);
});
