/**
 * Writes a value as `JSON.stringify(value, null, 2)` would, but in pieces: a lint report of a
 * large plan is megabytes, and building it as one string (then one buffer) would double the
 * memory the output needs. Lists of objects are written one element at a time.
 */
export function writeJson(value: unknown, write: (chunk: string) => void, indent = 0): void {
  const pad = " ".repeat(indent);
  if (Array.isArray(value) && value.length > 0) {
    write("[\n");
    value.forEach((item, i) => {
      write(`${pad}  `);
      writeJson(item, write, indent + 2);
      write(i < value.length - 1 ? ",\n" : "\n");
    });
    write(`${pad}]`);
    return;
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function");
    if (entries.length === 0) {
      write("{}");
      return;
    }
    write("{\n");
    entries.forEach(([key, v], i) => {
      write(`${pad}  ${JSON.stringify(key)}: `);
      if (Array.isArray(v) && v.length > 0) writeJson(v, write, indent + 2);
      else write(JSON.stringify(v, null, 2).replaceAll("\n", `\n${pad}  `));
      write(i < entries.length - 1 ? ",\n" : "\n");
    });
    write(`${pad}}`);
    return;
  }
  write(JSON.stringify(value, null, 2).replaceAll("\n", `\n${pad}`));
}
