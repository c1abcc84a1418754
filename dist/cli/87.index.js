export const id = 87;
export const ids = [87,615];
export const modules = {

/***/ 1615:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ATTENTION_PAGE: () => (/* binding */ ATTENTION_PAGE),
  HtmlReportWriter: () => (/* binding */ HtmlReportWriter),
  renderHtml: () => (/* binding */ renderHtml)
});

// EXTERNAL MODULE: ./src/engine/version.ts
var version = __webpack_require__(8574);
// EXTERNAL MODULE: ./src/engine/policy/types.ts
var types = __webpack_require__(2264);
;// CONCATENATED MODULE: ./src/engine/report/control-graph.ts

const GRAPH_COLUMNS = (/* unused pure expression or super */ null && (['agent', 'credential', 'class', 'target']));
/** Targets drawn per graph; the rest are folded into one "other targets" node. */
const MAX_TARGETS = 12;
const NO_AGENT = 'agent\0(none)';
const CREDENTIAL = 'credential\0';
const NO_CREDENTIAL = `${CREDENTIAL}(none)`;
class ControlGraph {
    nodes = new Map();
    edges = new Map();
    /** Adds one decided job: each node and edge it touches counts it once. */
    addJob(verdict, inv) {
        const nodes = new Map();
        const edges = new Map();
        const node = (key, column, label, d) => {
            const had = nodes.get(key);
            if (had === undefined || types/* SEVERITY */.C[d] > types/* SEVERITY */.C[had.d])
                nodes.set(key, { column, label, d });
            return key;
        };
        const edge = (from, to, d) => {
            const key = `${from}\n${to}`;
            const had = edges.get(key);
            if (had === undefined || types/* SEVERITY */.C[d] > types/* SEVERITY */.C[had.d])
                edges.set(key, { from, to, d });
        };
        const agents = [...new Set((inv?.agents ?? []).map((a) => a.id))];
        const holders = agents.length > 0
            ? agents.map((id) => node(`agent\0${id}`, 'agent', id, verdict.decision))
            : [node(NO_AGENT, 'agent', 'no agent', verdict.decision)];
        // One node per credential kind; a path that uses none goes through "no credential", so
        // every edge joins neighbouring columns (no edge skips one: fewer crossings).
        const credKey = new Map();
        for (const c of inv?.credentials ?? [])
            credKey.set(c.id, `${CREDENTIAL}${c.kind}`);
        for (const p of verdict.paths) {
            const cls = node(`class\0${p.path.class}`, 'class', p.path.class, p.decision);
            const via = [
                ...new Set((p.path.credentials ?? [])
                    .map((id) => credKey.get(id))
                    .filter((k) => k !== undefined)),
            ];
            if (via.length === 0)
                via.push(NO_CREDENTIAL);
            for (const cred of via) {
                node(cred, 'credential', cred === NO_CREDENTIAL ? 'no credential' : cred.slice(CREDENTIAL.length), p.decision);
                for (const h of holders)
                    edge(h, cred, p.decision);
                edge(cred, cls, p.decision);
            }
            const target = p.path.target;
            if (target !== undefined && target !== null && target !== '') {
                const t = node(`target\0${target}`, 'target', target, p.decision);
                edge(cls, t, p.decision);
            }
        }
        // A credential no path uses is still held: drawn, allowed.
        for (const key of new Set(credKey.values())) {
            node(key, 'credential', key.slice(CREDENTIAL.length), 'allow');
            for (const h of holders)
                edge(h, key, 'allow');
        }
        for (const [key, n] of nodes)
            this.bumpNode(key, n.column, n.label, 1, n.d);
        for (const e of edges.values())
            this.bumpEdge(e.from, e.to, 1, e.d);
    }
    /** Adds another graph's counts to this one (a repository's into the report's). */
    merge(other) {
        for (const [key, n] of other.nodes)
            this.bumpNode(key, n.column, n.label, n.jobs, n.decision);
        for (const e of other.edges.values())
            this.bumpEdge(e.from, e.to, e.jobs, e.decision);
    }
    get empty() {
        return this.nodes.size === 0;
    }
    /**
     * The graph to draw: at most `maxTargets` targets (the most used, then by name); the rest
     * become one node whose edges carry their summed counts.
     */
    folded(maxTargets = MAX_TARGETS) {
        const targets = [...this.nodes.values()]
            .filter((n) => n.column === 'target')
            .sort((a, b) => b.jobs - a.jobs || a.key.localeCompare(b.key));
        if (targets.length <= maxTargets)
            return this;
        const keep = new Set(targets.slice(0, maxTargets).map((n) => n.key));
        const rest = targets.length - keep.size;
        const other = `target\0(other)`;
        const out = new ControlGraph();
        for (const [key, n] of this.nodes) {
            if (n.column !== 'target' || keep.has(key))
                out.bumpNode(key, n.column, n.label, n.jobs, n.decision);
        }
        const folded = targets.slice(maxTargets);
        out.bumpNode(other, 'target', `${rest} other targets`, folded.reduce((sum, n) => sum + n.jobs, 0), folded.reduce((w, n) => (types/* SEVERITY */.C[n.decision] > types/* SEVERITY */.C[w] ? n.decision : w), 'allow'));
        for (const e of this.edges.values()) {
            const to = this.nodes.get(e.to)?.column === 'target' && !keep.has(e.to) ? other : e.to;
            out.bumpEdge(e.from, to, e.jobs, e.decision);
        }
        return out;
    }
    bumpNode(key, column, label, jobs, d) {
        const had = this.nodes.get(key);
        if (had === undefined) {
            this.nodes.set(key, { key, column, label, jobs, decision: d });
            return;
        }
        had.jobs += jobs;
        if (types/* SEVERITY */.C[d] > types/* SEVERITY */.C[had.decision])
            had.decision = d;
    }
    bumpEdge(from, to, jobs, d) {
        const key = `${from}\n${to}`;
        const had = this.edges.get(key);
        if (had === undefined) {
            this.edges.set(key, { from, to, jobs, decision: d });
            return;
        }
        had.jobs += jobs;
        if (types/* SEVERITY */.C[d] > types/* SEVERITY */.C[had.decision])
            had.decision = d;
    }
}

