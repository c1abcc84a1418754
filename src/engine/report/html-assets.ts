/**
 * The HTML report's inline style and script, and the Content-Security-Policy that admits
 * exactly these two (by SHA-256 hash) and nothing else: no network, no other script, no
 * inline event handler. The script only sorts, filters and pages tables that are complete
 * without it; it reads the page (textContent, data-v), never markup, and embeds no data.
 */
import { createHash } from 'node:crypto';

export const HTML_STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;
--allow:#1a7f37;--allow-bg:#dafbe1;--approval:#9a6700;--approval-bg:#fff8c5;--blocked:#cf222e;--blocked-bg:#ffebe9}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{display:flex;flex-direction:column;gap:18px;max-width:1500px;margin:0 auto;padding:20px}
#summary{order:-3}#attention{order:-2}#repositories-head{order:-1}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:0}h3{font-size:15px;margin:18px 0 6px}
section,details.repo{border:1px solid var(--line);border-radius:8px;padding:14px 16px;background:var(--bg)}
details.repo>summary{cursor:pointer;display:flex;flex-wrap:wrap;gap:10px;align-items:baseline}
details.repo>summary h2{display:inline;font-size:16px}
.muted,.sub{color:var(--muted)}.small{font-size:12px}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;overflow-wrap:break-word}
td code{word-break:break-word}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:130px;background:var(--soft)}
.card b{display:block;font-size:22px}
.card.blocked{border-color:var(--blocked);background:var(--blocked-bg)}
.card.approval{border-color:var(--approval);background:var(--approval-bg)}
.card.allow{border-color:var(--allow);background:var(--allow-bg)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);position:sticky;top:0}
th button{all:unset;cursor:pointer;font-weight:600}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
td ul{margin:0;padding-left:16px}
td.num{white-space:nowrap}
table.bom td:nth-child(1){min-width:170px}table.bom td:nth-child(3),table.bom td:nth-child(5),table.bom td:nth-child(6),table.bom td:nth-child(8){min-width:130px}table.bom td:nth-child(9){min-width:280px}
#attention-table td:nth-child(3){min-width:180px}#attention-table td:nth-child(4){min-width:90px}
.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap;border:1px solid}
.badge.allow{color:var(--allow);background:var(--allow-bg)}
.badge.approval{color:var(--approval);background:var(--approval-bg)}
.badge.blocked{color:var(--blocked);background:var(--blocked-bg)}
meter{width:70px;vertical-align:middle}
.controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}
.controls input,.controls select,.controls button{font:inherit;padding:3px 8px}
.scroll{overflow:auto;max-height:75vh}
.graph-wrap{overflow:auto;border:1px solid var(--line);border-radius:6px;background:var(--soft);padding:6px}
svg.graph{max-width:100%;height:auto;display:block}
svg.graph text{font:12px system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;fill:var(--fg)}
svg.graph text.col{font-weight:700;fill:var(--muted)}
svg.graph text.sub,svg.graph text.count{font-size:11px;fill:var(--muted)}
svg.graph .node rect{stroke-width:1.5}
svg.graph .node.d-allow rect{fill:var(--allow-bg);stroke:var(--allow)}
svg.graph .node.d-approval rect{fill:var(--approval-bg);stroke:var(--approval)}
svg.graph .node.d-blocked rect{fill:var(--blocked-bg);stroke:var(--blocked);stroke-width:2.5}
svg.graph .node.credential rect{stroke-dasharray:5 2}
svg.graph .edge path{fill:none;stroke-opacity:.7}
svg.graph .edge.d-allow path{stroke:var(--allow)}svg.graph .edge.d-approval path{stroke:var(--approval)}svg.graph .edge.d-blocked path{stroke:var(--blocked)}
svg.graph marker.d-allow path{fill:var(--allow)}svg.graph marker.d-approval path{fill:var(--approval)}svg.graph marker.d-blocked path{fill:var(--blocked)}
svg.graph rect.count{fill:#fff;stroke:var(--line)}
.legend{display:flex;gap:14px;flex-wrap:wrap;font-size:12px;margin:6px 0}
.error{color:var(--blocked)}
footer{color:var(--muted);font-size:12px;order:9}
`.trim();

export const HTML_SCRIPT = `
'use strict';
(function () {
  function key(cell) {
    var v = cell ? cell.getAttribute('data-v') : null;
    return v !== null ? v : cell ? cell.textContent.trim().toLowerCase() : '';
  }
  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  function pager(table) {
    var size = Number(table.getAttribute('data-page') || 0);
    var box = document.getElementById(table.id + '-controls');
    var state = { page: 0, text: '', decision: '' };
    function apply() {
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      var shown = rows.filter(function (r) {
        var ok = (!state.decision || r.getAttribute('data-decision') === state.decision) &&
          (!state.text || r.textContent.toLowerCase().indexOf(state.text) >= 0);
        r.hidden = true;
        return ok;
      });
      var pages = size > 0 ? Math.max(1, Math.ceil(shown.length / size)) : 1;
      if (state.page >= pages) state.page = pages - 1;
      var from = size > 0 ? state.page * size : 0;
      var to = size > 0 ? Math.min(shown.length, from + size) : shown.length;
      for (var i = from; i < to; i++) shown[i].hidden = false;
      if (box) {
        box.querySelector('[data-role=info]').textContent = shown.length === 0
          ? 'no matching rows' : 'rows ' + (from + 1) + '–' + to + ' of ' + shown.length +
            (shown.length !== rows.length ? ' (filtered from ' + rows.length + ')' : '');
        box.querySelector('[data-role=prev]').disabled = state.page === 0;
        box.querySelector('[data-role=next]').disabled = state.page >= pages - 1;
      }
    }
    if (box) {
      box.hidden = false;
      box.querySelector('[data-role=text]').addEventListener('input', function (e) {
        state.text = e.target.value.trim().toLowerCase(); state.page = 0; apply();
      });
      box.querySelector('[data-role=decision]').addEventListener('change', function (e) {
        state.decision = e.target.value; state.page = 0; apply();
      });
      box.querySelector('[data-role=prev]').addEventListener('click', function () { state.page--; apply(); });
      box.querySelector('[data-role=next]').addEventListener('click', function () { state.page++; apply(); });
    }
    apply();
    return apply;
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var refresh = table.id ? pager(table) : function () {};
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () {
        var dir = th.getAttribute('aria-sort') === 'descending' ? 1 : -1;
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) { return dir * compare(key(a.cells[col]), key(b.cells[col])); });
        rows.forEach(function (r) { body.appendChild(r); });
        refresh();
      });
    });
  });
  var repoBox = document.getElementById('repo-controls');
  if (repoBox) {
    repoBox.hidden = false;
    var repos = document.querySelectorAll('details.repo');
    repoBox.querySelector('[data-role=text]').addEventListener('input', function (e) {
      var text = e.target.value.trim().toLowerCase();
      Array.prototype.forEach.call(repos, function (d) {
        d.hidden = text !== '' && (d.getAttribute('data-name') || '').indexOf(text) < 0;
      });
    });
    repoBox.querySelector('[data-role=open]').addEventListener('click', function () {
      Array.prototype.forEach.call(repos, function (d) { if (!d.hidden) d.open = true; });
    });
    repoBox.querySelector('[data-role=close]').addEventListener('click', function () {
      Array.prototype.forEach.call(repos, function (d) { d.open = false; });
    });
  }
})();
`.trim();

const hash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Nothing loads from anywhere; only this style and this script run. */
export const HTML_CSP = [
  "default-src 'none'",
  `style-src ${hash(HTML_STYLE)}`,
  `script-src ${hash(HTML_SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
