/* Inlined into taskpane.html (webpack.config.js) and run before any other script, in whatever
 * browser Office hands the add-in: on older Office for Windows that is Trident (IE 11) or
 * EdgeHTML ("Browsers and webview controls used by Office Add-ins", Microsoft Learn), so this
 * file is plain ES5 and is not bundled. It decides three things without waiting on the network:
 *
 * 1. Is the page inside Office? It reads the host information from the places office.js itself
 *    reads it (`_retrieveHostInfo` in @microsoft/office-js dist/office.debug.js):
 *    window.external.GetHostInfo() (desktop webviews), agaveHost.GetHostInfo(), the `_host_Info`
 *    query parameter (Office on the web and Mac), window.name's JSON `hostInfo`, and
 *    sessionStorage `hostInfoValue` (a reload inside Office).
 * 2. Can this browser run the pane? The bundle is ES2022 (`?.`, `??`, class fields), which Trident
 *    and EdgeHTML cannot parse: say so instead of sitting on "loading".
 * 3. Only inside Office is office.js loaded, parser-blocking as Microsoft documents it, before the
 *    (deferred) bundle. Outside Office nothing is requested from Microsoft's CDN, so the preview
 *    starts at once on a network that blocks or drops it (issue #14). A slow Office.js inside
 *    Office is waited for, and after a while the page says what it is waiting for.
 *
 * Reads LEDGER_OFFICE_JS (the office.js URL, set by the page). Leaves window.ledgerCheckBoot:
 * { hostInfo: string | null, unsupported: boolean, started: boolean }.
 */
(function (win, doc) {
  var boot = { hostInfo: null, unsupported: false, started: false };
  win.ledgerCheckBoot = boot;

  function fromQuery(search) {
    var parts = String(search || "").split("_host_Info=");
    return parts.length > 1 ? parts[1].split(/[&#]/)[0] : null;
  }

  function hostInfo() {
    var value = null;
    try {
      var ext = win.external;
      if (typeof win.agaveHost !== "undefined" && win.agaveHost.GetHostInfo) value = win.agaveHost.GetHostInfo();
      else if (ext && typeof ext.GetHostInfo !== "undefined") value = ext.GetHostInfo();
      if (value) {
        var split = String(value).split("_host_Info=");
        value = split.length > 1 ? split[1] : String(value);
      }
    } catch (_e) {
      value = null;
    }
    if (!value) value = fromQuery(win.location && win.location.search);
    if (!value) {
      try {
        var named = JSON.parse(win.name);
        value = named && named.hostInfo ? named.hostInfo : null;
      } catch (_e2) {
        value = null;
      }
    }
    if (!value) {
      try {
        value = win.sessionStorage ? win.sessionStorage.getItem("hostInfoValue") : null;
      } catch (_e3) {
        value = null;
      }
    }
    if (!value) return null;
    try {
      return decodeURIComponent(value);
    } catch (_e4) {
      return String(value);
    }
  }

  function canRunBundle() {
    try {
      // Syntax the bundle uses and Trident/EdgeHTML lack; compiled, never run.
      new Function("class A { x = 1; static y = this?.z ?? 2; } for (const [k] of new Map()) {}");
      return true;
    } catch (_e) {
      return false;
    }
  }

  function locale(info) {
    var parts = String(info || "").split(/[$|]/);
    var l = parts[3] || (win.navigator && (win.navigator.language || win.navigator.userLanguage)) || "";
    return String(l).toLowerCase();
  }

  function say(zh, en) {
    var box = doc.getElementById("container");
    if (!box) return;
    var p = doc.createElement("p");
    p.setAttribute("role", "alert");
    p.style.padding = "16px";
    p.style.fontFamily = '"Segoe UI", "Microsoft YaHei", sans-serif';
    p.style.lineHeight = "1.6";
    var chinese = locale(boot.hostInfo).indexOf("zh") === 0 || !boot.hostInfo;
    p.appendChild(doc.createTextNode(chinese ? zh + " " + en : en + " " + zh));
    while (box.firstChild) box.removeChild(box.firstChild);
    box.appendChild(p);
  }

  boot.hostInfo = hostInfo();

  if (!canRunBundle()) {
    boot.unsupported = true;
    say(
      "本窗格无法在此版本的 Office 中运行：它用旧的浏览器组件（Internet Explorer 或旧版 Edge）显示加载项。请更新到 Microsoft 365 或 Office 2021 及以上版本，或改用 Excel 网页版。",
      "This pane cannot run in this version of Office: it shows add-ins in an old browser (Internet Explorer or the old Edge). Update to Microsoft 365 or Office 2021 or later, or use Excel on the web."
    );
    return;
  }

  if (boot.hostInfo) {
    var box = doc.getElementById("container");
    if (box) {
      var chinese = locale(boot.hostInfo).indexOf("zh") === 0;
      box.setAttribute("data-state", "connecting");
      if (box.firstChild) box.firstChild.textContent = chinese ? "正在连接 Excel…" : "Connecting to Excel…";
    }
    win.setTimeout(function () {
      if (boot.started) return;
      say(
        "正在等待 Office.js（appsforoffice.microsoft.com）。如果一直停在这里，请检查网络能否访问它，或请管理员部署本地 Office.js 版本（OFFICE_JS=local）。",
        "Waiting for Office.js (appsforoffice.microsoft.com). If this stays, check that the network reaches it, or ask your administrator for the local Office.js build (OFFICE_JS=local)."
      );
    }, 10000);
    // Parser-blocking, as the static tag would be: office.js runs before the deferred bundle.
    // "</" + "script>": the closing tag written whole would end this inline script early.
    doc.write('<script type="text/javascript" src="' + win.LEDGER_OFFICE_JS + '"></' + "script>");
  }
})(window, document);