// EXTERNAL MODULE: ./src/engine/escape.ts
var engine_escape = __webpack_require__(5775);
// EXTERNAL MODULE: ./node_modules/@dagrejs/dagre/dist/dagre.esm.js
var dagre_esm = __webpack_require__(2440);
;// CONCATENATED MODULE: ./src/engine/report/graph-svg.ts
/**
 * Draws an aggregated action-control graph (control-graph.ts) as inline SVG, laid out by
 * dagre (@dagrejs/dagre, bundled): left to right, agents → credentials → classes → targets,
 * a column heading over each rank, nodes and edges coloured by decision, the job count on
 * every edge. Every label is escaped (escapeHtml); ids are generated, never taken from text.
 */


const COLUMN_TITLE = {
    agent: 'Agents',
    credential: 'Credentials',
    class: 'Action classes',
    target: 'Targets',
};
const COLUMN_ORDER = {
    agent: 0,
    credential: 1,
    class: 2,
    target: 3,
};
const DECISION_CLASS = {
    allow: 'd-allow',
    'approval-required': 'd-approval',
    blocked: 'd-blocked',
};
/** Characters of a node label before it is cut (the full text is in the node's tooltip). */
const MAX_LABEL = 34;
const CHAR_WIDTH = 7.2;
const NODE_HEIGHT = 38;
const HEADER = 26;
const dagre = dagre_esm;
function cut(text) {
    const chars = [...text.replace(/\s+/g, ' ')];
    return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : chars.join('');
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/**
 * The SVG of `graph`; `id` prefixes the element ids (unique in the page, e.g. `g3`), `title`
 * is its accessible name. Undefined when the graph has no node.
 */
function renderGraphSvg(graph, id, title) {
    if (graph.empty)
        return undefined;
    const g = new dagre.graphlib.Graph();
    // Wider gaps between the columns as edges multiply, so fans of edges stay apart.
    const ranksep = 80 + Math.min(140, graph.edges.size * 2);
    g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep, edgesep: 10, marginx: 12, marginy: 12 });
    g.setDefaultEdgeLabel(() => ({}));
    // Insertion order steers dagre's ordering within a rank: sort for a stable picture.
    const nodes = [...graph.nodes.values()].sort((a, b) => COLUMN_ORDER[a.column] - COLUMN_ORDER[b.column] ||
        b.jobs - a.jobs ||
        a.key.localeCompare(b.key));
    const index = new Map();
    for (const n of nodes) {
        const nid = `n${index.size}`;
        index.set(n.key, nid);
        const width = Math.max(cut(n.label).length, 10) * CHAR_WIDTH + 22;
        g.setNode(nid, { width, height: NODE_HEIGHT });
    }
    const edges = [...graph.edges.values()];
    for (const e of edges) {
        const from = index.get(e.from);
        const to = index.get(e.to);
        if (from === undefined || to === undefined)
            continue;
        // No label box for dagre to make room for: each one becomes a dummy node and a big
        // graph grows tall. The count is drawn half-way along the edge instead.
        g.setEdge(from, to, { weight: e.jobs });
    }
    dagre.layout(g);
    const size = g.graph();
    const width = Math.ceil(size.width ?? 0);
    const height = Math.ceil((size.height ?? 0) + HEADER);
    const max = Math.max(1, ...edges.map((e) => e.jobs));
    const out = [
        `<svg xmlns="http://www.w3.org/2000/svg" class="graph" role="img" aria-labelledby="${id}-t" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
        `<title id="${id}-t">${(0,engine_escape/* escapeHtml */.ZD)(title)}</title>`,
        '<defs>',
        ...['allow', 'approval-required', 'blocked'].map((d) => `<marker id="${id}-${DECISION_CLASS[d]}" class="${DECISION_CLASS[d]}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker>`),
        '</defs>',
        `<g transform="translate(0,${HEADER})">`,
    ];
    // Column headings over the ranks that have nodes.
    const columns = new Map();
    for (const n of nodes) {
        const laid = g.node(index.get(n.key) ?? '');
        const span = columns.get(n.column);
        const left = laid.x - laid.width / 2;
        const right = laid.x + laid.width / 2;
        columns.set(n.column, {
            left: Math.min(span?.left ?? left, left),
            right: Math.max(span?.right ?? right, right),
        });
    }
    for (const [column, span] of columns)
        out.push(`<text class="col" x="${fmt((span.left + span.right) / 2)}" y="${-HEADER / 2 + 4}" text-anchor="middle">${COLUMN_TITLE[column]}</text>`);
    const counts = [];
    for (const e of edges) {
        const from = index.get(e.from);
        const to = index.get(e.to);
        if (from === undefined || to === undefined)
            continue;
        const laid = g.edge(from, to);
        const d = laid.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(p.x)},${fmt(p.y)}`).join('');
        const stroke = 1.2 + (3 * Math.log(1 + e.jobs)) / Math.log(1 + max);
        const a = graph.nodes.get(e.from)?.label ?? '';
        const b = graph.nodes.get(e.to)?.label ?? '';
        const what = b.endsWith('other targets') ? plural(e.jobs, 'job-link') : plural(e.jobs, 'job');
        out.push(`<g class="edge ${DECISION_CLASS[e.decision]}"><title>${(0,engine_escape/* escapeHtml */.ZD)(`${what}: ${a} → ${b} (${e.decision})`)}</title>`, `<path d="${d}" stroke-width="${fmt(stroke)}" marker-end="url(#${id}-${DECISION_CLASS[e.decision]})"/>`);
        out.push('</g>');
        const mid = halfway(laid.points);
        const w = String(e.jobs).length * CHAR_WIDTH + 8;
        counts.push(`<rect class="count" x="${fmt(mid.x - w / 2)}" y="${fmt(mid.y - 8)}" width="${fmt(w)}" height="16" rx="3"/>`, `<text class="count" x="${fmt(mid.x)}" y="${fmt(mid.y + 4)}" text-anchor="middle">${e.jobs}</text>`);
    }
    // Counts over every edge, nodes over everything.
    out.push('<g class="counts">', ...counts, '</g>');
    for (const n of nodes) {
        const laid = g.node(index.get(n.key) ?? '');
        const x = laid.x - laid.width / 2;
        const y = laid.y - laid.height / 2;
        const round = n.column === 'agent' || n.column === 'target' ? laid.height / 2 : 4;
        out.push(`<g class="node ${n.column} ${DECISION_CLASS[n.decision]}"><title>${(0,engine_escape/* escapeHtml */.ZD)(`${COLUMN_TITLE[n.column].replace(/s$/, '').toLowerCase()} ${n.label}: ${plural(n.jobs, 'job')}, worst ${n.decision}`)}</title>`, `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(laid.width)}" height="${fmt(laid.height)}" rx="${fmt(round)}"/>`, `<text x="${fmt(laid.x)}" y="${fmt(laid.y - 3)}" text-anchor="middle">${(0,engine_escape/* escapeHtml */.ZD)(cut(n.label))}</text>`, `<text class="sub" x="${fmt(laid.x)}" y="${fmt(laid.y + 12)}" text-anchor="middle">${plural(n.jobs, 'job')}</text>`, '</g>');
    }
    out.push('</g>', '</svg>');
    return out.join('');
}
/** The point half-way along a polyline (by length). */
function halfway(points) {
    const lengths = points.slice(1).map((p, i) => {
        const q = points[i] ?? p;
        return Math.hypot(p.x - q.x, p.y - q.y);
    });
    let left = lengths.reduce((sum, len) => sum + len, 0) / 2;
    for (let i = 0; i < lengths.length; i++) {
        const len = lengths[i] ?? 0;
        const a = points[i];
        const b = points[i + 1];
        if (a === undefined || b === undefined)
            break;
        if (left <= len && len > 0)
            return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
        left -= len;
    }
    return points[0] ?? { x: 0, y: 0 };
}
function fmt(n) {
    return Number.isFinite(n) ? String(Math.round(n * 10) / 10) : '0';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/engine/report/html-assets.ts
/**
 * The HTML report's inline style and script, and the Content-Security-Policy that admits
 * exactly these two (by SHA-256 hash) and nothing else: no network, no other script, no
 * inline event handler. The script only sorts, filters and pages tables that are complete
 * without it; it reads the page (textContent, data-v), never markup, and embeds no data.
 */

const HTML_STYLE = `
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
const HTML_SCRIPT = `
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
const hash = (text) => `'sha256-${(0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('base64')}'`;
/** Nothing loads from anywhere; only this style and this script run. */
const HTML_CSP = [
    "default-src 'none'",
    `style-src ${hash(HTML_STYLE)}`,
    `script-src ${hash(HTML_SCRIPT)}`,
    "base-uri 'none'",
    "form-action 'none'",
].join('; ');

// EXTERNAL MODULE: ./src/engine/evidence/bom.ts
var bom = __webpack_require__(9908);
;// CONCATENATED MODULE: ./src/engine/report/html-sections.ts
/**
 * Pieces of the HTML report drawn from one repository's evaluations: the Agent Action BOM
 * table (one row per decided job, in the shape DESIGN.md §4 gives a reviewer), a gated job's
 * reasons, and the evidence digests. Every untrusted string goes through `h` (escapeHtml).
 */




const BADGE_CLASS = {
    allow: 'allow',
    'approval-required': 'approval',
    blocked: 'blocked',
};
/** A decision badge; `data-v` sorts by severity. */
function badge(d) {
    return `<span class="badge ${BADGE_CLASS[d]}">${d}</span>`;
}
function decisionCell(d, extra = '') {
    return `<td data-v="${types/* SEVERITY */.C[d]}">${badge(d)}${extra}</td>`;
}
const code = (text) => `<code>${(0,engine_escape/* escapeHtml */.ZD)(text)}</code>`;
const list = (items, empty = '—') => items.length === 0
    ? `<span class="muted">${empty}</span>`
    : items.length === 1
        ? (items[0] ?? '')
        : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
/** Reasons shown per job; the rest are counted (every one is in `--format json`). */
const MAX_JOB_REASONS = 8;
/** A location: `line:column` inside the job's own workflow, else with the file's path. */
function at(loc, workflow, names) {
    return loc.path === workflow
        ? `${loc.line}:${loc.column}`
        : `${names(loc.path)}:${loc.line}:${loc.column}`;
}
/** Why a job is gated, one line per path or check that is not allowed (already escaped). */
function gatedReasons(v, names) {
    const out = [];
    for (const p of v.paths) {
        if (p.decision === 'allow')
            continue;
        out.push(`${badge(p.decision)} <b>${(0,engine_escape/* escapeHtml */.ZD)(p.path.class)}</b>${p.rule ? ` <span class="muted">[${(0,engine_escape/* escapeHtml */.ZD)(p.rule)}]</span>` : ''}: ${(0,engine_escape/* escapeHtml */.ZD)(p.path.reason)} <span class="muted">(${(0,engine_escape/* escapeHtml */.ZD)(at(p.path.at, v.workflow, names))})</span>`);
    }
    for (const f of v.checks) {
        if (f.decision === 'allow')
            continue;
        out.push(`${badge(f.decision)} <b>${(0,engine_escape/* escapeHtml */.ZD)(f.ruleId)}</b>: ${(0,engine_escape/* escapeHtml */.ZD)(f.message)} <span class="muted">(${(0,engine_escape/* escapeHtml */.ZD)(at(f.location, v.workflow, names))})</span>`);
    }
    if (out.length <= MAX_JOB_REASONS)
        return out;
    return [
        ...out.slice(0, MAX_JOB_REASONS),
        `<span class="muted">${out.length - MAX_JOB_REASONS} more (every reason is in <code>--format json</code>)</span>`,
    ];
}
/** The gated job's reasons in one short line: each class or check that gates it, once. */
function reasonKeys(v) {
    const keys = new Map();
    for (const p of v.paths)
        if (p.decision !== 'allow') {
            const key = `${p.path.class}${p.rule ? ` [${p.rule}]` : ''}`;
            if (types/* SEVERITY */.C[p.decision] > types/* SEVERITY */.C[keys.get(key) ?? 'allow'])
                keys.set(key, p.decision);
        }
    for (const f of v.checks)
        if (f.decision !== 'allow' && types/* SEVERITY */.C[f.decision] > types/* SEVERITY */.C[keys.get(f.ruleId) ?? 'allow'])
            keys.set(f.ruleId, f.decision);
    return [...keys]
        .sort(([a, x], [b, y]) => types/* SEVERITY */.C[y] - types/* SEVERITY */.C[x] || a.localeCompare(b))
        .map(([key, d]) => `<span class="${d === 'blocked' ? 'error' : ''}">${(0,engine_escape/* escapeHtml */.ZD)(key)}</span>`)
        .join(', ');
}
/** The job's inventory record next to its verdict (the same lookup every renderer does). */
function jobsOf(evaluations) {
    return evaluations.flatMap((e) => e.decision.jobs.map((v) => ({ e, v, inv: e.inventory.find((i) => i.job === v.job) })));
}
/** The Agent Action BOM of one repository: one row per decided job. */
function bomTable(evaluations, names) {
    const rows = jobsOf(evaluations).map(({ e, v, inv }) => bomRow(e, v, inv, names));
    return [
        '<div class="scroll"><table class="sortable bom">',
        '<thead><tr><th>Workflow · job</th><th>Owner</th><th>Trigger &amp; actor</th><th>Agents</th><th>Credentials</th><th>Permissions</th><th>Classes</th><th>Tools · targets</th><th>Decision · reasons</th></tr></thead>',
        `<tbody>${rows.join('')}</tbody></table></div>`,
    ].join('');
}
function bomRow(e, v, inv, names) {
    const name = inv?.name !== undefined && inv.name !== v.job
        ? ` <span class="muted">· ${(0,engine_escape/* escapeHtml */.ZD)(inv.name)}</span>`
        : '';
    const where = inv ? ` <span class="muted small">line ${inv.at.line}</span>` : '';
    const trigger = e.trigger ? (e.trigger.jobs[v.job] ?? e.trigger.event) : undefined;
    const triggers = [
        ...(trigger !== undefined
            ? [`on ${code(trigger)}`]
            : (inv?.triggers ?? []).map((t) => code(t))),
        ...(inv?.actor !== undefined ? [`actor ${code(inv.actor)}`] : []),
        ...(inv?.unattended ? [`<b>unattended</b>: ${(0,engine_escape/* escapeHtml */.ZD)(inv.unattendedReasons.join('; '))}`] : []),
    ];
    const agents = (inv?.agents ?? []).map((a) => {
        const knobs = [
            a.mode !== undefined ? `mode ${(0,engine_escape/* escapeHtml */.ZD)(a.mode)}` : undefined,
            a.unrestrictedShell ? '<b>unrestricted shell</b>' : undefined,
            a.permissionsBypassed ? '<b>permissions bypassed</b>' : undefined,
            ...a.settings.filter((s) => s.risky).map((s) => `${(0,engine_escape/* escapeHtml */.ZD)(s.name)}: ${(0,engine_escape/* escapeHtml */.ZD)(s.reason)}`),
        ].filter((k) => k !== undefined);
        return `${code(`${a.id}${a.ref ? `@${a.ref.slice(0, 12)}` : ''}`)}${knobs.length > 0 ? ` <span class="small">(${knobs.join('; ')})</span>` : ''}`;
    });
    const credentials = credentialGroups(inv);
    const perms = inv?.permissions;
    const scopes = Object.entries(perms?.scopes ?? {})
        .filter(([, lvl]) => lvl !== 'none')
        .map(([k, lvl]) => `${(0,engine_escape/* escapeHtml */.ZD)(k)}: ${(0,engine_escape/* escapeHtml */.ZD)(String(lvl))}`);
    const permissions = perms
        ? `<span class="small">${(0,engine_escape/* escapeHtml */.ZD)(perms.source)}${perms.assumed ? ' <b>(default assumed write)</b>' : ''}${perms.downgrade ? ` — ${(0,engine_escape/* escapeHtml */.ZD)(perms.downgrade)}` : ''}</span><br><span class="mono">${scopes.join(', ') || 'none'}</span>`
        : '—';
    const reach = [
        ...(inv?.tools ?? []).map((t) => `tool ${code(t.name)}${t.remote ? ' <span class="small">remote</span>' : ''}`),
        ...(inv?.targets ?? []).map((t) => code(t)),
    ];
    const reasons = gatedReasons(v, names);
    const owner = inv?.owner
        ? inv.owner.owners.map((o) => code(o)).join(' ') || '—'
        : '<span class="muted">none</span>';
    return [
        `<tr data-decision="${v.decision}">`,
        `<td>${code(names(v.workflow))}<br>job ${code(v.job)}${name}${where}</td>`,
        `<td>${owner}</td>`,
        `<td class="small">${list(triggers)}</td>`,
        `<td>${list(agents, 'none')}</td>`,
        `<td>${list(credentials, 'none')}</td>`,
        `<td>${permissions}</td>`,
        `<td class="small">${(inv?.classes ?? []).map((c) => (0,engine_escape/* escapeHtml */.ZD)(c)).join(', ') || '—'}</td>`,
        `<td class="small">${list(reach)}</td>`,
        decisionCell(v.decision, reasons.length > 0 ? `<div class="small">${list(reasons)}</div>` : ''),
        '</tr>',
    ].join('');
}
/** Credentials grouped by kind and reach: `static-secret (long-lived, broad, write): A, B`. */
function credentialGroups(inv) {
    const groups = new Map();
    for (const c of inv?.credentials ?? []) {
        const key = `<b>${(0,engine_escape/* escapeHtml */.ZD)(c.kind)}</b> <span class="muted small">(${(0,engine_escape/* escapeHtml */.ZD)(c.lifetime)}, ${(0,engine_escape/* escapeHtml */.ZD)(c.scope)}${c.write ? ', write' : ''})</span>`;
        groups.set(key, [...(groups.get(key) ?? []), code(c.name)]);
    }
    return [...groups].map(([key, names]) => `${key}: ${names.join(' ')}`);
}
const sha256 = (text) => (0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex');
/**
 * The evidence digests of one repository: its policy's digest and, per decided workflow
 * (named by its path in the repository), the SHA-256 of its BOM record as the evidence pack's
 * bom.json writes it — a fingerprint of the authority found there (locations as scanned
 * included: a re-scan from the same place with the same digest found the same authority) —
 * plus one digest over them all (`<path>\0<hex>\n` lines, sorted).
 */
function digestsOf(scope, evaluations, names) {
    const docs = (0,bom/* bomWorkflows */.VS)(evaluations);
    const workflows = evaluations.map((e, i) => ({
        path: names(e.workflow.path),
        event: e.trigger?.event,
        sha256: sha256(`${JSON.stringify(docs[i], null, 2)}\n`),
    }));
    const lines = workflows
        .map((w) => `${w.path}${w.event ? ` (${w.event})` : ''}\0${w.sha256}\n`)
        .sort();
    return { policy: scope.policy.digest, bom: `sha256:${sha256(lines.join(''))}`, workflows };
}
function digestTable(digests, sources) {
    return [
        '<table class="digests">',
        '<thead><tr><th>What</th><th>SHA-256</th></tr></thead><tbody>',
        `<tr><td>policy ${sources.map((s) => code(s)).join(' + ')}</td><td class="mono">${(0,engine_escape/* escapeHtml */.ZD)(digests.policy)}</td></tr>`,
        `<tr><td><b>BOM of the repository</b> (over the workflows below)</td><td class="mono">${(0,engine_escape/* escapeHtml */.ZD)(digests.bom)}</td></tr>`,
        ...digests.workflows.map((w) => `<tr><td>BOM record ${code(w.path)}${w.event ? ` <span class="muted">on ${(0,engine_escape/* escapeHtml */.ZD)(w.event)}</span>` : ''}</td><td class="mono">${w.sha256}</td></tr>`),
        '</tbody></table>',
    ].join('');
}

// EXTERNAL MODULE: ./src/engine/report/reason-groups.ts
var reason_groups = __webpack_require__(6254);
// EXTERNAL MODULE: ./src/engine/report/report.ts
var report_report = __webpack_require__(9863);
;// CONCATENATED MODULE: ./src/engine/report/report-tally.ts

class ReportTally {
    repositories = 0;
    jobs = 0;
    allowed = 0;
    approvalRequired = 0;
    blocked = 0;
    assumedDefaultPermissions = 0;
    gatedOnAssumption = 0;
    errors = 0;
    reasons = new Map();
    agents = new Map();
    credentials = new Map();
    graph = new ControlGraph();
    /** Adds one repository: its reason summary, evaluations, file errors and graph. */
    add(summary, evaluations, errors, graph) {
        this.repositories++;
        this.jobs += summary.jobs;
        this.allowed += summary.allowed;
        this.approvalRequired += summary.approvalRequired;
        this.blocked += summary.blocked;
        this.assumedDefaultPermissions += summary.assumedDefaultPermissions;
        this.gatedOnAssumption += summary.gatedOnAssumption;
        this.errors += errors;
        for (const r of summary.reasons) {
            const had = this.reasons.get(r.key);
            if (had)
                had.jobs += r.jobs;
            else
                this.reasons.set(r.key, { text: r.text, jobs: r.jobs });
        }
        const agentsHere = new Set();
        for (const e of evaluations) {
            for (const v of e.decision.jobs) {
                const inv = e.inventory.find((i) => i.job === v.job);
                for (const id of new Set((inv?.agents ?? []).map((a) => a.id))) {
                    const product = inv?.agents.find((a) => a.id === id)?.product ?? id;
                    const t = this.agents.get(id) ?? { id, product, jobs: 0, gated: 0, repositories: 0 };
                    t.jobs++;
                    if (v.decision !== 'allow')
                        t.gated++;
                    if (!agentsHere.has(id))
                        t.repositories++;
                    agentsHere.add(id);
                    this.agents.set(id, t);
                }
                for (const c of inv?.credentials ?? []) {
                    const t = this.credentials.get(c.kind) ?? {
                        kind: c.kind,
                        jobs: 0,
                        write: 0,
                        longLived: 0,
                    };
                    t.jobs++;
                    if (c.write)
                        t.write++;
                    if (c.lifetime === 'long-lived')
                        t.longLived++;
                    this.credentials.set(c.kind, t);
                }
            }
        }
        this.graph.merge(graph);
    }
    /** Reason groups, most jobs first (as summariseReport sorts them). */
    sortedReasons() {
        return [...this.reasons]
            .map(([key, r]) => ({ key, ...r }))
            .sort((a, b) => b.jobs - a.jobs || a.key.localeCompare(b.key));
    }
}

;// CONCATENATED MODULE: ./src/engine/report/render-html.ts









/** Rows per page of the attention table (with script; without it every row shows). */
const ATTENTION_PAGE = 50;
/** Repositories whose section starts open (a single-repository report opens it). */
const OPEN_REPOSITORIES = 1;
class HtmlReportWriter {
    tally = new ReportTally();
    attention = [];
    sections = 0;
    /** The document up to the first repository section. */
    begin() {
        return [
            '<!DOCTYPE html>',
            '<html lang="en"><head><meta charset="utf-8">',
            `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`,
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer">',
            `<title>${version/* TOOL_NAME */.lH} assessment</title>`,
            `<style>${HTML_STYLE}</style>`,
            '</head><body><main>',
            '<div id="repositories-head"><h2>Repositories</h2>',
            '<div class="controls" id="repo-controls" hidden><input data-role="text" type="search" placeholder="Filter repositories" aria-label="Filter repositories"><button type="button" data-role="open">Open all</button><button type="button" data-role="close">Close all</button></div></div>',
        ].join('\n');
    }
    /** One repository's section (its BOM, graph and digests); its counts join the summary. */
    repository(repo) {
        const n = this.sections++;
        // The root as the user named it; `.` alone would be a speck on the page.
        const shown = repo.scope.root === '.' ? '. (working directory)' : repo.scope.root;
        const report = (0,report_report/* buildReport */.FK)(repo.scope.policy, repo.evaluations, repo.errors, [repo.scope]);
        // The file errors and the rules that failed on a job: each one blocks.
        const errors = report.errors;
        const summary = (0,reason_groups/* summariseReport */.D)(report);
        const inRepo = new Map(repo.scope.workflows.map((w) => [w.path, w.repoPath]));
        const names = (path) => inRepo.get(path) ?? path;
        const graph = new ControlGraph();
        const jobs = jobsOf(repo.evaluations);
        for (const { v, inv } of jobs)
            graph.addJob(v, inv);
        this.tally.add(summary, repo.evaluations, errors.length, graph);
        for (const { v, inv, e } of jobs) {
            if (v.decision === 'allow')
                continue;
            const classes = [
                ...new Set(v.paths.filter((p) => p.decision !== 'allow').map((p) => p.path.class)),
            ];
            const trigger = e.trigger ? (e.trigger.jobs[v.job] ?? e.trigger.event) : undefined;
            this.attention.push([
                `<tr data-decision="${v.decision}">`,
                decisionCell(v.decision),
                `<td><a href="#repo-${n}">${(0,engine_escape/* escapeHtml */.ZD)(shown)}</a></td>`,
                `<td>${code(names(v.workflow))}${inv ? `<span class="muted small">:${inv.at.line}</span>` : ''}</td>`,
                `<td>${code(v.job)}</td>`,
                `<td>${trigger !== undefined ? code(trigger) : '—'}</td>`,
                `<td>${(inv?.agents ?? []).map((a) => code(a.id)).join(' ') || '—'}</td>`,
                `<td data-v="${inv?.unattended ? 1 : 0}">${inv?.unattended ? 'yes' : 'no'}</td>`,
                `<td>${classes.map((c) => (0,engine_escape/* escapeHtml */.ZD)(c)).join(', ') || '—'}</td>`,
                `<td class="small">${reasonKeys(v)}</td>`,
                '</tr>',
            ].join(''));
        }
        const svg = graph.empty
            ? undefined
            : renderGraphSvg(graph.folded(), `g${n}`, `Action control of ${repo.scope.root}`);
        const counts = `${summary.jobs} jobs: ${summary.blocked} blocked, ${summary.approvalRequired} approval-required, ${summary.allowed} allowed${errors.length > 0 ? `, ${errors.length} errors (files not evaluated, rules that failed)` : ''}`;
        return [
            `<details class="repo" id="repo-${n}" data-name="${(0,engine_escape/* escapeHtml */.ZD)(repo.scope.root.toLowerCase())}"${n < OPEN_REPOSITORIES ? ' open' : ''}>`,
            `<summary><h2>${(0,engine_escape/* escapeHtml */.ZD)(shown)}</h2> ${badge(report.decision)} <span class="muted">${counts}</span></summary>`,
            `<p class="small">Policy ${repo.scope.policy.sources.map((s) => code(s)).join(' + ')} · ${repo.scope.workflows.length} workflow files</p>`,
            ...errors.map((e) => `<p class="error">⛔ ${(0,engine_escape/* escapeHtml */.ZD)(e.message)}</p>`),
            '<h3>Action control</h3>',
            svg !== undefined
                ? `<div class="graph-wrap">${svg}</div>${LEGEND}`
                : '<p class="muted">No decided job: nothing to draw.</p>',
            '<h3>Agent Action BOM</h3>',
            jobs.length > 0 ? bomTable(repo.evaluations, names) : '<p class="muted">No decided job.</p>',
            '<h3>Evidence digests</h3>',
            digestTable(digestsOf(repo.scope, repo.evaluations, names), repo.scope.policy.sources),
            '</details>',
        ].join('\n');
    }
    /** The summary, the attention table, errors outside any repository, and the end. */
    finish(errors = []) {
        const t = this.tally;
        const decision = t.blocked > 0 || t.errors + errors.length > 0
            ? 'blocked'
            : t.approvalRequired > 0
                ? 'approval-required'
                : 'allow';
        const card = (cls, value, label) => `<div class="card ${cls}"><b>${value}</b>${label}</div>`;
        const reasons = t.sortedReasons();
        const maxReason = Math.max(1, ...reasons.map((r) => r.jobs));
        const agents = [...t.agents.values()].sort((a, b) => b.jobs - a.jobs || a.id.localeCompare(b.id));
        const credentials = [...t.credentials.values()].sort((a, b) => b.jobs - a.jobs || a.kind.localeCompare(b.kind));
        // One repository: its own section has the same graph.
        const graph = t.graph.empty || t.repositories <= 1
            ? undefined
            : renderGraphSvg(t.graph.folded(), 'g-all', 'Action control of every repository');
        return [
            '<section id="summary">',
            `<h1>${version/* TOOL_NAME */.lH} assessment ${badge(decision)}</h1>`,
            `<p class="muted">${t.repositories} repositor${t.repositories === 1 ? 'y' : 'ies'} · ${t.jobs} jobs · ${version/* TOOL_NAME */.lH} ${version/* TOOL_VERSION */.wr}</p>`,
            '<div class="cards">',
            card('blocked', t.blocked, 'blocked'),
            card('approval', t.approvalRequired, 'approval-required'),
            card('allow', t.allowed, 'allowed'),
            card('', t.errors + errors.length, 'errors (files not evaluated, rules that failed)'),
            card('', t.gatedOnAssumption, 'gated on the assumed default token'),
            '</div>',
            ...[...errors].map((e) => `<p class="error">⛔ ${(0,engine_escape/* escapeHtml */.ZD)(e.message)}</p>`),
            '<div class="grid"><div><h3>Top reasons (jobs gated)</h3>',
            reasons.length === 0
                ? '<p class="muted">No job is gated.</p>'
                : `<table class="sortable"><thead><tr><th>Jobs</th><th>Reason</th></tr></thead><tbody>${reasons
                    .slice(0, 15)
                    .map((r) => `<tr><td class="num" data-v="${r.jobs}"><meter min="0" max="${maxReason}" value="${r.jobs}" aria-hidden="true"></meter> ${r.jobs}</td><td>${(0,engine_escape/* escapeHtml */.ZD)(r.text)}</td></tr>`)
                    .join('')}</tbody></table>${reasons.length > 15 ? `<p class="muted small">${reasons.length - 15} more reason groups.</p>` : ''}`,
            '</div><div><h3>Agents by kind</h3>',
            agents.length === 0
                ? '<p class="muted">No AI agent found.</p>'
                : `<table class="sortable"><thead><tr><th>Agent</th><th>Jobs</th><th>Gated</th><th>Repositories</th></tr></thead><tbody>${agents
                    .map((a) => `<tr><td>${code(a.id)} <span class="muted small">${(0,engine_escape/* escapeHtml */.ZD)(a.product)}</span></td><td class="num">${a.jobs}</td><td class="num">${a.gated}</td><td class="num">${a.repositories}</td></tr>`)
                    .join('')}</tbody></table>`,
            '<h3>Credentials by kind</h3>',
            credentials.length === 0
                ? '<p class="muted">No credential found.</p>'
                : `<table class="sortable"><thead><tr><th>Kind</th><th>Jobs</th><th>Write</th><th>Long-lived</th></tr></thead><tbody>${credentials
                    .map((c) => `<tr><td>${code(c.kind)}</td><td class="num">${c.jobs}</td><td class="num">${c.write}</td><td class="num">${c.longLived}</td></tr>`)
                    .join('')}</tbody></table>`,
            '</div></div>',
            ...(graph !== undefined
                ? [
                    '<h3>Action control, all repositories</h3>',
                    `<div class="graph-wrap">${graph}</div>${LEGEND}`,
                ]
                : []),
            '</section>',
            '<section id="attention">',
            `<h2>Jobs that need attention (${this.attention.length})</h2>`,
            this.attention.length === 0
                ? '<p class="muted">None: every decided job is allowed.</p>'
                : [
                    `<div class="controls" id="attention-table-controls" hidden><input data-role="text" type="search" placeholder="Filter rows" aria-label="Filter rows"><select data-role="decision" aria-label="Decision"><option value="">any decision</option><option value="blocked">blocked</option><option value="approval-required">approval-required</option></select><button type="button" data-role="prev">Previous</button><button type="button" data-role="next">Next</button><span data-role="info" class="muted"></span></div>`,
                    `<div class="scroll"><table class="sortable" id="attention-table" data-page="${ATTENTION_PAGE}"><thead><tr><th>Decision</th><th>Repository</th><th>Workflow</th><th>Job</th><th>Trigger</th><th>Agents</th><th>Unattended</th><th>Classes</th><th>Reasons</th></tr></thead>`,
                    `<tbody>${this.sortedAttention().join('\n')}</tbody></table></div>`,
                ].join('\n'),
            '</section>',
            `<footer>Generated by ${version/* TOOL_NAME */.lH} ${version/* TOOL_VERSION */.wr}. Self-contained: nothing on this page loads from the network. Decisions: blocked &gt; approval-required &gt; allow; files that could not be evaluated count as blocked.</footer>`,
            '</main>',
            `<script>${HTML_SCRIPT}</script>`,
            '</body></html>',
            '',
        ].join('\n');
    }
    /** Blocked rows first, then approval-required, each in the order the repositories came. */
    sortedAttention() {
        const blocked = 'data-decision="blocked"';
        return [
            ...this.attention.filter((r) => r.startsWith(`<tr ${blocked}`)),
            ...this.attention.filter((r) => !r.startsWith(`<tr ${blocked}`)),
        ];
    }
}
const LEGEND = `<div class="legend"><span>${badge('blocked')} ${badge('approval-required')} ${badge('allow')}: the most severe decision through a node or edge</span><span>numbers on edges: jobs with that link</span><span>dashed: credentials</span></div>`;
/** The whole report at once: repositories in order, each with its own evaluations. */
function renderHtml(report) {
    const writer = new HtmlReportWriter();
    const scopes = report.repositories.length > 0
        ? [...report.repositories]
        : [
            {
                root: '.',
                rootUri: '',
                policy: report.policy,
                workflows: report.evaluations.map((e) => ({
                    path: e.workflow.path,
                    repoPath: e.workflow.path,
                })),
                category: '',
            },
        ];
    const owner = new Map();
    scopes.forEach((s, i) => {
        for (const w of s.workflows)
            if (!owner.has(w.path))
                owner.set(w.path, i);
    });
    const byScope = scopes.map(() => ({
        evaluations: [],
        errors: [],
    }));
    const loose = [];
    const unplaced = [];
    for (const e of report.evaluations) {
        const i = owner.get(e.workflow.path);
        if (i === undefined)
            unplaced.push(e);
        else
            byScope[i]?.evaluations.push(e);
    }
    for (const err of report.errors) {
        // A rule that failed on a job is derived again from its evaluation, per repository.
        if (err.ruleId !== undefined)
            continue;
        const i = owner.get(err.path);
        if (i === undefined)
            loose.push(err);
        else
            byScope[i]?.errors.push(err);
    }
    // An evaluation no repository names still counts: it joins the first repository.
    byScope[0]?.evaluations.push(...unplaced);
    const parts = [writer.begin()];
    scopes.forEach((scope, i) => {
        const own = byScope[i] ?? { evaluations: [], errors: [] };
        parts.push(writer.repository({ scope, ...own }));
    });
    parts.push(writer.finish(loose));
    return parts.join('\n');
}


/***/ }),

