// Draws the ratings trend (ratings as bars, the satisfaction rate as a line) with ECharts from the table beside it;
// the table stays the record and the chart container is aria-hidden. Without ECharts or JavaScript the table remains.
(function () {
  'use strict';

  function number(text) {
    if (text === undefined || text === null || text === '') { return null; }
    var value = Number(text);
    return isFinite(value) ? value : null;
  }

  function draw(container) {
    var table = document.getElementById(container.getAttribute('data-chart-for'));
    if (!table || !window.echarts) { return; }
    var months = [], ratings = [], rate = [], bad = [];
    Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (row) {
      months.push(row.getAttribute('data-month'));
      ratings.push(number(row.getAttribute('data-ratings')));
      rate.push(number(row.getAttribute('data-rate')));
      bad.push(number(row.getAttribute('data-bad')));
    });
    var chart = window.echarts.init(container, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 56, right: 56, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: months },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: table.getAttribute('data-label-ratings'), type: 'bar', data: ratings, itemStyle: { color: '#7a8ca3' } },
        { name: table.getAttribute('data-label-bad'), type: 'bar', data: bad, itemStyle: { color: '#a4161a' } },
        { name: table.getAttribute('data-label-rate'), type: 'line', yAxisIndex: 1, data: rate, connectNulls: false, symbol: 'circle', symbolSize: 8,
          lineStyle: { width: 3, color: '#0b4f9c' }, itemStyle: { color: '#0b4f9c' } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
    container.setAttribute('data-drawn', 'true');
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('.chart[data-chart-for="rating-trend"]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
