package io.mmbot.chaos.report;

/** The inline style sheet and the inline probe script of {@code report.html}. */
final class HtmlStyle {

  private HtmlStyle() {}

  static final String CSS =
      ":root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f4f6f9;--ok:#15803d;"
          + "--warn:#c2410c;--p95:#2563eb;--target:#dc2626;--burst:#f59e0b;--inj:#7c3aed;"
          + "--miss:#ef4444}\n"
          + "*{box-sizing:border-box}\n"
          + "body{margin:0;padding:24px 32px 48px;background:var(--bg);color:var(--ink);"
          + "font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif}\n"
          + "header{border-radius:10px;padding:16px 22px;margin-bottom:18px;color:#fff;"
          + "background:linear-gradient(90deg,#1e3a8a,#2563eb)}\n"
          + "header.warn{background:linear-gradient(90deg,#7c2d12,#c2410c)}\n"
          + "h1{margin:0 0 4px;font-size:24px}\n"
          + ".lede{margin:0;font-size:15px;opacity:.95}\n"
          + "h2{font-size:17px;margin:0 0 6px}\n"
          + "h2.section{margin:26px 0 10px}\n"
          + "h3{font-size:16px;margin:0 0 4px;display:flex;align-items:center;gap:10px}\n"
          + ".card{background:#fff;border:1px solid var(--line);border-radius:10px;"
          + "padding:14px 18px;margin-bottom:16px;box-shadow:0 1px 2px rgba(0,0,0,.04)}\n"
          + ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));"
          + "gap:16px}\n"
          + ".grid .card{margin:0}\n"
          + ".note{color:var(--muted);margin:0 0 8px;font-size:13px}\n"
          + "table + .note{margin-top:10px}\n"
          + "table{border-collapse:collapse;width:100%;font-size:13px}\n"
          + "th,td{text-align:left;padding:5px 10px;border-bottom:1px solid var(--line)}\n"
          + "th{color:var(--muted);font-weight:600;background:#f9fafb}\n"
          + "td.num{font-variant-numeric:tabular-nums}\n"
          + "td.miss,tr.miss td{color:var(--warn);font-weight:600}\n"
          + ".status.ok{color:var(--ok)}.status.warn{color:var(--warn);font-weight:600}\n"
          + ".badge{font-size:12px;font-weight:600;padding:2px 8px;border-radius:999px}\n"
          + ".badge.ok{background:#dcfce7;color:var(--ok)}\n"
          + ".badge.warn{background:#ffedd5;color:var(--warn)}\n"
          + ".failures{margin:8px 0 0;padding-left:18px;color:var(--warn);font-size:13px}\n"
          + ".unreadable li{margin:3px 0}\n"
          + "code{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:12px}\n"
          + "a{color:inherit}\n"
          + ".key{display:inline-block;width:12px;height:10px;border-radius:2px;"
          + "margin:0 3px 0 8px;vertical-align:middle}\n"
          + ".burst-key{background:rgba(245,158,11,.28)}\n"
          + ".inj-key{background:var(--inj)}\n"
          + ".miss-key{background:var(--miss)}\n"
          + "svg.chart{display:block;width:100%;height:auto;font-size:11px}\n"
          + "svg.pass-rate{font-size:13px}\n"
          + "svg .grid{stroke:var(--line);stroke-width:1}\n"
          + "svg .band{fill:#f9fafb}\n"
          + "svg .axis{fill:var(--muted)}\n"
          + "svg .axisline{stroke:#9ca3af}\n"
          + "svg .label{fill:var(--ink);font-weight:600}\n"
          + "svg .muted{fill:#9ca3af}\n"
          + "svg .value{fill:var(--muted)}\n"
          + "svg .target{stroke:var(--target);stroke-width:1.5;stroke-dasharray:5 4}\n"
          + "svg .target-label{fill:var(--target)}\n"
          + "svg .baseline{stroke:#9ca3af;stroke-width:1;stroke-dasharray:2 3}\n"
          + "svg .baseline-label{fill:#9ca3af}\n"
          + "svg .burst{fill:var(--burst);fill-opacity:.22}\n"
          + "svg .p95{fill:none;stroke:var(--p95);stroke-width:2;stroke-linejoin:round}\n"
          + "svg .injection{fill:var(--inj)}\n"
          + "svg .miss{fill:var(--miss)}\n"
          + "svg .rate .interval{stroke-width:4;stroke-linecap:round}\n"
          + "svg .rate .cap{stroke-width:2}\n"
          + "svg .rate.ok .interval,svg .rate.ok .cap{stroke:#86efac}\n"
          + "svg .rate.ok .point{fill:var(--ok)}\n"
          + "svg .rate.warn .interval,svg .rate.warn .cap{stroke:#fdba74}\n"
          + "svg .rate.warn .point{fill:var(--warn)}\n";

  /**
   * Records script errors and failed loads in {@code data-errors}, and after load the number of
   * charts with a non-empty layout box in {@code data-charts-rendered} and the texts of charts that
   * reach beyond their chart's box (and so are cut) in {@code data-clipped-texts}, all on the root
   * element.
   */
  static final String PROBE =
      "(function(){var errors=[];var root=document.documentElement;\n"
          + "function note(m){errors.push(String(m));root.setAttribute('data-errors',"
          + "errors.join(' | '));}\n"
          + "window.addEventListener('error',function(e){note(e.message||('failed to load '+"
          + "((e.target&&(e.target.src||e.target.href))||'a resource')));},true);\n"
          + "document.addEventListener('securitypolicyviolation',function(e){note('blocked '+"
          + "e.blockedURI);});\n"
          + "window.addEventListener('load',function(){var n=0;\n"
          + "document.querySelectorAll('svg.chart').forEach(function(s){var r="
          + "s.getBoundingClientRect();if(r.width>0&&r.height>0){n++;}});\n"
          + "root.setAttribute('data-charts-rendered',String(n));var cut=[];\n"
          + "document.querySelectorAll('svg.chart').forEach(function(s){var r="
          + "s.getBoundingClientRect();s.querySelectorAll('text').forEach(function(t){var q="
          + "t.getBoundingClientRect();if(q.width>0&&(q.left<r.left-0.5||q.right>r.right+0.5||"
          + "q.top<r.top-0.5||q.bottom>r.bottom+0.5)){cut.push(t.textContent);}});});\n"
          + "root.setAttribute('data-clipped-texts',cut.join(' | '));"
          + "root.setAttribute('data-errors',errors.join(' | '));});})();\n";
}
