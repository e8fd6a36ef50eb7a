import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signInAs, signOut } from "./support/auth";
import { listSignedInPages, PUBLIC_PAGES } from "./support/pages";

// Every page, at phone and desktop width, light and dark: a screenshot as a test artifact, a check that the
// document is no wider than the viewport, and axe-core with no serious or critical violation. Tomás is the
// athlete (ux-days.spec.ts synced his data); he also coaches a team he shares with, for the coach's pages.
const TOMAS = "Tomás Ferreira";
const WIDTHS = [390, 1280] as const;
const THEMES = ["light", "dark"] as const;

type Problem = { page: string; width: number; theme: string; what: string };

async function checkPage(page: Page, testInfo: TestInfo, name: string, path: string, problems: Problem[]): Promise<void> {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.addInitScript((value) => window.localStorage.setItem("threshold-theme", value), theme);
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: testInfo.outputPath(`${name}-${width}-${theme}.png`), fullPage: true });
      const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      if (widths.document > widths.viewport) {
        problems.push({ page: name, width, theme, what: `document ${widths.document}px wide in a ${widths.viewport}px viewport` });
      }
      const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const violation of axe.violations) {
        if (violation.impact === "serious" || violation.impact === "critical") {
          problems.push({ page: name, width, theme, what: `axe ${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}` });
        }
      }
    }
  }
}

test("every page fits the viewport and passes axe, at 390 and 1280 px, light and dark", async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  const problems: Problem[] = [];
  for (const { name, path } of PUBLIC_PAGES) await checkPage(page, testInfo, name, path, problems);

  await signInAs(page, TOMAS);
  // A team Tomás coaches and shares with, so the coach's pages have an athlete (support/pages.ts).
  for (const { name, path } of await listSignedInPages(page)) await checkPage(page, testInfo, name, path, problems);
  await signOut(page);
  await testInfo.attach("problems.json", { body: JSON.stringify(problems, null, 2), contentType: "application/json" });
  expect(problems).toEqual([]);
});
