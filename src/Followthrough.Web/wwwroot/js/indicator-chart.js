// Draws an indicator's figures with ECharts from the table on the same page (the table stays the record; the chart
// container is aria-hidden). Without ECharts or JavaScript the page simply shows the table.
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
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var labels = [], actual = [], baseline = [], expected = [], upper = [], target = [];
    rows.forEach(function (row) {
      var isBaseline = row.getAttribute('data-baseline') === 'true';
      labels.push(row.getAttribute('data-label'));
      baseline.push(isBaseline ? number(row.getAttribute('data-actual')) : null);
      actual.push(isBaseline ? null : number(row.getAttribute('data-actual')));
      expected.push(isBaseline ? number(row.getAttribute('data-actual')) : number(row.getAttribute('data-expected')));
      upper.push(number(row.getAttribute('data-upper')));
      target.push(number(row.getAttribute('data-target')));
    });
    var isRange = table.getAttribute('data-range') === 'true';
    if (isRange) { expected[0] = null; }

    var series = [
      { name: table.getAttribute('data-label-expected'), type: 'line', data: expected, connectNulls: true, symbol: 'none',
        lineStyle: { type: 'dashed', width: 2, color: '#4a5360' }, itemStyle: { color: '#4a5360' } },
      { name: table.getAttribute('data-label-actual'), type: 'line', data: actual, connectNulls: false, symbol: 'circle', symbolSize: 8,
        lineStyle: { width: 3, color: '#0b4f9c' }, itemStyle: { color: '#0b4f9c' } },
      { name: table.getAttribute('data-label-baseline'), type: 'scatter', data: baseline, symbol: 'rect', symbolSize: 11,
        itemStyle: { color: '#1b1f24' } }
    ];
    if (isRange) {
      series.push({ name: table.getAttribute('data-label-upper'), type: 'line', data: upper, connectNulls: true, symbol: 'none',
        lineStyle: { type: 'dotted', width: 2, color: '#a4161a' }, itemStyle: { color: '#a4161a' } });
    }
    if (target.some(function (v) { return v !== null; })) {
      series.push({ name: table.getAttribute('data-label-target'), type: 'scatter', data: target, symbol: 'diamond', symbolSize: 12,
        itemStyle: { color: '#b07a00' } });
    }

    var chart = window.echarts.init(container, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      title: { text: table.getAttribute('data-name'), subtext: table.getAttribute('data-measure'), left: 'center', textStyle: { fontSize: 15 } },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 56, right: 24, top: 64, bottom: 56 },
      xAxis: { type: 'category', data: labels, boundaryGap: false },
      yAxis: { type: 'value', scale: true },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
    container.setAttribute('data-drawn', 'true');
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('.chart[data-chart-for]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
