import { describe, expect, it } from "vitest";
import { PERMISSIONS, type Permission, ROLES, type Role } from "../domain/roles.js";
import type { Actor } from "./auth/actor.js";
import { decide, roleWithoutMembership } from "./policy.js";

const user = (isAdmin = false): Actor => ({
  kind: "user",
  user: { id: "u1", email: "u@example.com", name: "U", isAdmin },
  session: { idHash: "h", csrfToken: "c" },
});
const token = (role: Role, workspaceId = "w1"): Actor => ({
  kind: "token",
  token: {
    id: "t1",
    workspaceId,
    name: "ci",
    role,
    createdBy: null,
    createdAt: "",
    lastUsedAt: null,
    revokedAt: null,
  },
});
const outcome = async (permission: Permission, actor: Actor | undefined, role?: Role, owns = false) => {
  const d = await decide({ permission, actor, role, owns: async () => owns });
  return d.allow ? "allow" : d.code;
};

describe("the policy", () => {
  it("asks anonymous callers to sign in for everything but public routes", async () => {
    for (const p of PERMISSIONS)
      expect(await outcome(p, undefined)).toBe(p === "public" ? "allow" : "unauthenticated");
  });

  it("hides workspaces the caller has no role in behind 404, for every workspace permission", async () => {
    for (const p of PERMISSIONS.filter((x) => x.startsWith("workspace:")))
      expect(await outcome(p, user(), undefined)).toBe("not_found");
  });

  it("grants by role, weakest first, and lets contributors edit only what they own", async () => {
    const table: Record<string, Record<Role, string>> = {
      "workspace:read": { viewer: "allow", contributor: "allow", editor: "allow", admin: "allow" },
      "workspace:contribute": { viewer: "forbidden", contributor: "allow", editor: "allow", admin: "allow" },
      "workspace:edit": { viewer: "forbidden", contributor: "forbidden", editor: "allow", admin: "allow" },
      "workspace:admin": {
        viewer: "forbidden",
        contributor: "forbidden",
        editor: "forbidden",
        admin: "allow",
      },
    };
    for (const [permission, row] of Object.entries(table))
      for (const role of ROLES) expect(await outcome(permission as Permission, user(), role)).toBe(row[role]);
    expect(await outcome("workspace:edit-owned", user(), "contributor", true)).toBe("allow");
    expect(await outcome("workspace:edit-owned", user(), "contributor", false)).toBe("forbidden");
    expect(await outcome("workspace:edit-owned", user(), "viewer", true)).toBe("forbidden");
    expect(await outcome("workspace:edit-owned", user(), "editor", false)).toBe("allow");
  });

  it("keeps tokens to their workspace and away from person-only routes", async () => {
    expect(roleWithoutMembership(token("editor"), "w1")).toBe("editor");
    expect(roleWithoutMembership(token("admin"), "w2")).toBeUndefined();
    expect(roleWithoutMembership(user(true), "anything")).toBe("admin");
    expect(roleWithoutMembership(user(false), "w1")).toBeUndefined();
    expect(await outcome("user", token("admin"))).toBe("forbidden");
    expect(await outcome("instance-admin", token("admin"))).toBe("forbidden");
    expect(await outcome("instance-admin", user(false))).toBe("forbidden");
    expect(await outcome("instance-admin", user(true))).toBe("allow");
    expect(await outcome("signed-in", token("viewer"))).toBe("allow");
  });
});
