/* Chart helpers on uPlot: line charts (optionally log scales) and bars with error whiskers. */
var StatelabCharts = (function () {
  var palette = ['#0073bb', '#ec7211', '#1d8102', '#8c4fff', '#d13212', '#067f68', '#b0084d', '#687078'];
  function width(el) { return Math.max(360, Math.min(1180, (el.parentElement || el).clientWidth - 8)); }
  function fmt(v) {
    if (v == null || !isFinite(v)) return '';
    var a = Math.abs(v);
    if (a >= 1e9) return +(v / 1e9).toPrecision(3) + 'G';
    if (a >= 1e6) return +(v / 1e6).toPrecision(3) + 'M';
    if (a !== 0 && a < 0.01) return v.toExponential(2);
    return String(+v.toPrecision(4));
  }
  function register(id, plot) { window.statelabCharts.push({ id: id, plot: plot }); return plot; }

  /* spec: {id, title, xLabel, yLabel, xLog, yLog, x:[...], series:[{label, values:[...], dash}], markers:[{x, y, label}]} */
  function line(el, spec) {
    var series = [{ label: spec.xLabel, value: function (u, v) { return fmt(v); } }];
    spec.series.forEach(function (s, i) {
      series.push({ label: s.label, stroke: palette[(s.color != null ? s.color : i) % palette.length], width: 2,
        dash: s.dash ? [6, 4] : undefined, points: { show: spec.x.length < 30 },
        value: function (u, v) { return fmt(v); } });
    });
    var data = [spec.x].concat(spec.series.map(function (s) { return s.values; }));
    var opts = {
      title: spec.title, width: width(el), height: spec.height || 300,
      scales: { x: { time: false, distr: spec.xLog ? 3 : 1 }, y: { distr: spec.yLog ? 3 : 1,
        range: spec.yRange ? function () { return spec.yRange; } : undefined } },
      axes: [{ label: spec.xLabel, values: function (u, vals) { return vals.map(fmt); } },
             { label: spec.yLabel, size: 70, values: function (u, vals) { return vals.map(fmt); } }],
      series: series,
      hooks: { draw: [function (u) {
        (spec.markers || []).forEach(function (m) {
          var x = u.valToPos(m.x, 'x', true), y = u.valToPos(m.y, 'y', true), ctx = u.ctx;
          if (!isFinite(x) || !isFinite(y)) return;
          ctx.save(); ctx.fillStyle = '#d13212'; ctx.beginPath(); ctx.arc(x, y, 5 * devicePixelRatio, 0, 2 * Math.PI); ctx.fill();
          ctx.font = (11 * devicePixelRatio) + 'px sans-serif'; ctx.fillText(m.label, x + 8 * devicePixelRatio, y - 6 * devicePixelRatio);
          ctx.restore();
        });
      }] }
    };
    return register(spec.id, new uPlot(opts, data, el));
  }

  /* spec: {id, title, yLabel, labels:[...], yLog, series:[{label, values:[...], errors:[...]}]} */
  function bars(el, spec) {
    var n = spec.labels.length, k = spec.series.length;
    var x = spec.labels.map(function (_, i) { return i; });
    var max = 0, min = Infinity;
    spec.series.forEach(function (s) {
      s.values.forEach(function (v, i) {
        if (v == null) return;
        var e = (s.errors && isFinite(s.errors[i])) ? s.errors[i] : 0;
        max = Math.max(max, v + e); if (v > 0) min = Math.min(min, v);
      });
    });
    var series = [{ label: 'benchmark', value: function (u, i) { return spec.labels[i] || ''; } }];
    spec.series.forEach(function (s, j) {
      series.push({ label: s.label, stroke: palette[j % palette.length], fill: palette[j % palette.length],
        paths: function () { return null; }, points: { show: false },
        value: function (u, v, si, i) { var e = s.errors && s.errors[i]; return fmt(v) + (isFinite(e) ? ' ± ' + fmt(e) : '') + ' ' + spec.yLabel; } });
    });
    var data = [x].concat(spec.series.map(function (s) { return s.values; }));
    var opts = {
      title: spec.title, width: width(el), height: spec.height || Math.max(260, 60 + 0 * n),
      scales: { x: { time: false, range: function () { return [-0.6, n - 0.4]; } },
        y: spec.yLog ? { distr: 3, range: function () { return [Math.pow(10, Math.floor(Math.log10(min))), Math.pow(10, Math.ceil(Math.log10(max)))]; } }
                     : { range: function () { return [0, max * 1.12 || 1]; } } },
      axes: [{ splits: function () { return x; }, values: function (u, vals) { return vals.map(function (i) { return (spec.labels[i] || '').replace(' [', '\n['); }); },
               size: 56 },
             { label: spec.yLabel, size: 80, values: function (u, vals) { return vals.map(fmt); } }],
      series: series,
      hooks: { draw: [function (u) {
        var ctx = u.ctx, slot = (u.valToPos(1, 'x', true) - u.valToPos(0, 'x', true)), bw = slot * 0.7 / k;
        var base = u.valToPos(spec.yLog ? u.scales.y.min : 0, 'y', true);
        spec.series.forEach(function (s, j) {
          s.values.forEach(function (v, i) {
            if (v == null || !isFinite(v)) return;
            var cx = u.valToPos(i, 'x', true) - slot * 0.35 + bw * (j + 0.5);
            var top = u.valToPos(v, 'y', true);
            ctx.save();
            ctx.fillStyle = palette[j % palette.length]; ctx.globalAlpha = 0.75;
            ctx.fillRect(cx - bw / 2 + 1, top, bw - 2, base - top);
            ctx.globalAlpha = 1;
            var e = s.errors ? s.errors[i] : NaN;
            if (isFinite(e) && e > 0) {
              var lo = u.valToPos(Math.max(v - e, spec.yLog ? u.scales.y.min : 0), 'y', true), hi = u.valToPos(v + e, 'y', true);
              ctx.strokeStyle = '#16191f'; ctx.lineWidth = 1.5 * devicePixelRatio; ctx.beginPath();
              ctx.moveTo(cx, lo); ctx.lineTo(cx, hi);
              ctx.moveTo(cx - bw / 4, lo); ctx.lineTo(cx + bw / 4, lo);
              ctx.moveTo(cx - bw / 4, hi); ctx.lineTo(cx + bw / 4, hi); ctx.stroke();
            }
            ctx.restore();
          });
        });
      }] }
    };
    return register(spec.id, new uPlot(opts, data, el));
  }

  /* Renders every <div class="chart" data-spec="script-id" data-kind="line|bars">. */
  function renderAll() {
    document.querySelectorAll('div.chart[data-spec]').forEach(function (el) {
      var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
      spec.id = el.id;
      (el.dataset.kind === 'bars' ? bars : line)(el, spec);
    });
  }
  return { line: line, bars: bars, renderAll: renderAll };
})();
document.addEventListener('DOMContentLoaded', StatelabCharts.renderAll);
