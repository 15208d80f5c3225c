"""axe-core on the pages a reporter sees with JavaScript off.

axe is JavaScript, and a context with `java_script_enabled=False` runs none: Playwright can still evaluate an
expression there (CDP Runtime.evaluate), but Blink fires no timer, and axe schedules its checks on
setTimeout, so `axe.run` never settles. Turning script back on through a second CDP session does not work
either: Playwright's own session keeps it off. So each page is audited as a copy: the DOM the JavaScript-off
page rendered (`page.content()`) is served, at the same URL and under the same Content-Security-Policy the
server sent, to a second page whose context runs script, and axe runs there. The copy adds `script-src 'none'`
to that policy, so none of the page's own scripts could run in it (reporter pages carry none anyway); axe
itself comes in as an init script, which DevTools injects past the policy. Stylesheets and images load from
the live server as for the original, and the copy is measured at the phone's and at a desktop's width."""

from dataclasses import dataclass, field

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
NO_SCRIPT = "script-src 'none'"
# Rules whose "needs review" only allows for a script changing the page later: an aria-describedby naming an
# id that is not there yet, say. No script ever runs on these pages, so what axe leaves open is settled: fail.
SETTLED_WITHOUT_SCRIPT = ["aria-valid-attr-value"]

# WCAG 1.4.10 (reflow), which axe leaves to people: nothing but a data table (the criterion's own exception)
# makes the page scroll sideways. Named are the innermost elements past the right edge.
WIDER_THAN_SCREEN = """() => {
  const edge = document.documentElement.clientWidth + 1;
  const past = e => !e.closest("table") && e.getBoundingClientRect().right > edge;
  return [...document.querySelectorAll("body *")].filter(e => past(e) && ![...e.children].some(past))
    .map(e => e.tagName.toLowerCase() + (e.className ? "." + e.className : ""));
}"""

RUN_AXE = """([tags, settled]) => axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations", "incomplete"]
  }).then(results => results.violations
    .concat(results.incomplete.filter(r => settled.includes(r.id)))
    .map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))
    })))"""


@dataclass
class Audit:
    """Collects every violation of a walk through several pages, so one failing run lists them all."""

    copy: object  # the script-running page the copies are audited in
    viewports: list[dict]
    documents: dict = field(default_factory=dict)  # page -> headers of the last document it loaded
    found: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    def watch(self, page):
        """Remember the headers of each document the page loads (call before it navigates)."""

        def remember(response):
            if response.request.is_navigation_request() and response.frame == page.main_frame:
                self.documents[page] = response.headers

        page.on("response", remember)
        return page

    def check(self, page, label: str, waive: tuple[str, ...] = ()) -> None:
        """Audit what the page shows now; `waive` names rules a page being rebuilt elsewhere still breaks."""
        url = page.url.split("#", 1)[0]
        headers = self.documents[page]
        policy = headers.get("content-security-policy")
        served = {
            "content-type": "text/html; charset=utf-8",
            "content-security-policy": f"{policy}, {NO_SCRIPT}" if policy else NO_SCRIPT,
        }
        html = page.content()
        language = page.get_attribute("html", "lang")

        def serve(route):
            route.fulfill(status=200, body=html, headers=served)

        def is_document(address):
            return address == url

        self.copy.route(is_document, serve)
        try:
            self.copy.goto(url)
        finally:
            self.copy.unroute(is_document, serve)
        for viewport in self.viewports:
            self.copy.set_viewport_size(viewport)
            where = f"{label} [{language}, {viewport['width']}px] {url}"
            self.checked.append(where)
            wide = self.copy.evaluate(WIDER_THAN_SCREEN)
            if wide:
                self.found.append(f"{where}\n  reflow: wider than the screen, scrolls sideways: {', '.join(wide)}")
            for violation in self.copy.evaluate(RUN_AXE, [AXE_TAGS, SETTLED_WITHOUT_SCRIPT]):
                if violation["id"] in waive:
                    continue
                nodes = "\n".join(f"      at {n['target']}: {n['summary']}" for n in violation["nodes"])
                self.found.append(f"{where}\n  {violation['id']} ({violation['impact']}): {violation['help']}\n{nodes}")

    def assert_clean(self) -> None:
        assert not self.found, f"axe-core found {len(self.found)} violation(s):\n" + "\n".join(self.found)
