import { createHash, randomUUID } from "node:crypto";
import { CompiledQuery, type Kysely, sql, type Transaction } from "kysely";
import { AppError, type Problem } from "../domain/errors.js";
import { issuesFromZod, type PlanIssue } from "../domain/plan-issue.js";
import { checkReferences } from "../domain/plan-references.js";
import {
  checkinShape,
  ENTITY_SECTIONS,
  ENTITY_SINGULAR,
  type EntitySection,
  type Plan,
  planSchema,
  SECTION_SCHEMAS,
} from "../domain/plan-schema.js";
import { dropNulls, todayUtc } from "../domain/primitives.js";
import { entity } from "../domain/unknown-keys.js";
import { analyse } from "../engine/analyse.js";
import { RULES } from "../engine/registry.js";
import { checkRulesConfig } from "../engine/rule-config.js";
import { FreshReads } from "./fresh-reads.js";
import { OwnedVersions, type VersionReads } from "./owned-versions.js";
import { type Item, rowData, sameData, sectionItems, workspaceFieldsOf } from "./plan-rows.js";
import type { Database } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  version: number;
  organisation: string;
  createdAt: string;
  updatedAt: string;
}

export interface WriteOptions {
  /** Who writes, for the audit log (a user's e-mail, a token's name, "cli"). */
  actor: string;
  /** The version the writer last saw: a different current version is a stale write (412). */
  expectedVersion?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type StoredItem = Item & { version: number };

/** Metric fields whose change is written to the metric's definition history. */
const TRACKED_METRIC_FIELDS = ["kind", "target", "due", "priorities"] as const;
const checkinSchema = entity(checkinShape);
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const BATCH = 500;
const VERSION_QUERY = 'select "id", "version" from "workspaces" where "slug" = $1';

interface Loaded {
  workspace: Workspace;
  plan: Plan;
  versions: Map<string, number>;
}

/**
 * Workspaces and their plans in PostgreSQL (or PGlite). Every write runs in one transaction
 * that locks the workspace row, applies the change to the plan in memory, validates the whole
 * result with the domain schemas and reference checks (so nothing invalid is ever stored),
 * writes only what changed, and appends the audit log and an analysis snapshot. Every query
 * is scoped by workspace_id.
 */
export class WorkspaceStore {
  /** Workspace versions: remembered when this process alone writes, else read fresh each time. */
  private readonly versions: VersionReads<{ id: string; version: number }>;

  constructor(
    readonly db: Kysely<Database>,
    private readonly today: () => string = () => todayUtc(),
    options: { exclusive?: boolean } = {},
  ) {
    const load = async (slug: string) => {
      // Compiled once: this runs on every cached read, where building the query showed up.
      const { rows } = await this.db.executeQuery<{ id: string; version: number }>(
        CompiledQuery.raw(VERSION_QUERY, [slug]),
      );
      const row = rows[0];
      return row && { id: row.id, version: Number(row.version) };
    };
    this.versions = options.exclusive ? new OwnedVersions(load) : new FreshReads(load);
  }

  /** Every write goes through here: one transaction, and the version reads told of it. */
  private transact<T>(change: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.versions.write(() => this.db.transaction().execute(change));
  }

  // ---- workspaces --------------------------------------------------------------------------

  async listWorkspaces(): Promise<Workspace[]> {
    const rows = await this.db.selectFrom("workspaces").selectAll().orderBy("slug").execute();
    return rows.map(toWorkspace);
  }

  async findWorkspace(slug: string): Promise<Workspace | undefined> {
    const row = await this.db
      .selectFrom("workspaces")
      .selectAll()
      .where("slug", "=", slug)
      .executeTakeFirst();
    return row ? toWorkspace(row) : undefined;
  }

  /** Just the id and version: the cheap check behind every version-keyed cache. */
  async workspaceVersion(slug: string): Promise<{ id: string; version: number }> {
    const found = await this.versions.read(slug);
    if (!found) throw notFound("workspace", slug);
    return found;
  }

  async getWorkspace(slug: string): Promise<Workspace> {
    const ws = await this.findWorkspace(slug);
    if (!ws) throw notFound("workspace", slug);
    return ws;
  }

