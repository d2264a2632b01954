/*
 * Request bodies from an edited entry. POST takes the entry as it is (absent fields are simply
 * not there). PATCH merges into the stored entry, where a missing key means "unchanged", so a
 * field the person cleared must be sent as null, which the API reads as "remove it".
 */

type Entry = Record<string, unknown>;

/** The body of POST /<section>: the entry, with nothing undefined in it. */
export function createBody(entry: Entry): Entry {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}

/**
 * The body of PATCH /<section>/:id. Every shown field is sent (so "Overwrite with mine" means
 * what it says), null for one that was there and is now empty; keys the form does not show
 * (x- extensions) are sent back as they were; the id, which cannot change, and the excluded
 * keys (metric check-ins and history, append-only) are never sent.
 */
export function patchBody(
  original: Entry,
  entry: Entry,
  fieldKeys: readonly string[],
  excluded: readonly string[] = [],
): Entry {
  const patch: Entry = {};
  for (const key of fieldKeys) {
    if (key === "id") continue;
    if (entry[key] !== undefined) patch[key] = entry[key];
    else if (original[key] !== undefined && original[key] !== null) patch[key] = null;
  }
  for (const [key, value] of Object.entries(entry))
    if (key !== "id" && !fieldKeys.includes(key) && !excluded.includes(key) && value !== undefined)
      patch[key] = value;
  return patch;
}
