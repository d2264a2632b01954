// Preloaded into a measured child process: reports its peak resident memory when it exits.
process.on("exit", () => {
  process.stderr.write(`\npeak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
