// Preloaded into benchmark children: writes the process's peak RSS (KB) where the parent asked, on exit. A process
// of the command's own (fill's heap child) writes there too: the file keeps the largest.
const fs = require('fs');
process.on('exit', () => {
  const file = process.env.AWARD_TALLY_RSS_FILE;
  if (!file) return;
  let kb = process.resourceUsage().maxRSS;
  try {
    kb = Math.max(kb, Number(fs.readFileSync(file, 'utf8')) || 0);
  } catch {
    // first writer
  }
  fs.writeFileSync(file, String(kb));
});
