// Today's overview on the home page: the last seven days' orders drawn from the table beside the chart
// (the table stays for screen readers and when scripts are off).
import * as echarts from '../vendor/echarts/6.1.0/dist/echarts.esm.min.js';

const table = document.getElementById('week-table');
const target = document.getElementById('chart-week');
if (table && target) {
  const rows = [...table.querySelectorAll('tbody tr')];
  const days = rows.map((r) => r.cells[0].textContent.trim());
  const counts = rows.map((r) => Number(r.querySelector('.received').textContent));
  const chart = echarts.init(target);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', formatter: (p) => p[0].name + '：' + p[0].value + ' 件' },
    grid: { left: 40, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: days, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: counts, barMaxWidth: 36, itemStyle: { color: '#409eff', borderRadius: [4, 4, 0, 0] },
      label: { show: true, position: 'top' } }]
  });
  table.classList.add('visually-hidden');
  window.addEventListener('resize', () => chart.resize());
}