/***/ 3087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   htmlWriter: () => (/* binding */ htmlWriter)
/* harmony export */ });
/* harmony import */ var _render_html_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1615);
/**
 * `--format html` streamed (loaded only when asked for, like the renderer and its layout
 * library): each repository's section as it is done, the summary at the end — the same bytes
 * as renderHtml over the same scan.
 */

function htmlWriter() {
    const html = new _render_html_js__WEBPACK_IMPORTED_MODULE_0__.HtmlReportWriter();
    const named = new Set();
    let sink = () => undefined;
    // A repository's section needs all its evaluations: held until the repository ends.
    let evaluations = [];
    return {
        start(to) {
            sink = to;
            sink(html.begin());
        },
        add(list) {
            evaluations.push(...list);
        },
        repository({ scope, errors }) {
            const own = new Set(scope.workflows.map((w) => w.path).filter((p) => !named.has(p)));
            for (const p of own)
                named.add(p);
            // A rule that failed on a job is derived again from its evaluation, per repository.
            const mine = errors.filter((e) => e.ruleId === undefined && own.has(e.path));
            sink(`\n${html.repository({ scope, evaluations, errors: mine })}`);
            evaluations = [];
        },
        finish(end) {
            const loose = end.errors.filter((e) => e.ruleId === undefined && !named.has(e.path));
            sink(`\n${html.finish(loose)}`);
        },
    };
}


/***/ })

};
