import { ownsFromFacts } from "../../domain/ownership.js";
import type { Store } from "../../store/index.js";
import { ownershipFacts } from "../../store/index.js";
import type { AuthBackend } from "./auth-backend.js";

/** Auth over the real store: the same database and its workspaces. */
export function storeAuthBackend(store: Store): AuthBackend {
  return {
    db: store.db,
    findWorkspace: async (slug) => {
      const workspace = await store.workspaces.findWorkspace(slug);
      return workspace && { id: workspace.id, slug: workspace.slug };
    },
    ownsItem: async (workspaceId, collection, itemId, email) => {
      const facts = await ownershipFacts(store.db, workspaceId, collection, itemId);
      return facts && ownsFromFacts(collection, email, facts);
    },
  };
}