  /** A new, empty workspace (a valid plan with no entries). */
  async createWorkspace(
    input: { slug: string; name: string; plan?: Plan },
    options: WriteOptions,
  ): Promise<Workspace> {
    checkSlug(input.slug);
    const year = this.today().slice(0, 4);
    const plan: Plan = input.plan ?? {
      version: 1,
      organisation: input.name,
      cycle: { name: year, start: `${year}-01-01`, end: `${year}-12-31` },
      people: [],
      teams: [],
      priorities: [],
    };
    return this.transact(async (tx) => {
      const existing = await tx
        .selectFrom("workspaces")
        .select("id")
        .where("slug", "=", input.slug)
        .executeTakeFirst();
      if (existing)
        throw new AppError("conflict", `A workspace "${input.slug}" already exists`, {
          problems: [{ path: ["slug"], message: `"${input.slug}" is taken` }],
        });
      const id = randomUUID();
      const fields = workspaceFieldsOf(plan);
      await tx
        .insertInto("workspaces")
        .values({
          id,
          slug: input.slug,
          name: input.name,
          version: 0,
          organisation: fields.organisation,
          as_of: fields.asOf ?? null,
          cycle: JSON.stringify(fields.cycle),
          rules: fields.rules ? JSON.stringify(fields.rules) : null,
          extensions: fields.extensions ? JSON.stringify(fields.extensions) : null,
        })
        .execute();
      await this.audit(tx, id, options.actor, "create", "workspace", input.slug, null, {
        slug: input.slug,
        name: input.name,
      });
      const ws = await this.lock(tx, input.slug);
      await this.persist(tx, ws, emptyLike(plan), plan, options.actor, "replace");
      return this.lock(tx, input.slug);
    });
  }

  async updateWorkspace(
    slug: string,
    patch: { name?: string; slug?: string },
    options: WriteOptions,
  ): Promise<Workspace> {
    return this.transact(async (tx) => {
      const ws = await this.lock(tx, slug);
      checkVersion(ws.version, options.expectedVersion, ws);
      if (patch.slug !== undefined && patch.slug !== slug) {
        checkSlug(patch.slug);
        const taken = await tx
          .selectFrom("workspaces")
          .select("id")
          .where("slug", "=", patch.slug)
          .executeTakeFirst();
        if (taken) throw new AppError("conflict", `A workspace "${patch.slug}" already exists`);
      }
      await tx
        .updateTable("workspaces")
        .set({
          name: patch.name ?? ws.name,
          slug: patch.slug ?? ws.slug,
          version: ws.version + 1,
          updated_at: new Date(),
        })
        .where("id", "=", ws.id)
        .execute();
      await this.audit(
        tx,
        ws.id,
        options.actor,
        "update",
        "workspace",
        ws.slug,
        { name: ws.name, slug: ws.slug },
        patch,
      );
      return this.lock(tx, patch.slug ?? slug);
    });
  }

  async deleteWorkspace(slug: string, options: WriteOptions): Promise<void> {
    await this.transact(async (tx) => {
      const ws = await this.lock(tx, slug);
      checkVersion(ws.version, options.expectedVersion, ws);
      await tx.deleteFrom("workspaces").where("id", "=", ws.id).execute();
    });
  }

  // ---- the whole plan ----------------------------------------------------------------------

  /** The workspace as a plan file's content (entries in their stored order). */
  async readPlan(slug: string): Promise<{ plan: Plan; workspace: Workspace }> {
    // One snapshot of the data: the plan and the version it is at agree even during writes.
    return this.db
      .transaction()
      .setIsolationLevel("repeatable read")
      .execute(async (tx) => {
        const row = await tx.selectFrom("workspaces").selectAll().where("slug", "=", slug).executeTakeFirst();
        if (!row) throw notFound("workspace", slug);
        const ws = toWorkspace(row);
        const { plan } = await this.load(tx, ws);
        return { plan, workspace: ws };
      });
  }

  /**
   * Replaces a workspace's whole content in one transaction, creating the workspace (named
   * after the plan's organisation) when it does not exist. An invalid plan changes nothing.
   */
  async replacePlan(
    slug: string,
    plan: Plan,
    options: WriteOptions,
  ): Promise<{ workspace: Workspace; created: boolean }> {
    checkSlug(slug);
    const problems = validatePlan(plan);
    if (problems.length)
      throw new AppError("invalid_plan", "The plan is not valid; nothing was changed", { problems });
    const existing = await this.findWorkspace(slug);
    if (!existing) {
      if (options.expectedVersion !== undefined) throw notFound("workspace", slug);
      try {
        return {
          workspace: await this.createWorkspace({ slug, name: plan.organisation, plan }, options),
          created: true,
        };
      } catch (error) {
        // Someone created it meanwhile: replace it like any other.
        if (!(error instanceof AppError && error.code === "conflict")) throw error;
      }
    }
    const workspace = await this.transact(async (tx) => {
      const ws = await this.lock(tx, slug);
      checkVersion(ws.version, options.expectedVersion, ws);
      const before = await this.load(tx, ws);
      await this.persist(tx, ws, before.plan, plan, options.actor, "replace", before.versions);
      return this.lock(tx, slug);
    });
    return { workspace, created: false };
  }

