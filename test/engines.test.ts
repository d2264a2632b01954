import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

/*
 * package.json promises a Node version; every installed dependency must run on it. Two
 * declare Node >= 22 only because they are ES modules that their users load with require(),
 * which Node 20 does unflagged from 20.19 (require(esm)): the promise is therefore >= 20.19,
 * and those two are checked to load that way here (docs/decisions.md, issue 14).
 */
const root = join(import.meta.dirname, "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));

/** Dependencies whose declared engines exclude our oldest Node, and why they still run on it. */
const LOADED_THROUGH_REQUIRE_ESM: Record<string, string> = {
  "node_modules/cookie": "ESM only; light-my-request (fastify's inject) require()s it",
  "node_modules/content-disposition": "ESM only; @fastify/static require()s it",
};

describe("Node engine requirements", () => {
  const oldest = semver.minVersion(manifest.engines.node)?.version ?? "";

  it("promises Node 20 (from 20.19, which loads ES modules through require)", () => {
    expect(oldest).toBe("20.19.0");
  });

  it("has every installed dependency agree with package.json, or documented here", () => {
    const disagreeing = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
      .filter(
        ([path, pkg]) => path !== "" && pkg.engines?.node && !semver.satisfies(oldest, pkg.engines.node),
      )
      .map(([path, pkg]) => `${path} (node ${pkg.engines?.node})`);
    const undocumented = disagreeing.filter((entry) => !(entry.split(" ")[0] in LOADED_THROUGH_REQUIRE_ESM));
    expect(undocumented, "a dependency needs a newer Node than package.json promises").toEqual([]);
  });

  it("loads the documented exceptions through require, as their users do", () => {
    const require = createRequire(import.meta.url);
    expect(typeof require("cookie").stringifySetCookie).toBe("function");
    expect(typeof require("content-disposition").create).toBe("function");
  });
});
