import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NoCoachedTeam } from "@/components/roster/no-coached-team";

const render = (memberOf: string[]) => renderToStaticMarkup(createElement(NoCoachedTeam, { memberOf })).replace(/<[^>]+>/g, "");

describe("a viewer who coaches no team", () => {
  it("is told only that when they belong to no team either", () => {
    expect(render([])).toBe("You coach no team yet. Create one below.");
  });

  it("hears about the teams they belong to as an athlete in the same sentence", () => {
    expect(render(["Demo squad"])).toBe(
      "You coach no team yet, but you belong to Demo squad as an athlete: its coaches see the data you share. Manage sharing. To coach a team of your own, create one below.",
    );
    expect(render(["A", "B", "C"])).toContain("you belong to A, B and C as an athlete: their coaches see");
  });
});
