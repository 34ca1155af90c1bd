// Preloaded into every Node process a benchmark run starts (NODE_OPTIONS=--require): at exit it writes
// the process's own CPU time and peak resident memory, which Node cannot read for its children.
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.AUDIT_LINT_BENCH_RUSAGE;
if (dir) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const record = { pid: process.pid, userUs: usage.userCPUTime, systemUs: usage.systemCPUTime, maxRssKb: usage.maxRSS };
    fs.writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify(record));
  });
}