  // ---- entries -----------------------------------------------------------------------------

  async list(
    slug: string,
    section: EntitySection,
    page: { limit?: number; cursor?: string } = {},
  ): Promise<Page<StoredItem>> {
    const ws = await this.getWorkspace(slug);
    const limit = Math.min(Math.max(page.limit ?? 50, 1), 500);
    const after = page.cursor === undefined ? -1 : decodeCursor(page.cursor);
    const rows = await this.db
      .selectFrom(section)
      .select(["id", "version", "position", "data"])
      .where("workspace_id", "=", ws.id)
      .where("position", ">", after)
      .orderBy("position")
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map((r) => ({ ...(r.data as Item), version: r.version }));
    if (section === "metrics") await this.attachMetricSeries(this.db, ws.id, items);
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.position) : null };
  }

  async get(slug: string, section: EntitySection, id: string): Promise<StoredItem> {
    const ws = await this.getWorkspace(slug);
    return this.getIn(this.db, ws, section, id);
  }

  async create(
    slug: string,
    section: EntitySection,
    body: unknown,
    options: WriteOptions,
  ): Promise<StoredItem> {
    const item = parseItem(section, body, []);
    return this.write(slug, options, async (draft) => {
      const list = sectionItems(draft, section);
      if (list.some((x) => x.id === item.id))
        throw new AppError("conflict", `A ${ENTITY_SINGULAR[section]} "${item.id}" already exists`, {
          problems: [{ path: ["id"], message: `"${item.id}" is already used` }],
        });
      (draft as Record<string, unknown>)[section] = [...list, item];
      return { section, id: item.id };
    });
  }

  async update(
    slug: string,
    section: EntitySection,
    id: string,
    patch: Record<string, unknown>,
    options: WriteOptions,
  ): Promise<StoredItem> {
    if ("id" in patch && patch.id !== id)
      throw new AppError("invalid_request", "An id cannot be changed", {
        problems: [{ path: ["id"], message: "cannot be changed" }],
      });
    if (section === "metrics" && ("checkins" in patch || "history" in patch))
      throw new AppError("invalid_request", "Check-ins and history are append-only", {
        problems: [
          {
            path: ["checkins" in patch ? "checkins" : "history"],
            message:
              "cannot be edited: post check-ins to /metrics/{id}/checkins; history is written automatically",
          },
        ],
      });
    return this.write(
      slug,
      options,
      async (draft, versions, stored) => {
        const list = sectionItems(draft, section);
        const index = list.findIndex((x) => x.id === id);
        if (index < 0) throw notFound(ENTITY_SINGULAR[section], id);
        const current = list[index];
        await checkItemVersion(versions, section, id, options.expectedVersion, () => stored(section, id));
        const merged: Record<string, unknown> = { ...current };
        for (const [key, value] of Object.entries(patch)) {
          if (value === null) delete merged[key];
          else merged[key] = value;
        }
        list[index] = parseItem(section, merged, []);
        (draft as Record<string, unknown>)[section] = list;
        return { section, id };
      },
      { itemExpectedVersion: true },
    );
  }

  async remove(slug: string, section: EntitySection, id: string, options: WriteOptions): Promise<void> {
    await this.write(
      slug,
      options,
      async (draft, versions, stored) => {
        const list = sectionItems(draft, section);
        if (!list.some((x) => x.id === id)) throw notFound(ENTITY_SINGULAR[section], id);
        await checkItemVersion(versions, section, id, options.expectedVersion, () => stored(section, id));
        (draft as Record<string, unknown>)[section] = list.filter((x) => x.id !== id);
        // A person who leaves stops owning things: the ownership rules then report the gap.
        if (section === "people") forgetPerson(draft, id);
        return undefined;
      },
      { itemExpectedVersion: true },
    );
  }

  async addCheckin(
    slug: string,
    metricId: string,
    body: unknown,
    options: WriteOptions,
  ): Promise<StoredItem> {
    const parsed = checkinSchema.safeParse(dropNulls(structuredClone(body)), { reportInput: true });
    if (!parsed.success)
      throw new AppError("invalid_request", "The check-in is not valid", {
        problems: issuesFromZod(parsed.error),
      });
    return this.write(slug, options, async (draft) => {
      const metric = draft.metrics?.find((m) => m.id === metricId);
      if (!metric) throw notFound("metric", metricId);
      metric.checkins = [
        ...(metric.checkins ?? []),
        parsed.data as NonNullable<typeof metric.checkins>[number],
      ];
      return { section: "metrics", id: metricId };
    });
  }

  /**
   * A change made by a command in its own file (src/store/*.ts) through the one write path:
   * lock, change the plan in memory, validate it whole, write the difference, audit, snapshot.
   */
  async change(
    slug: string,
    options: WriteOptions,
    edit: (draft: Plan) => void | Promise<void>,
  ): Promise<void> {
    await this.write(slug, options, async (draft) => {
      await edit(draft);
      return undefined;
    });
  }

  // ---- history, audit, idempotency ---------------------------------------------------------

  async listSnapshots(slug: string): Promise<
    {
      version: number;
      takenAt: string;
      asOf: string;
      overall: number;
      dimensions: Record<string, number>;
      counts: Record<string, number>;
    }[]
  > {
    const ws = await this.getWorkspace(slug);
    const rows = await this.db
      .selectFrom("snapshots")
      .selectAll()
      .where("workspace_id", "=", ws.id)
      .orderBy("seq")
      .execute();
    return rows.map((r) => ({
      version: r.version,
      takenAt: new Date(r.taken_at).toISOString(),
      asOf: r.as_of,
      overall: r.overall,
      dimensions: r.dimensions as Record<string, number>,
      counts: r.counts as Record<string, number>,
    }));
  }

  async listAudit(
    slug: string,
    filter: {
      entityType?: string;
      entityId?: string;
      actor?: string;
      since?: string;
      until?: string;
      limit?: number;
      cursor?: string;
    } = {},
  ): Promise<
    Page<{
      seq: number;
      at: string;
      actor: string;
      action: string;
      entityType: string;
      entityId: string;
      before: unknown;
      after: unknown;
    }>
  > {
    const ws = await this.getWorkspace(slug);
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    let query = this.db.selectFrom("audit").selectAll().where("workspace_id", "=", ws.id);
    if (filter.entityType) query = query.where("entity_type", "=", filter.entityType);
    if (filter.entityId) query = query.where("entity_id", "=", filter.entityId);
    if (filter.actor) query = query.where("actor", "=", filter.actor);
    if (filter.since) query = query.where("at", ">=", new Date(filter.since));
    if (filter.until) query = query.where("at", "<", new Date(filter.until));
    if (filter.cursor !== undefined) query = query.where("seq", "<", decodeCursor(filter.cursor));
    const rows = await query
      .orderBy("seq", "desc")
      .limit(limit + 1)
      .execute();
    const items = rows.slice(0, limit).map((r) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      actor: r.actor,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before ?? null,
      after: r.after ?? null,
    }));
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null };
  }

  /** Appends one audit row (for writes made outside the store's own methods, e.g. memberships). */
  async appendAudit(entry: {
    workspaceId: string;
    actor: string;
    action: string;
    entityType: string;
    entityId: string;
    before: unknown;
    after: unknown;
  }): Promise<void> {
    await this.audit(
      this.db,
      entry.workspaceId,
      entry.actor,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.before,
      entry.after,
    );
  }

  /**
   * Claims an idempotency key for a request. Returns "claimed" for the first request with the
   * key, else what is stored: the earlier answer, or "pending" while that request still runs.
   * Keys are kept 48 hours (at least the 24 the API promises).
   */
  async claimIdempotencyKey(
    scope: string,
    key: string,
    requestHash: string,
  ): Promise<
    { state: "claimed" } | { state: "pending" | "done"; requestHash: string; status: number; body: unknown }
  > {
    await this.db
      .deleteFrom("idempotency_keys")
      .where("created_at", "<", new Date(Date.now() - 48 * 3600_000))
      .execute();
    const inserted = await this.db
      .insertInto("idempotency_keys")
      .values({ scope, key, request_hash: requestHash, status: 0, body: null })
      .onConflict((oc) => oc.columns(["scope", "key"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { state: "claimed" };
    const row = await this.db
      .selectFrom("idempotency_keys")
      .selectAll()
      .where("scope", "=", scope)
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    return {
      state: row.status === 0 ? "pending" : "done",
      requestHash: row.request_hash,
      status: row.status,
      body: row.body,
    };
  }

  /** Stores the answer given to the request that claimed the key. */
  async completeIdempotencyKey(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db
      .updateTable("idempotency_keys")
      .set({ status, body: JSON.stringify(body ?? null) })
      .where("scope", "=", scope)
      .where("key", "=", key)
      .execute();
  }

  /** Frees a key whose request failed on the server's side, so a retry runs again. */
  async releaseIdempotencyKey(scope: string, key: string): Promise<void> {
    await this.db
      .deleteFrom("idempotency_keys")
      .where("scope", "=", scope)
      .where("key", "=", key)
      .where("status", "=", 0)
      .execute();
  }

  // ---- internals ---------------------------------------------------------------------------

  /** The one write path: lock, load, change in memory, validate, persist the difference. */
  private async write<T extends { section: EntitySection; id: string } | undefined>(
    slug: string,
    options: WriteOptions,
    change: (
      draft: Plan,
      versions: Map<string, number>,
      current: (section: EntitySection, id: string) => Promise<StoredItem>,
    ) => Promise<T>,
    flags: { itemExpectedVersion?: boolean } = {},
  ): Promise<T extends undefined ? void : StoredItem> {
    return this.transact(async (tx) => {
      const ws = await this.lock(tx, slug);
      if (!flags.itemExpectedVersion) checkVersion(ws.version, options.expectedVersion, ws);
      const before = await this.load(tx, ws);
      const draft = structuredClone(before.plan);
      // Inside the transaction: on PGlite a second connection would wait for this one forever.
      const target = await change(draft, before.versions, async (section, id) => {
        // The current item, and who last changed it: what a stale writer needs to decide.
        const item = await this.getIn(tx, ws, section, id);
        const last = await tx
          .selectFrom("audit")
          .select(["actor", "at"])
          .where("workspace_id", "=", ws.id)
          .where("entity_type", "=", ENTITY_SINGULAR[section])
          .where("entity_id", "=", id)
          .orderBy("seq", "desc")
          .limit(1)
          .executeTakeFirst();
        return last ? { ...item, changedBy: last.actor, changedAt: new Date(last.at).toISOString() } : item;
      });
      const problems = validatePlan(draft);
      if (problems.length)
        throw new AppError(
          "invalid_request",
          "The change would leave the plan invalid; nothing was changed",
          { problems },
        );
      await this.persist(tx, ws, before.plan, draft, options.actor, "items", before.versions);
      if (!target) return undefined;
      const after = await this.lock(tx, slug);
      return this.getIn(tx, after, target.section, target.id);
    }) as Promise<T extends undefined ? void : StoredItem>;
  }

  private async getIn(db: Db, ws: Workspace, section: EntitySection, id: string): Promise<StoredItem> {
    const row = await db
      .selectFrom(section)
      .select(["data", "version"])
      .where("workspace_id", "=", ws.id)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound(ENTITY_SINGULAR[section], id);
    const item = { ...(row.data as Item), version: row.version };
    if (section === "metrics") await this.attachMetricSeries(db, ws.id, [item]);
    return item;
  }

  private async attachMetricSeries(db: Db, workspaceId: string, items: Item[]): Promise<void> {
    if (items.length === 0) return;
    const ids = items.map((i) => i.id);
    const [checkins, history] = await Promise.all([
      db
        .selectFrom("checkins")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("metric_id", "in", ids)
        .orderBy("seq")
        .execute(),
      db
        .selectFrom("metric_history")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("metric_id", "in", ids)
        .orderBy("seq")
        .execute(),
    ]);
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const c of checkins) {
      const m = byId.get(c.metric_id);
      if (!m) continue;
      const list = (m.checkins as unknown[] | undefined) ?? [];
      list.push(
        c.note === null ? { date: c.date, value: c.value } : { date: c.date, value: c.value, note: c.note },
      );
      m.checkins = list;
    }
    for (const h of history) {
      const m = byId.get(h.metric_id);
      if (!m) continue;
      const entry: Record<string, unknown> = { date: h.date, field: h.field };
      if (h.from_value !== null) entry.from = h.from_value;
      if (h.to_value !== null) entry.to = h.to_value;
      m.history = [...((m.history as unknown[] | undefined) ?? []), entry];
    }
  }

  /** Locks the workspace row for the rest of the transaction: writes to one workspace queue up. */
  private async lock(tx: Db, slug: string): Promise<Workspace> {
    const row = await tx
      .selectFrom("workspaces")
      .selectAll()
      .where("slug", "=", slug)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound("workspace", slug);
    return toWorkspace(row);
  }

  private async load(db: Db, ws: Workspace): Promise<Loaded> {
    const row = await db
      .selectFrom("workspaces")
      .selectAll()
      .where("id", "=", ws.id)
      .executeTakeFirstOrThrow();
    const plan: Record<string, unknown> = {
      version: 1,
      organisation: row.organisation,
      ...(row.as_of ? { asOf: row.as_of } : {}),
      cycle: row.cycle,
    };
    const versions = new Map<string, number>();
    const sections = await Promise.all(
      ENTITY_SECTIONS.map((section) =>
        db
          .selectFrom(section)
          .select(["id", "version", "data"])
          .where("workspace_id", "=", ws.id)
          .orderBy("position")
          .execute(),
      ),
    );
    ENTITY_SECTIONS.forEach((section, i) => {
      const items = sections[i].map((r) => {
        versions.set(versionKey(section, r.id), r.version);
        return r.data as Item;
      });
      plan[section] = items;
    });
    await this.attachMetricSeries(db, ws.id, plan.metrics as Item[]);
    if (row.rules) plan.rules = row.rules;
    if (row.extensions) Object.assign(plan, row.extensions as Record<string, unknown>);
    return { workspace: ws, plan: plan as unknown as Plan, versions };
  }

  /**
   * Writes the difference between two valid plans. `replace` takes check-ins and history as
   * the plan says and audits the replacement once; `items` appends new check-ins, writes the
   * definition history of changed metrics, and audits each changed entry.
   */
  private async persist(
    tx: Db,
    ws: Workspace,
    before: Plan,
    after: Plan,
    actor: string,
    mode: "replace" | "items",
    versions: Map<string, number> = new Map(),
  ): Promise<void> {
    const now = new Date();
    const counts: Record<string, number> = {};
    for (const section of ENTITY_SECTIONS) {
      const old = new Map(
        sectionItems(before, section).map((item, position) => [item.id, { item, position }]),
      );
      const next = sectionItems(after, section);
      counts[section] = next.length;
      const inserts: Item[] = [];
      const insertPositions: number[] = [];
      for (const [position, item] of next.entries()) {
        const prior = old.get(item.id);
        old.delete(item.id);
        if (!prior) {
          inserts.push(item);
          insertPositions.push(position);
          if (mode === "items")
            await this.audit(tx, ws.id, actor, "create", ENTITY_SINGULAR[section], item.id, null, item);
          continue;
        }
        const changed = !sameData(rowData(section, prior.item), rowData(section, item));
        if (changed || prior.position !== position) {
          await tx
            .updateTable(section)
            .set({
              data: JSON.stringify(rowData(section, item)),
              position,
              version: changed ? (versions.get(versionKey(section, item.id)) ?? 1) + 1 : sql`version`,
              updated_at: now,
            })
            .where("workspace_id", "=", ws.id)
            .where("id", "=", item.id)
            .execute();
        }
        if (changed && mode === "items")
          await this.audit(
            tx,
            ws.id,
            actor,
            "update",
            ENTITY_SINGULAR[section],
            item.id,
            rowData(section, prior.item),
            rowData(section, item),
          );
        if (section === "metrics") await this.persistSeries(tx, ws.id, prior.item, item, mode, actor);
      }
      for (const [id, { item }] of old) {
        await tx.deleteFrom(section).where("workspace_id", "=", ws.id).where("id", "=", id).execute();
        if (mode === "items")
          await this.audit(tx, ws.id, actor, "delete", ENTITY_SINGULAR[section], id, item, null);
      }
      for (let i = 0; i < inserts.length; i += BATCH) {
        const chunk = inserts.slice(i, i + BATCH);
        await tx
          .insertInto(section)
          .values(
            chunk.map((item, j) => ({
              workspace_id: ws.id,
              id: item.id,
              position: insertPositions[i + j],
              version: 1,
              data: JSON.stringify(rowData(section, item)),
            })),
          )
          .execute();
      }
      if (section === "metrics")
        for (const item of inserts) await this.persistSeries(tx, ws.id, undefined, item, "replace", actor);
    }

    const fields = workspaceFieldsOf(after);
    const version = ws.version + 1;
    await tx
      .updateTable("workspaces")
      .set({
        version,
        organisation: fields.organisation,
        as_of: fields.asOf ?? null,
        cycle: JSON.stringify(fields.cycle),
        rules: fields.rules ? JSON.stringify(fields.rules) : null,
        extensions: fields.extensions ? JSON.stringify(fields.extensions) : null,
        updated_at: now,
      })
      .where("id", "=", ws.id)
      .execute();
    if (mode === "replace")
      await this.audit(
        tx,
        ws.id,
        actor,
        "replace",
        "plan",
        ws.slug,
        { version: ws.version },
        { version, counts },
      );
    else if (!sameData(workspaceFieldsOf(before), fields))
      await this.audit(tx, ws.id, actor, "update", "workspace", ws.slug, workspaceFieldsOf(before), fields);

    // The index over time: one snapshot per version, taken in the same transaction as the change.
    const asOf = after.asOf ?? this.today();
    const { index, findings } = analyse(after, { asOf });
    const bySeverity = { error: 0, warning: 0, info: 0 };
    for (const f of findings) bySeverity[f.severity]++;
    await tx
      .insertInto("snapshots")
      .values({
        workspace_id: ws.id,
        version,
        as_of: asOf,
        overall: index.overall,
        dimensions: JSON.stringify(index.dimensions),
        counts: JSON.stringify(bySeverity),
      })
      .execute();
  }

  private async persistSeries(
    tx: Db,
    workspaceId: string,
    prior: Item | undefined,
    item: Item,
    mode: "replace" | "items",
    actor: string,
  ): Promise<void> {
    const oldCheckins = (prior?.checkins as unknown[] | undefined) ?? [];
    const newCheckins = (item.checkins as { date: string; value: number; note?: string }[] | undefined) ?? [];
    const appended =
      oldCheckins.length <= newCheckins.length &&
      sameData(oldCheckins, newCheckins.slice(0, oldCheckins.length));
    if (!appended || (mode === "replace" && !sameData(oldCheckins, newCheckins))) {
      if (prior)
        await tx
          .deleteFrom("checkins")
          .where("workspace_id", "=", workspaceId)
          .where("metric_id", "=", item.id)
          .execute();
      await insertCheckins(tx, workspaceId, item.id, newCheckins);
      // Check-ins live outside the metric's row, so the metric's own audit entry does not show them.
      if (mode === "items" && prior)
        await this.audit(tx, workspaceId, actor, "update", "checkins", item.id, oldCheckins, newCheckins);
    } else if (newCheckins.length > oldCheckins.length) {
      const added = newCheckins.slice(oldCheckins.length);
      await insertCheckins(tx, workspaceId, item.id, added);
      if (mode === "items")
        for (const checkin of added)
          await this.audit(tx, workspaceId, actor, "create", "checkin", item.id, null, checkin);
    }

    const oldHistory = (prior?.history as unknown[] | undefined) ?? [];
    const newHistory =
      (item.history as { date: string; field: string; from?: unknown; to?: unknown }[] | undefined) ?? [];
    if (mode === "replace") {
      if (prior && sameData(oldHistory, newHistory)) return;
      if (prior)
        await tx
          .deleteFrom("metric_history")
          .where("workspace_id", "=", workspaceId)
          .where("metric_id", "=", item.id)
          .execute();
      await insertHistory(tx, workspaceId, item.id, newHistory);
      return;
    }
    if (!prior) return;
    const changes = TRACKED_METRIC_FIELDS.filter((f) => !sameData(prior[f] ?? null, item[f] ?? null)).map(
      (field) => ({
        date: this.today(),
        field,
        from: prior[field],
        to: item[field],
      }),
    );
    await insertHistory(tx, workspaceId, item.id, changes);
  }

  private async audit(
    db: Db,
    workspaceId: string,
    actor: string,
    action: string,
    entityType: string,
    entityId: string,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    await db
      .insertInto("audit")
      .values({
        workspace_id: workspaceId,
        actor,
        action,
        entity_type: entityType,
        entity_id: entityId,
        before: before === null || before === undefined ? null : JSON.stringify(before),
        after: after === null || after === undefined ? null : JSON.stringify(after),
      })
      .execute();
  }
}

async function insertCheckins(
  tx: Db,
  workspaceId: string,
  metricId: string,
  checkins: { date: string; value: number; note?: string }[],
): Promise<void> {
  for (let i = 0; i < checkins.length; i += BATCH)
    await tx
      .insertInto("checkins")
      .values(
        checkins.slice(i, i + BATCH).map((c) => ({
          workspace_id: workspaceId,
          metric_id: metricId,
          date: c.date,
          value: c.value,
          note: c.note ?? null,
        })),
      )
      .execute();
}

async function insertHistory(
  tx: Db,
  workspaceId: string,
  metricId: string,
  entries: { date: string; field: string; from?: unknown; to?: unknown }[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insertInto("metric_history")
    .values(
      entries.map((h) => ({
        workspace_id: workspaceId,
        metric_id: metricId,
        date: h.date,
        field: h.field,
        from_value: h.from === undefined ? null : JSON.stringify(h.from),
        to_value: h.to === undefined ? null : JSON.stringify(h.to),
      })),
    )
    .execute();
}

/** Every problem of a whole plan: shape, references, the rules section. */
export function validatePlan(plan: unknown): Problem[] {
  const parsed = planSchema.safeParse(plan, { reportInput: true });
  const issues: PlanIssue[] = parsed.success ? [] : issuesFromZod(parsed.error);
  issues.push(...checkReferences(plan));
  if (parsed.success) issues.push(...checkRulesConfig(parsed.data.rules, RULES));
  return issues;
}

function parseItem(section: EntitySection, body: unknown, prefix: (string | number)[]): Item {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new AppError("invalid_request", `A ${ENTITY_SINGULAR[section]} must be a JSON object`);
  const parsed = SECTION_SCHEMAS[section].safeParse(dropNulls(structuredClone(body)), { reportInput: true });
  if (!parsed.success)
    throw new AppError(
      "invalid_request",
      `The ${ENTITY_SINGULAR[section]} is not valid; nothing was changed`,
      {
        problems: issuesFromZod(parsed.error).map((i) => ({ ...i, path: [...prefix, ...i.path] })),
      },
    );
  return parsed.data as Item;
}

/** Removes a departed person from every owner field, so the ownership rules see the gap. */
function forgetPerson(plan: Plan, personId: string): void {
  for (const p of plan.priorities) {
    if (p.owner === personId) p.owner = undefined;
    else if (Array.isArray(p.owner)) p.owner = p.owner.filter((o) => o !== personId);
    for (const r of p.resistance ?? []) if (r.change?.owner === personId) r.change = undefined;
  }
  for (const i of plan.initiatives ?? []) if (i.owner === personId) i.owner = undefined;
  for (const d of plan.decisions ?? []) if (d.decidedBy === personId) d.decidedBy = undefined;
  for (const p of plan.priorities) {
    if (p.owner === undefined) delete (p as Record<string, unknown>).owner;
    for (const r of p.resistance ?? [])
      if (r.change === undefined) delete (r as Record<string, unknown>).change;
  }
  for (const i of plan.initiatives ?? [])
    if (i.owner === undefined) delete (i as Record<string, unknown>).owner;
  for (const d of plan.decisions ?? [])
    if (d.decidedBy === undefined) delete (d as Record<string, unknown>).decidedBy;
}

async function checkItemVersion(
  versions: Map<string, number>,
  section: EntitySection,
  id: string,
  expected: number | undefined,
  current: () => Promise<StoredItem>,
): Promise<void> {
  if (expected === undefined) return;
  const version = versions.get(versionKey(section, id));
  if (version !== expected)
    throw new AppError(
      "stale_version",
      `The ${ENTITY_SINGULAR[section]} "${id}" has changed since version ${expected}`,
      {
        details: { current: await current() },
      },
    );
}

function checkVersion(version: number, expected: number | undefined, ws: Workspace): void {
  if (expected !== undefined && expected !== version)
    throw new AppError("stale_version", `The workspace "${ws.slug}" has changed since version ${expected}`, {
      details: { current: ws },
    });
}

function checkSlug(slug: string): void {
  if (!SLUG.test(slug))
    throw new AppError("invalid_request", `"${slug}" is not a valid workspace slug`, {
      problems: [
        {
          path: ["slug"],
          message: "must be 1–63 lowercase letters, digits and hyphens, starting with a letter or digit",
        },
      ],
    });
}

function notFound(what: string, id: string): AppError {
  return new AppError("not_found", `No ${what} "${id}"`);
}

function versionKey(section: string, id: string): string {
  return `${section}\u0000${id}`;
}

function emptyLike(plan: Plan): Plan {
  return {
    ...plan,
    people: [],
    teams: [],
    priorities: [],
    metrics: [],
    initiatives: [],
    stops: [],
    promises: [],
    insights: [],
    decisions: [],
    reviews: [],
  };
}

function toWorkspace(r: Record<string, unknown>): Workspace {
  return {
    id: String(r.id),
    slug: String(r.slug),
    name: String(r.name),
    version: Number(r.version),
    organisation: String(r.organisation),
    createdAt: new Date(r.created_at as string).toISOString(),
    updatedAt: new Date(r.updated_at as string).toISOString(),
  };
}

function encodeCursor(n: number): string {
  return Buffer.from(String(n)).toString("base64url");
}

function decodeCursor(cursor: string): number {
  const n = Number(Buffer.from(cursor, "base64url").toString());
  if (!Number.isInteger(n))
    throw new AppError("invalid_request", "The cursor is not valid", {
      problems: [{ path: ["cursor"], message: "is not a cursor this API gave" }],
    });
  return n;
}

/** A stable hash of a request body, for idempotency keys. */
export function requestHash(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(value ?? null))
    .digest("hex");
}
